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

/**
 * The DOCX markup convention of {@link DocumentUnits}: Markdown-style emphasis over plain text.
 *
 * <p>Reading, a character is bold (italic) when a run code enclosing it has {@code bold} ({@code italic}) in its
 * Okapi type ({@code x-bold;}, {@code x-bold;italic;}). Emphasis changes are written as toggles: {@code *} flips
 * italic, {@code **} bold, {@code ***} both; white space between two characters takes only the emphasis both
 * share, so markers always touch a non-space character ({@code **Мы** *требуем*}). A literal {@code *} or
 * {@code \} in the text is written {@code \*}, {@code \\}.
 *
 * <p>Writing back, a run of {@code *} is literal when it has white space (or the paragraph's edge) on both
 * sides, or is longer than three, or opens emphasis that is never closed; other runs toggle as above.
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
            for (int k = j; k < end; k++) state[k] = s;
            j = end;
        }
        StringBuilder sb = new StringBuilder();
        int cur = 0;
        for (int j = 0; j < n; j++) {
            if (state[j] != cur) {
                sb.append(stars(cur ^ state[j]));
                cur = state[j];
            }
            char c = chars.charAt(j);
            if (c == '*' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        if (cur != 0) sb.append(stars(cur));
        return sb.toString();
    }

    private static String stars(int toggle) {
        return toggle == ITALIC ? "*" : toggle == BOLD ? "**" : "***";
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** A stretch of text with one emphasis. */
    record Span(String text, int emphasis) {}

    /** Markup to spans of text with their emphasis (adjacent spans differ in emphasis). */
    static List<Span> parse(String markup) {
        // tokens: a literal character (star = 0) or a run of stars (star = its length)
        List<Character> chars = new ArrayList<>();
        List<Integer> star = new ArrayList<>();
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            if (c == '\\' && i + 1 < markup.length() && (markup.charAt(i + 1) == '*' || markup.charAt(i + 1) == '\\')) {
                chars.add(markup.charAt(++i));
                star.add(0);
            } else if (c == '*') {
                int end = i;
                while (end < markup.length() && markup.charAt(end) == '*') end++;
                boolean spaceBefore = i == 0 || isSpace(markup.charAt(i - 1));
                boolean spaceAfter = end == markup.length() || isSpace(markup.charAt(end));
                int len = end - i;
                if (len > 3 || (spaceBefore && spaceAfter)) {
                    for (int k = i; k < end; k++) {
                        chars.add('*');
                        star.add(0);
                    }
                } else {
                    chars.add('*');
                    star.add(len);
                }
                i = end - 1;
            } else {
                chars.add(c);
                star.add(0);
            }
        }
        // runs that open emphasis never closed are literal
        while (true) {
            int s = 0;
            int[] opener = {-1, -1, -1};
            for (int t = 0; t < star.size(); t++) {
                int len = star.get(t);
                if (len == 0) continue;
                int toggle = toggleOf(len);
                for (int f : new int[] {ITALIC, BOLD}) {
                    if ((toggle & f) != 0 && (s & f) == 0) opener[f] = t;
                }
                s ^= toggle;
            }
            if (s == 0) break;
            int last = Math.max((s & ITALIC) != 0 ? opener[ITALIC] : -1, (s & BOLD) != 0 ? opener[BOLD] : -1);
            int len = star.get(last);
            star.set(last, 0);
            for (int k = 1; k < len; k++) {
                chars.add(last, '*');
                star.add(last, 0);
            }
        }
        List<Span> spans = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int s = 0;
        for (int t = 0; t < star.size(); t++) {
            int len = star.get(t);
            if (len == 0) {
                text.append(chars.get(t));
                continue;
            }
            if (text.length() > 0) {
                add(spans, text.toString(), s);
                text.setLength(0);
            }
            s ^= toggleOf(len);
        }
        if (text.length() > 0) add(spans, text.toString(), s);
        return spans;
    }

    private static int toggleOf(int len) {
        return len == 1 ? ITALIC : len == 2 ? BOLD : ITALIC | BOLD;
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
