package org.diptych.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.ui.FxFixtures;
import org.diptych.model.BeadStatus;
import org.diptych.project.Project;
import org.diptych.review.Fixtures;
import org.diptych.review.ReviewStore;

/** Each review operation driven through the real controls, checked in the project's stored files. */
class DeskOperationsTest extends DeskTestBase {
    @Start
    void start(javafx.stage.Stage stage) {
        open(stage);
    }

    static final String[] ORIGINAL = {"1:1", "1:1", "1:2", "1:1", "0:1", "1:1", "1:0", "1:1"};

    @Test
    void everyOperationHasAMenuItemAButtonAndAShortcutShownInBoth(FxRobot robot) {
        var bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        var review = bar.getMenus().stream().filter(m -> "menu-review".equals(m.getId())).findFirst().orElseThrow();
        for (var a : desk().actions()) {
            if (a == null) continue;
            var item = review.getItems().stream().filter(i -> ("menu-" + a.id()).equals(i.getId())).findFirst();
            assertThat(item).as(a.id()).isPresent();
            assertThat(item.get().getAccelerator()).as(a.id()).isEqualTo(a.shortcut()).isNotNull();
            var button = robot.lookup("#button-" + a.id()).queryButton();
            assertThat(button.getTooltip().getText()).contains(a.shortcut().getDisplayText());
        }
    }

