package org.diptych.glossary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A project's glossary: concepts with their terms per language. Immutable.
 *
 * <p>Besides highlighting terms in the desk it is bilingual evidence for the aligner: {@link #pairs} gives
 * the term pairs of a language pair in the shape of the aligner's lexicon entries.
 */
public record Glossary(List<GlossaryEntry> entries) {
    public static final Glossary EMPTY = new Glossary(List.of());

    /** A pair of terms that translate each other. */
    public record TermPair(String source, String target) {}

    public Glossary {
        entries = List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    /**
     * This glossary with the entries of {@code other} added; an entry whose terms are all in one entry
     * already is left out.
     *
     * @return the merged glossary
     */
    public Glossary merge(Glossary other) {
        List<GlossaryEntry> all = new ArrayList<>(entries);
        for (GlossaryEntry e : other.entries) {
            if (all.stream().noneMatch(x -> covers(x, e))) all.add(e);
        }
        return new Glossary(all);
    }

    private static boolean covers(GlossaryEntry have, GlossaryEntry e) {
        for (var t : e.terms().entrySet()) {
            Set<String> h = new LinkedHashSet<>();
            for (String s : have.terms(t.getKey())) h.add(s.toLowerCase(java.util.Locale.ROOT));
            for (String s : t.getValue()) if (!h.contains(s.toLowerCase(java.util.Locale.ROOT))) return false;
        }
        return true;
    }

    /**
     * Every pair of a source-language term and a target-language term of the same entry, preferred terms
     * first. (For the aligner: {@code Lexicon.of(src, tgt, pairs → Lexicon.Entry)}.)
     */
    public List<TermPair> pairs(String sourceLang, String targetLang) {
        List<TermPair> out = new ArrayList<>();
        for (GlossaryEntry e : entries) {
            for (String s : e.terms(sourceLang)) {
                for (String t : e.terms(targetLang)) out.add(new TermPair(s, t));
            }
        }
        return out;
    }
}
