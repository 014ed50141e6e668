package org.diptych.align;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.diptych.Progress;
import org.diptych.bench.BenchDoc;
import org.diptych.bench.Metrics;

/** Development aid: shows wrong beads on the calibration data. */
public final class CalibDebug {
    public static void main(String[] args) {
        List<BenchDoc[]> pairs = AlignCalibration.data(Integer.parseInt(args[0]));
        int shown = 0;
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (BenchDoc[] p : pairs) {
            Units s = Units.of(p[0].paragraphs, null), u = Units.of(p[1].paragraphs, null);
            CostModel m = new CostModel(s, u, p[0].lang, p[1].lang);
            List<AlignedBead> got = Aligner.alignUnits(s, u, m, List.of(), Set.of(), Progress.NONE);
            List<AlignedBead> gold = BenchDoc.gold(p[0], p[1]);
            Set<String> g = new HashSet<>();
            for (AlignedBead b : gold) g.add(Metrics.key(b));
            for (AlignedBead b : got) {
                if (g.contains(Metrics.key(b))) continue;
                // gold beads overlapping
                StringBuilder gs = new StringBuilder();
                for (AlignedBead x : gold) {
                    boolean ov = x.sourceStart() < b.sourceEnd() && b.sourceStart() < x.sourceEnd()
                            || x.targetStart() < b.targetEnd() && b.targetStart() < x.targetEnd();
                    if (ov) gs.append(x.type()).append(' ');
                }
                String kind = b.type() + " vs " + gs.toString().trim();
                kinds.merge(kind, 1, Integer::sum);
                if ((args.length < 3 || kind.equals(args[2])) && shown++ < Integer.parseInt(args[1])) {
                    System.out.printf("%s %s %.3f gold: %s%n", p[0].lang + "-" + p[1].lang, Metrics.key(b), b.confidence(), gs);
                    for (int i = b.sourceStart(); i < b.sourceEnd(); i++) System.out.println("   S " + cut(p[0].paragraphs.get(i).markup()));
                    for (int j = b.targetStart(); j < b.targetEnd(); j++) System.out.println("   T " + cut(p[1].paragraphs.get(j).markup()));
                }
            }
        }
        kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25).forEach(e -> System.out.println(e.getValue() + "  " + e.getKey()));
    }

    static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
