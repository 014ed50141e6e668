package org.diptych.translate;

import org.diptych.markdown.Markdown;

/**
 * The block prefix of a markdown paragraph ({@code ### }, {@code - }, {@code 1. }, {@code > }) and its
 * inline body. A target paragraph written in the desk keeps its source's prefix, so headings and list items
 * stay what they are; the translator edits the body only. The prefix is the one markdown model's
 * ({@link Markdown#prefix}).
 */
public final class BlockMarkup {
    private BlockMarkup() {}

    /** The block prefix of a markdown paragraph ({@code "### "}, {@code "1. "}), or "" if it has none. */
    public static String prefix(String markup) {
        return Markdown.prefix(markup);
    }

    /** The paragraph without its block prefix. */
    public static String body(String markup) {
        return markup.substring(prefix(markup).length());
    }

    /**
     * The markup of a paragraph with {@code body} under {@code prefix}; a body that already starts with a
     * block prefix (pasted whole) keeps its own.
     */
    public static String join(String prefix, String body) {
        String b = body.strip();
        if (prefix.isEmpty() || !prefix(b).isEmpty()) return b;
        return prefix + b;
    }
}
