package org.diptych.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;

import org.diptych.markdown.Markdown;

/**
 * The DOCX markup convention of {@link DocumentUnits}: markdown emphasis over the document's text, read back by
 * the one markdown model ({@link Markdown}), so a paragraph of a Word document reads in the desk, the TM and QA
 * as it reads here.
 *
 * <p>Reading, a character is bold (italic) when a run code enclosing it has {@code bold} ({@code italic}) in its
 * Okapi type ({@code x-bold;}, {@code x-bold;italic;}). Emphasis changes are written as toggles: {@code *} flips
 * italic, {@code **} bold, {@code ***} both; white space between two characters takes only the emphasis both
 * share, so markers always touch a non-space character ({@code **Мы** *требуем*}), and punctuation at a span's edge
 * next to a letter outside it takes the outside's emphasis ({@code **Внимание**:текст}: CommonMark would not close
 * {@code **} between {@code :} and {@code т}). A character of the text that
 * markdown would read as markup is escaped ({@code \*}, {@code \_}, {@code \\}, a backtick, an entity's or a
 * tag's opening, {@code ~~}, a block marker at a line's start: {@code \#}, {@code \>}, {@code \- }, {@code 1\.}),
 * so the model's plain text of the markup is the document's text.
 *
 * <p>Writing back, the markup is read by {@link Markdown#block}: strong and emphasis (with {@code *} or
 * {@code _}, as CommonMark pairs them: a run of stars between spaces, or one never closed, is text) give the
 * spans' emphasis, an escape gives its character, and every other construct (a code span, a link, HTML, an
 * entity, a block prefix) stays the text it is written as.
 */
final class DocxMarkup {
    private DocxMarkup() {}

    static final int ITALIC = 1, BOLD = 2;

    /** Plain text: codes removed, line breaks {@code \n}, tabs {@code \t}, stripped. */
    static String text(TextFragment tf) {
        return tf.getText().strip();
    }

    /** The emphasis an Okapi Open XML run code stands for. */
    static int emphasis(String type) {
        if (type == null || !type.startsWith("x-")) return 0;
        int f = 0;
        for (String t : type.substring(2).split(";")) {
            String p = t.strip();
            if (p.equals("bold")) f |= BOLD;
            else if (p.equals("italic")) f |= ITALIC;
        }
        return f;
    }

