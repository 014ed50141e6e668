package org.diptych.markdown;

import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * The one markdown model: a CommonMark parse (flexmark-java, the parser Okapi's Markdown filter already brings)
 * whose nodes carry their source offsets, read into inline {@link Span}s and plain text.
 * <p>
 * Plain text is what a reader sees: markup characters and link targets dropped, link and image texts kept,
 * backslash escapes and HTML entities resolved, soft line breaks as spaces, hard breaks (two spaces, a
 * backslash, {@code <br>}) as {@code \n}, inline HTML tags dropped, code spans' content kept.
 */
public final class Markdown {
    /** An inline construct of a markup string, with its source offsets {@code [start, end)}. */
    public record Span(Kind kind, int start, int end) {}

    public enum Kind { EMPHASIS, STRONG, LINK, IMAGE, CODE, HTML, ENTITY, ESCAPE, HARD_BREAK, SOFT_BREAK, AUTOLINK }

    private static final Parser PARSER = Parser.builder(new MutableDataSet()).build();

    private Markdown() {}

    /** Parses markdown into flexmark's tree (offsets into {@code text}). */
    public static Document parse(String text) {
        return PARSER.parse(text);
    }

    /** The plain text of one block's markup (or several blocks, joined by {@code \n}); never null. */
    public static String plainText(String markup) {
        StringBuilder sb = new StringBuilder();
        text(parse(markup), sb);
        StringBuilder out = new StringBuilder();
        for (String line : sb.toString().split("\n", -1)) {
            String l = line.replace('\u00A0', ' ').replaceAll("[ \\t]+", " ").strip();
            if (out.length() > 0) out.append('\n');
            out.append(l);
        }
        return out.toString().replaceAll("\n{2,}", "\n").strip();
    }

    /** The inline spans of a markup string, in source order (nested spans after their parent). */
    public static List<Span> spans(String markup) {
        List<Span> out = new ArrayList<>();
        spans(parse(markup), markup, out);
        return out;
    }

    private static void spans(Node n, String src, List<Span> out) {
        Kind k = null;
        if (n instanceof StrongEmphasis) k = Kind.STRONG;
        else if (n instanceof Emphasis) k = Kind.EMPHASIS;
        else if (n instanceof Image) k = Kind.IMAGE;
        else if (n instanceof Link || n instanceof LinkRef) k = Kind.LINK;
        else if (n instanceof AutoLink || n instanceof MailLink) k = Kind.AUTOLINK;
        else if (n instanceof Code) k = Kind.CODE;
        else if (n instanceof HtmlInline) k = Kind.HTML;
        else if (n instanceof HtmlEntity) k = Kind.ENTITY;
        else if (n instanceof HardLineBreak) k = Kind.HARD_BREAK;
        else if (n instanceof SoftLineBreak) k = Kind.SOFT_BREAK;
        if (k != null) out.add(new Span(k, n.getStartOffset(), n.getEndOffset()));
        if (n instanceof Text) {
            int s = n.getStartOffset(), e = n.getEndOffset();
            for (int i = s; i < e - 1; i++) {
                if (src.charAt(i) == '\\' && isEscapable(src.charAt(i + 1))) {
                    out.add(new Span(Kind.ESCAPE, i, i + 2));
                    i++;
                }
            }
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) spans(c, src, out);
    }

    private static boolean isEscapable(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    private static void text(Node n, StringBuilder sb) {
        if (n instanceof Text) {
            sb.append(Escaping.unescapeString(n.getChars().toString()));
            return;
        }
        if (n instanceof HtmlEntity) {
            sb.append(Escaping.unescapeString(n.getChars().toString()));
            return;
        }
        if (n instanceof Code c) {
            sb.append(c.getText().toString());
            return;
        }
        if (n instanceof SoftLineBreak) {
            sb.append(' ');
            return;
        }
        if (n instanceof HardLineBreak) {
            sb.append('\n');
            return;
        }
        if (n instanceof HtmlInline) {
            if (n.getChars().toString().matches("(?i)<br\\s*/?>")) sb.append('\n');
            return;
        }
        if (n instanceof AutoLink a) {
            sb.append(a.getText().toString());
            return;
        }
        if (n instanceof MailLink m) {
            sb.append(m.getText().toString());
            return;
        }
        if (n instanceof Reference) return;
        if (n instanceof FencedCodeBlock f) {
            sb.append(f.getContentChars().toString());
            return;
        }
        if (n instanceof IndentedCodeBlock i) {
            sb.append(i.getContentChars().toString());
            return;
        }
        if (n instanceof HtmlBlock) {
            sb.append(n.getChars().toString().replaceAll("<[^>]*>", " "));
            return;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            text(c, sb);
            if (c instanceof Block && c.getNext() != null) sb.append('\n');
        }
    }
}
