package org.diptych.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.project.Manifest;
import org.diptych.project.Project;
import org.diptych.project.ProjectCopy;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;

/** The site profiles dialog's locale field: typed, saved into the profile, refused with one line when wrong. */
@ExtendWith(FxApp.class)
class SiteProfileLocaleUiTest {
    @TempDir
    Path tmp;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) {
        prefs = FxFixtures.freshPrefs();
        window = FxFixtures.showWindow(stage, prefs);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
    }

    private static Manifest onDisk(Path dir) throws Exception {
        return Project.json().readValue(dir.resolve(Project.MANIFEST).toFile(), Manifest.class);
    }

    @Test
    void aBrazilianLocaleTypedForPtIsSavedInItsProfileAndShownAgain(FxRobot robot) throws Exception {
        Path dir = ProjectCopy.installIfAbsent(Path.of("sample-projects/demo"), tmp.resolve("demo"));
        robot.interact(() -> window.openProject(dir));
        Manifest before = onDisk(dir);
        assertThat(before.sites().get("pt").locale()).isNull();

        Platform.runLater(window::siteProfilesDialog);
        WaitForAsyncUtils.waitForFxEvents();
        FxFixtures.choose(robot, "#site-lang", "pt");
        assertThat(robot.lookup("#site-locale").queryAs(TextField.class).getText()).isEmpty();
        FxFixtures.type(robot, "#site-locale", "Brasil");
        robot.clickOn("#site-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#site-dialog").tryQuery()).as("a wrong locale keeps the dialog open").isPresent();
        assertThat(robot.lookup("#site-error").queryAs(Label.class).getText())
                .isEqualTo("site profile pt: locale 'Brasil' is not a language and a region like pt_BR");
        assertThat(onDisk(dir)).isEqualTo(before);

        FxFixtures.type(robot, "#site-locale", "pt-br");
        robot.clickOn("#site-save");
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#site-dialog").tryQuery().isEmpty());
        Manifest after = onDisk(dir);
        assertThat(after.sites().get("pt").locale()).isEqualTo("pt_BR");
        assertThat(after.sites().get("pt").urlPattern()).isEqualTo(before.sites().get("pt").urlPattern());
        assertThat(after.sites().get("ru").locale()).isNull();

        // shown again when the dialog is reopened
        Platform.runLater(window::siteProfilesDialog);
        WaitForAsyncUtils.waitForFxEvents();
        FxFixtures.choose(robot, "#site-lang", "pt");
        assertThat(robot.lookup("#site-locale").queryAs(TextField.class).getText()).isEqualTo("pt_BR");
        FxFixtures.choose(robot, "#site-lang", "ru");
        assertThat(robot.lookup("#site-locale").queryAs(TextField.class).getText()).isEmpty();
        // the dialog's own Cancel (not another control of the window that says Cancel, like a task's in the status bar)
        robot.clickOn(robot.lookup("#site-dialog").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.CANCEL));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#site-dialog").tryQuery().isEmpty());
    }
}