    static String markup(TextFragment tf) {
        String coded = tf.getCodedText();
        List<Code> codes = tf.getCodes();
        List<int[]> open = new ArrayList<>(); // {code id, emphasis}
        StringBuilder chars = new StringBuilder();
        List<Integer> states = new ArrayList<>();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c) && i + 1 < coded.length()) {
                Code code = codes.get(TextFragment.toIndex(coded.charAt(++i)));
                if (code.getTagType() == TagType.OPENING) {
                    open.add(new int[] {code.getId(), emphasis(code.getType())});
                } else if (code.getTagType() == TagType.CLOSING) {
                    for (int k = open.size() - 1; k >= 0; k--) {
                        if (open.get(k)[0] == code.getId()) {
                            open.remove(k);
                            break;
                        }
                    }
                }
            } else {
                int s = 0;
                for (int[] o : open) s |= o[1];
                chars.append(c);
                states.add(s);
            }
        }
        int n = chars.length();
        int[] state = new int[n];
        for (int j = 0; j < n; j++) state[j] = states.get(j);
        // white space takes the emphasis its non-space neighbours share (0 at the edges)
        for (int j = 0; j < n; ) {
            if (!isSpace(chars.charAt(j))) {
                j++;
                continue;
            }
            int end = j;
            while (end < n && isSpace(chars.charAt(end))) end++;
            int s = (j == 0 ? 0 : state[j - 1]) & (end == n ? 0 : state[end]);
            // emphasis cannot span a blank line (two line breaks in a run: CommonMark ends the paragraph there),
            // so it is closed before one and opened again after it
            int breaks = 0;
            for (int k = j; k < end; k++) if (chars.charAt(k) == '\n') breaks++;
            if (breaks >= 2) s = 0;
            for (int k = j; k < end; k++) state[k] = s;
            j = end;
        }
        // a marker must touch its span's text as CommonMark wants it to open or close: never with white space inside,
        // and not between punctuation inside and a letter or digit outside (**Внимание:**текст would be literal
        // stars); such an edge character takes the emphasis it shares with its neighbour (the colon is plain)
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int j = 1; j < n; j++) {
                int a = state[j - 1], b = state[j];
                if (a == b) continue;
                char ca = chars.charAt(j - 1), cb = chars.charAt(j);
                boolean closes = (a & ~b) != 0, opens = (b & ~a) != 0;
                if (closes && (isSpace(ca) || (isPunctuation(ca) && !isSpace(cb) && !isPunctuation(cb)))) {
                    state[j - 1] = a & b;
                    changed = true;
                } else if (opens && (isSpace(cb) || (isPunctuation(cb) && !isSpace(ca) && !isPunctuation(ca)))) {
                    state[j] = a & b;
                    changed = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        int cur = 0;
        for (int j = 0; j < n; j++) {
            if (state[j] != cur) {
                sb.append(stars(cur ^ state[j]));
                cur = state[j];
            }
            char c = chars.charAt(j);
            if (escape(chars, j)) sb.append('\\');
            sb.append(c);
        }
        if (cur != 0) sb.append(stars(cur));
        return sb.toString();
    }

    /** Whether the text's character {@code j} would be read as markdown markup where it stands. */
    static boolean escape(CharSequence t, int j) {
        char c = t.charAt(j);
        char next = j + 1 < t.length() ? t.charAt(j + 1) : '\n';
        switch (c) {
            case '*', '_', '\\', '`', '[' -> { // a [ would open a link text (or a bracket that emphasis cannot cross)
                return true;
            }
            case '~' -> {
                return next == '~' || (j > 0 && t.charAt(j - 1) == '~');
            }
            case '<' -> {
                return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
            }
            case '&' -> {
                int k = j + 1;
                while (k < t.length() && k - j <= 32 && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '#')) k++;
                return k > j + 1 && k < t.length() && t.charAt(k) == ';';
            }
            default -> { }
        }
        // a block marker: only at the start of a line, after spaces or tabs (the paragraph's own are stripped;
        // escaping after a deeper indent than markdown's three spaces is harmless)
        int s = j;
        while (s > 0 && (t.charAt(s - 1) == ' ' || t.charAt(s - 1) == '\t')) s--;
        boolean digits = false;
        if (c == '.' || c == ')') {
            int d = j;
            while (d > 0 && Character.isDigit(t.charAt(d - 1))) d--;
            digits = d < j;
            s = d;
            while (s > 0 && (t.charAt(s - 1) == ' ' || t.charAt(s - 1) == '\t')) s--;
        }
        boolean lineStart = s == 0 || t.charAt(s - 1) == '\n';
        if (!lineStart) return false;
        if (digits) return next == ' ' || next == '\t' || next == '\n';
        return switch (c) {
            case '#', '>' -> true;
            case '-', '+' -> next == ' ' || next == '\t' || next == '\n' || next == c;
            case '=' -> s > 0;
            default -> false;
        };
    }

    private static String stars(int toggle) {
        return toggle == ITALIC ? "*" : toggle == BOLD ? "**" : "***";
    }

    /** CommonMark's punctuation: ASCII punctuation and the Unicode punctuation categories. */
    private static boolean isPunctuation(char c) {
        if (c < 128) return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** A stretch of text with one emphasis. */
    record Span(String text, int emphasis) {}

    /**
     * Markup to spans of text with their emphasis (adjacent spans differ in emphasis), as the markdown model
     * reads it: its strong and emphasis spans are bold and italic, an escape its character, every other token
     * (and the block's prefix and suffix) the text it is written as.
     */
    static List<Span> parse(String markup) {
        Markdown.Block b = Markdown.block(markup);
        List<Span> spans = new ArrayList<>();
        StringBuilder text = new StringBuilder(b.prefix());
        int bold = 0, italic = 0;
        for (Markdown.Token t : b.tokens()) {
            boolean strong = t.kind() == Markdown.Kind.STRONG, em = t.kind() == Markdown.Kind.EMPHASIS;
            if ((strong || em) && t.role() != Markdown.Role.TEXT && t.role() != Markdown.Role.ATOM) {
                if (text.length() > 0) {
                    add(spans, text.toString(), (bold > 0 ? BOLD : 0) | (italic > 0 ? ITALIC : 0));
                    text.setLength(0);
                }
                int step = t.role() == Markdown.Role.OPEN ? 1 : -1;
                if (strong) bold += step;
                else italic += step;
                continue;
            }
            text.append(t.kind() == Markdown.Kind.ESCAPE ? t.plain() : t.source());
        }
        text.append(b.suffix());
        if (text.length() > 0) add(spans, text.toString(), (bold > 0 ? BOLD : 0) | (italic > 0 ? ITALIC : 0));
        return spans;
    }

    private static void add(List<Span> spans, String text, int emphasis) {
        if (!spans.isEmpty() && spans.get(spans.size() - 1).emphasis() == emphasis) {
            Span prev = spans.remove(spans.size() - 1);
            text = prev.text() + text;
        }
        spans.add(new Span(text, emphasis));
    }

    /**
     * Markup back to a fragment: each emphasised span is wrapped in the run codes of a run of the source unit
     * with the same emphasis (the k-th span of an emphasis takes the k-th such run, the last one when there
     * are fewer). Formatting is lost when a span's emphasis has no run in the source, or when a code of the
     * source is not used (hyperlinks, underline, fields, or emphasis the markup no longer has).
     */
    static DocumentUnits.Converted fragment(String markup, TextFragment source) {
        Map<Integer, List<Code[]>> runs = new HashMap<>();
        String coded = source.getCodedText();
        List<Code> codes = source.getCodes();
        for (int i = 0; i < coded.length(); i++) {
            if (!TextFragment.isMarker(coded.charAt(i)) || i + 1 >= coded.length()) continue;
            Code open = codes.get(TextFragment.toIndex(coded.charAt(++i)));
            if (open.getTagType() != TagType.OPENING) continue;
            int e = emphasis(open.getType());
            if (e == 0) continue;
            for (Code close : codes) {
                if (close.getTagType() == TagType.CLOSING && close.getId() == open.getId()) {
                    runs.computeIfAbsent(e, k -> new ArrayList<>()).add(new Code[] {open, close});
                    break;
                }
            }
        }
        Map<Integer, Integer> uses = new HashMap<>();
        Set<Integer> used = new HashSet<>();
        boolean lost = false;
        TextFragment tf = new TextFragment();
        for (Span span : parse(markup)) {
            List<Code[]> candidates = runs.get(span.emphasis());
            if (span.emphasis() == 0 || candidates == null) {
                lost |= span.emphasis() != 0;
                tf.append(span.text());
                continue;
            }
            int k = uses.merge(span.emphasis(), 1, Integer::sum) - 1;
            Code[] run = candidates.get(Math.min(k, candidates.size() - 1));
            tf.append(run[0].clone());
            tf.append(span.text());
            tf.append(run[1].clone());
            used.add(run[0].getId());
        }
        for (Code c : codes) lost |= !used.contains(c.getId());
        return new DocumentUnits.Converted(tf, lost);
    }
}
