package org.diptych.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.diptych.Progress;

/**
 * Sentence alignment inside a paragraph bead, for the translation memory: the same cost model and dynamic
 * programme as paragraphs ({@link Aligner}), over sentences. Works on lists of strings, so any segmenter
 * can feed it (SRX rules, or {@link #split}, a small built-in splitter).
 */
public final class SentenceAligner {
    private static final Set<String> ABBREVIATIONS = new java.util.HashSet<>(java.util.Arrays.asList(
            // en
            "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "jr", "sr", "u.s", "cf", "approx",
            // pt
            "sr", "sra", "dra", "av", "pág", "pag", "p", "nº", "séc", "ex", "obs",
            // ru
            "г", "гг", "т.е", "т.д", "т.п", "т.к", "др", "пр", "см", "стр", "им", "ул", "д", "тыс", "млн", "млрд", "руб",
            "в", "вв", "н.э", "т", "с", "ст", "чел", "коп"));

    private final Lexicon lexicon;

    public SentenceAligner() {
        this(null);
    }

    /** @param lexicon bilingual evidence, or {@code null} */
    public SentenceAligner(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * Aligns sentences by index; every sentence of both lists is in exactly one bead, in order, and each bead
     * carries a confidence in [0, 1].
     */
    public List<AlignedBead> align(List<String> source, String sourceLang, List<String> target, String targetLang) {
        LexiconIndex lex = LexiconIndex.of(lexicon, sourceLang, targetLang);
        Units s = Units.ofStrings(source, lex == null ? null : lex.source);
        Units t = Units.ofStrings(target, lex == null ? null : lex.target);
        return Aligner.alignUnits(s, t, new CostModel(s, t, sourceLang, targetLang), List.of(), Set.of(), Progress.NONE);
    }

    /**
     * Splits two paragraph texts into sentences ({@link #split}), aligns them and returns the aligned
     * segments that have both sides, as {source, target, confidence} (sentences of one bead joined by a
     * space; the confidence as a decimal string).
     */
    public List<String[]> alignTexts(String sourceText, String sourceLang, String targetText, String targetLang) {
        List<String> s = split(sourceText, sourceLang), t = split(targetText, targetLang);
        List<String[]> out = new ArrayList<>();
        for (AlignedBead b : align(s, sourceLang, t, targetLang)) {
            if (b.sourceSize() == 0 || b.targetSize() == 0) continue;
            out.add(new String[] {String.join(" ", s.subList(b.sourceStart(), b.sourceEnd())),
                    String.join(" ", t.subList(b.targetStart(), b.targetEnd())),
                    String.format(Locale.ROOT, "%.3f", b.confidence())});
        }
        return out;
    }

    /**
     * A simple sentence splitter: breaks after {@code . ! ? …} (with closing quotes or brackets) before a
     * capital letter, digit, quote or dash, and at line breaks; not after common abbreviations of ru, en, pt
     * or a single capital letter (an initial). Empty pieces are dropped.
     */
    public static List<String> split(String text, String lang) {
        List<String> out = new ArrayList<>();
        int n = text.length(), start = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(out, text.substring(start, i));
                start = i + 1;
                continue;
            }
            if (c != '.' && c != '!' && c != '?' && c != '…') continue;
            int end = i + 1;
            while (end < n && ".!?…»\"”')]".indexOf(text.charAt(end)) >= 0) end++;
            if (end >= n || !Character.isWhitespace(text.charAt(end))) continue;
            int next = end;
            while (next < n && Character.isWhitespace(text.charAt(next)) && text.charAt(next) != '\n') next++;
            if (next >= n) continue;
            char nc = text.charAt(next);
            if (!(Character.isUpperCase(nc) || Character.isDigit(nc) || "«\"“„—–-([".indexOf(nc) >= 0)) continue;
            if (c == '.' && abbreviationBefore(text, i)) continue;
            add(out, text.substring(start, end));
            start = next;
            i = next - 1;
        }
        add(out, text.substring(Math.min(start, n)));
        return out;
    }

    private static boolean abbreviationBefore(String text, int dot) {
        int k = dot - 1;
        while (k >= 0 && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '.')) k--;
        String word = text.substring(k + 1, dot);
        if (word.isEmpty()) return false;
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) return true;
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> out, String s) {
        String t = s.strip();
        if (!t.isEmpty()) out.add(t);
    }
}
