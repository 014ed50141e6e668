package org.diptych.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a glossary's terms in texts of one language pair, by stems ({@link TermAnalyzer}): in a source
 * text, with the translations to offer; in a target text, whether an entry's translation was used.
 * Immutable and thread-safe once built.
 */
public final class GlossaryMatcher {
    private record Compiled(GlossaryEntry entry, String term, List<String> stems, List<List<String>> targets) {}

    private final String sourceLang;
    private final String targetLang;
    private final List<Compiled> terms = new ArrayList<>();

    public GlossaryMatcher(Glossary glossary, String sourceLang, String targetLang) {
        this.sourceLang = sourceLang;
        this.targetLang = targetLang;
        for (GlossaryEntry e : glossary.entries()) {
            List<String> tr = e.terms(targetLang);
            if (tr.isEmpty()) continue;
            List<List<String>> targets = new ArrayList<>();
            for (String t : tr) {
                List<String> st = TermAnalyzer.stems(t, targetLang);
                if (!st.isEmpty()) targets.add(st);
            }
            for (String s : e.terms(sourceLang)) {
                List<String> st = TermAnalyzer.stems(s, sourceLang);
                if (!st.isEmpty()) terms.add(new Compiled(e, s, st, targets));
            }
        }
        // longest terms first: "право на забастовку" wins over "право"
        terms.sort(Comparator.comparingInt((Compiled c) -> -c.stems.size()));
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The terms found in a source-language text, in text order, not overlapping (longer terms win). */
    public List<TermHit> find(String sourceText) {
        List<TermAnalyzer.Token> tokens = TermAnalyzer.tokens(sourceText, sourceLang);
        boolean[] taken = new boolean[tokens.size()];
        List<TermHit> hits = new ArrayList<>();
        for (Compiled c : terms) {
            int n = c.stems.size();
            for (int i = 0; i + n <= tokens.size(); i++) {
                if (!matches(tokens, i, c.stems, taken)) continue;
                for (int k = i; k < i + n; k++) taken[k] = true;
                int start = tokens.get(i).start();
                int end = tokens.get(i + n - 1).end();
                hits.add(new TermHit(start, end, sourceText.substring(start, end), c.term, c.entry.terms(targetLang), c.entry));
                i += n - 1;
            }
        }
        hits.sort(Comparator.comparingInt(TermHit::start));
        return hits;
    }

    /** True if the target-language text uses one of the entry's target terms (in any inflected form). */
    public boolean usedIn(String targetText, GlossaryEntry entry) {
        List<String> stems = TermAnalyzer.stems(targetText, targetLang);
        for (String t : entry.terms(targetLang)) {
            List<String> st = TermAnalyzer.stems(t, targetLang);
            if (!st.isEmpty() && indexOf(stems, st) >= 0) return true;
        }
        return false;
    }

    private static boolean matches(List<TermAnalyzer.Token> tokens, int i, List<String> stems, boolean[] taken) {
        for (int k = 0; k < stems.size(); k++) {
            if (taken[i + k] || !tokens.get(i + k).stem().equals(stems.get(k))) return false;
        }
        return true;
    }

    private static int indexOf(List<String> hay, List<String> needle) {
        for (int i = 0; i + needle.size() <= hay.size(); i++) {
            if (hay.subList(i, i + needle.size()).equals(needle)) return i;
        }
        return -1;
    }
}
