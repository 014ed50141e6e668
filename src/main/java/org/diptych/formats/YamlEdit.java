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
    private static final Pattern PLAIN_SAFE = Pattern.compile("[\\p{L}\\p{N}(][^\\n]*");

    private YamlEdit() {}

    static String set(String content, FrontMatterParser.Slot slot, String key, Object value) {
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
        for (Object o : items) sb.append('\n').append(dash).append(scalar(o, null, " ".repeat(dash.length() + 2)));
        return items.isEmpty() ? " []" : sb.toString();
    }

    private static String flow(List<?> items) {
        StringBuilder sb = new StringBuilder("[");
        for (Object o : items) {
            if (sb.length() > 1) sb.append(", ");
            String s = scalar(o, null, "  ");
            sb.append(s.contains(",") || s.contains("[") || s.contains("]") ? quoted(String.valueOf(o)) : s);
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
