package org.diptych.export;

import java.util.Locale;

import org.diptych.DiptychException;

/** How an exported post points at its other language versions. */
public enum LinkStyle {
    /** The first body paragraphs are {@code [title](url)} links, one per other language version (default). */
    TOP_LINE("top-line"),
    /** {@code lang} and {@code ref} keys in the front matter; no body link. */
    FRONT_MATTER("front-matter"),
    /** No reciprocal link at all. */
    NONE("none");

    private final String id;

    LinkStyle(String id) {
        this.id = id;
    }

    /** The name used in the manifest and on the command line ({@code top-line}, …). */
    public String id() {
        return id;
    }

    /**
     * Parses a style name; {@code null} or blank means {@link #TOP_LINE}.
     *
     * @throws DiptychException naming the bad value
     */
    public static LinkStyle parse(String s) {
        if (s == null || s.isBlank()) return TOP_LINE;
        String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (LinkStyle st : values()) {
            if (st.id.equals(k)) return st;
        }
        throw new DiptychException("unknown link style '" + s + "' (use top-line, front-matter or none)");
    }
}
