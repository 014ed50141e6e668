package org.diptych.bench;

import java.util.ArrayList;
import java.util.List;

import net.sf.okapi.common.LocaleId;
import net.sf.okapi.steps.gcaligner.AlignmentFunction;
import net.sf.okapi.steps.gcaligner.AlignmentScorer;
import net.sf.okapi.steps.gcaligner.DpMatrix;
import net.sf.okapi.steps.gcaligner.DpMatrixCell;
import net.sf.okapi.steps.gcaligner.GaleAndChurch;
import net.sf.okapi.steps.gcaligner.Penalties;

import org.diptych.align.AlignedBead;

/**
 * The Okapi Framework's Gale-Church aligner (okapi-step-aligner), driven through its {@code DpMatrix}
 * directly — the public {@code ParagraphAligner} refuses more than 80,000 cells. The matrix is full
 * (n×m cells of objects), so large inputs need a lot of heap.
 */
public final class OkapiPeer {
    private OkapiPeer() {}

    public static List<AlignedBead> align(List<String> source, List<String> target, String sourceLang, String targetLang) {
        LocaleId s = LocaleId.fromString(sourceLang), t = LocaleId.fromString(targetLang);
        GaleAndChurch<String> gc = new GaleAndChurch<>();
        gc.setLocales(s, t);
        List<AlignmentScorer<String>> scorers = new ArrayList<>();
        scorers.add(gc);
        AlignmentFunction<String> f = new AlignmentFunction<>(s, t, scorers, new Penalties());
        DpMatrix<String> matrix = new DpMatrix<>(source, target, f);
        List<DpMatrixCell> cells = matrix.align();
        List<AlignedBead> out = new ArrayList<>();
        int i = 0, j = 0;
        for (DpMatrixCell c : cells) {
            int i1, j1;
            switch (c.getState()) {
                case DpMatrixCell.DELETED -> { i1 = i + 1; j1 = j; }
                case DpMatrixCell.INSERTED -> { i1 = i; j1 = j + 1; }
                case DpMatrixCell.MATCH -> { i1 = i + 1; j1 = j + 1; }
                case DpMatrixCell.MULTI_MATCH -> {
                    i1 = c.getMultiMatchXIndexEnd() - 0;
                    j1 = c.getMultiMatchYIndexEnd() - 0;
                }
                default -> { continue; }
            }
            // the cell's own x/y index is the last unit it covers (1-based): trust it over the state arithmetic
            i1 = c.getXindex();
            j1 = c.getYindex();
            if (i1 == i && j1 == j) continue;
            out.add(new AlignedBead(i, i1, j, j1, 1));
            i = i1;
            j = j1;
        }
        if (i != source.size() || j != target.size()) {
            throw new IllegalStateException("Okapi path ends at " + i + "," + j + " not " + source.size() + "," + target.size());
        }
        return out;
    }
}
