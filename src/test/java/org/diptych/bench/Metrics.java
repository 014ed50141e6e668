package org.diptych.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.diptych.align.AlignedBead;

/** Link precision/recall/F1 and exact-bead accuracy of a predicted alignment against gold. */
public record Metrics(double precision, double recall, double f1, double beadAccuracy, int goldBeads) {
    /**
     * Links are every source×target index pair of a bead, plus (i,–) for a 1:0 and (–,j) for a 0:1 bead.
     * Bead accuracy is the share of gold beads found exactly.
     */
    public static Metrics of(List<AlignedBead> predicted, List<AlignedBead> gold) {
        Set<Long> p = links(predicted), g = links(gold);
        int common = 0;
        for (long l : p) if (g.contains(l)) common++;
        double prec = p.isEmpty() ? 1 : (double) common / p.size();
        double rec = g.isEmpty() ? 1 : (double) common / g.size();
        double f1 = prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
        Set<String> pb = new HashSet<>();
        for (AlignedBead b : predicted) pb.add(key(b));
        int exact = 0;
        for (AlignedBead b : gold) if (pb.contains(key(b))) exact++;
        return new Metrics(prec, rec, f1, gold.isEmpty() ? 1 : (double) exact / gold.size(), gold.size());
    }

    public static String key(AlignedBead b) {
        return b.sourceStart() + "-" + b.sourceEnd() + ":" + b.targetStart() + "-" + b.targetEnd();
    }

    static Set<Long> links(List<AlignedBead> beads) {
        Set<Long> s = new HashSet<>();
        for (AlignedBead b : beads) {
            if (b.sourceSize() == 0) {
                for (int j = b.targetStart(); j < b.targetEnd(); j++) s.add(link(-1, j));
            } else if (b.targetSize() == 0) {
                for (int i = b.sourceStart(); i < b.sourceEnd(); i++) s.add(link(i, -1));
            } else {
                for (int i = b.sourceStart(); i < b.sourceEnd(); i++)
                    for (int j = b.targetStart(); j < b.targetEnd(); j++) s.add(link(i, j));
            }
        }
        return s;
    }

    private static long link(int i, int j) {
        return ((long) (i + 1) << 32) | (j + 1);
    }
}
