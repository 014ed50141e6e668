package org.diptych.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.project.Project;
import org.diptych.review.AlignmentEditorTest;
import org.diptych.review.Autosaver;
import org.diptych.review.BeadFilter;
import org.diptych.review.Fixtures;
import org.diptych.review.ReviewState;
import org.diptych.review.ReviewStore;
import org.diptych.review.Side;

/** The desk's logic without the FX thread: rows, filter, cursor, operations, autosave. */
class ReviewViewModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC);

    static ReviewViewModel vm(ReviewState s) {
        return new ReviewViewModel(s, null, null, () -> "Ana", CLOCK, 0.6);
    }

    /** The rows always mirror the editor's beads with their paragraphs. */
    static void assertRowsMirror(ReviewViewModel vm) {
        List<Bead> beads = vm.editor().beads();
        assertThat(vm.rows()).hasSize(beads.size());
        for (int i = 0; i < beads.size(); i++) {
            var r = vm.rows().get(i);
            assertThat(r.bead()).isEqualTo(beads.get(i));
            assertThat(r.source()).containsExactlyElementsOf(
                    beads.get(i).source().stream().map(id -> vm.state().source().paragraph(id)).toList());
            assertThat(r.target()).containsExactlyElementsOf(
                    beads.get(i).target().stream().map(id -> vm.state().target().paragraph(id)).toList());
        }
    }

    @Test
    void aRowFilterNarrowsTheBeadFilterAndKeepsTheCursorOnAShownRow() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        vm.cursorProperty().set(1);
        // rows without target (the 1:0 link line): what the translation panel's "untranslated" passes
        vm.rowFilterProperty().set(r -> r.target().isEmpty());
        assertThat(vm.visible()).extracting(r -> r.bead().source()).containsExactly(List.of("p6"));
        assertThat(vm.cursorProperty().get()).as("moved to the one row shown").isEqualTo(6);
        vm.filterProperty().set(BeadFilter.DOUBTFUL);
        assertThat(vm.visible()).hasSize(1);
        vm.filterProperty().set(BeadFilter.ALL);
        vm.rowFilterProperty().set(r -> r.bead().confidence() > 0.9);
        assertThat(vm.visible()).extracting(r -> r.bead().source()).containsExactly(List.of("p1"), List.of("p2"), List.of("p7"));
        assertThat(vm.nextVisibleAfter(1)).isEqualTo(7);
        vm.rowFilterProperty().set(null);
        assertThat(vm.visible()).hasSize(8);
    }

    @Test
    void confirmMovesToNextShownBeadAndUpdatesStats() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        assertThat(vm.statsProperty().get().doubtfulLeft()).isEqualTo(3);
        vm.filterProperty().set(BeadFilter.DOUBTFUL);
        assertThat(vm.visible()).hasSize(3);
        vm.cursorProperty().set(2);
        vm.confirmAndNext();
        assertThat(vm.rows().get(2).bead().status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(vm.rows().get(2).bead().reviewer()).isEqualTo("Ana");
        assertThat(vm.cursorProperty().get()).isEqualTo(4);
        assertThat(vm.visible()).hasSize(2);
        assertThat(vm.statsProperty().get().confirmed()).isEqualTo(1);
        assertThat(vm.statsProperty().get().doubtfulLeft()).isEqualTo(2);
    }

    @Test
    void thresholdChangesDoubtfulSetAndNextDoubtfulWraps() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        vm.cursorProperty().set(5);
        vm.nextDoubtful();
        assertThat(vm.cursorProperty().get()).isEqualTo(6);
        vm.nextDoubtful();
        assertThat(vm.cursorProperty().get()).isEqualTo(2);
        vm.thresholdProperty().set(0.9);
        assertThat(vm.statsProperty().get().doubtfulLeft()).isEqualTo(5);
        vm.filterProperty().set(BeadFilter.UNREVIEWED);
        vm.cursorProperty().set(0);
        vm.reject();
        assertThat(vm.visible()).hasSize(7);
        assertThat(vm.cursorProperty().get()).isEqualTo(1);
    }

    @Test
    void f8ThenEnterVisitsEveryDoubtfulBeadInTurnAndSaysWhenTheSearchWraps() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        vm.thresholdProperty().set(0.9);
        List<Integer> doubtful = new java.util.ArrayList<>();
        for (int i = 0; i < vm.rows().size(); i++) {
            if (BeadFilter.isDoubtful(vm.rows().get(i).bead(), 0.9)) doubtful.add(i);
        }
        // two doubtful beads next to each other: the case where Enter then F8 used to jump over one
        assertThat(java.util.stream.IntStream.range(1, doubtful.size())
                .anyMatch(k -> doubtful.get(k) == doubtful.get(k - 1) + 1)).isTrue();
        int start = doubtful.get(1);
        vm.cursorProperty().set(start);
        vm.nextDoubtful();
        List<Integer> visited = new java.util.ArrayList<>(List.of(vm.cursorProperty().get()));
        for (int k = 0; k < doubtful.size() - 1; k++) {
            vm.confirmAndNext();
            visited.add(vm.cursorProperty().get());
        }
        // from the one after start, round the end and back from the top
        List<Integer> expected = new java.util.ArrayList<>(doubtful.subList(2, doubtful.size()));
        expected.addAll(doubtful.subList(0, 2));
        assertThat(visited).containsExactlyElementsOf(expected);
        assertThat(vm.messageProperty().get().key()).isEqualTo("msg.confirmedNextDoubtful");
        vm.confirmAndNext();
        assertThat(vm.messageProperty().get().key()).isEqualTo("msg.confirmedLast");
        assertThat(vm.statsProperty().get().doubtfulLeft()).isZero();
    }

    @Test
    void enterWithoutF8MovesToTheNextRowAndF8SaysWhenItWraps() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        vm.cursorProperty().set(1);
        vm.confirmAndNext();
        assertThat(vm.cursorProperty().get()).isEqualTo(2);
        assertThat(vm.messageProperty().get().key()).isEqualTo("msg.confirmed");
        vm.cursorProperty().set(6);
        vm.nextDoubtful();
        assertThat(vm.cursorProperty().get()).isEqualTo(2);
        assertThat(vm.messageProperty().get().key()).isEqualTo("msg.doubtfulWrapped");
        vm.cursorProperty().set(3); // a click elsewhere ends the walk: Enter goes to the next row again
        vm.confirmAndNext();
        assertThat(vm.cursorProperty().get()).isEqualTo(4);
        assertThat(vm.messageProperty().get().key()).isEqualTo("msg.confirmed");
    }

    @Test
    void confidenceOnlyForTheEnginesOwnUnreviewedProposals() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        assertThat(vm.showsConfidence(vm.rows().get(0).bead())).isTrue();
        vm.cursorProperty().set(0);
        vm.mergeWithNext();
        vm.cursorProperty().set(0);
        vm.confirmAndNext();
        Bead merged = vm.rows().get(0).bead();
        assertThat(merged.reviewer()).isEqualTo("Ana");
        assertThat(vm.showsConfidence(merged)).as("a reviewer's bead shows who confirmed it").isFalse();
        // a translation started in the desk: its target has no original file, nothing was aligned by the engine
        var start = org.diptych.translate.TargetVersions.start(Fixtures.STATEMENT, Fixtures.english(), "pt");
        ReviewViewModel tr = vm(new ReviewState(start.alignment(), Fixtures.english(), start.target(), List.of(), List.of()));
        assertThat(tr.rows()).isNotEmpty().allSatisfy(r -> assertThat(tr.showsConfidence(r.bead())).isFalse());
    }

    @Test
    void aBeadMadeByHandShowsTheMarkNotTheEnginesFigureAndIsVisitedByNextDoubtful() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        vm.cursorProperty().set(0);
        vm.insertGap(); // en p1 / ru p1 → 1:0 + 0:1
        assertThat(vm.rows().subList(0, 2)).allSatisfy(r -> {
            assertThat(vm.madeByHand(r.bead())).isTrue();
            assertThat(vm.showsConfidence(r.bead())).isFalse();
        });
        vm.cursorProperty().set(0);
        vm.mergeWithNext(); // one to one again, from beads the engine gave 0.97: still the reviewer's, unconfirmed
        Bead b = vm.rows().get(0).bead();
        assertThat(b.type()).isEqualTo("1:1");
        assertThat(b.confidence()).isGreaterThan(vm.thresholdProperty().get());
        assertThat(vm.showsConfidence(b)).isFalse();
        assertThat(vm.madeByHand(b)).isTrue();
        assertThat(vm.showsConfidence(vm.rows().get(1).bead())).as("the engine's next bead keeps its figure").isTrue();
        assertThat(vm.statsProperty().get().doubtfulLeft()).isEqualTo(4);
        vm.filterProperty().set(BeadFilter.DOUBTFUL);
        assertThat(vm.visible()).extracting(r -> r.bead().source()).first().isEqualTo(List.of("p1"));
        vm.cursorProperty().set(7);
        vm.nextDoubtful();
        assertThat(vm.cursorProperty().get()).isZero();
        vm.confirmAndNext();
        Bead c = vm.rows().get(0).bead();
        assertThat(vm.madeByHand(c)).isFalse();
        assertThat(vm.showsConfidence(c)).isFalse();
        assertThat(c.reviewer()).isEqualTo("Ana");
        assertThat(vm.statsProperty().get().doubtfulLeft()).isEqualTo(3);
        vm.undo();
        assertThat(vm.madeByHand(vm.rows().get(0).bead())).isTrue();
    }

    @Test
    void inapplicableOperationLeavesAMessageAndNoStep() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        vm.cursorProperty().set(7);
        vm.mergeWithNext();
        assertThat(vm.messageProperty().get().error()).isTrue();
        assertThat(vm.messageProperty().get().key()).isEqualTo("na.lastBead");
        assertThat(vm.canUndoProperty().get()).isFalse();
        vm.cursorProperty().set(-1);
        vm.confirmAndNext();
        assertThat(vm.messageProperty().get().key()).isEqualTo("msg.noSelection");
    }

    @Test
    void rowsFollowRandomOperationsUndoAndRedo() {
        Random rnd = new Random(7);
        ReviewViewModel vm = vm(Fixtures.random(rnd, 40));
        for (int k = 0; k < 300; k++) {
            int r = rnd.nextInt(10);
            if (r == 0 && vm.editor().canUndo()) vm.undo();
            else if (r == 1 && vm.editor().canRedo()) vm.redo();
            else {
                try {
                    AlignmentEditorTest.randomOperationPublic(vm.editor(), rnd);
                } catch (IllegalArgumentException ignored) {
                    // not applicable here
                }
            }
            assertRowsMirror(vm);
        }
    }

    @Test
    void realignmentResultIsOneUndoableStep() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        vm.cursorProperty().set(3);
        Alignment a = vm.state().alignment();
        List<Bead> beads = new java.util.ArrayList<>(a.beads());
        beads.set(3, Bead.auto(beads.get(3).source(), beads.get(3).target(), 0.99));
        vm.applyRealignment(a.withBeads(beads));
        assertThat(vm.rows().get(3).bead().confidence()).isEqualTo(0.99);
        vm.undo();
        assertThat(vm.rows().get(3).bead().confidence()).isEqualTo(0.88);
    }

    @Test
    void busyRefusesOperations() {
        ReviewViewModel vm = vm(Fixtures.englishRussianState());
        vm.cursorProperty().set(0);
        vm.busyProperty().set(true);
        vm.confirmAndNext();
        assertThat(vm.rows().get(0).bead().status()).isEqualTo(BeadStatus.AUTO);
        assertThat(vm.messageProperty().get().key()).isEqualTo("msg.busy");
    }

    @Test
    void everyChangeIsSavedInTheBackground(@TempDir Path tmp) {
        Path dir = Fixtures.project(tmp.resolve("p"));
        try (Project p = Project.open(dir, true); Autosaver saver = new Autosaver(e -> { throw new AssertionError(e); })) {
            ReviewState s = ReviewStore.load(p, Fixtures.STATEMENT, "en", "ru").orElseThrow();
            ReviewViewModel vm = new ReviewViewModel(s, p, saver, () -> "Ana", CLOCK, 0.6);
            vm.cursorProperty().set(0);
            vm.confirmAndNext();
            vm.insertGap();
            vm.editText(Side.TARGET, "p2", "Докеры порта бастуют уже месяц.");
            saver.flush();
            ReviewState stored = ReviewStore.load(Project.open(dir, false), Fixtures.STATEMENT, "en", "ru").orElseThrow();
            assertThat(stored).isEqualTo(vm.state());
            vm.undo();
            vm.undo();
            saver.flush();
            stored = ReviewStore.load(Project.open(dir, false), Fixtures.STATEMENT, "en", "ru").orElseThrow();
            assertThat(stored.alignment().beads()).isEqualTo(vm.state().alignment().beads());
            assertThat(stored.target()).isEqualTo(Fixtures.russian());
            assertThat(stored.targetEdits()).isEmpty();
        }
    }
}
