package org.diptych.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.diptych.model.FrontMatter;

/**
 * Reads top-level scalar keys of a front matter and sets string keys through {@link FrontMatter#withValue},
 * so that export, translate and the CLI edit front matter one way (every other line kept as imported).
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
     * The front matter with top-level keys set to string values through {@link FrontMatter#withValue} (the
     * one front-matter edit path: a minimal edit of the raw text, every other line kept); a key that already
     * has that value is left untouched, a block with no front matter gets a YAML one.
     */
    public static FrontMatter set(FrontMatter fm, Map<String, String> keys) {
        FrontMatter out = fm;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (e.getValue().equals(scalar(out, e.getKey()))) continue;
            out = out.withValue(e.getKey(), e.getValue());
        }
        return out;
    }
}
