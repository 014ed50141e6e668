package org.diptych.formats;

import java.util.List;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.common.ScalarStyle;

import org.diptych.model.FrontMatter;

/**
 * Minimal edits of YAML front matter text: one top-level key's value is replaced by the new value written in
 * the old one's style (plain, quoted, literal block; flow list or block list with the same indent and dash),
 * every other character stays; a new key is appended at the end.
 */
final class YamlEdit {
    private static final Pattern PLAIN_SAFE = Pattern.compile("[\\p{L}\\p{N}(/][^\\n]*");

    private YamlEdit() {}

    static String set(String content, FrontMatterParser.Slot slot, String key, Object value) {
        return set(content, slot, key, null, value);
    }

    /**
     * {@code content} with {@code key} set to {@code value}; when the key holds the list {@code old} and the new
     * value is a non-empty list too, the items that stay are kept as written (quotes, comments, their lines) and
     * only added or changed items are written, in the list's style (block items with the list's dash and indent,
     * maps as {@code key: value} lines under the first; flow items as flow scalars or {@code {k: v}} maps).
     */
    static String set(String content, FrontMatterParser.Slot slot, String key, Object old, Object value) {
        if (slot != null && slot.collection() && old instanceof List<?> ol && value instanceof List<?> nl && !nl.isEmpty()
                && !ol.isEmpty() && slot.items().size() == ol.size()) {
            return setItems(content, slot, ol, nl);
        }
        if (slot == null) {
            String sep = content.isEmpty() || content.endsWith("\n") ? "" : "\n";
            String k = PLAIN_SAFE.matcher(key).matches() && !key.contains(": ") ? key : quoted(key);
            return content + sep + k + ":" + (value instanceof List<?> ? block((List<?>) value, "- ") : " " + scalar(value, null, "  ")) + "\n";
        }
        if (slot.collection() && !slot.flow()) {
            // a block list or map: from the end of the key's line to the end of the value
            int lineEnd = content.indexOf('\n', slot.keyStart());
            String dash = dashPrefix(content, slot.valueStart());
            String rendered = value instanceof List<?> l ? block(l, dash) : " " + scalar(value, null, "  ");
            return content.substring(0, lineEnd) + rendered + content.substring(slot.valueEnd());
        }
        if (slot.collection()) { // a flow collection stays flow
            String rendered = value instanceof List<?> l ? flow(l) : scalar(value, null, "  ");
            return content.substring(0, slot.valueStart()) + rendered + content.substring(slot.valueEnd());
        }
        int start = slot.valueStart(), end = slot.valueEnd();
        if (start == end) { // "key:" without a value
            int colon = content.indexOf(':', slot.keyStart());
            String rendered = value instanceof List<?> l ? block(l, "- ") : " " + scalar(value, null, "  ");
            return content.substring(0, colon + 1) + rendered + content.substring(colon + 1 + (content.startsWith(" ", colon + 1) && start > colon + 1 ? 1 : 0))
                    .replaceFirst("^[ \\t]+(?=\\n|$)", "");
        }
        String rendered;
        if (value instanceof List<?> l) rendered = flow(l);
        else rendered = scalar(value, slot.scalarStyle(), indentOfBlock(content, start));
        if (slot.scalarStyle() == ScalarStyle.LITERAL || slot.scalarStyle() == ScalarStyle.FOLDED) {
            // a block scalar's event ends after its last line break; keep that break
            if (end > start && content.charAt(end - 1) == '\n') end--;
        }
        return content.substring(0, start) + rendered + content.substring(end);
    }

