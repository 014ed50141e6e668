package org.diptych.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.review.Fixtures;
import org.diptych.ui.shell.MainWindow;

/**
 * Writes {@code screenshot-main.png} and {@code screenshot-desk.png} into the folder named by the system
 * property {@code diptych.screenshot} (e.g. {@code docs}), showing the project named by
 * {@code diptych.screenshot.project} (a copy is opened, the project itself is not changed) or, without it,
 * the test project. Skipped unless the property is set:
 *
 * <pre>mvn -o test -Dtest=ScreenshotTest -Ddiptych.screenshot=docs -Ddiptych.screenshot.project=sample-projects/demo</pre>
 */
@EnabledIfSystemProperty(named = "diptych.screenshot", matches = ".+")
@ExtendWith(FxApp.class)
class ScreenshotTest {
    Path tmp;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("diptych-shot");
        Path dir = tmp.resolve("project");
        String given = System.getProperty("diptych.screenshot.project");
        if (given != null && !given.isBlank()) {
            copyTree(Path.of(given), dir);
            Files.deleteIfExists(dir.resolve(org.diptych.project.ProjectLock.FILE));
        } else {
            Fixtures.project(dir);
        }
        prefs = FxFixtures.freshPrefs();
        window = new MainWindow(stage, prefs, Services.standard(), Clock.systemUTC());
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        window.openProject(dir);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    @Test
    void writeScreenshots(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("diptych.screenshot"));
        var statements = window.tree().getRoot().getChildren();
        if (!statements.isEmpty()) {
            // the desk: the first statement that has an alignment, a doubtful bead selected
            var pick = statements.get(0);
            for (var item : statements) {
                try (var files = Files.list(window.project().statementDir(item.getValue().statementId()))) {
                    if (files.anyMatch(f -> f.getFileName().toString().startsWith("align."))) {
                        pick = item;
                        break;
                    }
                }
            }
            var chosen = pick;
            robot.interact(() -> window.tree().getSelectionModel().select(chosen));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                var vm = window.desk().viewModel();
                if (vm != null) {
                    // a few reviewed beads show the colours of each state (this is a copy of the project)
                    vm.cursorProperty().set(0);
                    vm.confirmAndNext();
                    vm.confirmAndNext();
                    vm.cursorProperty().set(0);
                    vm.nextDoubtful();
                }
            });
        }
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.interact(() -> save(window, out.resolve("screenshot-desk.png")));
        var shown = window.tree().getSelectionModel().getSelectedItem();
        if (shown != null && !shown.getChildren().isEmpty()) {
            var versions = shown.getChildren();
            robot.interact(() -> window.tree().getSelectionModel().select(versions.get(0))); // the original, listed first
        }
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.interact(() -> save(window, out.resolve("screenshot-main.png")));
    }

    private static void save(MainWindow w, Path file) {
        try {
            FxFixtures.savePng(w.stage().getScene(), file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
