package org.diptych.align;

import java.nio.file.Path;
import java.util.List;

import org.diptych.bench.DevSet;
import org.diptych.model.Paragraph;

/** Development aid: the score parts of bead (I, A, J, B) of a development-set pair: {@code DIR SRC TGT I A J B}. */
public final class DevSetExplain {
    public static void main(String[] args) throws Exception {
        Path d = Path.of(args[0]);
        List<Paragraph> a = DevSet.load(d.resolve(args[1] + ".md"), args[1]).paragraphs();
        List<Paragraph> b = DevSet.load(d.resolve(args[2] + ".md"), args[2]).paragraphs();
        CostModel m = new CostModel(Units.of(a, null), Units.of(b, null), args[1], args[2]);
        int i = Integer.parseInt(args[3]), x = Integer.parseInt(args[4]), j = Integer.parseInt(args[5]), y = Integer.parseInt(args[6]);
        System.out.println(m.explain(i, x, j, y) + " struct " + m.src.struct[i] + "/" + m.tgt.struct[j] + " len " + m.src.len[i] + "/" + m.tgt.len[j]);
    }
}
