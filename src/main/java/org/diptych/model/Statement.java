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
            throw new IllegalArgumentException("'" + printable(id) + "' is not a valid statement id "
                    + "(use letters, digits and dashes, e.g. 2018-01-15-rcit)");
        }
        // a folder name on every OS, and a slug that is one too (export builds paths from it)
        String why = PortableNames.problem(id);
        Matcher m = DATED.matcher(id);
        if (why == null && m.matches()) {
            String slug = m.group(4);
            why = slug.startsWith(".") ? "its slug '" + slug + "' starts with a dot" : PortableNames.problem(slug);
        }
        if (why == null && id.contains("..")) why = "'..' inside the id";
        if (why != null) {
            throw new IllegalArgumentException("'" + id + "' is not a valid statement id (" + why
                    + "; use letters, digits and dashes, e.g. 2018-01-15-rcit)");
        }
    }

    /** {@code s} with control characters shown as {@code ?}, for messages. */
    private static String printable(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(Math.min(s.length(), 80));
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > 80 ? b + "…" : b.toString();
    }

    /** {@code true} if {@code id} passes {@link #validateId}. */
    public static boolean isValidId(String id) {
        try {
            validateId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
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
