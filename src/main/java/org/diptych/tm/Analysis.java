package org.diptych.tm;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The per-language Lucene analysis of the TM, shared with whoever must stem words as the TM does (the
 * glossary): as Lucene's {@code EnglishAnalyzer}, {@code PortugueseAnalyzer} and {@code RussianAnalyzer}
 * do it (standard tokenizer, lower case, optionally the language's stop words, its stemmer; for Russian
 * the light stemmer, several times faster than Snowball's and as good at finding inflected forms:
 * "права", "праву" → "прав"). Analyzers are thread-safe.
 */
public final class Analysis {
    private Analysis() {}

    /**
     * The stems of a text in a base language ({@code en}, {@code ru}, {@code pt}).
     *
     * @param stopWords drop the language's stop words (the TM does; the glossary keeps them, so that
     *                  multi-word terms match word by word)
     * @throws IllegalArgumentException for another language (when the analyzer is first used)
     */
    public static Analyzer stems(String base, boolean stopWords) {
        return chain(base, stopWords, 0);
    }

    /**
     * @param mode 0: stems; 1: pairs of consecutive stems; 2: both
     */
    static Analyzer chain(String base, boolean stopWords, int mode) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = source;
                switch (base) {
                    case "en" -> {
                        s = new EnglishPossessiveFilter(s);
                        s = new LowerCaseFilter(s);
                        if (stopWords) s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                        s = new PorterStemFilter(s);
                    }
                    case "ru" -> {
                        s = new LowerCaseFilter(s);
                        if (stopWords) s = new StopFilter(s, RussianAnalyzer.getDefaultStopSet());
                        s = new RussianLightStemFilter(s);
                    }
                    case "pt" -> {
                        s = new LowerCaseFilter(s);
                        if (stopWords) s = new StopFilter(s, PortugueseAnalyzer.getDefaultStopSet());
                        s = new PortugueseLightStemFilter(s);
                    }
                    default -> throw new IllegalArgumentException(base);
                }
                if (mode > 0) s = new WordPairFilter(s, mode == 2);
                return new TokenStreamComponents(source, s);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
