package org.diptych.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.platform.CrashReport;
import org.diptych.platform.Locations;
import org.diptych.ui.shell.Dialogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an exception nobody caught, on the FX thread or any other (and to a bug in a background
 * task of the {@link org.diptych.ui.TaskRunner}): it is logged with its stack trace, pending saves are
 * flushed, a {@link CrashReport} is written into the log folder, and a dialog shows the one-line reason with
 * the report's place, offering to copy the report or open the log folder. A second crash while the dialog
 * is open is reported and logged without another dialog.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CrashHandler.class);
    private static volatile CrashHandler installed;

    private final Locations locations;
    private final Supplier<Window> owner;
    private final Runnable flush;
    private final Consumer<Path> folderOpener;
    private final Clock clock;
    private volatile java.util.Locale locale = java.util.Locale.getDefault();
    private final AtomicBoolean dialogOpen = new AtomicBoolean();
    private volatile CrashReport last;

    /**
     * @param locations    where the report goes ({@link Locations#logs()})
     * @param owner        the main window, for the dialog
     * @param flush        writes the pending saves (the open project's autosaver)
     * @param folderOpener opens the log folder in the desktop's file manager
     */
    public CrashHandler(Locations locations, Supplier<Window> owner, Runnable flush, Consumer<Path> folderOpener, Clock clock) {
        this.locations = Objects.requireNonNull(locations);
        this.owner = Objects.requireNonNull(owner);
        this.flush = Objects.requireNonNull(flush);
        this.folderOpener = Objects.requireNonNull(folderOpener);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Makes this the handler of every thread (the FX thread included) and of the task runner's bugs. */
    public CrashHandler install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) Thread.currentThread().setUncaughtExceptionHandler(this);
        installed = this;
        return this;
    }

    /** Removes this handler (tests). */
    public void uninstall() {
        if (Thread.getDefaultUncaughtExceptionHandler() == this) Thread.setDefaultUncaughtExceptionHandler(null);
        if (installed == this) installed = null;
    }

    /** The language of the dialog (the interface's). */
    public void setLocale(java.util.Locale locale) {
        this.locale = Objects.requireNonNull(locale);
    }

    /** The report of the last crash, or null. */
    public CrashReport lastReport() {
        return last;
    }

    /** Whether a failure is a bug (not a user error with its one-line message, nor a cancellation). */
    public static boolean isBug(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DiptychException || t instanceof Progress.Cancelled) return false;
        }
        return true;
    }

    /**
     * Hands a background task's failure to the installed handler if it is a bug.
     *
     * @return true if the handler took it (the caller shows nothing more)
     */
    public static boolean handleIfInstalled(Throwable e) {
        CrashHandler h = installed;
        if (h == null || !isBug(e)) return false;
        h.uncaughtException(Thread.currentThread(), e);
        return true;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on thread {}", thread.getName(), error);
        try {
            flush.run();
        } catch (RuntimeException e) {
            LOG.error("Cannot flush pending saves after a crash", e);
        }
        CrashReport report;
        try {
            report = CrashReport.write(locations, thread.getName(), error, clock.instant());
            last = report;
            LOG.error("Crash report written to {}", report.file());
        } catch (Exception e) {
            LOG.error("Cannot write the crash report into {}", locations.logs(), e);
            report = null;
        }
        CrashReport r = report;
        String reason = Dialogs.message(error);
        Runnable show = () -> showDialog(reason, r);
        try {
            Platform.runLater(show); // also from the FX thread: no dialog can open during a layout pass
        } catch (IllegalStateException toolkitGone) {
            System.err.println("diptych: " + reason + (r == null ? "" : " (report: " + r.file() + ")"));
        }
    }

    private void showDialog(String reason, CrashReport report) {
        if (!dialogOpen.compareAndSet(false, true)) return;
        try {
            java.util.ResourceBundle t = HelpMenu.texts(locale);
            ButtonType copy = new ButtonType(t.getString("crash.copy"), ButtonBar.ButtonData.LEFT);
            ButtonType openFolder = new ButtonType(t.getString("crash.openFolder"), ButtonBar.ButtonData.OTHER);
            Alert a = new Alert(Alert.AlertType.ERROR);
            a.setTitle("Diptych");
            a.setHeaderText(t.getString("crash.header"));
            a.setContentText(reason + "\n\n" + (report == null ? t.getString("crash.noReport")
                    : java.text.MessageFormat.format(t.getString("crash.report"), report.file())));
            a.getDialogPane().setId("crash-dialog");
            a.getButtonTypes().setAll(ButtonType.CLOSE);
            if (report != null) a.getButtonTypes().add(0, copy);
            a.getButtonTypes().add(openFolder);
            if (report != null) a.getDialogPane().lookupButton(copy).setId("crash-copy");
            a.getDialogPane().lookupButton(openFolder).setId("crash-open-folder");
            Window w = owner.get();
            if (w != null && w.isShowing()) a.initOwner(w);
            a.showAndWait().ifPresent(b -> {
                if (b == copy && report != null) {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(report.text());
                    Clipboard.getSystemClipboard().setContent(c);
                } else if (b == openFolder) {
                    folderOpener.accept(locations.logs());
                }
            });
        } finally {
            dialogOpen.set(false);
        }
    }
}
