package org.diptych.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement: one text published in several languages, named by a Jekyll-style id
 * ({@code 2018-01-15-rcit}).
 */
public record Statement(String id, Map<String, DocumentVersion> versions) {
    /** Ids are Jekyll slugs: letters, digits, dashes, dots and underscores; optionally dated. */
    public static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,199}");
    private static final Pattern DATED = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})-(.+)");

    public Statement {
        validateId(id);
        versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    }

    public static void validateId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a valid statement id "
                    + "(use letters, digits and dashes, e.g. 2018-01-15-rcit)");
        }
    }

    public DocumentVersion version(String lang) {
        return versions.get(lang);
    }

    /** Year, month, day and slug of a dated id, or {@code null} if the id is not dated. */
    public static String[] dateAndSlug(String id) {
        Matcher m = DATED.matcher(id);
        return m.matches() ? new String[] {m.group(1), m.group(2), m.group(3), m.group(4)} : null;
    }
}
