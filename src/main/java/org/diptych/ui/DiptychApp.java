package org.diptych.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.diptych.DiptychException;
import org.diptych.platform.AppInfo;
import org.diptych.platform.LegacyMigration;
import org.diptych.platform.Locations;
import org.diptych.platform.SampleProject;
import org.diptych.platform.StartChoice;
import org.diptych.ui.shell.MainWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Diptych desktop application. With a project folder as argument it opens that project; with
 * {@code --sample DIR} (the checkout's sample under {@code mvn javafx:run}) a copy of that sample in the
 * documents folder; otherwise the most recent project; on the very first start the bundled sample of the
 * installation ({@code -Ddiptych.sample}); otherwise the welcome page. On start it moves what an earlier
 * version kept in {@code ~/Diptych} to the documents folder (once), installs the {@link CrashHandler}, and
 * restores the window's geometry ({@link WindowMemory}).
 */
public class DiptychApp extends Application {
    private static final Logger LOG = logger();
    private MainWindow window;
    private CrashHandler crashes;

    @Override
    public void start(Stage stage) {
        watchTrainingRun();
        Locations loc = Locations.user();
        LOG.info("Diptych {} starting on {}; settings {}, logs {}, projects {}", AppInfo.version(), AppInfo.environment(),
                loc.config(), loc.logs(), loc.documents());
        Map<Path, Path> moved = LegacyMigration.runOnce(loc);
        UiPrefs prefs = UiPrefs.user(loc);
        if (!moved.isEmpty()) prefs.relocateRecent(p -> LegacyMigration.relocate(p, moved));
        boolean firstStart = prefs.firstStart();

        window = new MainWindow(stage, prefs, Services.standard(), Clock.systemUTC());
        Consumer<Path> opener = folder -> getHostServices().showDocument(folder.toUri().toString());
        window.setFolderOpener(opener);
        for (String size : List.of("32", "64", "256")) {
            stage.getIcons().add(new Image(DiptychApp.class.getResource("icon-" + size + ".png").toExternalForm()));
        }
        crashes = new CrashHandler(loc, () -> stage, window::flushSaves, opener, Clock.systemUTC()).install();
        crashes.setLocale(prefs.locale());

        List<String> args = getParameters().getUnnamed();
        Path sample = args.size() == 2 && args.get(0).equals("--sample") ? Path.of(args.get(1)) : SampleProject.bundled();
        Runnable openSample = sample == null ? null : () -> openSample(sample, loc);
        window.setExtraMenus(i18n -> List.of(new HelpMenu(() -> stage, loc.logs(), opener, openSample).build(i18n)));

        WindowMemory memory = new WindowMemory(prefs);
        memory.restoreGeometry(stage);
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> memory.save(stage));
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> memory.save(stage));
        stage.show();

        StartChoice choice = StartChoice.decide(args, prefs.recentProjects(), firstStart, sample);
        LOG.info("Start: {}{}", choice.kind(), choice.project() == null ? "" : " " + choice.project());
        switch (choice.kind()) {
            case PROJECT -> window.openProject(choice.project());
            case SAMPLE -> openSample(choice.project(), loc);
            case WELCOME -> { }
        }
        prefs.markStarted();
        Platform.runLater(() -> {
            memory.restoreDividers(stage);
            // "shown" once a layout pulse has laid out the window with the project in it (the frame then goes to
            // the renderer), not merely once the FX thread has run the tasks queued so far
            javafx.scene.Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                ProcessHandle.Info info = ProcessHandle.current().info();
                LOG.info("Window shown {} ms after the JVM started ({} ms of CPU)",
                        info.startInstant().map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L),
                        info.totalCpuDuration().map(Duration::toMillis).orElse(-1L));
                if (Boolean.getBoolean(TRAINING_RUN)) endTrainingRun();
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
    }

    /**
     * System property of the packaging's training run ({@code mvn -Pinstaller package}): the app starts as usual,
     * its JVM records the classes it loads ({@code -XX:DumpLoadedClassList}), and it quits once the window is
     * shown and the work the start sets off in the background (the TM, the statements' progress) has had
     * {@value #TRAINING_SETTLE_MS} ms; a start that never shows the window is stopped after
     * {@value #TRAINING_LIMIT_S} s, so the build cannot hang. The class list becomes the image's class-data
     * sharing archive.
     */
    public static final String TRAINING_RUN = "diptych.trainingRun";
    static final int TRAINING_SETTLE_MS = 3000;
    static final int TRAINING_LIMIT_S = 300;

    static void watchTrainingRun() {
        if (!Boolean.getBoolean(TRAINING_RUN)) return;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(TRAINING_LIMIT_S * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("Diptych training run: no window after " + TRAINING_LIMIT_S + " s");
            Runtime.getRuntime().halt(3);
        }, "diptych-training-limit");
        t.setDaemon(true);
        t.start();
    }

    private void endTrainingRun() {
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(TRAINING_SETTLE_MS));
        settle.setOnFinished(e -> {
            LOG.info("Training run done");
            Platform.exit();
        });
        settle.play();
    }

    private void openSample(Path bundled, Locations loc) {
        try {
            window.openProject(SampleProject.install(bundled, loc));
        } catch (DiptychException e) {
            LOG.warn("{}", e.getMessage());
            window.error(e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (window != null) window.close();
        if (crashes != null) crashes.uninstall();
        LOG.info("Diptych stopped");
    }

    public static void main(String[] args) {
        launch(args);
    }

    /** The application's logger, made once {@link Launcher} has configured the logging (when it started it). */
    private static Logger logger() {
        Launcher.awaitLogging();
        return LoggerFactory.getLogger(DiptychApp.class);
    }
}
