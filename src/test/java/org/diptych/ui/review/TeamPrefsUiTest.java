package org.diptych.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.platform.Locations;
import org.diptych.tm.solr.TeamCredentials;
import org.diptych.tm.solr.TeamTmConfig;
import org.diptych.ui.FxFixtures;

/**
 * The Preferences dialog's team TM section, clicked through the window with no Solr server: "Test
 * connection" says in one line that the server is unreachable (off the FX thread: the dialog shows
 * "Connecting…" first), OK is refused while the collection name is not valid, and OK then writes the
 * URL, collection and user into the project and the password into the user's own private file only.
 */
class TeamPrefsUiTest extends DeskTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        FxFixtures.write(robot, text);
    }

    @Test
    void eachLabelNamesItsFieldAndAClickOnItFocusesTheField(FxRobot robot) {
        robot.clickOn("#menu-file").clickOn("#menu-preferences");
        TextInputControl user = robot.lookup("#prefs-team-user").queryTextInputControl();
        Label label = robot.lookup((Label l) -> "User:".equals(l.getText())).queryAs(Label.class);
        assertThat(label.getLabelFor()).isSameAs(user);
        robot.clickOn(label);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(user.isFocused()).as("a click on the label focuses its field").isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void testConnectionSaysUnreachableInOneLineAndOkKeepsThePasswordOutOfTheProject(FxRobot robot) throws Exception {
        Path root = tmp.resolve("user");
        String before = System.getProperty(Locations.ROOT_PROPERTY);
        System.setProperty(Locations.ROOT_PROPERTY, root.toString());
        try {
            robot.clickOn("#menu-file").clickOn("#menu-preferences");
            // a port nobody listens on
            replace(robot, "#prefs-team-url", "http://127.0.0.1:9/solr");
            replace(robot, "#prefs-team-collection", "manifestos");
            replace(robot, "#prefs-team-user", "ana");
            replace(robot, "#prefs-team-password", "s3cret: pão");
            Label status = robot.lookup("#prefs-team-status").queryAs(Label.class);
            robot.clickOn("#prefs-team-test");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !status.getText().isEmpty()
                    && !status.getText().equals("Connecting…"));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(status.getText()).isEqualTo("http://127.0.0.1:9/solr collection manifestos: unreachable (connection refused)");
            assertThat(robot.lookup("#prefs-team-test").queryButton().isDisabled()).isFalse();

            replace(robot, "#prefs-team-collection", "two words");
            robot.clickOn("OK");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#prefs-team-url").tryQuery()).as("the dialog stays open").isPresent();
            assertThat(status.getText()).isEqualTo("'two words' is not a Solr collection name (letters, digits, . _ -)");
            assertThat(dir.resolve(TeamTmConfig.FILE)).doesNotExist();

            replace(robot, "#prefs-team-collection", "manifestos");
            robot.clickOn("OK");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#prefs-team-url").tryQuery()).isEmpty();
            assertThat(TeamTmConfig.load(dir)).isEqualTo(new TeamTmConfig("http://127.0.0.1:9/solr", "manifestos", "ana"));
            assertThat(Files.readString(dir.resolve(TeamTmConfig.FILE))).doesNotContain("s3cret");
            Path creds = root.resolve("config").resolve(TeamCredentials.FILE);
            assertThat(new TeamCredentials(creds.getParent()).password("http://127.0.0.1:9/solr", "ana")).isEqualTo("s3cret: pão");
            if (Files.getFileStore(creds).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
            }

            // opened again, the section shows the project's settings; an empty URL removes the team TM
            robot.clickOn("#menu-file").clickOn("#menu-preferences");
            assertThat(robot.lookup("#prefs-team-user").queryTextInputControl().getText()).isEqualTo("ana");
            assertThat(robot.lookup("#prefs-team-password").queryTextInputControl().getText()).isEqualTo("s3cret: pão");
            replace(robot, "#prefs-team-url", "");
            robot.clickOn("OK");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dir.resolve(TeamTmConfig.FILE)).doesNotExist();
        } finally {
            if (before == null) System.clearProperty(Locations.ROOT_PROPERTY);
            else System.setProperty(Locations.ROOT_PROPERTY, before);
        }
    }
}
