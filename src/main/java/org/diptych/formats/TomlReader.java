package org.diptych.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;

/**
 * Reads the TOML that Hugo front matter uses: {@code key = value} lines (bare, quoted or dotted keys), basic
 * and literal strings (also multi-line), numbers, booleans, dates, arrays (possibly over several lines),
 * inline tables (kept as their source text), {@code [table]} and {@code [[array]]} headers, and comments.
 * Scalars become strings, arrays lists, tables nested maps. Anything else is reported as malformed.
 */
final class TomlReader {
    private final String src;
    private final String fileName;
    private final int firstLine;
    private int pos;

    private TomlReader(String src, String fileName, int firstLine) {
        this.src = src;
        this.fileName = fileName;
        this.firstLine = firstLine;
    }

    /**
     * @param toml      the front matter between the {@code +++} lines
     * @param firstLine the file line number of the first line of {@code toml}, for messages
     * @throws DiptychException naming the file and line if the TOML is malformed
     */
    static Map<String, Object> read(String toml, String fileName, int firstLine) {
        return new TomlReader(toml, fileName, firstLine).document();
    }

    private Map<String, Object> document() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> table = root;
        while (true) {
            skipBlankAndComments();
            if (pos >= src.length()) return root;
            char c = src.charAt(pos);
            if (c == '[') {
                boolean array = src.startsWith("[[", pos);
                pos += array ? 2 : 1;
                List<String> path = key();
                skipSpaces();
                if (!src.startsWith(array ? "]]" : "]", pos)) throw error("expected '" + (array ? "]]" : "]") + "' after the table name");
                pos += array ? 2 : 1;
                endOfLine();
                Map<String, Object> parent = descend(root, path.subList(0, path.size() - 1));
                String last = path.get(path.size() - 1);
                if (array) {
                    Object o = parent.get(last);
                    if (!(o instanceof List)) {
                        o = new ArrayList<Object>();
                        parent.put(last, o);
                    }
                    Map<String, Object> t = new LinkedHashMap<>();
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) o;
                    list.add(t);
                    table = t;
                } else {
                    table = descend(parent, List.of(last));
                }
                continue;
            }
            List<String> path = key();
            skipSpaces();
            if (pos >= src.length() || src.charAt(pos) != '=') throw error("expected 'key = value'");
            pos++;
            skipSpaces();
            Object value = value();
            endOfLine();
            descend(table, path.subList(0, path.size() - 1)).put(path.get(path.size() - 1), value);
        }
    }

    private Map<String, Object> descend(Map<String, Object> from, List<String> path) {
        Map<String, Object> m = from;
        for (String k : path) {
            Object o = m.get(k);
            if (!(o instanceof Map)) {
                o = new LinkedHashMap<String, Object>();
                m.put(k, o);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) o;
            m = next;
        }
        return m;
    }

    private List<String> key() {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= src.length()) throw error("expected a key");
            char c = src.charAt(pos);
            if (c == '"') parts.add(basicString());
            else if (c == '\'') parts.add(literalString());
            else {
                int start = pos;
                while (pos < src.length() && isBareKeyChar(src.charAt(pos))) pos++;
                if (pos == start) throw error("expected a key");
                parts.add(src.substring(start, pos));
            }
            skipSpaces();
            if (pos < src.length() && src.charAt(pos) == '.') {
                pos++;
                continue;
            }
            return parts;
        }
    }

    private static boolean isBareKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private Object value() {
        if (pos >= src.length()) throw error("missing value");
        char c = src.charAt(pos);
        if (c == '"') return src.startsWith("\"\"\"", pos) ? multiLine("\"\"\"", true) : basicString();
        if (c == '\'') return src.startsWith("'''", pos) ? multiLine("'''", false) : literalString();
        if (c == '[') return array();
        if (c == '{') return inlineTable();
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != ','
                && src.charAt(pos) != ']' && src.charAt(pos) != '#' && src.charAt(pos) != '}') pos++;
        String v = src.substring(start, pos).strip();
        if (!v.matches("[+-]?(\\d[\\d_]*(\\.\\d+)?([eE][+-]?\\d+)?|inf|nan|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)"
                + "|true|false|\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?([Zz]|[+-]\\d{2}:\\d{2})?"
                + "|\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
            pos = start;
            throw error("'" + FrontMatterParser.abbreviate(v) + "' is not a TOML value (strings need quotes)");
        }
        return v;
    }

    private List<Object> array() {
        pos++; // [
        List<Object> list = new ArrayList<>();
        while (true) {
            skipBlankAndComments();
            if (pos >= src.length()) throw error("array is never closed with ']'");
            if (src.charAt(pos) == ']') {
                pos++;
                return list;
            }
            list.add(value());
            skipBlankAndComments();
            if (pos < src.length() && src.charAt(pos) == ',') {
                pos++;
            } else if (pos >= src.length() || src.charAt(pos) != ']') {
                throw error("expected ',' or ']' in array");
            }
        }
    }

    private String inlineTable() {
        int start = pos;
        int depth = 0;
        for (; pos < src.length(); pos++) {
            char c = src.charAt(pos);
            if (c == '\n') break;
            if (c == '"') {
                basicString();
                pos--;
            } else if (c == '\'') {
                literalString();
                pos--;
            } else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) {
                pos++;
                return src.substring(start, pos);
            }
        }
        pos = start;
        throw error("inline table is never closed with '}'");
    }

    private String basicString() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c == '\n') break;
            if (c == '\\') pos = escape(sb);
            else sb.append(c);
        }
        pos = start;
        throw error("string is never closed with '\"'");
    }

    private int escape(StringBuilder sb) {
        if (pos >= src.length()) throw error("bad escape");
        char e = src.charAt(pos++);
        switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u', 'U' -> {
                int len = e == 'u' ? 4 : 8;
                if (pos + len > src.length()) throw error("bad \\" + e + " escape");
                try {
                    sb.appendCodePoint(Integer.parseInt(src.substring(pos, pos + len), 16));
                } catch (IllegalArgumentException ex) {
                    throw error("bad \\" + e + " escape");
                }
                pos += len;
            }
            default -> throw error("bad escape '\\" + e + "'");
        }
        return pos;
    }

    private String literalString() {
        int start = pos;
        int end = src.indexOf('\'', pos + 1);
        int nl = src.indexOf('\n', pos + 1);
        if (end < 0 || (nl >= 0 && nl < end)) throw error("string is never closed with \"'\"");
        pos = end + 1;
        return src.substring(start + 1, end);
    }

    private String multiLine(String delim, boolean escapes) {
        int start = pos;
        pos += 3;
        if (pos < src.length() && src.charAt(pos) == '\n') pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            if (src.startsWith(delim, pos)) {
                pos += 3;
                return sb.toString();
            }
            char c = src.charAt(pos++);
            if (escapes && c == '\\') {
                if (pos < src.length() && src.charAt(pos) == '\n') { // line-ending backslash: trim
                    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
                } else {
                    pos = escape(sb);
                }
            } else {
                sb.append(c);
            }
        }
        pos = start;
        throw error("multi-line string is never closed with " + delim);
    }

    private void skipSpaces() {
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) pos++;
    }

    private void skipBlankAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
            else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else return;
        }
    }

    private void endOfLine() {
        skipSpaces();
        if (pos < src.length() && src.charAt(pos) == '#') {
            while (pos < src.length() && src.charAt(pos) != '\n') pos++;
        }
        if (pos < src.length() && src.charAt(pos) != '\n') throw error("unexpected text after the value");
    }

    private DiptychException error(String what) {
        int p = Math.min(pos, src.length());
        int line = firstLine;
        for (int i = 0; i < p; i++) {
            if (src.charAt(i) == '\n') line++;
        }
        int ls = p == 0 ? 0 : src.lastIndexOf('\n', p - 1) + 1;
        int le = src.indexOf('\n', ls);
        String text = src.substring(ls, le < 0 ? src.length() : le).strip();
        return new DiptychException(fileName + ": front matter is not valid TOML at line " + line + ": " + what
                + (text.isEmpty() ? "" : " ('" + FrontMatterParser.abbreviate(text) + "')"));
    }
}
