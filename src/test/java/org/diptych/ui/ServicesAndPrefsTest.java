package org.diptych.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.project.Project;
import org.diptych.review.Fixtures;

/** The seams' placeholders, preferences, stored window state and the three interface languages. */
class ServicesAndPrefsTest {
    @Test
    void standardImporterImportsThroughTheCore(@TempDir Path tmp) throws Exception {
        Path post = tmp.resolve("zayavlenie.md");
        java.nio.file.Files.writeString(post, "---\ntitle: Заявление\n---\n\nМы поддерживаем забастовку.\n\nВторой абзац.\n");
        Services s = Services.standard();
        try (Project p = Project.create(tmp.resolve("p"), null, java.util.List.of("ru", "en"))) {
            String report = s.importer().importFile(p, "2025-01-01-strike", post, null, false, Progress.NONE);
            assertThat(report).contains("2 paragraphs");
            assertThat(p.loadVersion("2025-01-01-strike", "ru")).isPresent();
            assertThatThrownBy(() -> s.importer().importFile(p, "2025-01-01-strike", post, null, false, Progress.NONE))
                    .isInstanceOf(DiptychException.class).hasMessageContaining("zayavlenie.md");
        }
    }

    @Test
    void standardImporterStopsAtTheDesksCancelAndImportsNothing(@TempDir Path tmp) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1500; i++) sb.append("Абзац ").append(i).append(": профсоюз требует повысить зарплату.\n\n");
        Path text = java.nio.file.Files.writeString(tmp.resolve("long.txt"), sb);
        int[] updates = {0};
        Progress cancelledMidway = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                updates[0]++;
            }

            @Override
            public boolean isCancelled() {
                return updates[0] >= 2; // the Cancel button pressed while the file is read
            }
        };
        try (Project p = Project.create(tmp.resolve("p"), null, java.util.List.of("ru", "en"))) {
            assertThatThrownBy(() -> Services.standard().importer().importFile(p, "2025-01-02-long", text, null, false,
                    cancelledMidway)).isInstanceOf(Progress.Cancelled.class);
            assertThat(p.statementIds()).isEmpty();
        }
    }

    @Test
    void recentProjectsMostRecentFirstWithoutDuplicates() {
        UiPrefs p = FxFixtures.freshPrefs();
        try {
            for (int i = 0; i < 10; i++) p.addRecent(Path.of("/tmp/p" + i));
            p.addRecent(Path.of("/tmp/p5"));
            assertThat(p.recentProjects()).hasSize(UiPrefs.RECENT_MAX);
            assertThat(p.recentProjects().get(0)).isEqualTo(Path.of("/tmp/p5"));
            assertThat(p.recentProjects().get(1)).isEqualTo(Path.of("/tmp/p9"));
            assertThat(p.recentProjects()).doesNotHaveDuplicates();
            p.setLanguage("pt");
            assertThat(p.locale()).isEqualTo(Locale.forLanguageTag("pt"));
        } finally {
            FxFixtures.dispose(p);
        }
    }

    @Test
    void windowStateRoundTripsThroughTheProject(@TempDir Path tmp) {
        Path dir = Fixtures.project(tmp.resolve("p"));
        UiState s = new UiState(Fixtures.STATEMENT, "en", "ru", 12, 14, "DOUBTFUL", "review");
        try (Project p = Project.open(dir, true)) {
            s.save(p);
        }
        assertThat(UiState.load(dir)).isEqualTo(s);
        assertThat(UiState.load(tmp)).isEqualTo(UiState.EMPTY);
    }

    @Test
    void everyLanguageHasEveryKey() {
        var en = load("messages.properties");
        for (String tag : new String[] {"ru", "pt"}) {
            var other = load("messages_" + tag + ".properties");
            assertThat(other.stringPropertyNames()).as(tag).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        }
        assertThat(new I18n(Locale.forLanguageTag("ru-RU")).t("op.undo")).isEqualTo("Отменить");
        assertThat(new I18n(Locale.forLanguageTag("pt-BR")).t("msg.confirmedAbove", 3)).isEqualTo("3 pares confirmados");
        assertThat(new I18n(Locale.GERMAN).t("op.undo")).isEqualTo("Undo");
    }

    static java.util.Properties load(String name) {
        var p = new java.util.Properties();
        try (var in = ServicesAndPrefsTest.class.getResourceAsStream("/org/diptych/ui/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }
}