    @Test
    void enterConfirmsWithReviewerAndMovesOn(FxRobot robot) {
        clickRow(robot, "Solidarity with the strikers");
        assertThat(cursor()).isZero();
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        assertThat(cursor()).isEqualTo(2);
        var beads = stored().beads();
        assertThat(beads.get(0).status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(beads.get(0).reviewer()).isEqualTo("Tester");
        assertThat(beads.get(0).reviewedAt()).isNotNull();
        assertThat(beads.get(1).status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(beads.get(2).status()).isEqualTo(BeadStatus.AUTO);
        assertThat(robot.lookup("#desk-stats").queryAs(Label.class).getText()).startsWith("Confirmed 2 of 8");
    }

    @Test
    void shortcutsDoNothingWhileTheDeskIsNotShown(FxRobot robot) {
        clickRow(robot, "Solidarity with the strikers");
        robot.clickOn(tabHeader(robot, "Paragraphs"));
        robot.type(KeyCode.ENTER);
        assertThat(stored()).isEqualTo(Fixtures.englishRussian());
        robot.clickOn(tabHeader(robot, "Review"));
        clickRow(robot, "Solidarity with the strikers");
        robot.type(KeyCode.ENTER);
        assertThat(stored().beads().get(0).status()).isEqualTo(BeadStatus.CONFIRMED);
    }

    static javafx.scene.Node tabHeader(FxRobot robot, String text) {
        return robot.lookup(".tab-header-area .tab-label")
                .match((javafx.scene.control.Label l) -> text.equals(l.getText())).query();
    }

    @Test
    void confirmAllAboveByShortcut(FxRobot robot) {
        clickRow(robot, "Collections are organised in every district.");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(stored().beads()).extracting(b -> b.status()).containsExactly(BeadStatus.CONFIRMED,
                BeadStatus.CONFIRMED, BeadStatus.CONFIRMED, BeadStatus.CONFIRMED, BeadStatus.CONFIRMED,
                BeadStatus.AUTO, BeadStatus.AUTO, BeadStatus.AUTO);
    }

    @Test
    void rejectByToolbarButton(FxRobot robot) {
        clickRow(robot, "Read more ");
        robot.clickOn("#button-reject");
        assertThat(stored().beads().get(6).status()).isEqualTo(BeadStatus.REJECTED);
    }

    @Test
    void mergeByMenuThenUndoAndRedoByKeys(FxRobot robot) {
        clickRow(robot, "We call on ");
        robot.clickOn("#menu-review").clickOn("#menu-merge");
        assertThat(storedTypes()).containsExactly("1:1", "1:1", "1:2", "1:2", "1:1", "1:0", "1:1");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(storedTypes()).containsExactly(ORIGINAL);
        assertThat(stored()).isEqualTo(Fixtures.englishRussian());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(storedTypes()).containsExactly("1:1", "1:1", "1:2", "1:2", "1:1", "1:0", "1:1");
    }

    @Test
    void splitByShortcutAndDialog(FxRobot robot) {
        clickRow(robot, "Their demands are simple: a fair wage and safe working conditions.");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // default cut for 1:2 keeps 1 source and 1 target paragraph in the first part
        robot.clickOn("OK");
        assertThat(storedTypes()).containsExactly("1:1", "1:1", "1:1", "0:1", "1:1", "0:1", "1:1", "1:0", "1:1");
        assertThat(stored().beads().get(3).target()).containsExactly("p4");
    }

    @Test
    void shiftParagraphsDownAndUpByKeys(FxRobot robot) {
        clickRow(robot, "Their demands are simple: a fair wage and safe working conditions.");
        robot.press(KeyCode.ALT, KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT, KeyCode.ALT);
        assertThat(stored().beads().get(2).target()).containsExactly("p3");
        assertThat(stored().beads().get(3).target()).containsExactly("p4", "p5");
        robot.type(KeyCode.DOWN);
        assertThat(cursor()).isEqualTo(3);
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        // bead 3 loses its only source paragraph p4 to bead 2 and keeps its target p4, p5
        assertThat(stored().beads().get(2).source()).containsExactly("p3", "p4");
        assertThat(stored().beads().get(3).source()).isEmpty();
        assertThat(stored().beads().get(3).target()).containsExactly("p4", "p5");
    }

    @Test
    void insertGapByShortcut(FxRobot robot) {
        clickRow(robot, "The dock workers of the port have been on strike for three weeks.");
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        assertThat(storedTypes().subList(0, 4)).containsExactly("1:1", "1:0", "0:1", "1:2");
    }

    @Test
    void editTargetTextKeepsOriginalFileAndLogsTheEdit(FxRobot robot) throws Exception {
        clickRow(robot, "The dock workers of the port have been on strike for three weeks.");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#edit-text");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        FxFixtures.write(robot, "Os dockers: **greve** ha tres semanas");
        robot.clickOn("OK");
        stored();
        Project p = Project.open(dir, false);
        var ru = p.loadVersion(Fixtures.STATEMENT, "ru").orElseThrow();
        assertThat(ru.paragraph("p2").markup()).isEqualTo("Os dockers: **greve** ha tres semanas");
        assertThat(ru.paragraph("p2").text()).isEqualTo("Os dockers: greve ha tres semanas");
        assertThat(ReviewStore.loadEdits(p, Fixtures.STATEMENT, "ru")).singleElement()
                .satisfies(e -> assertThat(e.before()).isEqualTo("Докеры порта бастуют уже три недели."));
        assertThat(Files.readString(p.originalFile(Fixtures.STATEMENT, "ru").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo(Fixtures.RUSSIAN_ORIGINAL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        stored();
        assertThat(Project.open(dir, false).loadVersion(Fixtures.STATEMENT, "ru").orElseThrow()).isEqualTo(Fixtures.russian());
    }

    @Test
    void noteByShortcutAndDialog(FxRobot robot) {
        clickRow(robot, "Read more ");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#note-text");
        FxFixtures.write(robot, "Link line only in the English post");
        robot.type(KeyCode.ENTER);
        assertThat(stored().beads().get(6).note()).isEqualTo("Link line only in the English post");
    }

    @Test
    void firstConfirmationAsksTheReviewersNameOnceAndF8EnterGoesOnToTheNextDoubtful(FxRobot robot) {
        prefs.setReviewer("");
        clickRow(robot, "Solidarity with the strikers");
        robot.type(KeyCode.F8);
        assertThat(cursor()).isEqualTo(2);
        robot.type(KeyCode.ENTER);
        robot.clickOn("#reviewer-name");
        FxFixtures.write(robot, "Joana");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(prefs.reviewer()).isEqualTo("Joana");
        assertThat(stored().beads().get(2).reviewer()).isEqualTo("Joana");
        assertThat(cursor()).as("Enter after F8 goes to the next doubtful bead, not the next row").isEqualTo(4);
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#reviewer-name").tryQuery()).as("asked only once").isEmpty();
        assertThat(stored().beads().get(4).reviewer()).isEqualTo("Joana");
        assertThat(cursor()).isEqualTo(6);
        // the confidence column shows who confirmed a reviewer's bead instead of the engine's number
        assertThat(robot.lookup(".confidence-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getIndex() == 2 && c.isVisible()).map(javafx.scene.control.TableCell::getText))
                .contains("✓ Joana");
    }

    @Test
    void filtersThresholdAndNextDoubtful(FxRobot robot) {
        clickRow(robot, "Solidarity with the strikers");
        robot.type(KeyCode.F8);
        assertThat(cursor()).isEqualTo(2);
        robot.type(KeyCode.F8);
        assertThat(cursor()).isEqualTo(4);
        robot.interact(() -> desk().filterBox().setValue(org.diptych.review.BeadFilter.DOUBTFUL));
        assertThat(desk().table().getItems()).hasSize(3);
        robot.type(KeyCode.ENTER);
        assertThat(desk().table().getItems()).hasSize(2);
        assertThat(cursor()).isEqualTo(6);
        robot.clickOn("#desk-threshold .increment-arrow-button");
        robot.clickOn("#desk-threshold .increment-arrow-button");
        assertThat(vm().thresholdProperty().get()).isEqualTo(0.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(prefs.doubtfulThreshold()).isEqualTo(0.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(robot.lookup("#desk-stats").queryAs(Label.class).getText()).contains("doubtful left 2");
        assertThat(stored().beads().get(4).status()).isEqualTo(BeadStatus.CONFIRMED);
    }

    @Test
    void findAndReplaceInTheSourcePreviewsEveryChangeAndIsOneUndoableLoggedStep(FxRobot robot) {
        clickRow(robot, "Solidarity with the strikers");
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL); // Review → Find and replace…
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#find-text");
        FxFixtures.write(robot, "the");
        robot.clickOn("#replace-text");
        FxFixtures.write(robot, "our");
        robot.clickOn("#find-side");
        robot.clickOn(robot.lookup(".context-menu .menu-item .label")
                .match((javafx.scene.control.Labeled l) -> "source (en)".equals(l.getText())).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        var preview = robot.lookup("#find-preview").queryListView();
        assertThat(preview.getItems()).as("any case, inside words too: 'Their', 'them'").hasSize(5);
        robot.clickOn("#find-word");
        assertThat(preview.getItems()).extracting(r -> ((FindReplaceDialog.Row) r).where())
                .containsExactly("p1", "p2", "p7");
        assertThat(robot.lookup("#find-count").queryLabeled().getText()).isEqualTo("4 occurrences in 3 paragraphs");
        robot.clickOn("#find-replace-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().state().source().paragraph("p7").markup()).isEqualTo("Signed: our editorial board.");
        assertThat(robot.lookup("#desk-message").queryLabeled().getText()).startsWith("4 occurrences replaced in 3 paragraphs");
        window.flushSaves();
        try (Project p = Project.open(dir, false)) {
            assertThat(ReviewStore.loadEdits(p, Fixtures.STATEMENT, "en")).extracting(e -> e.after())
                    .containsExactly("## Solidarity with our strikers", "our dock workers of our port have been on strike for three weeks.",
                            "Signed: our editorial board.");
        }
        robot.clickOn("#button-undo");
        assertThat(vm().state().source()).isEqualTo(Fixtures.english());
    }

    @Test
    void findAndReplaceAcrossTheProjectIsOneTransactionTheDeskShowsAndUndoLastPutsBack(FxRobot robot) throws Exception {
        clickRow(robot, "Solidarity with the strikers");
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#find-text");
        FxFixtures.write(robot, "the");
        robot.clickOn("#replace-text");
        FxFixtures.write(robot, "our");
        robot.clickOn("#find-word");
        robot.clickOn("#find-side");
        robot.clickOn(robot.lookup(".context-menu .menu-item .label")
                .match((javafx.scene.control.Labeled l) -> "every statement, en".equals(l.getText())).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> "4 occurrences in 3 paragraphs of 1 versions".equals(robot.lookup("#find-count").queryLabeled().getText()));
        assertThat(robot.lookup("#find-preview").queryListView().getItems()).hasSize(3);
        robot.clickOn("#find-replace-all");
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#desk-message").queryLabeled().getText().startsWith("4 occurrences replaced in 3 paragraphs of 1 versions"));
        assertThat(vm().state().source().paragraph("p7").markup()).as("the desk shows the replaced text").isEqualTo("Signed: our editorial board.");
        try (Project p = Project.open(dir, false)) {
            assertThat(ReviewStore.version(p, Fixtures.STATEMENT, "en").paragraph("p7").markup()).isEqualTo("Signed: our editorial board.");
            assertThat(ReviewStore.version(p, Fixtures.STATEMENT, "ru")).isEqualTo(Fixtures.russian());
        }

        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#find-undo-last");
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#desk-message").queryLabeled().getText().startsWith("The last Replace all across versions is undone"));
        assertThat(vm().state().source()).isEqualTo(Fixtures.english());
        try (Project p = Project.open(dir, false)) {
            assertThat(ReviewStore.version(p, Fixtures.STATEMENT, "en")).isEqualTo(Fixtures.english());
            assertThat(org.diptych.review.ProjectReplace.last(p)).isEmpty();
        }
    }
}
