package org.diptych.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The front matter block of a post, kept both as data and verbatim.
 *
 * @param style  YAML ({@code ---}), TOML ({@code +++}) or NONE
 * @param raw    the block exactly as in the file, delimiters included and the trailing newline excluded;
 *               empty for NONE. Export writes this back unchanged.
 * @param fields the keys in file order with their values as their types: {@code String}, {@code Integer} or
 *               {@code Long}, {@code Double}, {@code Boolean}, {@link DateValue} (a date as written and as a
 *               {@code java.time} value), {@code List} and {@code Map} (in file order) of those; an empty
 *               value is {@code ""}. HTML entities are left as written.
 */
public record FrontMatter(Style style, String raw, Map<String, Object> fields) {
    public enum Style { NONE, YAML, TOML }

    public static final FrontMatter NONE = new FrontMatter(Style.NONE, "", Map.of());

    /**
     * A date or date-time value: the text as the file wrote it ({@code toString} and JSON give it back) and its
     * {@code java.time} value ({@link LocalDate}, {@link LocalDateTime} or {@link OffsetDateTime}).
     */
    public record DateValue(String text, Temporal value) {
        public DateValue {
            Objects.requireNonNull(text);
            Objects.requireNonNull(value);
        }

        private static final DateTimeFormatter JEKYLL = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
                .appendPattern("HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]")
                .optionalStart().appendLiteral(' ').optionalEnd()
                .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                .toFormatter();

        /** The text as a date value, or {@code null} if it is not a date, a date-time or a Jekyll date-time. */
        public static DateValue parse(String text) {
            String s = text.strip();
            if (s.length() < 10 || s.length() > 40 || !Character.isDigit(s.charAt(0))) return null;
            try {
                if (s.length() == 10) return new DateValue(text, LocalDate.parse(s));
                String iso = s.replace(' ', 'T');
                try {
                    return new DateValue(text, OffsetDateTime.parse(iso));
                } catch (DateTimeParseException e) {
                    try {
                        return new DateValue(text, LocalDateTime.parse(iso));
                    } catch (DateTimeParseException e2) {
                        var t = JEKYLL.parse(s);
                        if (t.isSupported(ChronoField.OFFSET_SECONDS)) return new DateValue(text, OffsetDateTime.from(t));
                        return new DateValue(text, LocalDateTime.from(t));
                    }
                }
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }

        @JsonValue
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The front matter as {@code version.json} holds it: fields are read again from the raw block, so that
     * typed values (dates, numbers) come back as their types; if the block cannot be read, the stored fields.
     */
    @JsonCreator
    static FrontMatter fromJson(@JsonProperty("style") Style style, @JsonProperty("raw") String raw,
                                @JsonProperty("fields") Map<String, Object> fields) {
        if (style == null) style = Style.NONE;
        if (raw == null) raw = "";
        if (fields == null) fields = Map.of();
        if (style != Style.NONE && !raw.isEmpty()) {
            try {
                Map<String, Object> typed = org.diptych.formats.FrontMatterParser.split(raw + "\n", "version.json")
                        .frontMatter().fields();
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : fields.entrySet()) {
                    Object t = typed.get(e.getKey());
                    // the typed value where it is the stored one (a date read back as its text, 12 as "12")
                    out.put(e.getKey(), t != null && String.valueOf(t).equals(String.valueOf(e.getValue())) ? t : e.getValue());
                }
                fields = out;
            } catch (RuntimeException e) {
                // keep the stored fields
            }
        }
        return new FrontMatter(style, raw, fields);
    }

    public FrontMatter {
        Objects.requireNonNull(style);
        Objects.requireNonNull(raw);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The value of a key as a string ({@code null} if absent); list values are joined with ", ". */
    public String get(String key) {
        Object v = fields.get(key);
        if (v == null) return null;
        if (v instanceof Iterable<?> it) {
            StringBuilder sb = new StringBuilder();
            for (Object o : it) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(o);
            }
            return sb.toString();
        }
        return v.toString();
    }

    public String title() {
        return get("title");
    }

    /** The raw value of a key as parsed ({@code null} if absent). */
    public Object value(String key) {
        return fields.get(key);
    }

    /** The value as a list: a list as it is, a single value as a list of one, an absent key as an empty list. */
    public List<Object> list(String key) {
        Object v = fields.get(key);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return Collections.unmodifiableList(new ArrayList<>(l));
        return List.of(v);
    }

    /** The value as a whole number ({@code null} if absent or not a number; {@code "12"} read back from JSON counts). */
    public Long integer(String key) {
        Object v = fields.get(key);
        if (v instanceof Number n && !(v instanceof Double)) return n.longValue();
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The value as a boolean ({@code null} if absent or not {@code true}/{@code false}). */
    public Boolean bool(String key) {
        Object v = fields.get(key);
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.valueOf(s);
        return null;
    }

    /** The value as a date ({@code null} if absent or not a date); a date read back from JSON as text counts. */
    public DateValue date(String key) {
        Object v = fields.get(key);
        if (v instanceof DateValue d) return d;
        if (v instanceof String s) return DateValue.parse(s);
        return null;
    }

    /**
     * A new front matter with {@code key} set to {@code value} (a string, number, boolean, {@link DateValue} or a
     * list of those), whose raw text is this one's minimally edited: only the value's text changes, in the block's
     * own style (YAML stays YAML, a flow list stays a flow list, a quoted scalar stays quoted); a new key is added
     * at the end of the top level. Unchanged values return this front matter itself.
     */
    public FrontMatter withValue(String key, Object value) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
        if (Objects.equals(fields.get(key), value)) return this;
        return org.diptych.formats.FrontMatterParser.withValue(this, key, value);
    }
}
