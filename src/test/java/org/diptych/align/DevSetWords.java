package org.diptych.align;

import java.util.ArrayList;
import java.util.List;

/**
 * For the benchmarks (test sources): the project's stored word model ({@link StoredLexicon}) trained on given
 * beads, as a project would hold it after its reviewers confirmed them, without a project folder.
 */
public final class DevSetWords {
    private DevSetWords() {}

    /** One source's counts (a statement whose beads are all confirmed), from its {source text, target text} pairs. */
    public static Object train(String id, String sourceLang, String targetLang, List<String[]> pairs) {
        String[] ab = StoredLexicon.order(sourceLang, targetLang);
        boolean swapped = !org.diptych.model.Languages.base(sourceLang).equals(ab[0]);
        List<String[]> oriented = new ArrayList<>();
        for (String[] p : pairs) oriented.add(swapped ? new String[] {p[1], p[0]} : p);
        double[] w = new double[oriented.size()];
        java.util.Arrays.fill(w, StoredLexicon.CONFIRMED);
        return StoredLexicon.train(ProjectLexicon.STATEMENT, id, "bench", ab[0], ab[1], oriented, w);
    }

    /** The lexicon holding only the word model summed over these sources (of {@link #train}); null if they hold nothing. */
    public static Lexicon lexicon(String sourceLang, String targetLang, List<Object> sections) {
        String[] ab = StoredLexicon.order(sourceLang, targetLang);
        List<StoredLexicon.Section> s = new ArrayList<>();
        for (Object o : sections) s.add((StoredLexicon.Section) o);
        WordTable t = StoredLexicon.table(ab[0], ab[1], s);
        return t == null ? null : Lexicon.withWords(null, t);
    }
}
