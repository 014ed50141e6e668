package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.model.BeadStatus;
import org.diptych.project.Project;
import org.diptych.translate.Demo;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.shell.MainWindow;

/**
 * The desk's confidence column on a pair the engine aligned: a row the translator writes into an empty cell
 * (the engine proposed no counterpart) shows no confidence afterwards, not a green "1.00", also once the project
 * is opened again; the engine's own rows keep theirs.
 */
@ExtendWith(FxApp.class)
class TranslatedRowConfidenceUiTest {
    static final int ROW = 14; // ru p15: the imported Portuguese has no counterpart for it

    Path tmp;
    Path dir;
    UiPrefs prefs;
    Stage stage;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        tmp = Files.createTempDirectory("diptych-confidence");
        dir = Demo.copy(tmp.resolve("demo"));
        try (Project p = Project.open(dir, true)) {
            p.saveAlignment(Demo.heatRuPt(p));
        }
        prefs = FxFixtures.freshPrefs();
        openWindow();
    }

    private void openWindow() {
        window = FxFixtures.openWindow(stage, prefs, dir);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    /** The texts of the confidence cells shown for a row of the desk. */
    private List<String> confidenceOf(FxRobot robot, int row) {
        robot.interact(() -> window.desk().table().scrollTo(Math.max(0, row - 2)));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".confidence-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getIndex() == row && c.isVisible() && c.getTableRow() != null && !c.isEmpty())
                .map(c -> c.getText() == null ? "" : c.getText()).toList();
    }

    private void translateRow(FxRobot robot) {
        robot.clickOn(window.desk().table());
        robot.interact(() -> window.desk().viewModel().cursorProperty().set(ROW));
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.translatePanel().editor().isFocused()).isTrue();
    }

    @Test
    void aRowTheTranslatorWroteShowsNoEngineConfidence(FxRobot robot) throws Exception {
        var vm = window.desk().viewModel();
        assertThat(vm.current() == null || vm.state().target().originalFile() != null).isTrue();
        assertThat(vm.state().alignment().beads().get(ROW).target()).as("an empty cell").isEmpty();
        int engineRow = ROW - 1;
        assertThat(confidenceOf(robot, engineRow)).singleElement().asString().matches("\\d\\.\\d\\d");

        translateRow(robot);
        FxFixtures.write(robot, "Os operários exigem um contrato novo.");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.desk().viewModel().state().alignment()
                .beads().get(ROW).target().isEmpty());
        assertThat(window.desk().viewModel().state().alignment().beads().get(ROW).status())
                .as("a translator's confirmation leaves the bead unreviewed").isEqualTo(BeadStatus.AUTO);
        assertThat(confidenceOf(robot, ROW)).singleElement().asString().doesNotMatch(".*\\d\\.\\d\\d.*");
        assertThat(confidenceOf(robot, engineRow)).singleElement().asString().matches("\\d\\.\\d\\d");

        // opened again: the translator's row still shows none
        robot.interact(() -> {
            window.close();
            openWindow();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.desk().viewModel().state().alignment().beads().get(ROW).target()).isNotEmpty();
        assertThat(confidenceOf(robot, ROW)).singleElement().asString().doesNotMatch(".*\\d\\.\\d\\d.*");
        assertThat(confidenceOf(robot, engineRow)).singleElement().asString().matches("\\d\\.\\d\\d");
    }
}
