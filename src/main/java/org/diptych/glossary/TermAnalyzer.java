package org.diptych.glossary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import org.diptych.model.Languages;
import org.diptych.tm.Analysis;

/**
 * Words of a text as stems, with their offsets, by the stemmers the TM uses (Lucene's Porter stemmer for
 * English, the light stemmers for Russian and Portuguese), so that a term matches its inflected forms:
 * "профсоюз" matches "профсоюзы", "профсоюзов"; "sindicato" matches "sindicatos". Stop words are kept:
 * multi-word terms ("право на забастовку") are matched word by word. Thread-safe.
 */
public final class TermAnalyzer {
    /** One analysed word: its stem and where it is in the text. */
    public record Token(String stem, int start, int end) {}

    private static final Map<String, Analyzer> ANALYZERS = Map.of(
            "en", Analysis.stems("en", false), "ru", Analysis.stems("ru", false), "pt", Analysis.stems("pt", false));

    private TermAnalyzer() {}

    /** The words of {@code text} in {@code lang} (any region; unsupported languages are refused). */
    public static List<Token> tokens(String text, String lang) {
        String base = Languages.base(Languages.normalize(lang));
        // ё is written as е as often as not: compare them as one letter (same length, offsets unchanged)
        String t = text.replace('ё', 'е').replace('Ё', 'Е');
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = ANALYZERS.get(base).tokenStream("t", t)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(new Token(term.toString(), off.startOffset(), off.endOffset()));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The stems of {@code text}, in order. */
    public static List<String> stems(String text, String lang) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens(text, lang)) out.add(t.stem());
        return out;
    }
}
