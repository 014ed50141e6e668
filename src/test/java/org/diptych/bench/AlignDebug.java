package org.diptych.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.diptych.Progress;
import org.diptych.align.AlignedBead;
import org.diptych.align.Aligner;

/** Prints the beads where Diptych and the gold differ, for one UDHR pair (development aid). */
public final class AlignDebug {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("bench-data/package/declaration");
        BenchDoc a = Udhr.load(dir, args[0]), b = Udhr.load(dir, args[1]);
        if (args.length > 2) {
            int v = Integer.parseInt(args[2]);
            a = a.perturb(new Random(100L * v + 1), 0.10);
            b = b.perturb(new Random(100L * v + 2), 0.10);
        }
        List<AlignedBead> gold = BenchDoc.gold(a, b);
        List<AlignedBead> got = new Aligner().alignUnits(a.paragraphs, a.lang, b.paragraphs, b.lang, Progress.NONE);
        Set<String> g = new HashSet<>();
        for (AlignedBead x : gold) g.add(Metrics.key(x));
        Set<String> p = new HashSet<>();
        for (AlignedBead x : got) p.add(Metrics.key(x));
        for (AlignedBead x : got) {
            boolean ok = g.contains(Metrics.key(x));
            if (ok && args.length < 4) continue;
            System.out.printf("%s %s %.3f%n", ok ? "  " : "XX", Metrics.key(x), x.confidence());
            if (!ok) {
                for (int i = x.sourceStart(); i < x.sourceEnd(); i++) System.out.println("   S" + i + " " + cut(a.paragraphs.get(i).markup()));
                for (int j = x.targetStart(); j < x.targetEnd(); j++) System.out.println("   T" + j + " " + cut(b.paragraphs.get(j).markup()));
            }
        }
        for (AlignedBead x : gold) if (!p.contains(Metrics.key(x))) System.out.println("missed gold " + Metrics.key(x));
    }

    static String cut(String s) {
        return s.length() > 90 ? s.substring(0, 90) + "…" : s;
    }
}
