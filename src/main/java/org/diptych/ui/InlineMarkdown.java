package org.diptych.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.diptych.markdown.Markdown;
import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * Markdown for display: a paragraph's markup read by the one markdown model ({@link Markdown#block}) and cut
 * into styled runs (bold, italic, code, links) with its block role (heading, list item, quote). What renders
 * as one line in a browser shows as one line: a soft line break is a space (a hard-wrapped post does not look
 * ragged), a hard break ({@code "  \n"}, {@code \}, {@code <br>}) a new line; bold or a link across a soft break
 * stays bold or a link; escapes and entities show as the characters they stand for; inline HTML tags are
 * not shown (their text is). Code blocks, tables and HTML blocks show as written.
 */
public final class InlineMarkdown {
    /** A run of text with its style; {@code link} is the target URL of a link, else null. */
    public record Span(String text, boolean bold, boolean italic, boolean code, String link) {}

    /** A paragraph ready to draw: block role, heading level, and the runs. */
    public record Block(BlockKind kind, int level, String prefix, List<Span> spans) {}

    private InlineMarkdown() {}

    /**
     * The block for a paragraph. Markdown markup is parsed; for other formats ({@code markdown == false})
     * the plain text is shown with the paragraph's kind.
     */
    public static Block block(Paragraph p, boolean markdown) {
        if (!markdown) {
            return new Block(p.kind(), p.level(), p.kind() == BlockKind.LIST_ITEM ? "• " : "",
                    List.of(new Span(p.text(), p.kind() == BlockKind.HEADING, false, false, null)));
        }
        String m = p.markup().strip();
        Markdown.Block b = Markdown.block(m);
        switch (b.kind()) {
            case HEADING:
                return new Block(BlockKind.HEADING, b.level(), "", runs(b, true, false));
            case LIST_ITEM: {
                String marker = b.marker().strip();
                boolean ordered = !marker.isEmpty() && Character.isDigit(marker.charAt(0));
                return new Block(BlockKind.LIST_ITEM, Math.max(1, p.level()), ordered ? marker + " " : "• ",
                        runs(b, false, false));
            }
            case QUOTE:
                return new Block(BlockKind.QUOTE, 0, "", runs(b, false, true));
            case CODE:
                return new Block(p.kind(), p.level(), "", List.of(new Span(m, false, false, true, null)));
            case OTHER:
                return new Block(p.kind(), p.level(), "", List.of(new Span(m, false, false, false, null)));
            default:
                return new Block(p.kind(), p.level(), "", runs(b, p.kind() == BlockKind.HEADING, false));
        }
    }

    /** The runs of inline markdown in {@code s}; {@code bold}/{@code italic} apply to all of them. */
    public static List<Span> spans(String s, boolean bold, boolean italic) {
        return runs(Markdown.block(s), bold, italic);
    }

    /** The runs of a block's inline tokens, neighbours of the same style joined. */
    private static List<Span> runs(Markdown.Block b, boolean bold, boolean italic) {
        List<Span> out = new ArrayList<>();
        Deque<Markdown.Token> open = new ArrayDeque<>();
        StringBuilder run = new StringBuilder();
        Span style = new Span("", bold, italic, false, null);
        for (Markdown.Token t : b.tokens()) {
            switch (t.role()) {
                case OPEN, CLOSE -> {
                    if (t.role() == Markdown.Role.OPEN) open.push(t);
                    else if (!open.isEmpty()) open.pop();
                    Span next = style(open, bold, italic);
                    if (!same(next, style)) {
                        flush(out, run, style);
                        style = next;
                    }
                }
                case TEXT -> run.append(t.plain());
                case ATOM -> run.append(t.plain());
            }
        }
        flush(out, run, style);
        return out;
    }

    private static Span style(Deque<Markdown.Token> open, boolean bold, boolean italic) {
        boolean b = bold, i = italic, code = false;
        String link = null;
        for (Markdown.Token t : open) {
            switch (t.kind()) {
                case STRONG -> b = true;
                case EMPHASIS -> i = true;
                case CODE -> code = true;
                case LINK, AUTOLINK -> {
                    if (link == null) link = t.target() == null ? "" : t.target(); // "" for [text][ref]
                }
                default -> { }
            }
        }
        return new Span("", b, i, code, link);
    }

    private static boolean same(Span a, Span b) {
        return a.bold() == b.bold() && a.italic() == b.italic() && a.code() == b.code()
                && java.util.Objects.equals(a.link(), b.link());
    }

    private static void flush(List<Span> out, StringBuilder run, Span style) {
        if (run.length() == 0) return;
        out.add(new Span(run.toString(), style.bold(), style.italic(), style.code(), style.link()));
        run.setLength(0);
    }
}
