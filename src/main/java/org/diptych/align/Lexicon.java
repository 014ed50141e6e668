package org.diptych.align;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Languages;
import org.diptych.model.Paragraph;

/**
 * Pairs of words or terms known to translate each other, per language pair: the alignment's bilingual
 * evidence. A lexicon can come from a glossary ({@link #of}), from translation-memory units or any list of
 * aligned segments ({@link #learnFromPairs}), and from beads a reviewer confirmed ({@link #learnFrom});
 * {@link #and} combines them. The aligner compares words by {@link #stem stems}, so an entry matches
 * inflected forms ("права", "правами").
 */
public interface Lexicon {
    /**
     * One pair. {@code source} and {@code target} are words or multi-word terms; an entry matches a
     * paragraph when all of its words' stems occur in it.
     */
    record Entry(String source, String target) {}

    /**
     * The entries that translate from {@code sourceLang} into {@code targetLang} (any region ignored);
     * entries held for the opposite direction are returned swapped.
     */
    List<Entry> entries(String sourceLang, String targetLang);

    /** The lexicon that knows nothing. */
    static Lexicon empty() {
        return (s, t) -> List.of();
    }

    /** A fixed lexicon for one language pair (usable in both directions), e.g. read from a glossary. */
    static Lexicon of(String sourceLang, String targetLang, Collection<Entry> entries) {
        String sl = Languages.base(sourceLang), tl = Languages.base(targetLang);
        List<Entry> copy = List.copyOf(entries);
        return (s, t) -> {
            String a = Languages.base(s), b = Languages.base(t);
            if (a.equals(sl) && b.equals(tl)) return copy;
            if (a.equals(tl) && b.equals(sl)) {
                List<Entry> swapped = new ArrayList<>(copy.size());
                for (Entry e : copy) swapped.add(new Entry(e.target(), e.source()));
                return swapped;
            }
            return List.of();
        };
    }

    /**
     * Word translation probabilities (IBM Model 1) from {@code sourceLang} into {@code targetLang}, which the
     * aligner reads as a term of its cost model beside these entries; {@code null} (the default) for none.
     */
    default WordTable words(String sourceLang, String targetLang) {
        return null;
    }

    /** This lexicon and another: the entries of both, without duplicates; the words of the first that has some. */
    default Lexicon and(Lexicon other) {
        Lexicon self = this;
        return new Lexicon() {
            @Override
            public List<Entry> entries(String s, String t) {
                Set<Entry> all = new LinkedHashSet<>(self.entries(s, t));
                all.addAll(other.entries(s, t));
                return List.copyOf(all);
            }

            @Override
            public WordTable words(String s, String t) {
                WordTable w = self.words(s, t);
                return w != null ? w : other.words(s, t);
            }
        };
    }

    /**
     * {@code entries} (or no entries, if {@code null}) with the word model {@code words} (for its language pair,
     * either direction).
     */
    static Lexicon withWords(Lexicon entries, WordTable words) {
        Lexicon base = entries == null ? empty() : entries;
        return new Lexicon() {
            @Override
            public List<Entry> entries(String s, String t) {
                return base.entries(s, t);
            }

            @Override
            public WordTable words(String s, String t) {
                return words.oriented(s, t);
            }
        };
    }

