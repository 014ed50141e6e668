package org.diptych.model;

import java.util.Objects;

/**
 * One paragraph of a language version.
 *
 * @param id     stable identifier within its version ({@code p1}, {@code p2}, …); never reused, survives edits
 * @param kind   structural role (heading, list item, …)
 * @param level  heading level or list depth; 0 for plain paragraphs
 * @param markup the paragraph exactly as it is written in its format (for markdown the block's source
 *               text, e.g. {@code ### Вопрос} or {@code **Q:** text [link](url)}); export writes this back
 * @param text   plain text without markup, used for alignment, TM and display
 */
public record Paragraph(String id, BlockKind kind, int level, String markup, String text) {
    public Paragraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(markup, "markup");
        Objects.requireNonNull(text, "text");
    }

    /** A plain paragraph whose markup is its text. */
    public static Paragraph plain(String id, String text) {
        return new Paragraph(id, BlockKind.PARAGRAPH, 0, text, text);
    }

    public Paragraph withText(String newMarkup, String newText) {
        return new Paragraph(id, kind, level, newMarkup, newText);
    }
}
