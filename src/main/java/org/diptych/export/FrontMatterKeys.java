package org.diptych.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.model.FrontMatter;

/**
 * Sets top-level string keys in a front-matter block by editing its raw text, so that every other line
 * (keys, order, values, comments) stays exactly as imported. A key that is already there with the same
 * value is left untouched (byte for byte); one with another value has its line replaced; a missing one is
 * added before the closing delimiter (YAML) or before the first table (TOML).
 */
public final class FrontMatterKeys {
    private FrontMatterKeys() {}

    /**
     * The value of a top-level key as one string when it is a scalar (text, number, date, boolean), else
     * {@code null} (absent, a list or a map). The one place export, translate and the CLI read a value
     * they may write back.
     */
    public static String scalar(FrontMatter fm, String key) {
        Object v = fm == null ? null : fm.fields().get(key);
        if (v == null || v instanceof Iterable<?> || v instanceof Map<?, ?>) return null;
        return v.toString();
    }

    /** The front matter with one top-level key set to a string value (see {@link #set(FrontMatter, Map)}). */
    public static FrontMatter set(FrontMatter fm, String key, String value) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(key, value);
        return set(fm, one);
    }

    /**
     * The front matter with top-level keys set to string values, every other line kept as it is; a block
     * with no front matter gets a YAML one.
     */
    public static FrontMatter set(FrontMatter fm, Map<String, String> keys) {
        if (fm.style() == FrontMatter.Style.NONE || fm.raw().isEmpty()) {
            StringBuilder sb = new StringBuilder("---\n");
            keys.forEach((k, v) -> sb.append(yamlLine(k, v)).append('\n'));
            sb.append("---");
            return new FrontMatter(FrontMatter.Style.YAML, sb.toString(), new LinkedHashMap<>(keys));
        }
        boolean toml = fm.style() == FrontMatter.Style.TOML;
        List<String> lines = new ArrayList<>(Arrays.asList(fm.raw().split("\n", -1)));
        for (Map.Entry<String, String> e : keys.entrySet()) {
            setKey(lines, e.getKey(), e.getValue(), toml);
        }
        Map<String, Object> fields = new LinkedHashMap<>(fm.fields());
        fields.putAll(keys);
        return new FrontMatter(fm.style(), String.join("\n", lines), fields);
    }

    private static void setKey(List<String> lines, String key, String value, boolean toml) {
        Pattern p = Pattern.compile("^" + Pattern.quote(key) + (toml ? "\\s*=\\s*(.*)$" : "\\s*:(.*)$"));
        int last = lines.size() - 1; // closing delimiter
        int insertAt = last;
        for (int i = 1; i < last; i++) {
            String line = lines.get(i);
            if (toml && line.startsWith("[")) {
                insertAt = Math.min(insertAt, i);
                break;
            }
            Matcher m = p.matcher(line);
            if (!m.matches()) continue;
            if (unquote(stripComment(m.group(1))).equals(value)) return;
            lines.set(i, toml ? key + " = " + tomlString(value) : yamlLine(key, value));
            // drop a block value that belonged to the old key (indented or list lines below it)
            while (!toml && i + 1 < last && (lines.get(i + 1).startsWith(" ") || lines.get(i + 1).startsWith("\t")
                    || lines.get(i + 1).startsWith("- "))) {
                lines.remove(i + 1);
                last--;
            }
            return;
        }
        lines.add(insertAt, toml ? key + " = " + tomlString(value) : yamlLine(key, value));
    }

    private static String stripComment(String v) {
        String s = v.strip();
        if (s.startsWith("\"") || s.startsWith("'")) {
            int close = s.indexOf(s.charAt(0), 1);
            return close > 0 ? s.substring(0, close + 1) : s;
        }
        int hash = s.indexOf(" #");
        return hash >= 0 ? s.substring(0, hash).strip() : s;
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static final Pattern YAML_PLAIN = Pattern.compile("[\\p{L}\\p{N}/][\\p{L}\\p{N}._/-]*");
    private static final Pattern YAML_AMBIGUOUS = Pattern.compile(
            "[-+0-9.]+|\\d{4}-\\d{2}-\\d{2}|(?i)(y|n|yes|no|true|false|on|off|null|~)");

    static String yamlLine(String key, String value) {
        boolean plain = YAML_PLAIN.matcher(value).matches() && !YAML_AMBIGUOUS.matcher(value).matches();
        return key + ": " + (plain ? value : tomlString(value));
    }

    /** A double-quoted string, valid in both YAML and TOML. */
    private static String tomlString(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
