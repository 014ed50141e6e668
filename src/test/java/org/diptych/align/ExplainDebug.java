package org.diptych.align;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diptych.Progress;
import org.diptych.bench.BenchDoc;
import org.diptych.bench.Udhr;

/**
 * Development aid: prints the alignment and the score parts of beads at given units of a UDHR pair
 * ({@code eng rus I J …}), of two files of one paragraph per line named {@code NAME.LANG.txt}, or of two
 * markdown posts ({@code .md}, through the importer).
 */
public final class ExplainDebug {
    public static void main(String[] args) throws Exception {
        List<org.diptych.model.Paragraph> ap, bp;
        String al, bl;
        if (args[0].endsWith(".md")) {
            var x = org.diptych.formats.Importer.importFile(Path.of(args[0]), org.diptych.formats.ImportOptions.DEFAULTS);
            var y = org.diptych.formats.Importer.importFile(Path.of(args[1]), org.diptych.formats.ImportOptions.DEFAULTS);
            ap = x.version().paragraphs();
            bp = y.version().paragraphs();
            al = x.version().lang();
            bl = y.version().lang();
        } else if (args[0].endsWith(".txt")) {
            // two files of one paragraph per line: FILE.LANG.txt
            ap = lines(Path.of(args[0]));
            bp = lines(Path.of(args[1]));
            al = lang(args[0]);
            bl = lang(args[1]);
        } else {
            Path dir = Path.of("bench-data/package/declaration");
            BenchDoc a = Udhr.load(dir, args[0]), b = Udhr.load(dir, args[1]);
            ap = a.paragraphs;
            bp = b.paragraphs;
            al = a.lang;
            bl = b.lang;
        }
        Units s = Units.of(ap, null), t = Units.of(bp, null);
        CostModel m = new CostModel(s, t, al, bl);
        System.out.println("defaults " + m.parameters());
        List<AlignedBead> r = Aligner.alignUnits(s, t, m, List.of(), java.util.Set.of(), Progress.NONE);
        for (AlignedBead x : r) System.out.printf("  %s %.3f%n", org.diptych.bench.Metrics.key(x), x.confidence());
        System.out.println("estimated " + m.parameters());
        for (int k = 2; k + 1 < args.length; k += 2) {
            int i = Integer.parseInt(args[k]), j = Integer.parseInt(args[k + 1]);
            for (int[] sh : new int[][] {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}}) {
                if (i + sh[0] <= s.n && j + sh[1] <= t.n) System.out.println(i + "," + j + " " + m.explain(i, sh[0], j, sh[1]));
            }
        }
    }

    private static List<org.diptych.model.Paragraph> lines(Path f) throws java.io.IOException {
        List<org.diptych.model.Paragraph> out = new ArrayList<>();
        for (String l : java.nio.file.Files.readAllLines(f)) out.add(org.diptych.model.Paragraph.plain("p" + out.size(), l));
        return out;
    }

    private static String lang(String file) {
        String n = Path.of(file).getFileName().toString();
        n = n.substring(0, n.length() - 4);
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
