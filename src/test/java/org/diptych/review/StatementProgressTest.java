package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;

/** The statements list's summary, read from the project's files without a window. */
class StatementProgressTest {
    @Test
    void titleLanguagesAndProgressPerPairAndWhenWorkIsLeft(@TempDir Path tmp) {
        Path dir = Fixtures.project(tmp.resolve("p"));
        try (Project p = Project.open(dir, true)) {
            StatementProgress s = StatementProgress.of(p, Fixtures.STATEMENT, 0.6, Map.of());
            assertThat(s.title()).isEqualTo("Solidarity with the strikers");
            assertThat(s.languages()).containsExactly("en", "ru", "pt");
            assertThat(s.missing()).isEmpty();
            // 1:2, 0:1 and 1:0 are doubtful; the 1:0 link line is the one source paragraph without translation
            assertThat(s.pairs()).containsExactly(new StatementProgress.Pair("en", "ru", 8, 0, 3, 1));
            assertThat(s.needsWork()).isTrue();

            Alignment a = p.loadAlignment(Fixtures.STATEMENT, "en", "ru").orElseThrow();
            Alignment done = new Alignment(a.statementId(), "en", "ru", a.beads().stream()
                    .map(b -> b.withStatus(BeadStatus.CONFIRMED, "Ana", Instant.EPOCH)).toList(), a.updatedAt());
            p.saveAlignment(done);
            StatementProgress after = StatementProgress.of(p, Fixtures.STATEMENT, 0.6, Map.of());
            assertThat(after.pairs()).containsExactly(new StatementProgress.Pair("en", "ru", 8, 8, 0, 0));
            assertThat(after.needsWork()).as("pt is aligned with nothing yet").isTrue();

            p.saveAlignment(new Alignment(Fixtures.STATEMENT, "en", "pt", List.of(
                    Bead.auto(List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7"), List.of("p1", "p2", "p3", "p4", "p5", "p6"), 0.9)
                            .withStatus(BeadStatus.CONFIRMED, "Ana", Instant.EPOCH)), Instant.EPOCH));
            assertThat(StatementProgress.of(p, Fixtures.STATEMENT, 0.6, Map.of()).needsWork()).isFalse();
        }
    }

    @Test
    void aMissingLanguageAndAnEmptyTranslationAreWorkLeftAndTheDesksStateIsNewerThanTheFiles(@TempDir Path tmp) {
        Path dir = tmp.resolve("q");
        try (Project p = Project.create(dir, "Q", List.of("ru", "en", "pt"))) {
            DocumentVersion ru = new DocumentVersion("ru", null, "markdown", "UTF-8", null, List.of(
                    Paragraph.plain("p1", "Мы требуем освободить задержанных."),
                    Paragraph.plain("p2", "Свободу слова нельзя отменить указом.")));
            DocumentVersion en = new DocumentVersion("en", null, "markdown", "UTF-8", null, List.of(
                    Paragraph.plain("p1", "We demand the release of those detained."),
                    Paragraph.plain("p2", "")));
            p.saveVersion("2024-05-01-appeal", ru, null);
            p.saveVersion("2024-05-01-appeal", en, null);
            Alignment a = new Alignment("2024-05-01-appeal", "ru", "en", List.of(
                    Bead.auto(List.of("p1"), List.of("p1"), 0.9), Bead.auto(List.of("p2"), List.of("p2"), 0.9)), Instant.EPOCH);
            p.saveAlignment(a);
            StatementProgress s = StatementProgress.of(p, "2024-05-01-appeal", 0.6, Map.of());
            assertThat(s.title()).isNull();
            assertThat(s.languages()).containsExactly("ru", "en");
            assertThat(s.missing()).containsExactly("pt");
            assertThat(s.pairs()).containsExactly(new StatementProgress.Pair("ru", "en", 2, 0, 0, 1));
            assertThat(s.needsWork()).isTrue();

            // the desk holds a newer state: the second row translated and both confirmed
            DocumentVersion en2 = en.withParagraphs(List.of(en.paragraphs().get(0),
                    Paragraph.plain("p2", "Freedom of speech cannot be cancelled by decree.")));
            Alignment a2 = new Alignment(a.statementId(), "ru", "en", a.beads().stream()
                    .map(b -> b.withStatus(BeadStatus.CONFIRMED, "Ana", Instant.EPOCH)).toList(), Instant.EPOCH);
            ReviewState open = new ReviewState(a2, ru, en2, List.of(), List.of());
            assertThat(StatementProgress.of(p, "2024-05-01-appeal", 0.6, Map.of("ru-en", open)).pairs())
                    .containsExactly(new StatementProgress.Pair("ru", "en", 2, 2, 0, 0));
        }
    }
}
