package org.diptych.formats;

import java.util.List;

import org.diptych.model.BlockKind;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;

/**
 * Writes paragraphs back as a Markdown post. The inverse of {@link MarkdownReader} for its paragraphs: reading
 * what this writes gives paragraphs with the same kinds, levels, markup and text.
 */
public final class MarkdownWriter {
    private MarkdownWriter() {}

    /**
     * Joins paragraph markups into a body: consecutive list items with a single {@code \n} (one list), every
     * other pair of neighbours with a blank line ({@code \n\n}). No trailing newline.
     */
    public static String body(List<Paragraph> paragraphs) {
        StringBuilder sb = new StringBuilder();
        Paragraph prev = null;
        for (Paragraph p : paragraphs) {
            if (prev != null) {
                sb.append(prev.kind() == BlockKind.LIST_ITEM && p.kind() == BlockKind.LIST_ITEM ? "\n" : "\n\n");
            }
            sb.append(p.markup());
            prev = p;
        }
        return sb.toString();
    }

    /**
     * A whole post: the front matter exactly as imported ({@link FrontMatter#raw()}), a blank line, the body and
     * a final newline; without front matter ({@link FrontMatter.Style#NONE}) just the body and a newline.
     */
    public static String write(FrontMatter frontMatter, List<Paragraph> paragraphs) {
        String body = body(paragraphs);
        if (frontMatter == null || frontMatter.style() == FrontMatter.Style.NONE || frontMatter.raw().isEmpty()) {
            return body + "\n";
        }
        return frontMatter.raw() + "\n\n" + body + "\n";
    }
}
