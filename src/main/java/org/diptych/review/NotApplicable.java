package org.diptych.review;

/**
 * An operation that does not apply to the bead it was asked for (merging the last bead, splitting a
 * 1:0 bead …). Nothing was changed. {@link #code()} names the case so that a user interface can say it
 * in its own language; the message says it in English.
 */
public final class NotApplicable extends IllegalArgumentException {
    private final String code;

    public NotApplicable(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
