package org.diptych.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;

/**
 * Starts {@link DiptychApp} from a plain class path (a jar): the JDK refuses to launch a main class that
 * extends {@code Application} unless JavaFX is on the module path, so this class, which does not, is the
 * entry point for {@code java -cp … org.diptych.ui.Launcher [project folder]} (and the app image's launcher).
 * <p>
 * It configures the logging (logback reading {@code logback.xml}, finding the log folder: about 0.2 s of CPU)
 * on a thread of its own while JavaFX starts its toolkit, instead of after it on the FX thread, where the
 * application's first logger would do it; {@link #awaitLogging()} waits for it there.
 */
public final class Launcher {
    private static final CountDownLatch LOGGING = new CountDownLatch(1);
    private static volatile boolean loggingStarted;

    private Launcher() {}

    public static void main(String[] args) {
        startLogging();
        Application.launch(DiptychApp.class, args);
    }

    /** Starts configuring the logging in the background (once). */
    static synchronized void startLogging() {
        if (loggingStarted) return;
        loggingStarted = true;
        Thread t = new Thread(() -> {
            try {
                org.slf4j.LoggerFactory.getILoggerFactory();
            } finally {
                LOGGING.countDown();
            }
        }, "diptych-logging-init");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits until the logging {@link #startLogging()} set off is configured, so that the loggers made next are
     * the configured ones (SLF4J hands out stand-ins while another thread configures it, and replays what they
     * logged with a warning). Returns at once when nothing was started (the app launched by other means); waits
     * at most 10 s.
     */
    public static void awaitLogging() {
        if (!loggingStarted) return;
        try {
            LOGGING.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
