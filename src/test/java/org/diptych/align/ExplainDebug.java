package org.diptych.align;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diptych.Progress;
import org.diptych.bench.BenchDoc;
import org.diptych.bench.Udhr;

/** Development aid: prints the score parts of beads around given units of a UDHR pair. */
public final class ExplainDebug {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("bench-data/package/declaration");
        BenchDoc a = Udhr.load(dir, args[0]), b = Udhr.load(dir, args[1]);
        Units s = Units.of(a.paragraphs, null), t = Units.of(b.paragraphs, null);
        CostModel m = new CostModel(s, t, a.lang, b.lang);
        System.out.println("defaults " + m.parameters());
        List<AlignedBead> r = Aligner.alignUnits(s, t, m, List.of(), java.util.Set.of(), Progress.NONE);
        System.out.println("estimated " + m.parameters());
        for (int k = 2; k + 1 < args.length; k += 2) {
            int i = Integer.parseInt(args[k]), j = Integer.parseInt(args[k + 1]);
            for (int[] sh : new int[][] {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}}) {
                if (i + sh[0] <= s.n && j + sh[1] <= t.n) System.out.println(i + "," + j + " " + m.explain(i, sh[0], j, sh[1]));
            }
        }
    }
}
