package org.diptych.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.diptych.Progress;
import org.diptych.align.AlignedBead;
import org.diptych.align.Aligner;
import org.diptych.model.Paragraph;

/** Development aid: aligns the own test statements and prints the differences from gold. */
public final class OwnDebug {
    public static void main(String[] args) {
        for (String id : OwnStatements.IDS) {
            for (String[] p : new String[][] {{"ru", "en"}, {"ru", "pt"}, {"en", "ru"}, {"pt", "ru"}}) {
                boolean rev = p[0].equals("ru") ? false : true;
                String tsv = id + ".ru-" + (rev ? p[0] : p[1]) + ".tsv";
                List<Paragraph> a = OwnStatements.paragraphs(id, p[0]), b = OwnStatements.paragraphs(id, p[1]);
                List<AlignedBead> gold = OwnStatements.gold(tsv, rev);
                List<AlignedBead> got = new Aligner().alignUnits(a, p[0], b, p[1], Progress.NONE);
                Set<String> g = new HashSet<>();
                for (AlignedBead x : gold) g.add(Metrics.key(x));
                System.out.println("== " + id + " " + p[0] + "-" + p[1] + " " + Metrics.of(got, gold));
                for (AlignedBead x : got) {
                    boolean ok = g.contains(Metrics.key(x));
                    System.out.printf("%s %s %.3f %s | %s%n", ok ? "  " : "XX", Metrics.key(x), x.confidence(),
                            x.sourceSize() > 0 ? AlignDebug.cut(a.get(x.sourceStart()).markup()).substring(0, Math.min(40, a.get(x.sourceStart()).markup().length())) : "",
                            x.targetSize() > 0 ? AlignDebug.cut(b.get(x.targetStart()).markup()).substring(0, Math.min(40, b.get(x.targetStart()).markup().length())) : "");
                }
            }
        }
    }
}
