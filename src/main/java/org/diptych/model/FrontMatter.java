package org.diptych.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The front matter block of a post, kept both as data and verbatim.
 *
 * @param style  YAML ({@code ---}), TOML ({@code +++}) or NONE
 * @param raw    the block exactly as in the file, delimiters included and the trailing newline excluded;
 *               empty for NONE. Export writes this back unchanged.
 * @param fields the keys in file order with their values (strings, lists of strings, or nested maps as
 *               parsed); HTML entities are left as written
 */
public record FrontMatter(Style style, String raw, Map<String, Object> fields) {
    public enum Style { NONE, YAML, TOML }

    public static final FrontMatter NONE = new FrontMatter(Style.NONE, "", Map.of());

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
}
