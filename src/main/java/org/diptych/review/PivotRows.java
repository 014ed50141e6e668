package org.diptych.review;

import java.util.ArrayList;
import java.util.List;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;

/**
 * A three-language view of a statement pivoting on one language: the alignments pivot→left and
 * pivot→right are cut together wherever both have a bead boundary on the pivot side, so that each row
 * holds whole beads of both alignments. Read-only; the review operations work on the pairs.
 */
public final class PivotRows {
    /**
     * One row: the pivot paragraphs and the paragraphs of the two other languages they align with.
     *
     * @param confidence the lowest confidence of the beads in the row
     * @param reviewed   whether every bead of the row is confirmed
     */
    public record Row(List<String> pivot, List<String> left, List<String> right, double confidence, boolean reviewed) {}

    private PivotRows() {}

    /** The alignment with source and target swapped (for pairs stored the other way round). */
    public static Alignment reversed(Alignment a) {
        List<Bead> beads = new ArrayList<>(a.beads().size());
        for (Bead b : a.beads()) {
            beads.add(new Bead(b.target(), b.source(), b.confidence(), b.status(), b.reviewer(), b.reviewedAt(), b.note()));
        }
        return new Alignment(a.statementId(), a.targetLang(), a.sourceLang(), beads, a.updatedAt());
    }

    /**
     * Rows of two alignments that share their source language (the pivot).
     *
     * @throws IllegalArgumentException if the source languages differ or the alignments do not cover the
     *                                  same pivot paragraphs in the same order
     */
    public static List<Row> of(Alignment left, Alignment right) {
        if (!left.sourceLang().equals(right.sourceLang())) {
            throw new IllegalArgumentException("the alignments do not share a pivot language");
        }
        List<Row> rows = new ArrayList<>();
        List<Bead> a = left.beads(), b = right.beads();
        int ia = 0, ib = 0;
        while (ia < a.size() || ib < b.size()) {
            List<String> pivotA = new ArrayList<>(), pivotB = new ArrayList<>();
            List<String> l = new ArrayList<>(), r = new ArrayList<>();
            double conf = 1;
            boolean reviewed = true;
            // take beads from either side until both have consumed the same pivot paragraphs (at least one bead)
            boolean first = true;
            while (first || pivotA.size() != pivotB.size()) {
                first = false;
                boolean takeA = ib >= b.size() || ia < a.size() && pivotA.size() <= pivotB.size();
                Bead x = takeA ? a.get(ia++) : b.get(ib++);
                (takeA ? pivotA : pivotB).addAll(x.source());
                (takeA ? l : r).addAll(x.target());
                conf = Math.min(conf, x.confidence());
                reviewed &= x.status() == BeadStatus.CONFIRMED;
                if (ia >= a.size() && ib >= b.size()) break;
            }
            // pivot-less beads right after the cut belong to this row as well
            while (ia < a.size() && a.get(ia).source().isEmpty() && pivotA.size() == pivotB.size()) {
                l.addAll(a.get(ia).target());
                conf = Math.min(conf, a.get(ia).confidence());
                reviewed &= a.get(ia++).status() == BeadStatus.CONFIRMED;
            }
            while (ib < b.size() && b.get(ib).source().isEmpty() && pivotA.size() == pivotB.size()) {
                r.addAll(b.get(ib).target());
                conf = Math.min(conf, b.get(ib).confidence());
                reviewed &= b.get(ib++).status() == BeadStatus.CONFIRMED;
            }
            if (!pivotA.equals(pivotB)) {
                throw new IllegalArgumentException("the two alignments disagree on the pivot paragraphs ("
                        + pivotA + " vs " + pivotB + ")");
            }
            rows.add(new Row(pivotA, l, r, conf, reviewed));
        }
        return rows;
    }
}
