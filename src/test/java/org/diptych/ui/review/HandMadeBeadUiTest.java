package org.diptych.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.model.BeadStatus;

/**
 * A bead the reviewer builds by hand shows a mark in the confidence column, not the engine's old figure, in the
 * desk and in the three-language view; a reviewed row of that view shows who confirmed it, not a number.
 */
class HandMadeBeadUiTest extends DeskTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** The text of the confidence cell of row {@code row} of a table (the desk's or the pivot's). */
    private static String confidenceText(FxRobot robot, TableView<?> table, int row) {
        robot.interact(() -> table.scrollTo(Math.max(0, row - 1)));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = robot.from(table).lookup((javafx.scene.Node n) -> n instanceof TableCell<?, ?> c
                        && c.getIndex() == row && !c.isEmpty() && c.getTableColumn() != null
                        && "Confidence".equals(c.getTableColumn().getText()) && shown(c))
                .queryAs(TableCell.class);
        return cell.getText() == null ? "" : cell.getText();
    }

    @Test
    void mergingByTheShortcutShowsTheMarkInsteadOfTheEnginesFigure(FxRobot robot) {
        var table = desk().table();
        assertThat(confidenceText(robot, table, 3)).isEqualTo("0.88");
        assertThat(confidenceText(robot, table, 4)).isEqualTo("0.30");
        clickRow(robot, "We call on");
        assertThat(cursor()).isEqualTo(3);
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().rows().get(3).bead().type()).isEqualTo("1:2");
        assertThat(confidenceText(robot, table, 3)).isEqualTo("✍ edited").doesNotMatch(".*\\d\\.\\d\\d.*");
        var tip = robot.from(table).lookup((javafx.scene.Node n) -> n instanceof TableCell<?, ?> c && c.getIndex() == 3
                && "✍ edited".equals(c.getText())).queryAs(TableCell.class).getTooltip();
        assertThat(tip.getText()).contains("by hand");
        assertThat(stored().beads().get(3).edited()).isTrue();
        // unconfirmed, it is a doubtful bead: F8 from the bead before goes to it
        robot.interact(() -> vm().cursorProperty().set(2));
        robot.type(KeyCode.F8);
        assertThat(cursor()).isEqualTo(3);
        // confirmed, it shows the reviewer
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().rows().get(3).bead().status()).isEqualTo(BeadStatus.CONFIRMED);
        assertThat(confidenceText(robot, table, 3)).isEqualTo("✓ Tester");
        // undone twice: the engine's bead and its figure again
        robot.interact(() -> vm().cursorProperty().set(3));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confidenceText(robot, table, 3)).isEqualTo("✍ edited");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confidenceText(robot, table, 3)).isEqualTo("0.88");
    }

    @Test
    void theThreeLanguageViewShowsTheEnginesFigureOnlyForItsOwnProposals(FxRobot robot) throws Exception {
        clickRow(robot, "The dock workers");
        robot.type(KeyCode.ENTER); // en→ru p2 confirmed
        clickRow(robot, "We call on");
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL); // en p4 with ru p5, p6
        WaitForAsyncUtils.waitForFxEvents();
        // en→pt: a version with no file of its own (written in the desk), aligned here in the background
        robot.clickOn("#desk-pair").clickOn("en → pt");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.tasks().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        clickRow(robot, "The dock workers");
        robot.type(KeyCode.ENTER); // en→pt p2 confirmed
        robot.clickOn("#desk-pair").clickOn("en → ru");
        robot.clickOn("#desk-pivot");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> pivot = robot.lookup("#pivot-table").queryTableView();
        List<ReviewDesk.PivotRow> rows = desk().pivotRows();
        int p1 = -1, p2 = -1, p4 = -1, p5 = -1;
        for (int i = 0; i < rows.size(); i++) {
            String first = rows.get(i).pivot().get(0).id();
            if (first.equals("p1")) p1 = i;
            if (first.equals("p2")) p2 = i;
            if (first.equals("p4")) p4 = i;
            if (first.equals("p5")) p5 = i;
        }
        assertThat(confidenceText(robot, pivot, p2)).as("both pairs confirmed: who did").isEqualTo("✓ Tester");
        assertThat(confidenceText(robot, pivot, p4)).as("built by hand").isEqualTo("✍ edited");
        // the engine's en→ru figure; the en→pt beads are not the engine's proposals (no pt file) and add none
        assertThat(confidenceText(robot, pivot, p1)).isEqualTo("0.97");
        assertThat(confidenceText(robot, pivot, p5)).isEqualTo("0.75");
    }

    @Test
    void theThreeLanguageViewReadsAPairFromDiskByTheSameRule(FxRobot robot) throws Exception {
        robot.interact(window::close);
        java.time.Instant at = java.time.Instant.parse("2024-03-10T09:00:00Z");
        try (org.diptych.project.Project p = org.diptych.project.Project.open(dir, true)) {
            List<org.diptych.model.Bead> ru = new java.util.ArrayList<>(org.diptych.review.Fixtures.englishRussian().beads());
            ru.set(1, ru.get(1).withStatus(BeadStatus.CONFIRMED, "Ana", at));
            p.saveAlignment(org.diptych.review.Fixtures.englishRussian().withBeads(ru));
            List<org.diptych.model.Bead> pt = new java.util.ArrayList<>();
            for (int i = 1; i <= 6; i++) pt.add(org.diptych.model.Bead.auto(List.of("p" + i), List.of("p" + i), 0.5));
            pt.add(org.diptych.model.Bead.auto(List.of("p7"), List.of(), 0.5));
            pt.set(1, pt.get(1).withStatus(BeadStatus.CONFIRMED, "Ivo", at));
            pt.set(3, org.diptych.model.Bead.byHand(List.of("p4"), List.of("p4"), 0.5, null));
            p.saveAlignment(new org.diptych.model.Alignment(org.diptych.review.Fixtures.STATEMENT, "en", "pt", pt, at));
        }
        robot.interact(() -> {
            window = newWindow(stage);
            window.openProject(dir);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().targetLang()).isEqualTo("ru");
        robot.clickOn("#desk-pivot");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> pivot = robot.lookup("#pivot-table").queryTableView();
        List<ReviewDesk.PivotRow> rows = desk().pivotRows();
        assertThat(rows).extracting(r -> r.pivot().get(0).id()).startsWith("p1", "p2", "p3", "p4");
        // en→pt from disk: its pt version has no file, so its 0.50 is no engine figure
        assertThat(confidenceText(robot, pivot, 0)).isEqualTo("0.97");
        assertThat(confidenceText(robot, pivot, 1)).isEqualTo("✓ Ana, Ivo");
        assertThat(confidenceText(robot, pivot, 2)).isEqualTo("0.42");
        // the engine's en→ru 0.88 and 0.30 (the translator's note), and the bead made by hand in en→pt
        assertThat(confidenceText(robot, pivot, 3)).isEqualTo("0.30 ✍");
        // confirmed there, the row keeps the engine's figure alone
        robot.clickOn("#desk-pivot");
        robot.clickOn("#desk-pair").clickOn("en → pt");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().targetLang()).isEqualTo("pt");
        robot.interact(() -> vm().cursorProperty().set(3));
        robot.interact(() -> vm().confirmAndNext());
        robot.clickOn("#desk-pair").clickOn("en → ru");
        robot.clickOn("#desk-pivot");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confidenceText(robot, robot.lookup("#pivot-table").queryTableView(), 3)).isEqualTo("0.30");
    }
}
