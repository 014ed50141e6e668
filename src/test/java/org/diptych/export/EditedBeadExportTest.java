package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;

/**
 * A bead the reviewer made by hand and has not confirmed carries the engine's figure for the beads it came
 * from, not for itself: the side-by-side view and the XLIFF notes of a bundle call it doubtful and edited,
 * and never print that figure, as the desk does.
 */
class EditedBeadExportTest {
    static final DocumentVersion EN = new DocumentVersion("en", "a.md", "text", "UTF-8", FrontMatter.NONE,
            List.of(Paragraph.plain("p1", "The port workers have been on strike for three weeks."),
                    Paragraph.plain("p2", "They ask for a fair wage.")));
    static final DocumentVersion RU = new DocumentVersion("ru", "a.md", "text", "UTF-8", FrontMatter.NONE,
            List.of(Paragraph.plain("p1", "Портовые рабочие бастуют уже три недели. Они требуют справедливой оплаты.")));

    static final List<Bead> BEADS = List.of(Bead.byHand(List.of("p1", "p2"), List.of("p1"), 0.97, null));

    @Test
    void theSideBySideViewCallsAnUnconfirmedHandMadeBeadDoubtfulWithoutTheEnginesFigure() {
        String html = SideBySideHtml.render("2024-05-01-strike", EN, RU, BEADS, Instant.EPOCH, "test");
        assertThat(html).contains("class=\"doubtful\"").contains("edited by hand").doesNotContain("97%");
    }

    @Test
    void theXliffNoteSaysEditedAndGivesNoConfidence() {
        String xliff = new String(BundleFiles.xliff("2024-05-01-strike", EN, RU, BEADS), StandardCharsets.UTF_8);
        assertThat(xliff).contains("doubtful, edited by hand").doesNotContain("confidence 97%");
    }

    @Test
    void anEngineProposalStillShowsItsFigure() {
        List<Bead> engine = List.of(Bead.auto(List.of("p1", "p2"), List.of("p1"), 0.97));
        assertThat(SideBySideHtml.render("2024-05-01-strike", EN, RU, engine, Instant.EPOCH, "test"))
                .contains("class=\"unreviewed\"").contains("97%");
        assertThat(new String(BundleFiles.xliff("2024-05-01-strike", EN, RU, engine), StandardCharsets.UTF_8))
                .contains("unreviewed, confidence 97%");
    }
}
