package org.diptych.ui;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import org.diptych.Progress;
import org.diptych.ui.I18n;

/**
 * Runs long core work (import, alignment) on a background {@link Task}: its progress and a Cancel button
 * show in the status bar, failures in an error dialog with the one-line message. One task at a time.
 */
public final class TaskRunner {
    /** Core work that reports to a {@link Progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final I18n i18n;
    private final java.util.function.Supplier<Window> owner;
    private final HBox bar = new HBox(6);
    private final Label label = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private Task<?> current;

    public TaskRunner(I18n i18n, java.util.function.Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
        cancel.setText(i18n.t("task.cancel"));
        cancel.setId("task-cancel");
        progress.setId("task-progress");
        progress.setPrefWidth(160);
        label.setId("task-label");
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getChildren().addAll(label, progress, cancel);
        bar.visibleProperty().bind(running);
        bar.managedProperty().bind(running);
        cancel.setOnAction(e -> cancel());
    }

    /** The status-bar part showing the running task. */
    public HBox node() {
        return bar;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Asks the running task to stop. The core checks {@link Progress#isCancelled} and stops where nothing is
     * half written; the thread is not interrupted (an interrupt closes the NIO channel a file or Lucene index is
     * being written through, and then the rollback's own channels too).
     */
    public void cancel() {
        if (current != null) current.cancel(false);
    }

    /**
     * Starts {@code work} in the background. On success {@code done} gets the result (on the FX thread);
     * on failure an error dialog shows; on cancel nothing changes. {@code after} runs in every case.
     *
     * @return the task, or null if another task is still running
     */
    public <T> Task<T> run(String title, Work<T> work, Consumer<T> done, Runnable after) {
        if (running.get()) {
            Dialogs.error(owner.get(), i18n.t("error.title"), i18n.t("task.busy"));
            return null;
        }
        CoreTask<T> task = new CoreTask<>(work);
        current = task;
        label.textProperty().bind(task.messageProperty());
        progress.progressProperty().bind(task.progressProperty());
        task.updateMessagePublic(title);
        running.set(true);
        task.setOnSucceeded(e -> {
            finish(after);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish(after);
            if (org.diptych.ui.CrashHandler.handleIfInstalled(task.getException())) return; // a bug: report + dialog
            Dialogs.error(owner.get(), i18n.t("error.title"), Dialogs.message(task.getException()));
        });
        task.setOnCancelled(e -> finish(after));
        Thread t = new Thread(task, "diptych-task");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private void finish(Runnable after) {
        label.textProperty().unbind();
        progress.progressProperty().unbind();
        running.set(false);
        current = null;
        if (after != null) after.run();
    }

    /** A task that is also the core's {@link Progress}. */
    private static final class CoreTask<T> extends Task<T> implements Progress {
        private final Work<T> work;

        CoreTask(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.call(this);
        }

        @Override
        public void update(long done, long total, String message) {
            updateProgress(done, total);
            if (message != null) updateMessage(message);
        }

        void updateMessagePublic(String m) {
            updateMessage(m);
        }
    }
}
