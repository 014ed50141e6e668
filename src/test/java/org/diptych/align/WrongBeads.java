package org.diptych.align;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.diptych.Progress;
import org.diptych.bench.BenchDoc;
import org.diptych.bench.Metrics;

/** Development aid: prints the wrong beads of the calibration data above a confidence (default 0.5). */
public final class WrongBeads {
    public static void main(String[] args) {
        int variants = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double min = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        int shown = 0;
        for (BenchDoc[] p : AlignCalibration.data(variants)) {
            List<AlignedBead> got = new Aligner().alignUnits(p[0].paragraphs, p[0].lang, p[1].paragraphs, p[1].lang, Progress.NONE);
            Set<String> gold = new HashSet<>();
            for (AlignedBead b : BenchDoc.gold(p[0], p[1])) gold.add(Metrics.key(b));
            for (AlignedBead b : got) {
                if (gold.contains(Metrics.key(b)) || b.confidence() < min) continue;
                if (shown++ > 60) return;
                System.out.printf("%s-%s %s %.3f%n", p[0].lang, p[1].lang, Metrics.key(b), b.confidence());
                for (int i = b.sourceStart(); i < b.sourceEnd(); i++) System.out.println("   S" + i + " " + cut(p[0].paragraphs.get(i).markup()));
                for (int j = b.targetStart(); j < b.targetEnd(); j++) System.out.println("   T" + j + " " + cut(p[1].paragraphs.get(j).markup()));
                for (AlignedBead g : BenchDoc.gold(p[0], p[1])) {
                    boolean overlaps = g.sourceStart() < b.sourceEnd() && b.sourceStart() < g.sourceEnd()
                            || g.targetStart() < b.targetEnd() && b.targetStart() < g.targetEnd();
                    if (overlaps) System.out.println("   gold " + Metrics.key(g));
                }
            }
        }
    }

    static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
