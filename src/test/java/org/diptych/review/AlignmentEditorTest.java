package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;

public class AlignmentEditorTest {
    static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");

    AlignmentEditor editor() {
        return new AlignmentEditor(Fixtures.englishRussianState(), () -> "Ana", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static List<String> types(AlignmentEditor e) {
        return e.beads().stream().map(Bead::type).toList();
    }

    @Test
    void confirmStampsReviewerAndTime() {
        AlignmentEditor e = editor();
        e.confirm(2);
        Bead b = e.beads().get(2);
        assertThat(b.status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(b.reviewer()).isEqualTo("Ana");
        assertThat(b.reviewedAt()).isEqualTo(NOW);
        assertThat(e.alignment().updatedAt()).isEqualTo(NOW);
    }

    @Test
    void confirmAllAboveLeavesRejectedAndCursorBead() {
        AlignmentEditor e = editor();
        e.reject(1);
        assertThat(e.confirmAllAbove(4)).isEqualTo(3);
        assertThat(e.beads()).extracting(Bead::status).containsExactly(BeadStatus.CONFIRMED, BeadStatus.REJECTED,
                BeadStatus.CONFIRMED, BeadStatus.CONFIRMED, BeadStatus.AUTO, BeadStatus.AUTO, BeadStatus.AUTO,
                BeadStatus.AUTO);
        assertThatThrownBy(() -> e.confirmAllAbove(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergeAndSplitAreInverseInShape() {
        AlignmentEditor e = editor();
        e.confirm(3);
        e.mergeWithNext(3);
        Bead m = e.beads().get(3);
        assertThat(m.source()).containsExactly("p4");
        assertThat(m.target()).containsExactly("p5", "p6");
        assertThat(m.status()).isEqualTo(BeadStatus.AUTO);
        assertThat(m.confidence()).isEqualTo(0.30);
        e.split(3, 1, 1);
        assertThat(types(e)).containsExactly("1:1", "1:1", "1:2", "1:1", "0:1", "1:1", "1:0", "1:1");
        assertThatThrownBy(() -> e.mergeWithNext(7)).hasMessageContaining("last bead");
        assertThatThrownBy(() -> e.split(3, 0, 0)).hasMessageContaining("both parts");
        assertThatThrownBy(() -> e.split(3, 1, 1)).hasMessageContaining("both parts");
        assertThatThrownBy(() -> e.split(3, 2, 0)).hasMessageContaining("outside");
    }

    @Test
    void shiftMovesOneParagraphAndDropsEmptyBeads() {
        AlignmentEditor e = editor();
        // bead 2 is p3 / p3,p4: move p4 (last target) down into bead 3
        assertThat(e.moveLastToNext(2, Side.TARGET)).isEqualTo(2);
        assertThat(e.beads().get(2).target()).containsExactly("p3");
        assertThat(e.beads().get(3).target()).containsExactly("p4", "p5");
        // and back up
        assertThat(e.moveFirstToPrevious(3, Side.TARGET)).isEqualTo(3);
        assertThat(e.beads().get(2).target()).containsExactly("p3", "p4");
        // bead 4 is 0:1; moving its only paragraph up removes it
        assertThat(e.moveFirstToPrevious(4, Side.TARGET)).isEqualTo(3);
        assertThat(e.size()).isEqualTo(7);
        assertThat(e.beads().get(3).target()).containsExactly("p5", "p6");
        assertThatThrownBy(() -> e.moveFirstToPrevious(0, Side.SOURCE)).hasMessageContaining("first bead");
        assertThatThrownBy(() -> e.moveLastToNext(e.size() - 1, Side.SOURCE)).hasMessageContaining("last bead");
        assertThatThrownBy(() -> e.moveLastToNext(5, Side.TARGET)).hasMessageContaining("empty");
    }

    @Test
    void insertGapTurnsOneToOneIntoTwoHalves() {
        AlignmentEditor e = editor();
        e.insertGap(1);
        assertThat(types(e).subList(0, 4)).containsExactly("1:1", "1:0", "0:1", "1:2");
        assertThatThrownBy(() -> e.insertGap(1)).hasMessageContaining("empty side");
    }

    @Test
    void editTextChangesParsedVersionAndLogsTheEdit() {
        AlignmentEditor e = editor();
        e.editText(Side.TARGET, "p2", "Докеры порта **бастуют** уже три недели!");
        assertThat(e.state().target().paragraph("p2").text()).isEqualTo("Докеры порта бастуют уже три недели!");
        assertThat(e.state().target().paragraph("p2").markup()).contains("**бастуют**");
        assertThat(e.state().targetEdits()).singleElement().satisfies(te -> {
            assertThat(te.before()).isEqualTo("Докеры порта бастуют уже три недели.");
            assertThat(te.reviewer()).isEqualTo("Ana");
        });
        assertThat(e.state().source()).isEqualTo(Fixtures.english());
        e.undo();
        assertThat(e.state()).isEqualTo(Fixtures.englishRussianState());
        assertThatThrownBy(() -> e.editText(Side.SOURCE, "p99", "x")).hasMessageContaining("no paragraph p99");
    }

    @Test
    void notesAndRejection() {
        AlignmentEditor e = editor();
        e.setNote(6, "Link line only in English");
        e.reject(6);
        assertThat(e.beads().get(6).note()).isEqualTo("Link line only in English");
        assertThat(e.beads().get(6).status()).isEqualTo(BeadStatus.REJECTED);
        e.setNote(6, " ");
        assertThat(e.beads().get(6).note()).isNull();
    }

    @Test
    void replaceAlignmentKeepsConfirmedBeads() {
        AlignmentEditor e = editor();
        e.confirm(0);
        var moved = e.alignment().withBeads(List.of(
                Bead.auto(List.of("p1", "p2"), List.of("p1", "p2"), 0.5),
                Bead.auto(List.of("p3", "p4", "p5", "p6", "p7"), List.of("p3", "p4", "p5", "p6", "p7", "p8"), 0.5)));
        assertThatThrownBy(() -> e.replaceAlignment(moved, "re-align")).hasMessageContaining("confirmed bead");
        var broken = e.alignment().withBeads(List.of(Bead.auto(List.of("p1"), List.of("p1"), 1)));
        assertThatThrownBy(() -> e.replaceAlignment(broken, "re-align")).hasMessageContaining("invalid");
        List<Bead> ok = new ArrayList<>(e.beads());
        ok.set(1, Bead.auto(List.of("p2"), List.of("p2"), 0.99));
        e.replaceAlignment(e.alignment().withBeads(ok), "re-align");
        assertThat(e.beads().get(1).confidence()).isEqualTo(0.99);
        assertThat(e.undoName()).isEqualTo("re-align");
    }

    @Test
    void listenersSeeEveryStepAndUndoRedo() {
        AlignmentEditor e = editor();
        List<String> ops = new ArrayList<>();
        e.addListener((b, a, op) -> ops.add(op));
        e.confirm(0);
        e.undo();
        e.redo();
        assertThat(ops).containsExactly("confirm", "undo confirm", "redo confirm");
        assertThat(e.canRedo()).isFalse();
        e.undo();
        e.mergeWithNext(0);
        assertThat(e.canRedo()).isFalse();
        assertThat(ops).hasSize(5);
    }

    /** Random operations keep the invariant; undoing all of them restores each state exactly, and redo too. */
    @Test
    void randomSequencesKeepInvariantAndUndoExactly() {
        for (long seed = 1; seed <= 60; seed++) {
            Random rnd = new Random(seed);
            ReviewState start = Fixtures.random(rnd, 5 + rnd.nextInt(30));
            long[] tick = {0};
            AlignmentEditor e = new AlignmentEditor(start, () -> "R" + tick[0],
                    new Clock() {
                        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
                        public Clock withZone(java.time.ZoneId z) { return this; }
                        public Instant instant() { return Instant.ofEpochSecond(++tick[0]); }
                    });
            List<ReviewState> history = new ArrayList<>(List.of(start));
            for (int step = 0; step < 80; step++) {
                int before = history.size();
                try {
                    randomOperation(e, rnd);
                    history.add(e.state());
                } catch (IllegalArgumentException notApplicable) {
                    assertThat(e.state()).isSameAs(history.get(history.size() - 1));
                }
                e.state().alignment().validate(e.state().source(), e.state().target());
                if (history.size() > before && rnd.nextInt(6) == 0) {
                    e.undo();
                    history.remove(history.size() - 1);
                    assertThat(e.state()).isEqualTo(history.get(history.size() - 1));
                }
            }
            List<ReviewState> forward = new ArrayList<>(history);
            for (int k = history.size() - 2; k >= 0; k--) {
                e.undo();
                assertThat(e.state()).as("seed %d undo to %d", seed, k).isEqualTo(history.get(k));
            }
            assertThat(e.canUndo()).isFalse();
            for (int k = 1; k < forward.size(); k++) {
                e.redo();
                assertThat(e.state()).isEqualTo(forward.get(k));
            }
        }
    }

    /** One random review operation (for other tests); may throw {@link IllegalArgumentException}. */
    public static void randomOperationPublic(AlignmentEditor e, Random rnd) {
        randomOperation(e, rnd);
    }

    static void randomOperation(AlignmentEditor e, Random rnd) {
        int i = rnd.nextInt(e.size());
        Side side = rnd.nextBoolean() ? Side.SOURCE : Side.TARGET;
        Bead b = e.beads().get(i);
        switch (rnd.nextInt(10)) {
            case 0 -> e.confirm(i);
            case 1 -> e.confirmAllAbove(i);
            case 2 -> e.reject(i);
            case 3 -> e.mergeWithNext(i);
            case 4 -> e.split(i, rnd.nextInt(b.source().size() + 1), rnd.nextInt(b.target().size() + 1));
            case 5 -> e.moveFirstToPrevious(i, side);
            case 6 -> e.moveLastToNext(i, side);
            case 7 -> e.insertGap(i);
            case 8 -> {
                List<String> ids = side.of(b);
                if (ids.isEmpty()) throw new IllegalArgumentException("empty");
                e.editText(side, ids.get(0), "Edited " + rnd.nextInt(1000) + " — ção, щ");
            }
            default -> e.setNote(i, rnd.nextBoolean() ? "note " + rnd.nextInt(100) : null);
        }
    }
}
