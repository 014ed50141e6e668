package org.diptych.review;

import java.util.List;

import org.diptych.model.Bead;

/**
 * Review progress of an alignment.
 *
 * @param total         beads
 * @param confirmed     confirmed beads
 * @param rejected      rejected beads
 * @param doubtfulLeft  automatic beads that are doubtful ({@link BeadFilter#isDoubtful})
 */
public record ReviewStats(int total, int confirmed, int rejected, int doubtfulLeft) {
    public static ReviewStats of(List<Bead> beads, double threshold) {
        int c = 0, r = 0, d = 0;
        for (Bead b : beads) {
            switch (b.status()) {
                case CONFIRMED -> c++;
                case REJECTED -> r++;
                case AUTO -> {
                    if (BeadFilter.isDoubtful(b, threshold)) d++;
                }
            }
        }
        return new ReviewStats(beads.size(), c, r, d);
    }
}
