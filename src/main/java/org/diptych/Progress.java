package org.diptych;

/**
 * How long core work (import, alignment, TM build, export) reports progress and learns it was cancelled,
 * without knowing who listens: the CLI ignores it, the GUI wraps it in a {@code javafx.concurrent.Task}.
 */
public interface Progress {
    Progress NONE = new Progress() {};

    /** Work done so far out of {@code total}; {@code message} may be null. */
    default void update(long done, long total, String message) {}

    /** True once the user asked to stop; long work checks it regularly and throws {@link Cancelled}. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link Cancelled} if cancellation was requested. */
    default void checkCancelled() {
        if (isCancelled()) throw new Cancelled();
    }

    /** Thrown by core work that stopped because it was cancelled; nothing was changed. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled");
        }
    }
}
