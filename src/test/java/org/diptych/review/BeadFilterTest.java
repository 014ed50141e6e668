package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.diptych.model.Bead;

class BeadFilterTest {
    static final double T = 0.6;

    @Test
    void aConfidentOneToOneBeadIsNotDoubtfulButAConfidentGapOrSplitIs() {
        assertThat(BeadFilter.isDoubtful(Bead.auto(List.of("p1"), List.of("p1"), 0.98), T)).isFalse();
        assertThat(BeadFilter.isDoubtful(Bead.auto(List.of("p1"), List.of("p1"), 0.59), T)).isTrue();
        // left untranslated, added by the translator, split in two: a reviewer should see each
        assertThat(BeadFilter.isDoubtful(Bead.auto(List.of("p2"), List.of(), 0.98), T)).isTrue();
        assertThat(BeadFilter.isDoubtful(Bead.auto(List.of(), List.of("p2"), 0.98), T)).isTrue();
        assertThat(BeadFilter.isDoubtful(Bead.auto(List.of("p3"), List.of("p3", "p4"), 0.98), T)).isTrue();
    }

    @Test
    void reviewedBeadsAreNeverDoubtfulAndStatsAndNextDoubtfulAgree() {
        List<Bead> beads = List.of(
                Bead.auto(List.of("p1"), List.of("p1"), 0.99),
                Bead.auto(List.of("p2"), List.of(), 0.99),
                Bead.auto(List.of("p3"), List.of("p2", "p3"), 0.99).withStatus(org.diptych.model.BeadStatus.CONFIRMED, "Ana", java.time.Instant.EPOCH),
                Bead.auto(List.of("p4"), List.of("p4"), 0.99));
        assertThat(ReviewStats.of(beads, T).doubtfulLeft()).isEqualTo(1);
        assertThat(BeadFilter.nextDoubtful(beads, -1, T)).isEqualTo(1);
        assertThat(BeadFilter.nextDoubtful(beads, 1, T)).as("wraps to the only one").isEqualTo(1);
    }
}
