package org.diptych.export;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.DiptychException;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Statement;

/**
 * The values a site pattern's placeholders take for one post: {@code :year}, {@code :month}, {@code :day}
 * (zero-padded) and {@code :slug}. Any of the date parts may be {@code null} when the post has no date.
 */
public record PostKey(String year, String month, String day, String slug) {
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    /**
     * The key of a version: from the statement id when it has Jekyll's {@code YYYY-MM-DD-slug} form;
     * otherwise the date is taken from the version's {@code date} front matter (its first
     * {@code YYYY-MM-DD}, time and zone ignored) and the slug is the whole id.
     */
    public static PostKey of(String statementId, DocumentVersion version) {
        String[] ds = Statement.dateAndSlug(statementId);
        if (ds != null) return new PostKey(ds[0], ds[1], ds[2], ds[3]);
        String date = version == null ? null : version.frontMatter().get("date");
        if (date != null) {
            Matcher m = DATE.matcher(date);
            if (m.find()) {
                return new PostKey(m.group(1), pad(m.group(2)), pad(m.group(3)), statementId);
            }
        }
        return new PostKey(null, null, null, statementId);
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    /** The value of a placeholder name ({@code year}, …), or {@code null}. */
    public String get(String placeholder) {
        return switch (placeholder) {
            case "year" -> year;
            case "month" -> month;
            case "day" -> day;
            case "slug" -> slug;
            default -> null;
        };
    }

    /** A key from matched placeholder values; missing ones are {@code null}. */
    static PostKey of(Map<String, String> values) {
        return new PostKey(values.get("year"), values.get("month"), values.get("day"), values.get("slug"));
    }

    /** Throws unless every date part is known (for patterns that use them). */
    void requireDate(String statementId, String lang) {
        if (year == null) {
            throw new DiptychException("statement '" + statementId + "' [" + lang + "]: the site pattern needs a date,"
                    + " but the id is not YYYY-MM-DD-slug and the version has no 'date' front matter");
        }
    }
}
