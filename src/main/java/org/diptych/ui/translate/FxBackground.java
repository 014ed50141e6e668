package org.diptych.ui.translate;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.concurrent.Task;

/**
 * The translation panel's background work: each piece runs as a JavaFX {@link Task} on a daemon thread, and
 * its result or failure is told on the FX thread. Unlike the window's {@link org.diptych.ui.TaskRunner} it
 * shows no progress bar and does not wait for another task (QA and a glossary import are short), and a
 * failure goes to the caller rather than to an error dialog.
 */
final class FxBackground implements TranslateViewModel.Background {
    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(task.getException()));
        Thread t = new Thread(task, "diptych-translate-" + name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void post(Runnable r) {
        javafx.application.Platform.runLater(r);
    }
}
