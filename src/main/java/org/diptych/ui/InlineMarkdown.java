package org.diptych.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * Light markdown for display: a paragraph's markup cut into styled runs (bold, italic, code, links) and
 * its block role (heading, list item, quote). Not a full markdown parser; unknown syntax shows as
 * written.
 */
public final class InlineMarkdown {
    /** A run of text with its style; {@code link} is the target URL of a link, else null. */
    public record Span(String text, boolean bold, boolean italic, boolean code, String link) {}

    /** A paragraph ready to draw: block role, heading level, and the runs. */
    public record Block(BlockKind kind, int level, String prefix, List<Span> spans) {}

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)(\\s+#+)?\\s*$", Pattern.DOTALL);
    private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^\\s{0,3}(\\d{1,3}[.)])\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?(.*)$", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile(
            "\\[([^\\]]+)]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)"      // 1,2 link
            + "|(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\3"                   // 3,4 bold
            + "|(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\5(?![\\w*])" // 5,6 italic
            + "|`([^`]+)`");                                        // 7 code

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
        Matcher h = HEADING.matcher(m);
        if (h.matches()) {
            return new Block(BlockKind.HEADING, h.group(1).length(), "", spans(h.group(2), true, false));
        }
        Matcher b = BULLET.matcher(m);
        if (b.matches() && p.kind() != BlockKind.PARAGRAPH) {
            return new Block(BlockKind.LIST_ITEM, Math.max(1, p.level()), "• ", spans(b.group(1), false, false));
        }
        Matcher n = NUMBER.matcher(m);
        if (n.matches() && p.kind() == BlockKind.LIST_ITEM) {
            return new Block(BlockKind.LIST_ITEM, Math.max(1, p.level()), n.group(1) + " ", spans(n.group(2), false, false));
        }
        Matcher q = QUOTE.matcher(m);
        if (q.matches()) {
            return new Block(BlockKind.QUOTE, 0, "", spans(q.group(1), false, true));
        }
        boolean heading = p.kind() == BlockKind.HEADING;
        return new Block(p.kind(), p.level(), "", spans(m, heading, false));
    }

    /** The runs of inline markdown in {@code s}; {@code bold}/{@code italic} apply to all of them. */
    public static List<Span> spans(String s, boolean bold, boolean italic) {
        List<Span> out = new ArrayList<>();
        Matcher m = INLINE.matcher(s);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) out.add(new Span(s.substring(at, m.start()), bold, italic, false, null));
            if (m.group(1) != null) {
                for (Span sp : spans(m.group(1), bold, italic)) {
                    out.add(new Span(sp.text(), sp.bold(), sp.italic(), sp.code(), m.group(2)));
                }
            } else if (m.group(3) != null) {
                out.addAll(spans(m.group(4), true, italic));
            } else if (m.group(5) != null) {
                out.addAll(spans(m.group(6), bold, true));
            } else {
                out.add(new Span(m.group(7), bold, italic, true, null));
            }
            at = m.end();
        }
        if (at < s.length()) out.add(new Span(s.substring(at), bold, italic, false, null));
        return out;
    }
}
