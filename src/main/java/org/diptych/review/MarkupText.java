package org.diptych.review;

import org.diptych.markdown.Markdown;

/**
 * The plain text of a paragraph's light markdown markup, as used when a reviewer edits a paragraph:
 * heading marks, list and quote markers, emphasis, inline code and link targets are dropped, link texts
 * and HTML entities resolved, backslash escapes resolved; line breaks become spaces.
 */
public final class MarkupText {

    private MarkupText() {}

    /** Plain text of one paragraph of markup (through the one markdown model, {@link Markdown#plainText}); never null. */
    public static String plain(String markup) {
        return Markdown.plainText(markup).replaceAll("\\s+", " ").strip();
    }
}