    private static String setItems(String content, FrontMatterParser.Slot slot, List<?> old, List<?> now) {
        List<int[]> items = slot.items();
        int n = old.size(), m = now.size();
        // the longest common subsequence of old and new items: those keep their text
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = java.util.Objects.equals(old.get(i), now.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] from = new int[m]; // the old item each new one keeps, or -1
        for (int i = 0, j = 0; j < m; ) {
            if (i < n && java.util.Objects.equals(old.get(i), now.get(j))) {
                from[j++] = i++;
            } else if (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                from[j++] = -1;
            }
        }
        boolean flow = slot.flow();
        int[] starts = new int[n], ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = flow ? items.get(i)[0] : dashLineStart(content, items.get(i)[0]);
            // a block item owns the rest of its last line (a comment after it)
            int nl = flow ? -1 : content.indexOf('\n', items.get(i)[1]);
            ends[i] = flow ? items.get(i)[1] : nl < 0 ? content.length() : nl;
        }
        String prefix = flow ? "" : itemPrefix(content, starts[0], items.get(0)[0]);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < m; j++) {
            if (j > 0) {
                boolean adjacent = from[j] > 0 && from[j - 1] == from[j] - 1;
                sb.append(adjacent ? content.substring(ends[from[j] - 1], starts[from[j]]) : flow ? ", " : "\n");
            }
            if (from[j] >= 0) sb.append(content, starts[from[j]], ends[from[j]]);
            else sb.append(flow ? flowNode(now.get(j)) : prefix + blockNode(now.get(j), prefix.length()));
        }
        return content.substring(0, starts[0]) + sb + content.substring(ends[n - 1]);
    }

    /** The start of the line of the dash in front of a block list item that starts at {@code at}. */
    private static int dashLineStart(String content, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(content.charAt(i))) i--;
        int dash = i >= 0 && content.charAt(i) == '-' ? i : at;
        return content.lastIndexOf('\n', dash - 1) + 1;
    }

    /** What stands before the first item's node on its line ("  - "), as the prefix of new items. */
    private static String itemPrefix(String content, int lineStart, int node) {
        String before = content.substring(lineStart, node);
        if (before.indexOf('\n') >= 0 || !before.strip().equals("-")) {
            int dash = content.indexOf('-', lineStart);
            return " ".repeat(Math.max(0, dash - lineStart)) + "- ";
        }
        return before;
    }

    /** A list item in block style: a map's entries one a line, the first after the dash, the others at {@code indent}. */
    private static String blockNode(Object v, int indent) {
        if (v instanceof java.util.Map<?, ?> map && !map.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                if (sb.length() > 0) sb.append('\n').append(" ".repeat(indent));
                sb.append(keyText(String.valueOf(e.getKey()))).append(": ").append(flowOrScalar(e.getValue(), " ".repeat(indent + 2)));
            }
            return sb.toString();
        }
        return flowOrScalar(v, " ".repeat(indent + 2));
    }

    private static String flowOrScalar(Object v, String indent) {
        if (v instanceof List<?> || v instanceof java.util.Map<?, ?>) return flowNode(v);
        return scalar(v, null, indent);
    }

    /** A value in flow style: {@code [a, b]}, {@code {name: x, org: y}}, a scalar quoted where flow needs it. */
    static String flowNode(Object v) {
        if (v instanceof List<?> l) return flow(l);
        if (v instanceof java.util.Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(keyText(String.valueOf(e.getKey()))).append(": ").append(flowNode(e.getValue()));
            }
            return sb.append('}').toString();
        }
        String s = scalar(v, null, "  ");
        return !s.startsWith("\"") && s.chars().anyMatch(c -> ",[]{}".indexOf(c) >= 0) ? quoted(String.valueOf(v)) : s;
    }

    private static String keyText(String key) {
        return PLAIN_SAFE.matcher(key).matches() && !key.contains(": ") && !key.contains(",") ? key : quoted(key);
    }

    /** The "  - " in front of the first item of a block list at {@code at}. */
    private static String dashPrefix(String content, int at) {
        int ls = content.lastIndexOf('\n', at - 1) + 1;
        String before = content.substring(ls, at);
        return (before.isBlank() ? before : "") + "- ";
    }

    private static String indentOfBlock(String content, int start) {
        int nl = content.indexOf('\n', start);
        if (nl < 0) return "  ";
        int i = nl + 1, j = i;
        while (j < content.length() && content.charAt(j) == ' ') j++;
        return j > i ? content.substring(i, j) : "  ";
    }

    private static String block(List<?> items, String dash) {
        StringBuilder sb = new StringBuilder();
        for (Object o : items) sb.append('\n').append(dash).append(blockNode(o, dash.length()));
        return items.isEmpty() ? " []" : sb.toString();
    }

    private static String flow(List<?> items) {
        StringBuilder sb = new StringBuilder("[");
        for (Object o : items) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(flowNode(o));
        }
        return sb.append(']').toString();
    }

    static String scalar(Object v, ScalarStyle style, String indent) {
        if (v instanceof Boolean || v instanceof Number || v instanceof FrontMatter.DateValue) return v.toString();
        String s = String.valueOf(v);
        if (style == ScalarStyle.SINGLE_QUOTED && s.indexOf('\n') < 0) return "'" + s.replace("'", "''") + "'";
        if (style == ScalarStyle.DOUBLE_QUOTED) return quoted(s);
        if ((style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) && !s.isEmpty()) {
            StringBuilder sb = new StringBuilder(style == ScalarStyle.LITERAL ? "|" : ">");
            if (!s.endsWith("\n")) sb.append('-');
            for (String line : s.split("\n", -1)) {
                sb.append('\n');
                if (!line.isEmpty()) sb.append(indent).append(line);
            }
            String out = sb.toString();
            return s.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
        }
        if (s.indexOf('\n') >= 0) return quoted(s);
        if (PLAIN_SAFE.matcher(s).matches() && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
                && !s.endsWith(" ") && FrontMatterParserAccess.plainIsText(s)) {
            return s;
        }
        return quoted(s);
    }

    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\x%02X", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Whether a plain scalar would read back as this text (not a number, boolean, null or date). */
    private static final class FrontMatterParserAccess {
        static boolean plainIsText(String s) {
            var ev = new org.snakeyaml.engine.v2.events.ScalarEvent(java.util.Optional.empty(), java.util.Optional.empty(),
                    new org.snakeyaml.engine.v2.events.ImplicitTuple(true, false), s, ScalarStyle.PLAIN);
            return s.equals(FrontMatterParser.resolve(ev));
        }
    }
}
