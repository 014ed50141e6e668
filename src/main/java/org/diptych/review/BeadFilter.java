package org.diptych.review;

import java.util.List;

import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;

/** Which beads the desk shows. */
public enum BeadFilter {
    /** Every bead. */
    ALL,
    /** Unreviewed beads that need a look ({@link #isDoubtful}). */
    DOUBTFUL,
    /** Beads nobody confirmed or rejected yet. */
    UNREVIEWED;

    public boolean test(Bead b, double threshold) {
        return switch (this) {
            case ALL -> true;
            case DOUBTFUL -> isDoubtful(b, threshold);
            case UNREVIEWED -> b.status() == BeadStatus.AUTO;
        };
    }

    /**
     * An unreviewed bead the reviewer should look at: made by hand and not yet confirmed ({@link Bead#edited}:
     * its confidence was said of other beads), or its confidence is below the threshold, or it is not one to
     * one. A paragraph without counterpart (left untranslated, or added by the translator) or one split or
     * merged by the translator is worth a look however sure the engine is that the bead is right.
     */
    public static boolean isDoubtful(Bead b, double threshold) {
        return b.status() == BeadStatus.AUTO && (b.edited() || b.confidence() < threshold
                || b.source().size() != 1 || b.target().size() != 1);
    }

    /**
     * The index of the first doubtful bead after {@code from}, wrapping around to the top; {@code -1} if
     * there is none. {@code from} may be {@code -1} to search from the top.
     */
    public static int nextDoubtful(List<Bead> beads, int from, double threshold) {
        int n = beads.size();
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(from + k, n);
            if (isDoubtful(beads.get(i), threshold)) return i;
        }
        return -1;
    }
}
