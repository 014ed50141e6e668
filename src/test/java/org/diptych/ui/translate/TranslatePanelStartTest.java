package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.stage.Stage;

import org.diptych.project.Project;
import org.diptych.translate.Demo;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start of the window: opening a project shows its first statement in the desk with the translation panel
 * closed, and that does not open the project's TM (Lucene) beside the first layout; the panel's first showing
 * does, and the front matter's TM match is there then.
 */
@ExtendWith(FxApp.class)
class TranslatePanelStartTest {
    /** Our own translation of the heat statement's Russian title, in the TM before the window opens. */
    static final String PT_TITLE = "Calor nas oficinas: as nossas exigências para este verão";

    Path tmp;
    Path dir;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("diptych-panel-start");
        dir = Demo.copy(tmp.resolve("demo"));
        try (Project p = Project.open(dir, true)) {
            String ruTitle = p.loadVersion(Demo.HEAT, "ru").orElseThrow().title();
            FxFixtures.seedTm(p, tmp, "ru", "pt", "Rita", "20240720T090000Z", ruTitle, PT_TITLE);
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

    @Test
    void theTmOpensWhenThePanelIsFirstShownNotWhenTheDeskOpensAStatement(FxRobot robot) throws Exception {
        TranslatePanel panel = window.translatePanel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.desk().viewModel() != null && panel.session() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.desk().viewModel().targetLang()).isEqualTo("pt");
        assertThat(panel.shownProperty().get()).isFalse();
        assertThat(panel.tmOpened()).as("the TM is opened with the panel closed").isFalse();

        robot.interact(() -> panel.action("togglePanel").fire());
        assertThat(panel.shownProperty().get()).isTrue();
        assertThat(panel.tmOpened()).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#fm-match-title").tryQuery()
                .map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#fm-match-title").queryAs(Button.class).getText()).isEqualTo("100% " + PT_TITLE);
    }
}
