package org.diptych.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import org.diptych.DiptychException;
import org.diptych.Progress;

/** Error dialogs that show the same one-line message as the command line. */
public final class Dialogs {
    private Dialogs() {}

    /** The one-line message of a failure: a user error's own message, else the exception's. */
    public static String message(Throwable e) {
        Throwable t = e;
        while (!(t instanceof DiptychException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (!(t instanceof DiptychException)) t = e;
        if (t instanceof Progress.Cancelled) return "cancelled";
        String m = t.getMessage();
        if (m == null || m.isBlank()) m = t.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Shows an error dialog with {@code message} and waits until it is closed. */
    public static void error(Window owner, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(null);
        a.getDialogPane().setId("error-dialog");
        if (owner != null && owner.isShowing()) a.initOwner(owner);
        a.showAndWait();
    }
}
