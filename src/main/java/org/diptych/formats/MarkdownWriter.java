package org.diptych.formats;

import java.util.List;

import org.diptych.model.BlockKind;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;

/**
 * Writes a markdown version back from its parts. The inverse of the markdown importer's contract: every
 * block is one {@link Paragraph} whose {@code markup} is the block's exact source, every list item its own
 * paragraph, and {@link FrontMatter#raw()} the exact front-matter block with its delimiters and without a
 * trailing newline.
 */
public final class MarkdownWriter {
    private MarkdownWriter() {}

    /**
     * The body: paragraphs' markup joined with a blank line ({@code "\n\n"}), except that two consecutive
     * {@link BlockKind#LIST_ITEM}s are joined with a single {@code "\n"}. No trailing newline.
     */
    public static String body(List<Paragraph> paragraphs) {
        StringBuilder sb = new StringBuilder();
        Paragraph prev = null;
        for (Paragraph p : paragraphs) {
            if (prev != null) {
                boolean list = prev.kind() == BlockKind.LIST_ITEM && p.kind() == BlockKind.LIST_ITEM;
                sb.append(list ? "\n" : "\n\n");
            }
            sb.append(p.markup());
            prev = p;
        }
        return sb.toString();
    }

    /**
     * The whole file: the raw front matter, a blank line, the body and one final newline; or only the body
     * and a final newline when there is no front matter.
     */
    public static String write(FrontMatter frontMatter, List<Paragraph> paragraphs) {
        String body = body(paragraphs);
        if (frontMatter == null || frontMatter.style() == FrontMatter.Style.NONE || frontMatter.raw().isEmpty()) {
            return body + "\n";
        }
        return frontMatter.raw() + "\n\n" + body + "\n";
    }
}
