package org.diptych.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javafx.application.Application;
import javafx.stage.Stage;

import org.diptych.ui.shell.MainWindow;

/**
 * The Diptych desktop application. With a project folder as argument it opens that project; with
 * {@code --sample DIR} a copy of the bundled sample project in {@code ~/Diptych/}; otherwise the most recent
 * project; otherwise it offers to create or open one.
 */
public class DiptychApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        UiPrefs prefs = UiPrefs.user();
        window = new MainWindow(stage, prefs, Services.standard(), Clock.systemUTC());
        window.setFolderOpener(folder -> getHostServices().showDocument(folder.toUri().toString()));
        stage.show();
        List<String> args = getParameters().getUnnamed();
        if (args.size() == 2 && args.get(0).equals("--sample")) {
            // The bundled sample is copied to the user's folder once and opened there, so that working on
            // it never changes the copy that ships with Diptych.
            Path bundled = Path.of(args.get(1));
            Path mine = Path.of(System.getProperty("user.home"), "Diptych", bundled.getFileName().toString());
            try {
                window.openProject(org.diptych.project.ProjectCopy.installIfAbsent(bundled, mine));
            } catch (org.diptych.DiptychException e) {
                window.error(e.getMessage());
            }
        } else if (!args.isEmpty()) {
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
