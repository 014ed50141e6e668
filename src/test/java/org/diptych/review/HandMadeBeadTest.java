package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.project.Project;

/**
 * Beads made by hand in the desk (merge, split, gap, the paragraph shifts) carry a mark instead of passing the
 * engine's confidence for their own; they stay doubtful until confirmed, and the mark survives undo, redo and
 * a save.
 */
class HandMadeBeadTest {
    static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");

    static AlignmentEditor editor() {
        return new AlignmentEditor(Fixtures.englishRussianState(), () -> "Ana", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The indices of the beads marked as made by hand. */
    static List<Integer> edited(AlignmentEditor e) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < e.size(); i++) if (e.beads().get(i).edited()) out.add(i);
        return out;
    }

    @Test
    void everyStructuralStepMarksTheBeadsItMakesAndOnlyThose() {
        AlignmentEditor e = editor();
        assertThat(edited(e)).isEmpty();
        e.mergeWithNext(0);
        assertThat(edited(e)).containsExactly(0);
        assertThat(e.beads().get(0).isEngineProposal()).isFalse();

        e = editor();
        e.split(2, 1, 1); // en p3 / ru p3 + ru p4
        assertThat(edited(e)).containsExactly(2, 3);

        e = editor();
        e.insertGap(1);
        assertThat(edited(e)).containsExactly(1, 2);

        e = editor();
        e.moveFirstToPrevious(3, Side.TARGET); // ru p5 to the bead before
        assertThat(edited(e)).containsExactly(2, 3);

        e = editor();
        e.moveLastToNext(0, Side.SOURCE); // en p1 into the next bead; bead 0 keeps ru p1
        assertThat(edited(e)).containsExactly(0, 1);

        e = editor();
        e.confirm(3);
        e.reject(4);
        e.setNote(5, "ver a nota do tradutor");
        assertThat(edited(e)).as("confirm, reject and a note build nothing").isEmpty();
        assertThat(e.beads().get(5).isEngineProposal()).isTrue();
    }

    @Test
    void aHandMadeBeadIsDoubtfulUntilConfirmedWhateverItsOldConfidence() {
        AlignmentEditor e = editor();
        e.insertGap(0);
        e.mergeWithNext(0); // back to en p1 / ru p1, one to one, built from beads the engine gave 0.97
        Bead b = e.beads().get(0);
        assertThat(b.type()).isEqualTo("1:1");
        assertThat(b.confidence()).isEqualTo(0.97);
        assertThat(BeadFilter.isDoubtful(b, 0.6)).isTrue();
        assertThat(BeadFilter.nextDoubtful(e.beads(), -1, 0.6)).isZero();
        assertThat(ReviewStats.of(e.beads(), 0.6).doubtfulLeft()).isEqualTo(4);
        assertThat(BeadFilter.UNREVIEWED.test(b, 0.6)).isTrue();

        e.confirm(0);
        Bead c = e.beads().get(0);
        assertThat(c.status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(c.reviewer()).isEqualTo("Ana");
        assertThat(c.edited()).as("the bead's history is kept").isTrue();
        assertThat(BeadFilter.isDoubtful(c, 0.6)).isFalse();
        assertThat(ReviewStats.of(e.beads(), 0.6).doubtfulLeft()).isEqualTo(3);
    }

    @Test
    void undoAndRedoBringTheMarkBackAndAway() {
        AlignmentEditor e = editor();
        e.mergeWithNext(1);
        e.confirm(1);
        e.undo();
        assertThat(e.beads().get(1).edited()).isTrue();
        assertThat(e.beads().get(1).status()).isEqualTo(BeadStatus.AUTO);
        e.undo();
        assertThat(edited(e)).isEmpty();
        assertThat(e.beads().get(1).isEngineProposal()).isTrue();
        e.redo();
        assertThat(edited(e)).containsExactly(1);
    }

    @Test
    void reAlignmentLetsTheEngineProposeAgainWhatWasMadeByHandButNotConfirmed() {
        AlignmentEditor e = editor();
        e.mergeWithNext(0);
        e.mergeWithNext(3); // 0:1 + 1:1 → the translator's note joined to the next paragraph
        e.confirm(3);
        // what the engine gives back: its own proposals, the confirmed bead kept as it was
        Alignment a = Fixtures.englishRussian();
        List<Bead> fresh = new java.util.ArrayList<>(a.beads().subList(0, 4));
        fresh.add(e.beads().get(3));
        fresh.addAll(a.beads().subList(6, 8));
        e.replaceAlignment(a.withBeads(fresh), "re-align");
        assertThat(e.beads().get(0).isEngineProposal()).isTrue();
        assertThat(e.beads().get(4).edited()).as("the confirmed hand-made bead stays as it was").isTrue();
        assertThat(e.beads().get(4).isConfirmed()).isTrue();
        e.undo();
        assertThat(e.beads().get(0).edited()).isTrue();
    }

    @Test
    void theMarkIsSavedOnlyWhereSetAndOldFilesWithoutItStillLoad(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.project(tmp.resolve("p"));
        AlignmentEditor e = editor();
        e.split(2, 1, 1);
        try (Project p = Project.open(dir, true)) {
            p.saveAlignment(e.alignment());
            String json = Files.readString(p.alignmentFile(Fixtures.STATEMENT, "en", "ru"));
            assertThat(json.split("\"edited\"", -1)).as("written for the two hand-made beads only").hasSize(3);
            assertThat(json).doesNotContain("engineProposal");
            Alignment back = p.loadAlignment(Fixtures.STATEMENT, "en", "ru").orElseThrow();
            assertThat(back.beads()).isEqualTo(e.beads());
        }
        // an align.json as earlier versions wrote it: no "edited" field, a "confirmed" one
        String old = """
                {
                  "statementId" : "%s",
                  "sourceLang" : "en",
                  "targetLang" : "ru",
                  "beads" : [ {
                    "source" : [ "p1", "p2", "p3", "p4", "p5", "p6", "p7" ],
                    "target" : [ "p1", "p2", "p3", "p4", "p5", "p6", "p7" ],
                    "confidence" : 0.02,
                    "status" : "AUTO",
                    "reviewer" : null,
                    "reviewedAt" : null,
                    "note" : null,
                    "confirmed" : false
                  }, {
                    "source" : [ ],
                    "target" : [ "p8" ],
                    "confidence" : 0.5,
                    "status" : "CONFIRMED",
                    "reviewer" : "Ivo",
                    "reviewedAt" : "2024-03-09T11:00:00Z",
                    "note" : null,
                    "confirmed" : true
                  } ],
                  "updatedAt" : "2024-03-09T11:00:00Z"
                }
                """.formatted(Fixtures.STATEMENT);
        try (Project p = Project.open(dir, true)) {
            Files.writeString(p.alignmentFile(Fixtures.STATEMENT, "en", "ru"), old, StandardCharsets.UTF_8);
            Alignment a = p.loadAlignment(Fixtures.STATEMENT, "en", "ru").orElseThrow();
            assertThat(a.beads()).hasSize(2).noneMatch(Bead::edited);
            assertThat(a.beads().get(0).isEngineProposal()).isTrue();
            assertThat(a.beads().get(1).reviewer()).isEqualTo("Ivo");
        }
    }
}
