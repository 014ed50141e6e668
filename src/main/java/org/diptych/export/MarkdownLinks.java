package org.diptych.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few pieces of markdown link syntax export needs: writing a link, recognising a line that is nothing
 * but one link, and listing the link destinations of a document for the link check.
 */
public final class MarkdownLinks {
    private MarkdownLinks() {}

    /** A link's text (as written, escapes kept) and destination. */
    public record Link(String text, String url) {}

    /** {@code [text](url)} or {@code [text](<url> "title")}, the text allowing escapes and one level of brackets. */
    private static final Pattern LINK_ONLY = Pattern.compile(
            "\\[((?:\\\\.|[^\\\\\\[\\]]|\\[(?:\\\\.|[^\\\\\\[\\]])*\\])*)\\]\\(\\s*(<[^>\\n]*>|[^\\s)]+(?:\\([^\\s)]*\\)[^\\s)]*)*)(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^)]*\\)))?\\s*\\)");
    private static final Pattern REF_DEF = Pattern.compile("(?m)^ {0,3}\\[[^\\]\\n]+\\]:\\s*(<[^>\\n]*>|\\S+)");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");

    /** A markdown inline link; brackets in the text are escaped only where they would break the link. */
    public static String format(String text, String url) {
        String t = balanced(text) ? text : text.replace("[", "\\[").replace("]", "\\]");
        String u = url.matches(".*[\\s()<>].*") ? "<" + url + ">" : url;
        return "[" + t + "](" + u + ")";
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
     * The link if {@code line}, trimmed, is exactly one inline link (not an image), else {@code null}.
     */
    public static Link linkOnly(String line) {
        String s = line.strip();
        Matcher m = LINK_ONLY.matcher(s);
        if (!m.matches()) return null;
        return new Link(m.group(1), unbracket(m.group(2)));
    }

    /**
     * The destinations of all links in a markdown document, in order: inline links (images excluded),
     * reference definitions and {@code <https://…>} autolinks. Fenced code blocks are skipped.
     */
    public static List<String> destinations(String markdown) {
        String text = withoutFences(markdown);
        List<String> out = new ArrayList<>();
        Matcher m = LINK_ONLY.matcher(text);
        int from = 0;
        while (m.find(from)) {
            boolean image = m.start() > 0 && text.charAt(m.start() - 1) == '!';
            boolean escaped = m.start() > 0 && text.charAt(m.start() - 1) == '\\';
            if (!image && !escaped) out.add(unbracket(m.group(2)));
            from = m.start() + 1; // links may nest inside a link text's brackets only by accident; keep scanning
        }
        Matcher r = REF_DEF.matcher(text);
        while (r.find()) out.add(unbracket(r.group(1)));
        Matcher a = AUTOLINK.matcher(text);
        while (a.find()) out.add(a.group(1));
        return out;
    }

    private static String unbracket(String url) {
        return url.startsWith("<") && url.endsWith(">") ? url.substring(1, url.length() - 1) : url;
    }

    private static String withoutFences(String md) {
        StringBuilder sb = new StringBuilder();
        boolean inFence = false;
        String fence = null;
        for (String line : md.split("\n", -1)) {
            String t = line.stripLeading();
            if (!inFence && (t.startsWith("```") || t.startsWith("~~~"))) {
                inFence = true;
                fence = t.substring(0, 3);
                sb.append('\n');
                continue;
            }
            if (inFence) {
                if (t.startsWith(fence)) inFence = false;
                sb.append('\n');
                continue;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
