package org.diptych.ui;

import javafx.application.Application;

/**
 * Starts {@link DiptychApp} from a plain class path (a jar): the JDK refuses to launch a main class that
 * extends {@code Application} unless JavaFX is on the module path, so this class, which does not, is the
 * entry point for {@code java -cp … org.diptych.ui.Launcher [project folder]}.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Application.launch(DiptychApp.class, args);
    }
}
