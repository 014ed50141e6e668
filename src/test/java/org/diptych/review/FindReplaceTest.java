package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Find and replace over one side of a pair: preview, case and whole-word options, one undoable step, logged. */
class FindReplaceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void previewThenReplaceIsOneUndoableLoggedStep() {
        AlignmentEditor ed = new AlignmentEditor(Fixtures.englishRussianState(), () -> "Ana", CLOCK);
        // "the" as a whole word, any case: p1 "the strikers", p2 "The dock workers of the port", p7 "the editorial"
        List<FindReplace.Hit> hits = FindReplace.preview(ed.state(), Side.SOURCE, new FindReplace.Query("the", "our", false, true));
        assertThat(hits).extracting(FindReplace.Hit::paragraphId).containsExactly("p1", "p2", "p7");
        assertThat(hits.get(1).count()).isEqualTo(2);
        assertThat(hits.get(1).after()).isEqualTo("our dock workers of our port have been on strike for three weeks.");
        // "Their" (p3) and "them" (p4) are other words
        assertThat(hits).noneMatch(h -> h.paragraphId().equals("p3") || h.paragraphId().equals("p4"));
        assertThat(FindReplace.preview(ed.state(), Side.SOURCE, new FindReplace.Query("the", "our", true, false)))
                .as("case matters, inside words too").extracting(FindReplace.Hit::paragraphId)
                .containsExactly("p1", "p2", "p4", "p7");

        int n = FindReplace.apply(ed, hits);
        assertThat(n).isEqualTo(4);
        assertThat(ed.state().source().paragraph("p7").markup()).isEqualTo("Signed: our editorial board.");
        assertThat(ed.state().source().paragraph("p1").text()).isEqualTo("Solidarity with our strikers");
        assertThat(ed.state().sourceEdits()).extracting(TextEdit::paragraphId).containsExactly("p1", "p2", "p7");
        assertThat(ed.state().sourceEdits().get(2)).isEqualTo(new TextEdit("p7", "Signed: the editorial board.",
                "Signed: our editorial board.", "Ana", CLOCK.instant()));
        assertThat(ed.undoName()).isEqualTo("replace");
        ed.undo();
        assertThat(ed.state()).isEqualTo(Fixtures.englishRussianState());
    }

    @Test
    void theTargetSideCyrillicCaseAndNothingToReplace() {
        AlignmentEditor ed = new AlignmentEditor(Fixtures.englishRussianState(), () -> "Ana", CLOCK);
        List<FindReplace.Hit> hits = FindReplace.preview(ed.state(), Side.TARGET, new FindReplace.Query("ПОРТА", "гавани", false, true));
        assertThat(hits).extracting(FindReplace.Hit::after).containsExactly("Докеры гавани бастуют уже три недели.");
        assertThat(FindReplace.preview(ed.state(), Side.TARGET, new FindReplace.Query("порт", "гавань", false, true)))
                .as("'порта' and 'порте' are other words").isEmpty();
        assertThat(FindReplace.preview(ed.state(), Side.TARGET, new FindReplace.Query("ПОРТА", "гавани", true, false))).isEmpty();
        assertThat(FindReplace.preview(ed.state(), Side.TARGET, new FindReplace.Query("$1 [x]", "y", false, false))).isEmpty();
        assertThatThrownBy(() -> FindReplace.apply(ed, List.of())).isInstanceOf(NotApplicable.class);
        FindReplace.apply(ed, hits);
        assertThat(ed.state().targetEdits()).singleElement().extracting(TextEdit::after).isEqualTo("Докеры гавани бастуют уже три недели.");
        assertThat(ed.state().sourceEdits()).isEmpty();
    }
}
