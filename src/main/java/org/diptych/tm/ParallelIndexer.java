package org.diptych.tm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.index.IndexWriter;

/**
 * Adds units to the index on worker threads while the caller goes on reading: building a Lucene document
 * (analysis, stemming, hashing, encoding) is most of an import's work, and {@link IndexWriter} takes
 * documents from several threads at once. Units are handed over in batches through a bounded queue, so
 * memory stays flat however large the import. When the units are all in, each worker flushes one of the
 * writer's in-memory segments, so the commit after an import does not write them all on one thread.
 */
final class ParallelIndexer implements AutoCloseable {
    private static final int BATCH = 256;
    private static final List<TmUnit> END = new ArrayList<>(0);

    private final IndexWriter writer;
    private final BlockingQueue<List<TmUnit>> queue;
    private final Thread[] threads;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private List<TmUnit> batch = new ArrayList<>(BATCH);
    private boolean finished;
    private volatile boolean aborted;

    ParallelIndexer(IndexWriter writer) {
        this(writer, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    ParallelIndexer(IndexWriter writer, int threadCount) {
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(threadCount * 4);
        this.threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            threads[i] = new Thread(this::work, "diptych-tm-indexer-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    private void work() {
        try {
            while (true) {
                List<TmUnit> b = queue.take();
                if (b == END) {
                    // Each worker writes one in-memory segment to disk before it stops, so that they are
                    // written side by side instead of one after the other by the commit that follows.
                    if (failure.get() == null && !aborted) writer.flushNextBuffer();
                    return;
                }
                if (failure.get() != null) continue;
                for (TmUnit u : b) writer.addDocument(TmIndex.document(u));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Queues a unit for adding (not committed). */
    void add(TmUnit u) throws IOException {
        batch.add(u);
        if (batch.size() >= BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void put(List<TmUnit> b) throws IOException {
        check();
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void check() throws IOException {
        Throwable t = failure.get();
        if (t == null) return;
        if (t instanceof IOException io) throw io;
        if (t instanceof UncheckedIOException u) throw u.getCause();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IOException(t);
    }

    /** Waits until every queued unit is in the writer; rethrows a worker's failure. */
    void finish() throws IOException {
        if (!batch.isEmpty()) put(batch);
        batch = new ArrayList<>();
        stop();
        finished = true;
        check();
        // a worker that got its end while the other was still adding may have flushed before the other's
        // last documents went in (or Lucene gave a worker a second buffer meanwhile): what is left is written now
        while (writer.numRamDocs() > 0 && writer.flushNextBuffer()) {
            // one buffer per round
        }
    }

    private void stop() {
        for (int i = 0; i < threads.length; i++) {
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (Thread t : threads) t.interrupt();
                break;
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the workers if {@link #finish()} was not reached (the caller rolls the writer back). */
    @Override
    public void close() {
        if (finished) return;
        aborted = true;
        failure.compareAndSet(null, new IOException("aborted"));
        queue.clear();
        stop();
        finished = true;
    }
}
