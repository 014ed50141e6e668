package org.diptych.tm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Pairs the sentences of one confirmed paragraph pair, so that the feeder can put sentence units into the
 * TM besides the paragraph unit. Diptych's segmenter and sentence aligner provide it; the TM does not
 * depend on them.
 */
@FunctionalInterface
public interface SentencePairer {
    /** One aligned pair of sentence texts (several sentences joined by a space for 2:1 pairs). */
    record SentencePair(String source, String target) {}

    /**
     * The aligned sentence pairs of a paragraph pair; an empty list if there is nothing to add (e.g. both
     * paragraphs are one sentence, which the paragraph unit already covers).
     */
    List<SentencePair> pair(String sourceText, String sourceLang, String targetText, String targetLang);

    /**
     * A pairer from a sentence splitter and an aligner of sentence lists.
     *
     * @param splitter (text, lang) → sentences
     * @param aligner  (source sentences, target sentences) → links, each {@code {s, t}} for a 1:1 link or
     *                 {@code {sFrom, sTo, tFrom, tTo}} (ends exclusive) for an n:m link; links with an empty
     *                 side are ignored
     */
    static SentencePairer of(BiFunction<String, String, List<String>> splitter,
                             BiFunction<List<String>, List<String>, List<int[]>> aligner) {
        return (src, srcLang, tgt, tgtLang) -> {
            List<String> s = splitter.apply(src, srcLang);
            List<String> t = splitter.apply(tgt, tgtLang);
            if (s.size() <= 1 && t.size() <= 1) return List.of();
            List<SentencePair> out = new ArrayList<>();
            for (int[] link : aligner.apply(s, t)) {
                int sFrom;
                int sTo;
                int tFrom;
                int tTo;
                if (link.length == 2) {
                    sFrom = link[0];
                    sTo = link[0] + 1;
                    tFrom = link[1];
                    tTo = link[1] + 1;
                } else if (link.length == 4) {
                    sFrom = link[0];
                    sTo = link[1];
                    tFrom = link[2];
                    tTo = link[3];
                } else {
                    throw new IllegalArgumentException("a sentence link has 2 or 4 numbers, not " + link.length);
                }
                if (sFrom >= sTo || tFrom >= tTo) continue;
                out.add(new SentencePair(String.join(" ", s.subList(sFrom, sTo)), String.join(" ", t.subList(tFrom, tTo))));
            }
            return out;
        };
    }
}
