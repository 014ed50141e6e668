package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;

class PivotRowsTest {
    static Alignment al(String tgt, Bead... beads) {
        return new Alignment("s", "en", tgt, List.of(beads), Instant.EPOCH);
    }

    static Bead b(List<String> s, List<String> t) {
        return Bead.auto(s, t, 0.9);
    }

    @Test
    void cutsWhereBothAlignmentsHaveABoundary() {
        Alignment ru = al("ru", b(List.of("p1"), List.of("p1")), b(List.of("p2"), List.of("p2", "p3")),
                b(List.of(), List.of("p4")), b(List.of("p3"), List.of("p5")));
        Alignment pt = al("pt", b(List.of("p1", "p2"), List.of("p1")), b(List.of("p3"), List.of("p2")),
                b(List.of(), List.of("p3")));
        List<PivotRows.Row> rows = PivotRows.of(ru, pt);
        assertThat(rows).extracting(PivotRows.Row::pivot).containsExactly(List.of("p1", "p2"), List.of("p3"));
        assertThat(rows.get(0).left()).containsExactly("p1", "p2", "p3", "p4");
        assertThat(rows.get(0).right()).containsExactly("p1");
        assertThat(rows.get(1).left()).containsExactly("p5");
        assertThat(rows.get(1).right()).containsExactly("p2", "p3");
    }

    @Test
    void aRowShowsOnlyTheEnginesFiguresOfItsUnreviewedProposals() {
        Instant at = Instant.parse("2024-03-10T12:00:00Z");
        Alignment ru = al("ru",
                Bead.auto(List.of("p1"), List.of("p1"), 0.02).withStatus(BeadStatus.CONFIRMED, "Ana", at),
                Bead.byHand(List.of("p2"), List.of("p2"), 0.02, null),
                Bead.auto(List.of("p3"), List.of("p3"), 0.81),
                Bead.auto(List.of("p4"), List.of("p4"), 0.64));
        Alignment pt = al("pt",
                Bead.auto(List.of("p1"), List.of("p1"), 0.05).withStatus(BeadStatus.CONFIRMED, "Ivo", at),
                Bead.auto(List.of("p2"), List.of("p2"), 0.9),
                Bead.auto(List.of("p3"), List.of("p3"), 0.3).withStatus(BeadStatus.REJECTED, "Ivo", at),
                Bead.auto(List.of("p4"), List.of("p4"), 0.1));
        List<PivotRows.Row> rows = PivotRows.of(ru, pt);
        PivotRows.Row reviewed = rows.get(0);
        assertThat(reviewed.reviewed()).isTrue();
        assertThat(reviewed.hasEngineConfidence()).as("confirmed on both sides: no engine figure").isFalse();
        assertThat(reviewed.reviewers()).containsExactly("Ana", "Ivo");
        assertThat(rows.get(1).edited()).isTrue();
        assertThat(rows.get(1).confidence()).as("the engine's pt proposal only, not the hand-made 0.02").isEqualTo(0.9);
        assertThat(rows.get(2).confidence()).as("the rejected pt bead adds no figure").isEqualTo(0.81);
        assertThat(rows.get(3).confidence()).isEqualTo(0.1);

        // pt written in the desk: none of its beads is the engine's, so they add no figure (and no 1.00)
        List<PivotRows.Row> started = PivotRows.of(ru, b -> true, pt, b -> false);
        assertThat(started.get(1).hasEngineConfidence()).isFalse();
        assertThat(started.get(1).edited()).isTrue();
        assertThat(started.get(3).confidence()).isEqualTo(0.64);
        Alignment ptOwn = al("pt", Bead.auto(List.of("p1", "p2", "p3", "p4"), List.of("p1"), 1.0));
        Alignment ruOwn = al("ru", Bead.auto(List.of("p1", "p2", "p3", "p4"), List.of("p1"), 1.0));
        assertThat(PivotRows.of(ruOwn, b -> false, ptOwn, b -> false)).singleElement()
                .satisfies(r -> assertThat(r.hasEngineConfidence()).isFalse());
    }

    /** A random alignment of pivot paragraphs p1..pN with {@code counts[0]} target paragraphs made up. */
    static Alignment random(Random rnd, int n, String lang, int[] targetCount) {
        List<Bead> beads = new ArrayList<>();
        int s = 0, t = 0;
        while (s < n) {
            int ns = Math.min(n - s, rnd.nextInt(3)), nt = rnd.nextInt(3);
            if (ns + nt == 0) ns = 1;
            List<String> si = new ArrayList<>(), ti = new ArrayList<>();
            for (int k = 0; k < ns; k++) si.add("p" + (++s));
            for (int k = 0; k < nt; k++) ti.add("p" + (++t));
            beads.add(Bead.auto(si, ti, 0.5));
        }
        targetCount[0] = t;
        return new Alignment("s", "en", lang, beads, Instant.EPOCH);
    }

    static List<String> ids(int n) {
        List<String> r = new ArrayList<>();
        for (int i = 1; i <= n; i++) r.add("p" + i);
        return r;
    }

    @Test
    void everyParagraphOfEachLanguageAppearsOnceInOrder() {
        for (long seed = 1; seed <= 60; seed++) {
            Random rnd = new Random(seed);
            int n = 1 + rnd.nextInt(40);
            int[] nl = new int[1], nr = new int[1];
            Alignment a = random(rnd, n, "ru", nl), c = random(rnd, n, "pt", nr);
            List<PivotRows.Row> rows = PivotRows.of(a, c);
            List<String> pivot = new ArrayList<>(), left = new ArrayList<>(), right = new ArrayList<>();
            rows.forEach(r -> {
                pivot.addAll(r.pivot());
                left.addAll(r.left());
                right.addAll(r.right());
            });
            assertThat(pivot).as("seed %d", seed).isEqualTo(ids(n));
            assertThat(left).isEqualTo(ids(nl[0]));
            assertThat(right).isEqualTo(ids(nr[0]));
        }
    }

    @Test
    void reversedSwapsSidesAndMismatchIsRefused() {
        Alignment ru = al("ru", b(List.of("p1"), List.of("p1", "p2")));
        assertThat(PivotRows.reversed(ru).sourceLang()).isEqualTo("ru");
        assertThat(PivotRows.reversed(ru).beads().get(0).source()).containsExactly("p1", "p2");
        assertThatThrownBy(() -> PivotRows.of(ru, PivotRows.reversed(ru))).isInstanceOf(IllegalArgumentException.class);
    }
}
