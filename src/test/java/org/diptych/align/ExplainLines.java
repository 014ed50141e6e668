package org.diptych.align;

import java.util.List;

/** Development aid: score parts for lines given as args: srcLang tgtLang "s1|s2|s3" "t1|t2" i j. */
public final class ExplainLines {
    public static void main(String[] a) {
        Units s = Units.of(AnchorTest.lines(a[2].split("\\|")), null), t = Units.of(AnchorTest.lines(a[3].split("\\|")), null);
        CostModel m = new CostModel(s, t, a[0], a[1]);
        System.out.println(m.parameters());
        for (int i = 0; i <= s.n; i++) for (int j = 0; j <= t.n; j++)
            for (int[] sh : new int[][] {{1, 1}, {2, 1}, {1, 0}, {0, 1}}) if (i + sh[0] <= s.n && j + sh[1] <= t.n) System.out.println(i + "," + j + " " + m.explain(i, sh[0], j, sh[1]));
        System.out.println(Aligner.alignUnits(s, t, m, List.of(), java.util.Set.of(), org.diptych.Progress.NONE));
    }
}
