package org.diptych.ui.review;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.review.Fixtures;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.Services;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.shell.MainWindow;

/**
 * Opens the main window on a fresh test project (en, ru, pt; en→ru aligned) with the desk showing en→ru.
 * Stand-in importer and aligner; the aligner's speed per bead is {@link #alignDelay}.
 */
@ExtendWith(FxApp.class)
abstract class DeskTestBase {
    /** Made in {@link #start} (TestFX calls it before JUnit injects {@code @TempDir} fields). */
    Path tmp;
    Path dir;
    UiPrefs prefs;
    MainWindow window;
    Stage stage;
    final AtomicLong alignDelay = new AtomicLong(0);

    /** Each test class calls this from its own {@code @Start} method (TestFX looks only at declared methods). */
    void open(Stage stage) {
        this.stage = stage;
        try {
            tmp = java.nio.file.Files.createTempDirectory("diptych-desk-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        dir = Fixtures.project(tmp.resolve("project"));
        prefs = FxFixtures.freshPrefs();
        window = newWindow(stage);
        stage.show();
        window.openProject(dir);
    }

    MainWindow newWindow(Stage stage) {
        return new MainWindow(stage, prefs, new Services(FxFixtures.textImporter(),
                (p, id, s, t, prev, progress) -> FxFixtures.positionalAligner(alignDelay.get()).align(p, id, s, t, prev, progress)),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    ReviewDesk desk() {
        return window.desk();
    }

    ReviewViewModel vm() {
        return window.desk().viewModel();
    }

    /** The en→ru alignment as stored on disk, after pending saves are written. */
    Alignment stored() {
        WaitForAsyncUtils.waitForFxEvents();
        window.flushSaves();
        return FxFixtures.stored(dir, Fixtures.STATEMENT, "en", "ru");
    }

    List<String> storedTypes() {
        return stored().beads().stream().map(Bead::type).toList();
    }

    /** Clicks the source cell of a bead by its text, selecting the row. */
    void clickRow(FxRobot robot, String sourceText) {
        // in the desk's table (the statements list shows a statement's title, which may be a row's text too)
        javafx.scene.Node text = robot.lookup("#bead-table").lookup((javafx.scene.Node n) -> n instanceof javafx.scene.text.Text t
                && t.getText().startsWith(sourceText) && shown(n)).query();
        robot.clickOn(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Visible with all its parents (the table keeps an invisible measuring cell). */
    static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }

    int cursor() {
        return vm().cursorProperty().get();
    }
}
