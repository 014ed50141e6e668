package org.diptych.export;

import java.util.List;

import org.diptych.DiptychException;
import org.diptych.formats.FrontMatterParser;
import org.diptych.markdown.Markdown;

/**
 * The few pieces of markdown link syntax export needs: writing a link, recognising a line that is nothing
 * but one link, and listing the link destinations of a document for the link check. Reading goes through
 * the one markdown model ({@link Markdown}), so a link here is a link wherever Diptych reads markdown.
 */
public final class MarkdownLinks {
    private MarkdownLinks() {}

    /** A link's text (as written, escapes kept) and destination. */
    public record Link(String text, String url) {}

    /**
     * A markdown inline link; brackets in the text are escaped only where they would break the link. The
     * address is written as the model reads it back: white space percent-encoded (flexmark, unlike CommonMark
     * 0.30, reads no space even between {@code <>}), inside {@code <>} when it has parentheses.
     */
    public static String format(String text, String url) {
        String t = balanced(text) ? text : text.replace("[", "\\[").replace("]", "\\]");
        StringBuilder u = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || c == '<' || c == '>') u.append(String.format("%%%02X", (int) c));
            else u.append(c);
        }
        String dest = needsBrackets(u) ? "<" + u + ">" : u.toString();
        return "[" + t + "](" + dest + ")";
    }

    private static boolean needsBrackets(CharSequence url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '(' || c == ')') return true;
        }
        return false;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '[') depth++;
            if (c == ']' && --depth < 0) return false;
        }
        return depth == 0;
    }

    /**
     * The link if {@code line}, trimmed, is exactly one inline link (not an image, not a reference link),
     * else {@code null}.
     */
    public static Link linkOnly(String line) {
        Markdown.LinkOnly l = Markdown.linkOnly(line.strip());
        return l == null ? null : new Link(l.text(), l.url());
    }

    /**
     * The destinations of all links in a markdown post, in order: inline links (images excluded), autolinks
     * and reference definitions; nothing in code, in escaped brackets or in the front matter.
     */
    public static List<String> destinations(String markdown) {
        String body = markdown;
        try {
            body = FrontMatterParser.split(markdown.replace("\r\n", "\n"), "post").body();
        } catch (DiptychException malformed) {
            // export wrote this post: its front matter was read before; read it all as markdown
        }
        return Markdown.documentLinks(body);
    }
}
