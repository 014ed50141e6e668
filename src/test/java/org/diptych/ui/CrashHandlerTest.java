package org.diptych.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.DiptychException;
import org.diptych.platform.Locations;
import org.diptych.ui.shell.MainWindow;

/** Issue 13: an uncaught exception on the FX thread or in the background → report in the log folder + dialog. */
@ExtendWith(FxApp.class)
class CrashHandlerTest {
    @TempDir
    static Path tmp;
    UiPrefs prefs;
    MainWindow window;
    CrashHandler handler;
    Locations loc;
    final AtomicInteger flushes = new AtomicInteger();
    final List<Path> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        prefs = FxFixtures.freshPrefs();
        window = new MainWindow(stage, prefs, new Services(FxFixtures.textImporter(), FxFixtures.positionalAligner(0)),
                Clock.systemUTC());
        loc = Locations.under(Files.createTempDirectory(tmp, "home"));
        Files.createDirectories(loc.logs());
        Files.writeString(loc.logFile(), "2026-12-03 INFO Imported post.md\n");
        handler = new CrashHandler(loc, () -> stage, flushes::incrementAndGet, opened::add, Clock.systemUTC()).install();
        handler.setLocale(Locale.ENGLISH);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        handler.uninstall();
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
    }

    private DialogPane crashDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#crash-dialog").queryAll().isEmpty());
        return robot.lookup("#crash-dialog").queryAs(DialogPane.class);
    }

    private static String text(DialogPane p) {
        return p.getHeaderText() + "\n" + p.getContentText();
    }

    @Test
    void exceptionOnTheFxThreadWritesTheReportAndShowsTheDialog(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("the desk lost its bead");
        });
        DialogPane d = crashDialog(robot);
        assertThat(text(d)).contains("the desk lost its bead").contains(loc.logs().toString());
        Path report = handler.lastReport().file();
        assertThat(report.getParent()).isEqualTo(loc.logs());
        String r = Files.readString(report);
        assertThat(r).contains("Version: ").contains("System: ").contains("Java ")
                .contains("Thread: JavaFX Application Thread")
                .contains("java.lang.IllegalStateException: the desk lost its bead")
                .contains("at org.diptych.ui.CrashHandlerTest")
                .contains("Imported post.md"); // the last log lines
        assertThat(flushes.get()).isEqualTo(1);

        robot.clickOn((Node) d.lookup("#crash-copy"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#crash-dialog").queryAll().isEmpty());
        String clip = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(clip).isEqualTo(r);
    }

    @Test
    void exceptionInABackgroundThreadOrTaskWritesTheReportAndShowsTheDialog(FxRobot robot) throws Exception {
        Thread t = new Thread(() -> {
            throw new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 7");
        }, "diptych-worker");
        t.start();
        t.join();
        DialogPane d = crashDialog(robot);
        assertThat(text(d)).contains("Index 7 out of bounds");
        assertThat(Files.readString(handler.lastReport().file())).contains("Thread: diptych-worker");
        robot.clickOn((Node) d.lookup("#crash-open-folder"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#crash-dialog").queryAll().isEmpty());
        assertThat(opened).containsExactly(loc.logs());

        // a bug in a task of the window's task runner: the crash dialog, not the one-line error
        robot.interact(() -> window.tasks().run("boom", p -> {
            throw new NullPointerException("no version");
        }, v -> { }, null));
        DialogPane d2 = crashDialog(robot);
        assertThat(text(d2)).contains("no version");
        assertThat(Files.readString(handler.lastReport().file())).contains("java.lang.NullPointerException: no version");
        robot.clickOn((Node) d2.lookupButton(javafx.scene.control.ButtonType.CLOSE));
    }

    @Test
    void userErrorsAreNotCrashes() {
        assertThat(CrashHandler.isBug(new DiptychException("post.md: not UTF-8"))).isFalse();
        assertThat(CrashHandler.isBug(new RuntimeException(new DiptychException("x")))).isFalse();
        assertThat(CrashHandler.isBug(new IllegalStateException("bug"))).isTrue();
    }
}
