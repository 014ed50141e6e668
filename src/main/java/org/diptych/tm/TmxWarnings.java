package org.diptych.tm;

import java.util.ArrayList;
import java.util.List;

/**
 * Line-numbered warnings about one TMX file. Keeps the first {@value #KEEP} and counts the rest, so that a
 * damaged file of a million units cannot fill the memory with messages.
 */
public final class TmxWarnings {
    public static final int KEEP = 1000;

    private final String file;
    private final List<String> kept = new ArrayList<>();
    private long count;

    public TmxWarnings(String file) {
        this.file = file;
    }

    /** Records {@code FILE:LINE: message} ({@code line <= 0} leaves the line out). */
    public void add(int line, String message) {
        count++;
        if (kept.size() < KEEP) kept.add(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    /** The first {@value #KEEP} warnings, each one line. */
    public List<String> list() {
        return List.copyOf(kept);
    }

    /** How many warnings there were in all. */
    public long count() {
        return count;
    }
}
