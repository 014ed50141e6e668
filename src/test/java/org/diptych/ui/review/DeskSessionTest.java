package org.diptych.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.model.Alignment;
import org.diptych.model.BeadStatus;
import org.diptych.project.Project;
import org.diptych.review.BeadFilter;
import org.diptych.review.Fixtures;
import org.diptych.review.ReviewState;
import org.diptych.ui.FxFixtures;

/** Re-alignment, pairs, autosave and reopen, import and errors, interface language: through the window. */
class DeskSessionTest extends DeskTestBase {
    static final String LONG = "2024-05-01-long";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.tasks().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void realignRunsInBackgroundCanBeCancelledAndKeepsConfirmedBeads(FxRobot robot) throws Exception {
        clickRow(robot, "Their demands are simple");
        robot.type(KeyCode.ENTER);
        Alignment before = stored();
        alignDelay.set(400);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.tasks().runningProperty().get());
        assertThat(robot.lookup("#task-cancel").query().isVisible()).isTrue();
        assertThat(vm().busyProperty().get()).isTrue();
        robot.clickOn("#task-cancel");
        waitIdle();
        assertThat(stored()).isEqualTo(before);
        assertThat(vm().state().alignment()).isEqualTo(before);

        alignDelay.set(0);
        robot.clickOn("#button-realign");
        waitIdle();
        Alignment after = stored();
        assertThat(after).isNotEqualTo(before);
        var kept = after.beads().stream().filter(b -> b.status() == BeadStatus.CONFIRMED).toList();
        assertThat(kept).singleElement().isEqualTo(before.beads().get(2));
        assertThat(robot.lookup("#desk-message").queryAs(Label.class).getText()).contains("Re-aligned");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(stored().beads()).isEqualTo(before.beads());
    }

    @Test
    void theStatusBarNamesTheLexiconPairsFoundInTheSelectedBead(FxRobot robot) throws Exception {
        org.diptych.glossary.GlossaryStore.save(window.project(), new org.diptych.glossary.Glossary(List.of(
                new org.diptych.glossary.GlossaryEntry(java.util.Map.of("en", List.of("strike"), "ru", List.of("бастуют")), null),
                new org.diptych.glossary.GlossaryEntry(java.util.Map.of("en", List.of("wage"), "ru", List.of("зарплата")), null))));
        clickRow(robot, "The dock workers");
        Label support = robot.lookup("#desk-support").queryAs(Label.class);
        assertThat(support.getText()).contains("strike → бастуют").doesNotContain("зарплата");
        clickRow(robot, "Their demands are simple");
        assertThat(support.getText()).contains("wage → зарплата").doesNotContain("strike");
    }

    @Test
    void pickingANewPairAlignsItAtOnceInTheBackground(FxRobot robot) throws Exception {
        assertThat(Project.open(dir, false).loadAlignment(Fixtures.STATEMENT, "en", "pt")).isEmpty();
        robot.clickOn("#desk-pair");
        robot.clickOn("en → pt");
        waitIdle();
        assertThat(vm()).isNotNull();
        assertThat(vm().targetLang()).isEqualTo("pt");
        window.flushSaves();
        Alignment enPt = FxFixtures.stored(dir, Fixtures.STATEMENT, "en", "pt");
        enPt.validate(Fixtures.english(), Fixtures.portuguese());
        assertThat(enPt.beads()).hasSize(7);
    }

    @Test
    void aCorrectionInOnePairIsSeenByTheOtherPairOfTheSameVersion(FxRobot robot) throws Exception {
        robot.clickOn("#desk-pair").clickOn("en → pt");
        waitIdle();
        robot.clickOn("#desk-pair").clickOn("en → ru");
        WaitForAsyncUtils.waitForFxEvents();
        clickRow(robot, "The dock workers of the port");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#edit-text");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        FxFixtures.write(robot, "The dockers have been on strike for a month.");
        robot.clickOn("OK");
        robot.clickOn("#desk-pair").clickOn("en → pt");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().state().source().paragraph("p2").text()).isEqualTo("The dockers have been on strike for a month.");
        clickRow(robot, "Solidarity with the strikers");
        robot.type(KeyCode.ENTER);
        stored();
        assertThat(Project.open(dir, false).loadVersion(Fixtures.STATEMENT, "en").orElseThrow().paragraph("p2").text())
                .isEqualTo("The dockers have been on strike for a month.");
    }

    @Test
    void threeLanguageViewPivotsOnTheSourceOfThePair(FxRobot robot) throws Exception {
        robot.clickOn("#desk-pivot");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#desk-placeholder").queryAs(Label.class).getText()).contains("third language");
        robot.clickOn("#desk-pivot");
        robot.clickOn("#desk-pair").clickOn("en → pt");
        waitIdle();
        robot.clickOn("#desk-pair").clickOn("en → ru");
        robot.clickOn("#desk-pivot");
        WaitForAsyncUtils.waitForFxEvents();
        var pivot = robot.lookup("#pivot-table").queryTableView();
        assertThat(pivot.isVisible()).isTrue();
        assertThat(pivot.getColumns()).extracting(c -> c.getText()).containsExactly("en ◆", "ru", "pt", "Confidence");
        var expected = org.diptych.review.PivotRows.of(Fixtures.englishRussian(),
                FxFixtures.stored(dir, Fixtures.STATEMENT, "en", "pt"));
        assertThat(pivot.getItems()).hasSize(expected.size());
        assertThat(robot.lookup("Solidariedade com os grevistas").tryQuery()).isPresent();
        assertThat(desk().action("confirm").disabledProperty().get()).isTrue();
        robot.clickOn("#desk-pivot");
        assertThat(desk().table().isVisible()).isTrue();
        assertThat(desk().action("confirm").disabledProperty().get()).isFalse();
    }

    @Test
    void autosaveThenReopenRestoresStatementPairFilterCursorAndScroll(FxRobot robot) throws Exception {
        // a long statement to scroll in
        robot.interact(window::close);
        ReviewState big = Fixtures.random(new Random(3), 400);
        try (Project p = Project.open(dir, true)) {
            p.saveVersion(LONG, big.source(), null);
            p.saveVersion(LONG, big.target(), null);
            p.saveAlignment(new Alignment(LONG, "en", "ru", big.alignment().beads(), big.alignment().updatedAt()));
        }
        robot.interact(() -> {
            window = newWindow(stage);
            window.openProject(dir);
        });
        // the statements' progress arrives from the background and grows their rows: click after it, not while
        // the row moves
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup(".statement-summary").queryAll().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".tree-cell").match((javafx.scene.control.TreeCell<?> c) -> LONG.equals(c.getText()))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk().statementId()).isEqualTo(LONG);
        clickRow(robot, "Paragraph 1 of the source.");
        robot.type(KeyCode.ENTER);
        for (int i = 0; i < 12; i++) robot.type(KeyCode.PAGE_DOWN);
        robot.clickOn("#desk-filter").clickOn("Unreviewed");
        // the table lays out the filtered rows on a later pulse
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> desk().topVisibleBead() > 30).get());
        WaitForAsyncUtils.waitForFxEvents();
        int cursor = cursor();
        int[] topHolder = new int[1];
        robot.interact(() -> topHolder[0] = desk().topVisibleBead());
        int top = topHolder[0];
        assertThat(cursor).isGreaterThan(50);
        assertThat(top).isGreaterThan(30);
        robot.interact(window::close);

        Alignment stored = FxFixtures.stored(dir, LONG, "en", "ru");
        assertThat(stored.beads().get(0).status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(Files.readString(dir.resolve(org.diptych.ui.UiState.FILE), StandardCharsets.UTF_8)).contains(LONG);

        robot.interact(() -> {
            window = newWindow(stage);
            window.openProject(dir);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> LONG.equals(desk().statementId())
                && desk().topVisibleBead() == top).get());
        assertThat(desk().statementId()).isEqualTo(LONG);
        assertThat(desk().pair()).isEqualTo(new ReviewDesk.Pair("en", "ru"));
        assertThat(vm().filterProperty().get()).isEqualTo(BeadFilter.UNREVIEWED);
        assertThat(cursor()).isEqualTo(cursor);
        robot.interact(() -> topHolder[0] = desk().topVisibleBead());
        assertThat(topHolder[0]).isEqualTo(top);
        assertThat(vm().rows().get(0).bead().status()).isEqualTo(BeadStatus.CONFIRMED);
    }

    @Test
    void importByDialogThenErrorDialogWithTheOneLineMessage(FxRobot robot) throws Exception {
        Path file = tmp.resolve("2024-06-01-appeal.pt.txt");
        Files.writeString(file, "Apelo aos trabalhadores\n\nTodos à praça no sábado.\n", StandardCharsets.UTF_8);
        Platform.runLater(() -> window.importFiles(List.of(file)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#import-statement");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        FxFixtures.write(robot, "2024-06-01-appeal");
        robot.clickOn("#import-lang");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> "pt".equals(c.getText())).queryAs(javafx.scene.Node.class));
        robot.clickOn("OK");
        waitIdle();
        assertThat(Project.open(dir, false).loadVersion("2024-06-01-appeal", "pt").orElseThrow().paragraphs()).hasSize(2);
        assertThat(window.tree().getRoot().getChildren()).extracting(i -> i.getValue().statementId())
                .contains("2024-06-01-appeal");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).contains("imported");

        robot.interact(() -> window.importFiles(List.of(file), "2024-06-01-appeal", "pt", false));
        waitIdle();
        DialogPane error = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(error.getContentText()).isEqualTo(file + ": statement 2024-06-01-appeal already has a pt version");
        robot.clickOn("OK");
    }

    /**
     * Drops a file on the window as the platform would deliver it (Monocle has no drag and drop of its own,
     * so the events carry a {@link org.diptych.ui.TestDragboard}).
     */
    @Test
    void droppingAFileOnTheWindowImportsIt(FxRobot robot) throws Exception {
        Path file = tmp.resolve("2024-03-08-solidarity.pt.txt");
        Files.writeString(file, "Solidariedade\n\nOs estivadores estão em greve.\n", StandardCharsets.UTF_8);
        var root = window.stage().getScene().getRoot();
        boolean[] accepted = new boolean[1];
        robot.interact(() -> {
            javafx.scene.input.Dragboard db = org.diptych.ui.TestDragboard.withFiles(List.of(file.toFile()));
            var over = new javafx.scene.input.DragEvent(javafx.scene.input.DragEvent.DRAG_OVER, db, 300, 300, 300, 300,
                    javafx.scene.input.TransferMode.COPY, null, null, null);
            javafx.event.Event.fireEvent(root, over);
            accepted[0] = over.isAccepted();
            Platform.runLater(() -> javafx.event.Event.fireEvent(root, new javafx.scene.input.DragEvent(
                    javafx.scene.input.DragEvent.DRAG_DROPPED, db, 300, 300, 300, 300,
                    javafx.scene.input.TransferMode.COPY, null, null, null)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(accepted[0]).isTrue();
        // the import dialog asks where to: the selected statement is proposed; choose Portuguese, replacing
        assertThat(robot.lookup("#import-statement").queryComboBox().getValue()).isEqualTo(Fixtures.STATEMENT);
        robot.clickOn("#import-lang");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> "pt".equals(c.getText())).queryAs(javafx.scene.Node.class));
        robot.clickOn("#import-replace");
        robot.clickOn("OK");
        waitIdle();
        var pt = Project.open(dir, false).loadVersion(Fixtures.STATEMENT, "pt").orElseThrow();
        assertThat(pt.paragraphs()).extracting(p -> p.text()).containsExactly("Solidariedade", "Os estivadores estão em greve.");
    }

    @Test
    void interfaceLanguageSwitchesAndUndoHistorySurvives(FxRobot robot) throws Exception {
        // the panel built before the switch must let go of the TM: a second service on it fails every feed
        ch.qos.logback.classic.Logger tmLog = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(org.diptych.ui.translate.TmService.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> errors =
                new ch.qos.logback.core.read.ListAppender<>();
        errors.start();
        tmLog.addAppender(errors);
        try {
            switchLanguageKeepingHistory(robot);
            window.translatePanel().flush();
            assertThat(errors.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.startsWith("Feeding the TM"));
        } finally {
            tmLog.detachAppender(errors);
        }
    }

    private void switchLanguageKeepingHistory(FxRobot robot) {
        clickRow(robot, "Solidarity with the strikers");
        robot.type(KeyCode.ENTER);
        assertThat(stored().beads().get(0).status()).isEqualTo(BeadStatus.CONFIRMED);
        robot.clickOn("#menu-file").clickOn("#menu-preferences");
        robot.clickOn("#prefs-reviewer");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        FxFixtures.write(robot, "Joana");
        robot.clickOn("#prefs-language").clickOn("Русский");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(prefs.reviewer()).isEqualTo("Joana");
        assertThat(robot.lookup("Файл").tryQuery()).isPresent();
        assertThat(robot.lookup("#button-confirm").queryButton().getText()).isEqualTo("Принять");
        assertThat(robot.lookup("#desk-stats").queryAs(Label.class).getText()).startsWith("Подтверждено 1 из 8");
        robot.clickOn("#button-undo");
        assertThat(stored().beads().get(0).status()).isEqualTo(BeadStatus.AUTO);
        clickRow(robot, "Signed: the editorial board.");
        robot.type(KeyCode.ENTER);
        assertThat(stored().beads().get(7).reviewer()).isEqualTo("Joana");
    }
}
