package org.diptych.cli;

import java.io.PrintWriter;

import org.diptych.Progress;

/**
 * Progress of a long CLI command as lines on stderr ({@code   12%  3,400,000/27,000,000 message}), at most one
 * per interval, the first only once the work has run that long: a short command prints nothing, a long one
 * shows it is alive and ends with its last line at 100%.
 */
final class StderrProgress implements Progress {
    private final PrintWriter err;
    private final String what;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long last;
    private boolean printed;

    /** Lines of {@code what} ("reading ru.txt") on {@code err}, one a second. */
    StderrProgress(PrintWriter err, String what) {
        this(err, what, 1_000_000_000L);
    }

    StderrProgress(PrintWriter err, String what, long intervalNanos) {
        this.err = err;
        this.what = what;
        this.intervalNanos = intervalNanos;
        this.last = start;
    }

    @Override
    public void update(long done, long total, String message) {
        long now = System.nanoTime();
        boolean end = total > 0 && done >= total;
        if (now - last < intervalNanos && !(end && printed)) return;
        if (end && !printed && now - start < intervalNanos) return;
        last = now;
        printed = true;
        String pct = total > 0 ? String.format("%3d%%", Math.min(100, done * 100 / total)) : "";
        err.println("  " + pct + " " + what + (total > 0 ? String.format(" (%,d/%,d)", done, total) : "")
                + (message == null ? "" : " " + message));
        err.flush();
    }

    /** Whether a line was printed (the work took longer than the interval). */
    boolean printed() {
        return printed;
    }
}
