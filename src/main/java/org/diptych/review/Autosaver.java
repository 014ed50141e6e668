package org.diptych.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes in the background, one at a time, coalescing: of several writes scheduled under the same key
 * before the writer gets to them, only the last runs. Callers (the FX thread) never wait for the disk;
 * {@link #flush()} waits for everything scheduled so far (on close, and in tests).
 */
public final class Autosaver implements AutoCloseable {
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "diptych-autosave");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Runnable> pending = new LinkedHashMap<>();
    private final Consumer<Exception> onError;
    private boolean drainQueued;
    private long written;

    /** @param onError told about each failed write (on the writer thread) */
    public Autosaver(Consumer<Exception> onError) {
        this.onError = onError;
    }

    /** Schedules {@code write}; replaces a not yet started write with the same key. */
    public void schedule(String key, Runnable write) {
        synchronized (pending) {
            pending.remove(key);
            pending.put(key, write);
            if (!drainQueued) {
                drainQueued = true;
                writer.execute(this::drain);
            }
        }
    }

    private void drain() {
        List<Runnable> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            drainQueued = false;
        }
        for (Runnable r : batch) {
            try {
                r.run();
                synchronized (pending) {
                    written++;
                }
            } catch (RuntimeException e) {
                onError.accept(e);
            }
        }
    }

    /** Writes done so far (coalesced writes are not counted). */
    public long written() {
        synchronized (pending) {
            return written;
        }
    }

    /** Blocks until every write scheduled before the call has run. */
    public void flush() {
        try {
            writer.submit(this::drain).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Flushes and stops the writer thread. */
    @Override
    public void close() {
        flush();
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
