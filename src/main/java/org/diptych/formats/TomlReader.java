package org.diptych.formats;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;

import org.diptych.DiptychException;
import org.diptych.model.FrontMatter;

/**
 * Reads Hugo's TOML front matter with Jackson's TOML parser (TOML 1.0: strings of every kind, integers with
 * {@code _}, floats, booleans, offset and local dates and times, arrays, inline tables, tables and arrays of
 * tables), as typed values in file order: {@code String}, {@code Integer}/{@code Long}, {@code Double},
 * {@code Boolean}, {@link FrontMatter.DateValue}, lists and maps. Nesting deeper than
 * {@link FrontMatterParser#MAX_DEPTH} is refused before parsing (the parser recurses), and so is malformed TOML,
 * with the file's line and the parser's reason.
 */
final class TomlReader {
    private static final TomlMapper TOML = TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

    private TomlReader() {}

    /**
     * @param toml      the front matter between the {@code +++} lines
     * @param firstLine the file line number of the first line of {@code toml}, for messages
     * @throws DiptychException naming the file and line if the TOML is malformed
     */
    static Map<String, Object> read(String toml, String fileName, int firstLine) {
        checkDepth(toml, fileName, firstLine);
        JsonNode root;
        try {
            root = TOML.readTree(toml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new DiptychException(fileName + ": front matter is not valid TOML"
                    + (line > 0 ? " at line " + (line + firstLine - 1) : "") + ": "
                    + FrontMatterParser.clean(e.getOriginalMessage()) + (line > 0 ? lineText(toml, line) : ""));
        } catch (RuntimeException | StackOverflowError e) {
            throw new DiptychException(fileName + ": front matter is not valid TOML (" + FrontMatterParser.clean(e.toString()) + ")");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (root == null) return fields;
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), value(e.getValue(), toml));
        }
        return fields;
    }

    private static Object value(JsonNode n, String toml) {
        if (n == null || n.isNull()) return "";
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue(), toml)));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(value(x, toml)));
            return l;
        }
        if (n.isBoolean()) return n.booleanValue();
        if (n.isInt()) return n.intValue();
        if (n.isIntegralNumber()) return n.canConvertToLong() ? (Object) n.longValue() : n.asText();
        if (n.isNumber()) return n.doubleValue();
        if (n instanceof POJONode p && p.getPojo() instanceof Temporal t) {
            return new FrontMatter.DateValue(dateText(t), t);
        }
        return n.asText();
    }

    private static String dateText(Temporal t) {
        if (t instanceof java.time.OffsetDateTime o) return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o);
        if (t instanceof java.time.LocalDateTime l) return java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(l);
        if (t instanceof java.time.LocalTime l) return java.time.format.DateTimeFormatter.ISO_LOCAL_TIME.format(l);
        return t.toString();
    }

    /** Refuses arrays and inline tables nested deeper than the limit (outside strings and comments). */
    private static void checkDepth(String toml, String fileName, int firstLine) {
        int depth = 0, line = firstLine;
        boolean lineStart = true;
        for (int i = 0; i < toml.length(); i++) {
            char c = toml.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = true;
                continue;
            }
            if (c == '#') {
                int nl = toml.indexOf('\n', i);
                i = (nl < 0 ? toml.length() : nl) - 1;
                continue;
            }
            if (c == '"' || c == '\'') {
                boolean multi = toml.startsWith(String.valueOf(c).repeat(3), i);
                String q = multi ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int j = i + q.length();
                while (j < toml.length() && !toml.startsWith(q, j)) {
                    if (toml.charAt(j) == '\\' && c == '"') j++;
                    else if (toml.charAt(j) == '\n') {
                        if (!multi) break;
                        line++;
                    }
                    j++;
                }
                i = j + q.length() - 1;
                continue;
            }
            if (lineStart && depth == 0 && c == '[') { // a table header
                int nl = toml.indexOf('\n', i);
                i = (nl < 0 ? toml.length() : nl) - 1;
                continue;
            }
            if (!Character.isWhitespace(c)) lineStart = false;
            if (c == '[' || c == '{') {
                if (++depth > FrontMatterParser.MAX_DEPTH) {
                    throw new DiptychException(fileName + ": front matter is not valid at line " + line
                            + ": arrays and tables nested more than " + FrontMatterParser.MAX_DEPTH
                            + " deep (the limit for front matter)");
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
    }

    private static String lineText(String toml, int line1) {
        String[] lines = toml.split("\n", -1);
        String l = line1 >= 1 && line1 <= lines.length ? lines[line1 - 1].strip() : "";
        return l.isEmpty() ? "" : " ('" + FrontMatterParser.abbreviate(l) + "')";
    }

    // ---------------------------------------------------------------- editing

    /**
     * {@code toml} with the top-level {@code key} (before the first table header) set to {@code value}: only the
     * value's text is replaced, keeping a trailing comment and a literal-string style; a new key goes before
     * the first table header.
     */
    static String set(String toml, String key, Object value) {
        return set(toml, key, value, false);
    }

    /**
     * As {@link #set(String, String, Object)}; {@code present} says the key is in the front matter already, so
     * one that is not a {@code key = value} line before the first table (a table or an array of tables) is
     * refused instead of written twice.
     *
     * @throws DiptychException for a key held by a table
     */
    static String set(String toml, String key, Object value, boolean present) {
        Pattern keyLine = Pattern.compile("(?m)^[ \\t]*(" + Pattern.quote(key) + "|\"" + Pattern.quote(key) + "\")[ \\t]*=[ \\t]*");
        Matcher table = Pattern.compile("(?m)^[ \\t]*\\[").matcher(toml);
        int tableAt = table.find() ? table.start() : toml.length();
        Matcher m = keyLine.matcher(toml);
        if (m.find() && m.start() < tableAt) {
            int start = m.end();
            int end = valueEnd(toml, start);
            boolean literal = toml.startsWith("'", start) && !toml.startsWith("'''", start);
            return toml.substring(0, start) + render(value, literal) + toml.substring(end);
        }
        if (present) {
            throw new org.diptych.DiptychException("front matter: '" + key + "' is a TOML table ([" + key + "] or [["
                    + key + "]]); Diptych edits only keys written as " + key + " = …");
        }
        String line = (key.matches("[A-Za-z0-9_-]+") ? key : quote(key)) + " = " + render(value, false) + "\n";
        return toml.substring(0, tableAt) + line + toml.substring(tableAt);
    }

    /** The end of the value starting at {@code i}: balanced brackets and strings, up to a comment or line end. */
    private static int valueEnd(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '"' || c == '\'') {
                String q = s.startsWith(String.valueOf(c).repeat(3), j) ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int k = j + q.length();
                while (k < s.length() && !s.startsWith(q, k)) {
                    if (s.charAt(k) == '\\' && c == '"') k++;
                    k++;
                }
                j = Math.min(s.length(), k + q.length());
                continue;
            }
            if (c == '[' || c == '{') depth++;
            else if (c == ']' || c == '}') depth--;
            else if (depth == 0 && (c == '\n' || c == '#')) break;
            j++;
        }
        while (j > i && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) j--;
        return j;
    }

    static String render(Object v, boolean literal) {
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(render(o, false));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) { // an inline table
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) sb.append(",");
                String k = String.valueOf(e.getKey());
                sb.append(' ').append(k.matches("[A-Za-z0-9_-]+") ? k : quote(k)).append(" = ").append(render(e.getValue(), false));
            }
            return sb.append(m.isEmpty() ? "}" : " }").toString();
        }
        if (v instanceof Boolean || v instanceof Number || v instanceof FrontMatter.DateValue) return v.toString();
        String s = String.valueOf(v);
        if (literal && s.indexOf('\'') < 0 && s.indexOf('\n') < 0) return "'" + s + "'";
        return quote(s);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04X", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
