package org.diptych.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.diptych.Progress;
import org.diptych.segment.SentenceSegmenter;

/**
 * Sentence alignment inside a paragraph bead, for the translation memory: the same cost model and dynamic
 * programme as paragraphs ({@link Aligner}), over sentences. Works on lists of strings, so any segmenter
 * can feed it; {@link #alignTexts} uses Diptych's SRX rules ({@link SentenceSegmenter}).
 */
public final class SentenceAligner {
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
        return Aligner.alignUnits(s, t, new CostModel(s, t, sourceLang, targetLang), List.of(), Set.of(), false, Progress.NONE);
    }

    /**
     * This aligner as the TM feeder's sentence pairing: the sentence pairs of a confirmed paragraph pair,
     * nothing when both paragraphs are one sentence (the paragraph unit already holds it).
     */
    public org.diptych.tm.SentencePairer pairer() {
        return (src, srcLang, tgt, tgtLang) -> {
            List<Pair> pairs = alignTexts(src, srcLang, tgt, tgtLang);
            if (pairs.size() <= 1) return List.of();
            return pairs.stream().map(p -> new org.diptych.tm.SentencePairer.SentencePair(p.source(), p.target())).toList();
        };
    }

    /** Aligned segments: the sentences of one bead on each side, joined by a space. */
    public record Pair(String source, String target, double confidence) {}

    /**
     * Splits two paragraph texts into sentences ({@link SentenceSegmenter}), aligns them and returns the
     * beads that have both sides, in order (sentences without counterpart are left out).
     */
    public List<Pair> alignTexts(String sourceText, String sourceLang, String targetText, String targetLang) {
        SentenceSegmenter seg = SentenceSegmenter.get();
        List<String> s = seg.split(sourceText, sourceLang), t = seg.split(targetText, targetLang);
        List<Pair> out = new ArrayList<>();
        for (AlignedBead b : align(s, sourceLang, t, targetLang)) {
            if (b.sourceSize() == 0 || b.targetSize() == 0) continue;
            out.add(new Pair(String.join(" ", s.subList(b.sourceStart(), b.sourceEnd())),
                    String.join(" ", t.subList(b.targetStart(), b.targetEnd())), b.confidence()));
        }
        return out;
    }
}
