package org.diptych.formats;

import java.util.Locale;
import java.util.Set;

import org.diptych.DiptychException;

/**
 * Shape limits checked by one linear scan of a document's text before the parsers run, because the parsers
 * behind import are not linear in some shapes: flexmark (under Okapi's Markdown filter) in a document's link
 * reference definitions and in a paragraph's brackets, tags, entities and code spans, and both the Markdown and
 * the HTML filters in nesting depth (10,000 definitions took more than a minute, 100,000 nested elements more
 * than two). A statement stays far below every limit; a file over one is refused with one line naming the limit
 * and the line where it was passed.
 */
public final class InputLimits {
    /** Link reference definitions ({@code [id]: url}) in one Markdown document. */
    public static final int MAX_REFERENCE_DEFINITIONS = 1_000;
    /** Inline openers ({@code [ < ` &}) in one Markdown paragraph (outside code blocks). */
    public static final int MAX_INLINE_OPENERS = 2_000;
    /** Nested list items and block quotes on one Markdown line. */
    public static final int MAX_BLOCK_NESTING = 64;
    /** Nested HTML elements (Markdown HTML blocks and HTML pages). */
    public static final int MAX_ELEMENT_NESTING = 256;

    private InputLimits() {}

    /**
     * Checks a Markdown body (front matter removed, lines separated by {@code \n}).
     *
     * @param firstLine the body's first line number in the file
     * @throws DiptychException naming {@code fileName}, the line and the limit passed
     */
    public static void checkMarkdown(String body, String fileName, int firstLine) {
        int definitions = 0;
        int openers = 0;
        int paragraphLine = firstLine;
        boolean inFence = false;
        char fenceChar = 0;
        int fenceLength = 0;
        int line = firstLine;
        int n = body.length();
        int[] elements = {0};
        int i = 0;
        while (i < n) {
            int end = body.indexOf('\n', i);
            if (end < 0) end = n;
            // the line's container prefix: quotes, list markers, indentation
            int p = i;
            int depth = 0;
            int column = 0;
            int indentLevels = 0; // indentation before a marker nests too ("    - item")
            while (p < end) {
                char c = body.charAt(p);
                if (c == ' ') { column++; p++; continue; }
                if (c == '\t') { column += 4; p++; continue; }
                if (c == '>') { depth++; indentLevels += column / 2; column = 0; p++; continue; }
                int marker = listMarker(body, p, end);
                if (marker > 0) { depth++; indentLevels += column / 2; column = 0; p += marker; continue; }
                break;
            }
            if (!inFence && depth + indentLevels > MAX_BLOCK_NESTING) {
                throw error(fileName, line, "lists and quotes nested more than " + MAX_BLOCK_NESTING + " deep");
            }
            String rest = body.substring(p, end);
            String stripped = rest.strip();
            int fence = fence(stripped);
            if (inFence) {
                if (fence >= fenceLength && stripped.charAt(0) == fenceChar && stripped.substring(fence).isBlank()) {
                    inFence = false;
                }
            } else if (fence > 0) {
                inFence = true;
                fenceChar = stripped.charAt(0);
                fenceLength = fence;
                openers = 0;
            } else if (stripped.isEmpty()) {
                // a blank line ends an HTML block; its elements are checked, they do not nest into the next one
                elements[0] = 0;
                openers = 0;
                paragraphLine = line + 1;
            } else if (column < 4 && isDefinition(stripped)) {
                if (++definitions > MAX_REFERENCE_DEFINITIONS) {
                    throw error(fileName, line, "more than " + MAX_REFERENCE_DEFINITIONS
                            + " link reference definitions ([id]: address)");
                }
            } else if (column < 4 || depth > 0) {
                elementNesting(body, p, end, elements, fileName, line);
                for (int k = 0; k < stripped.length(); k++) {
                    char c = stripped.charAt(k);
                    if ((c == '[' || c == '<' || c == '`' || c == '&') && ++openers > MAX_INLINE_OPENERS) {
                        throw error(fileName, paragraphLine, "a paragraph with more than " + MAX_INLINE_OPENERS
                                + " links, tags, entities or code spans");
                    }
                }
            }
            i = end + 1;
            line++;
        }
    }

    /** Checks an HTML page's element nesting. */
    public static void checkHtml(String html, String fileName) {
        checkElementNesting(html, fileName, 1);
    }

    /** Elements without content or whose end tag may be left out: they do not count as nesting. */
    private static final Set<String> NOT_NESTING = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th",
            "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rt", "rp", "!doctype");

    private static void checkElementNesting(String s, String fileName, int firstLine) {
        elementNesting(s, 0, s.length(), new int[] {0}, fileName, firstLine);
    }

    /** Counts the elements opened and closed in {@code s[from, n)} into {@code depth[0]}. */
    private static void elementNesting(String s, int from, int n, int[] depth, String fileName, int firstLine) {
        int line = firstLine;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') { line++; continue; }
            if (c != '<' || i + 1 >= n) continue;
            if (s.startsWith("<!--", i)) {
                int close = s.indexOf("-->", i + 4);
                if (close < 0 || close >= n) return;
                for (int k = i; k < close; k++) if (s.charAt(k) == '\n') line++;
                i = close + 2;
                continue;
            }
            boolean closing = s.charAt(i + 1) == '/';
            int start = closing ? i + 2 : i + 1;
            int k = start;
            while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '-' || s.charAt(k) == ':')) k++;
            if (k == start) continue;
            String name = s.substring(start, k).toLowerCase(Locale.ROOT);
            if (NOT_NESTING.contains(name)) continue;
            if (closing) {
                if (depth[0] > 0) depth[0]--;
                continue;
            }
            int gt = s.indexOf('>', k);
            if (gt > 0 && s.charAt(gt - 1) == '/') continue; // <x/>
            if (++depth[0] > MAX_ELEMENT_NESTING) {
                throw error(fileName, line, "HTML elements nested more than " + MAX_ELEMENT_NESTING + " deep");
            }
        }
    }

    /** The length of a list marker at {@code p} ({@code - }, {@code 1. }) including its space, or 0. */
    private static int listMarker(String s, int p, int end) {
        char c = s.charAt(p);
        if (c == '-' || c == '+' || c == '*') {
            return p + 1 < end && (s.charAt(p + 1) == ' ' || s.charAt(p + 1) == '\t') ? 2 : 0;
        }
        int k = p;
        while (k < end && k - p < 9 && Character.isDigit(s.charAt(k))) k++;
        if (k == p || k >= end || (s.charAt(k) != '.' && s.charAt(k) != ')')) return 0;
        return k + 1 < end && (s.charAt(k + 1) == ' ' || s.charAt(k + 1) == '\t') ? k + 2 - p : 0;
    }

    /** The length of a code fence ({@code ```} or {@code ~~~}, three or more) opening {@code s}, or 0. */
    private static int fence(String s) {
        if (s.length() < 3) return 0;
        char c = s.charAt(0);
        if (c != '`' && c != '~') return 0;
        int k = 0;
        while (k < s.length() && s.charAt(k) == c) k++;
        return k >= 3 ? k : 0;
    }

    private static boolean isDefinition(String s) {
        if (!s.startsWith("[") || s.startsWith("[^")) return false;
        int close = s.indexOf("]:");
        return close > 1;
    }

    private static DiptychException error(String fileName, int line, String reason) {
        return new DiptychException(fileName + ": line " + line + ": " + reason
                + " (the limit for a statement); not read");
    }
}
