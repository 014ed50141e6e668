package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.model.Statement;
import org.diptych.project.Project;
import org.diptych.qa.QaIssue;
import org.diptych.qa.QaRule;
import org.diptych.review.MarkupText;
import org.diptych.tm.TmFeeder;
import org.diptych.tm.TranslationMemory;
import org.diptych.translate.Demo;
import org.diptych.translate.TranslationStatus;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.review.ReviewViewModel;
import org.diptych.ui.shell.MainWindow;

/**
 * Formatting through the TM in the desk: the heat statement's ru p13 (a link to the campaign page, no
 * Portuguese yet) was translated before in another statement, with a link and an emphasis; its match,
 * inserted with Ctrl+1 or filled with Ctrl+Shift+F, is that translation's markdown exactly, and QA finds
 * no lost link.
 */
@ExtendWith(FxApp.class)
class TranslateFormattingTest {
    static final String PT_P13 = "Se você trabalha no calor e o empregador não faz nada, escreva-nos: ajudamos a redigir a "
            + "notificação e a queixa à inspeção do trabalho. Os *modelos* estão na "
            + "[página da campanha](https://solidarnost-snizu.example/zhara).";

    Path tmp;
    Path dir;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("diptych-translate-fmt");
        dir = Demo.copy(tmp.resolve("demo"));
        try (Project p = Project.open(dir, true)) {
            p.saveAlignment(Demo.heatRuPt(p));
            Paragraph ru13 = p.loadVersion(Demo.HEAT, "ru").orElseThrow().paragraph("p13");
            // an older statement whose paragraph is the same text, translated with its formatting
            DocumentVersion ru = new DocumentVersion("ru", "older.md", "markdown", "UTF-8", FrontMatter.NONE,
                    List.of(ru13.withText(ru13.markup(), ru13.text())));
            DocumentVersion pt = new DocumentVersion("pt", "older.md", "markdown", "UTF-8", FrontMatter.NONE,
                    List.of(new Paragraph("p13", BlockKind.PARAGRAPH, 0, PT_P13, MarkupText.plain(PT_P13))));
            Alignment a = new Alignment("2024-06-01-older", "ru", "pt", List.of(Bead.auto(List.of("p13"), List.of("p13"), 0.9)
                    .withStatus(BeadStatus.CONFIRMED, "Ana", Instant.parse("2024-06-02T10:00:00Z"))), Instant.now());
            try (TranslationMemory tm = TranslationMemory.open(p.tmDir())) {
                new TmFeeder(tm, null, false).feed(new Statement("2024-06-01-older", Map.of("ru", ru, "pt", pt)), a, "Ana");
            }
        }
        prefs = FxFixtures.freshPrefs();
        window = FxFixtures.openWindow(stage, prefs, dir);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    TranslatePanel panel() {
        return window.translatePanel();
    }

    ReviewViewModel vm() {
        return window.desk().viewModel();
    }

    static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aMatchIsInsertedAndFilledWithItsMarkdown(FxRobot robot) throws Exception {
        robot.clickOn(window.desk().table());
        robot.interact(() -> vm().cursorProperty().set(12));
        ctrl(robot, KeyCode.T);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !panel().matches().getItems().isEmpty());
        TmService.Suggestion best = panel().matches().getItems().get(0);
        assertThat(best.score()).isEqualTo(100);
        assertThat(best.match().target().text()).isEqualTo(MarkupText.plain(PT_P13)); // the TM's text stays plain
        ctrl(robot, KeyCode.DIGIT1);
        assertThat(panel().editor().getText()).isEqualTo(PT_P13);
        assertThat(vm().rows().get(12).target()).extracting(Paragraph::markup).containsExactly(PT_P13);

        // QA: the link of the source is in the translation
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !panel().qaList().getItems().isEmpty());
        assertThat(panel().qaList().getItems()).filteredOn(i -> i.bead() == 12).extracting(QaIssue::rule)
                .doesNotContain(QaRule.LINKS, QaRule.URLS);

        // undone, then filled with 100% matches: the same markdown
        robot.interact(() -> window.desk().table().requestFocus());
        ctrl(robot, KeyCode.Z);
        assertThat(panel().session().status(12)).isEqualTo(TranslationStatus.UNTRANSLATED);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panel().session().status(12) == TranslationStatus.DRAFT);
        assertThat(panel().session().targetBody(12)).isEqualTo(PT_P13);
        WaitForAsyncUtils.waitForFxEvents();
        // the result says what was filled out of what, and why the rest was left
        assertThat(robot.lookup("#tr-message").queryLabeled().getText()).matches(
                "\\d+ of \\d+ untranslated rows filled from 100% matches; the other \\d+ have no match with the same words.*");
        assertThat(robot.lookup("#button-fillExact").queryButton().getTooltip().getText()).contains("same formatting", "Ctrl+Shift+F");

        // Tab leaves the editor for the next control, Ctrl+Tab types a tab character
        robot.clickOn("#tr-editor");
        robot.interact(() -> panel().editor().end());
        String before = panel().editor().getText();
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertThat(panel().editor().getText()).isEqualTo(before + "\t");
        robot.type(KeyCode.TAB);
        assertThat(panel().editor().getText()).isEqualTo(before + "\t");
        assertThat(panel().editor().isFocused()).isFalse();
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        assertThat(panel().editor().isFocused()).as("Shift+Tab comes back").isTrue();
    }
}
