package org.diptych.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diptych.Progress;
import org.diptych.align.AlignedBead;
import org.diptych.align.Aligner;
import org.diptych.model.Paragraph;

/**
 * A draft for the hand-made gold of the development set (development aid; the gold itself is read and fixed
 * by a person): aligns one pair with Diptych and prints each bead as a gold line followed by the beginnings of
 * its paragraphs, for reading side by side.
 * <pre>java … DevSetDraft target/devset DOC SRC TGT</pre>
 */
public final class DevSetDraft {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve(args[1]);
        DevSet.Doc a = DevSet.load(dir.resolve(args[2] + ".md"), args[2]), b = DevSet.load(dir.resolve(args[3] + ".md"), args[3]);
        List<AlignedBead> beads = new Aligner().alignUnits(a.paragraphs(), a.lang(), b.paragraphs(), b.lang(), Progress.NONE);
        StringBuilder out = new StringBuilder();
        for (AlignedBead x : beads) {
            out.append(DevSet.line(x)).append(String.format(java.util.Locale.ROOT, "    # %.2f%n", x.confidence()));
            for (int i = x.sourceStart(); i < x.sourceEnd(); i++) out.append("#   S").append(i).append(' ').append(cut(a.paragraphs().get(i))).append('\n');
            for (int j = x.targetStart(); j < x.targetEnd(); j++) out.append("#   T").append(j).append(' ').append(cut(b.paragraphs().get(j))).append('\n');
        }
        System.out.print(out);
    }

    static String cut(Paragraph p) {
        String s = p.markup().replace('\n', ' ');
        return s.length() > 110 ? s.substring(0, 110) + "…" : s;
    }
}
