package org.diptych.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javafx.application.Application;
import javafx.stage.Stage;

import org.diptych.ui.shell.MainWindow;

/**
 * The Diptych desktop application. With a project folder as argument it opens that project; otherwise
 * the most recent project; otherwise it offers to create or open one.
 */
public class DiptychApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        UiPrefs prefs = UiPrefs.user();
        window = new MainWindow(stage, prefs, Services.standard(), Clock.systemUTC());
        stage.show();
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            window.openProject(Path.of(args.get(0)));
        } else {
            for (Path recent : prefs.recentProjects()) {
                if (Files.isRegularFile(recent.resolve(org.diptych.project.Project.MANIFEST))) {
                    window.openProject(recent);
                    break;
                }
            }
        }
    }

    @Override
    public void stop() {
        if (window != null) window.close();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