    /**
     * The comparison form of a word: lower case, accents and non-letters dropped, ё as е, cut to five
     * letters (a crude stem that absorbs most Russian and Portuguese endings).
     */
    static String stem(String word) {
        return LexiconIndex.stem(word.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Why a bead holds, as far as a lexicon can tell: the entries of {@code lexicon} for
     * {@code sourceLang}→{@code targetLang} whose source side occurs in {@code sourceText} and whose target side
     * occurs in {@code targetText} (compared by {@link #stem stems}, as the aligner compares them), in the
     * lexicon's order, at most {@code max}. The desk shows them for the selected bead.
     */
    static List<Entry> supporting(Lexicon lexicon, String sourceLang, String targetLang, String sourceText,
                                  String targetText, int max) {
        if (lexicon == null || max <= 0) return List.of();
        List<Entry> entries = lexicon.entries(sourceLang, targetLang);
        List<Entry> out = new ArrayList<>();
        if (!entries.isEmpty()) {
            Set<String> s = LexiconIndex.stemSet(sourceText), t = LexiconIndex.stemSet(targetText);
            for (Entry e : entries) {
                List<String> a = LexiconIndex.stemList(e.source()), b = LexiconIndex.stemList(e.target());
                if (a.isEmpty() || b.isEmpty() || !s.containsAll(a) || !t.containsAll(b)) continue;
                out.add(e);
                if (out.size() >= max) return out;
            }
        }
        // then the word model's pairs (Lucene stems) found on both sides, each source stem with its likeliest
        WordTable words = lexicon.words(sourceLang, targetLang);
        if (words == null || !StoredLexicon.analyzable(sourceLang) || !StoredLexicon.analyzable(targetLang)) return out;
        Set<String> t = new java.util.HashSet<>(StoredLexicon.stems(targetLang, targetText));
        for (String e : new LinkedHashSet<>(StoredLexicon.stems(sourceLang, sourceText))) {
            String best = null;
            double bestP = 0;
            for (Map.Entry<String, Double> f : words.translations(e).entrySet()) {
                if (f.getValue() > bestP && t.contains(f.getKey()) && words.backward(e, f.getKey()) >= SUPPORT) {
                    best = f.getKey();
                    bestP = f.getValue();
                }
            }
            if (best == null || bestP < SUPPORT) continue;
            Entry x = new Entry(e, best);
            if (!out.contains(x)) out.add(x);
            if (out.size() >= max) break;
        }
        return out;
    }

    /** A word model's pair supports a bead when both its probabilities are at least this. */
    double SUPPORT = 0.3;

    /**
     * Learns word pairs from the CONFIRMED beads of an alignment (the reviewer's work teaches the engine).
     *
     * @see #learnFromPairs
     */
    static Lexicon learnFrom(Alignment alignment, DocumentVersion source, DocumentVersion target) {
        return learnFromPairs(source.lang(), target.lang(), confirmedPairs(alignment, source, target));
    }

    /** The texts of the CONFIRMED beads of an alignment with both sides, as {source, target} pairs. */
    static List<String[]> confirmedPairs(Alignment alignment, DocumentVersion source, DocumentVersion target) {
        Map<String, Paragraph> src = new HashMap<>(), tgt = new HashMap<>();
        for (Paragraph p : source.paragraphs()) src.put(p.id(), p);
        for (Paragraph p : target.paragraphs()) tgt.put(p.id(), p);
        List<String[]> pairs = new ArrayList<>();
        for (Bead b : alignment.beads()) {
            if (!b.isConfirmed() || b.source().isEmpty() || b.target().isEmpty()) continue;
            StringBuilder s = new StringBuilder(), t = new StringBuilder();
            for (String id : b.source()) if (src.containsKey(id)) s.append(src.get(id).text()).append('\n');
            for (String id : b.target()) if (tgt.containsKey(id)) t.append(tgt.get(id).text()).append('\n');
            pairs.add(new String[] {s.toString(), t.toString()});
        }
        return pairs;
    }

    /**
     * Learns word pairs from aligned segments (confirmed beads, TM units): two stems pair up when they
     * co-occur in at least two segment pairs and their Dice coefficient {@code 2·c(s,t)/(c(s)+c(t))} is at
     * least 0.5 and the best for the source stem. Words under three letters are ignored. Costs
     * O(pairs × words²); at most the first 20,000 pairs are read.
     */
    static Lexicon learnFromPairs(String sourceLang, String targetLang, List<String[]> pairs) {
        Map<String, Integer> cs = new HashMap<>(), ct = new HashMap<>();
        Map<String, Map<String, Integer>> joint = new HashMap<>();
        int limit = Math.min(pairs.size(), 20_000);
        for (int k = 0; k < limit; k++) {
            Set<String> s = LexiconIndex.stemSet(pairs.get(k)[0]), t = LexiconIndex.stemSet(pairs.get(k)[1]);
            for (String a : s) cs.merge(a, 1, Integer::sum);
            for (String b : t) ct.merge(b, 1, Integer::sum);
            for (String a : s) {
                Map<String, Integer> row = joint.computeIfAbsent(a, x -> new HashMap<>());
                for (String b : t) row.merge(b, 1, Integer::sum);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> e : joint.entrySet()) {
            String a = e.getKey();
            double best = 0;
            List<String> bestT = new ArrayList<>();
            for (Map.Entry<String, Integer> f : e.getValue().entrySet()) {
                int c = f.getValue();
                if (c < 2) continue;
                double dice = 2.0 * c / (cs.get(a) + ct.get(f.getKey()));
                if (dice > best + 1e-9) {
                    best = dice;
                    bestT.clear();
                    bestT.add(f.getKey());
                } else if (Math.abs(dice - best) <= 1e-9) {
                    bestT.add(f.getKey());
                }
            }
            if (best >= 0.5 && bestT.size() <= 2) {
                for (String b : bestT) entries.add(new Entry(a, b));
            }
        }
        entries.sort((x, y) -> x.source().equals(y.source()) ? x.target().compareTo(y.target())
                : x.source().compareTo(y.source()));
        return of(sourceLang, targetLang, entries);
    }
}
