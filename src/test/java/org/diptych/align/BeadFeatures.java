package org.diptych.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.diptych.Progress;
import org.diptych.model.Paragraph;

/**
 * For the benchmarks (test sources): the beads an aligner proposes for two lists of paragraphs, each with its
 * confidence, the features of the calibration map ({@link CostModel#calibrationFeatures}) and the parts of its
 * score ({@link CostModel#explain}), so that a wrong bead can be read: which phenomenon, which feature.
 */
public final class BeadFeatures {
    private BeadFeatures() {}

    /** Names of the features of {@link CostModel#calibrationFeatures}, in order. */
    public static final List<String> NAMES = List.of(CostModel.FEATURES);

    /** One line per bead that {@code show} accepts: key, confidence, features by name, score parts. */
    public static List<String> describe(Aligner aligner, List<Paragraph> source, String sourceLang,
                                        List<Paragraph> target, String targetLang, Predicate<AlignedBead> show) {
        CostModel m = aligner.model(source, sourceLang, target, targetLang, Progress.NONE);
        // the identity map: the engine's confidence is then the raw posterior
        m.calibration = new double[CostModel.CALIBRATION.length];
        m.calibration[1] = 1;
        List<AlignedBead> beads = Aligner.alignUnits(m.src, m.tgt, m, List.of(), Set.of(), aligner.learns(), Progress.NONE);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < beads.size(); k++) {
            AlignedBead b = beads.get(k);
            double[] x = m.calibrationFeatures(b.confidence(), beads, k);
            double z = 0;
            for (int f = 0; f < x.length; f++) z += CostModel.CALIBRATION[f] * x[f];
            AlignedBead reported = new AlignedBead(b.sourceStart(), b.sourceEnd(), b.targetStart(), b.targetEnd(), 1 / (1 + Math.exp(-z)));
            if (!show.test(reported)) continue;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%d-%d:%d-%d conf %.3f (posterior %.3f)", b.sourceStart(), b.sourceEnd(),
                    b.targetStart(), b.targetEnd(), reported.confidence(), b.confidence()));
            for (int f = 2; f < x.length; f++) {
                if (x[f] != 0) sb.append(String.format(Locale.ROOT, " %s=%.2f", NAMES.get(f), x[f]));
            }
            sb.append("; ").append(m.explain(b.sourceStart(), b.sourceSize(), b.targetStart(), b.targetSize()));
            out.add(sb.toString());
        }
        return out;
    }
}
