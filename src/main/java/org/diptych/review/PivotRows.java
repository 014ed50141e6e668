package org.diptych.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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
     * @param confidence the lowest confidence of the engine's own proposals in the row (unreviewed beads the
     *                   engine proposed), or {@code NaN} if the row holds none (every bead confirmed, rejected,
     *                   made by hand or written in the desk): then no engine figure applies to the row
     * @param reviewed   whether every bead of the row is confirmed
     * @param edited     whether an unreviewed bead of the row was made by hand ({@link Bead#edited})
     * @param reviewers  who confirmed the row's confirmed beads, each once, in order
     */
    public record Row(List<String> pivot, List<String> left, List<String> right, double confidence, boolean reviewed,
                      boolean edited, List<String> reviewers) {
        public Row {
            reviewers = List.copyOf(reviewers);
        }

        /** True if {@link #confidence} is an engine's figure (the row has an unreviewed engine proposal). */
        public boolean hasEngineConfidence() {
            return !Double.isNaN(confidence);
        }
    }

    /** Accumulates what a row shows of its beads. */
    private static final class Summary {
        double conf = Double.NaN;
        boolean reviewed = true;
        boolean edited;
        final java.util.LinkedHashSet<String> reviewers = new java.util.LinkedHashSet<>();

        void add(Bead b, Predicate<Bead> engine) {
            if (b.isEngineProposal() && engine.test(b)) {
                conf = Double.isNaN(conf) ? b.confidence() : Math.min(conf, b.confidence());
            }
            reviewed &= b.status() == BeadStatus.CONFIRMED;
            edited |= b.status() == BeadStatus.AUTO && b.edited();
            if (b.status() == BeadStatus.CONFIRMED && b.reviewer() != null) reviewers.add(b.reviewer());
        }
    }

    private PivotRows() {}

    /** The alignment with source and target swapped (for pairs stored the other way round). */
    public static Alignment reversed(Alignment a) {
        List<Bead> beads = new ArrayList<>(a.beads().size());
        for (Bead b : a.beads()) {
            beads.add(b.reversed());
        }
        return new Alignment(a.statementId(), a.targetLang(), a.sourceLang(), beads, a.updatedAt());
    }

    /**
     * Rows of two alignments that share their source language (the pivot), every unreviewed bead not made by
     * hand taken as the engine's proposal.
     *
     * @throws IllegalArgumentException if the source languages differ or the alignments do not cover the
     *                                  same pivot paragraphs in the same order
     */
    public static List<Row> of(Alignment left, Alignment right) {
        return of(left, b -> true, right, b -> true);
    }

    /**
     * Rows of two alignments that share their source language (the pivot).
     *
     * @param leftEngine  which unreviewed beads of {@code left} not made by hand the engine proposed (false for
     *                    every bead of a translation started in the desk, and for a row written into an empty cell)
     * @param rightEngine the same for {@code right}
     * @throws IllegalArgumentException if the source languages differ or the alignments do not cover the
     *                                  same pivot paragraphs in the same order
     */
    public static List<Row> of(Alignment left, Predicate<Bead> leftEngine, Alignment right, Predicate<Bead> rightEngine) {
        if (!left.sourceLang().equals(right.sourceLang())) {
            throw new IllegalArgumentException("the alignments do not share a pivot language");
        }
        List<Row> rows = new ArrayList<>();
        List<Bead> a = left.beads(), b = right.beads();
        int ia = 0, ib = 0;
        while (ia < a.size() || ib < b.size()) {
            List<String> pivotA = new ArrayList<>(), pivotB = new ArrayList<>();
            List<String> l = new ArrayList<>(), r = new ArrayList<>();
            Summary sum = new Summary();
            // take beads from either side until both have consumed the same pivot paragraphs (at least one bead)
            boolean first = true;
            while (first || pivotA.size() != pivotB.size()) {
                first = false;
                boolean takeA = ib >= b.size() || ia < a.size() && pivotA.size() <= pivotB.size();
                Bead x = takeA ? a.get(ia++) : b.get(ib++);
                (takeA ? pivotA : pivotB).addAll(x.source());
                (takeA ? l : r).addAll(x.target());
                sum.add(x, takeA ? leftEngine : rightEngine);
                if (ia >= a.size() && ib >= b.size()) break;
            }
            // pivot-less beads right after the cut belong to this row as well
            while (ia < a.size() && a.get(ia).source().isEmpty() && pivotA.size() == pivotB.size()) {
                l.addAll(a.get(ia).target());
                sum.add(a.get(ia++), leftEngine);
            }
            while (ib < b.size() && b.get(ib).source().isEmpty() && pivotA.size() == pivotB.size()) {
                r.addAll(b.get(ib).target());
                sum.add(b.get(ib++), rightEngine);
            }
            if (!pivotA.equals(pivotB)) {
                throw new IllegalArgumentException("the two alignments disagree on the pivot paragraphs ("
                        + pivotA + " vs " + pivotB + ")");
            }
            rows.add(new Row(pivotA, l, r, sum.conf, sum.reviewed, sum.edited, List.copyOf(sum.reviewers)));
        }
        return rows;
    }
}
