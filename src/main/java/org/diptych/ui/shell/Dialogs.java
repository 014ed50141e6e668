package org.diptych.ui.shell;

import javafx.stage.Window;

/**
 * The shell's name for {@link org.diptych.ui.Dialogs} (which moved up to {@code ui} so that the desk and the
 * translation panel use it without depending on the shell).
 */
public final class Dialogs {
    private Dialogs() {}

    public static String message(Throwable e) {
        return org.diptych.ui.Dialogs.message(e);
    }

    public static void error(Window owner, String title, String message) {
        org.diptych.ui.Dialogs.error(owner, title, message);
    }
}
