package org.diptych.export;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.DiptychException;

/**
 * A URL or path pattern of a site profile, such as {@code https://example.org/en/:year/:month/:day/:slug}
 * or {@code en/_posts/:year-:month-:day-:slug.md}. Placeholders are {@code :year}, {@code :month},
 * {@code :day} and {@code :slug}; everything else is literal. A pattern both expands a {@link PostKey} into
 * a URL or path and matches a URL back to its key (used to recognise reciprocal links and to check them).
 */
public final class SitePattern {
    /** The supported placeholders, in the order they are listed in messages. */
    public static final List<String> PLACEHOLDERS = List.of("year", "month", "day", "slug");
    private static final Pattern PLACEHOLDER = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

    public enum Kind { URL, PATH }

    private final String pattern;
    private final Kind kind;
    private final List<Object> tokens; // String literal or Placeholder
    private final Pattern full;
    private final Pattern pathOnly; // for absolute URL patterns: matches site-relative links, else null

    private record Placeholder(String name) {}

    private SitePattern(String pattern, Kind kind, List<Object> tokens) {
        this.pattern = pattern;
        this.kind = kind;
        this.tokens = List.copyOf(tokens);
        this.full = Pattern.compile(regex(tokens));
        int hostEnd = kind == Kind.URL ? pathStart(pattern) : -1;
        this.pathOnly = hostEnd > 0 ? Pattern.compile(regex(tokenize(pattern.substring(hostEnd)))) : null;
    }

    /**
     * Parses and validates a pattern.
     *
     * @param what how to name the pattern in an error ("url pattern for en")
     * @throws DiptychException one line naming the pattern and what is wrong with it
     */
    public static SitePattern parse(String pattern, Kind kind, String what) {
        if (pattern == null || pattern.isBlank()) {
            throw new DiptychException(what + " is empty");
        }
        String p = pattern.trim();
        String bad = problem(p, kind);
        if (bad != null) {
            throw new DiptychException(what + " '" + p + "': " + bad);
        }
        return new SitePattern(p, kind, tokenize(p));
    }

    private static String problem(String p, Kind kind) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) return "contains a space or control character";
        }
        Matcher m = PLACEHOLDER.matcher(p);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return "unknown placeholder ':" + m.group(1) + "' (use :year, :month, :day, :slug)";
            }
            used.add(m.group(1));
        }
        if (!used.contains("slug")) return "has no :slug, so every statement would get the same " + (kind == Kind.URL ? "URL" : "file");
        if (kind == Kind.URL) {
            if (!(p.startsWith("http://") || p.startsWith("https://") || (p.startsWith("/") && !p.startsWith("//")))) {
                return "must start with http://, https:// or / (site-relative)";
            }
            return null;
        }
        if (p.startsWith("/") || p.contains("\\") || p.matches("^[A-Za-z]:.*")) {
            return "must be a relative path inside the export folder (no leading /, no drive, no backslash)";
        }
        if (p.endsWith("/")) return "must name a file, not a folder";
        for (String seg : p.split("/", -1)) {
            if (seg.equals("..")) return "must not leave the export folder ('..')";
            if (seg.isEmpty() || seg.equals(".")) return "has an empty or '.' path segment";
        }
        return null;
    }

    private static List<Object> tokenize(String p) {
        List<Object> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(p);
        int last = 0;
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) continue;
            if (m.start() > last) out.add(p.substring(last, m.start()));
            out.add(new Placeholder(m.group(1)));
            last = m.end();
        }
        if (last < p.length()) out.add(p.substring(last));
        return out;
    }

    /** Index where the path of an absolute URL starts ({@code https://host/x} → index of {@code /x}), or -1. */
    private static int pathStart(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) return -1;
        int slash = url.indexOf('/', scheme + 3);
        return slash;
    }

    private static String regex(List<Object> tokens) {
        StringBuilder sb = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Object t = tokens.get(i);
            if (t instanceof Placeholder ph) {
                if (!seen.add(ph.name())) {
                    sb.append("\\k<").append(ph.name()).append('>');
                    continue;
                }
                String body = switch (ph.name()) {
                    case "year" -> "\\d{4}";
                    case "month", "day" -> "\\d{2}";
                    default -> "[^/?#]+";
                };
                sb.append("(?<").append(ph.name()).append('>').append(body).append(')');
            } else {
                String lit = (String) t;
                if (i == tokens.size() - 1 && lit.endsWith("/")) lit = lit.substring(0, lit.length() - 1);
                if (!lit.isEmpty()) sb.append(Pattern.quote(lit));
            }
        }
        // A trailing slash is optional on both sides: /a/b and /a/b/ are the same post.
        sb.append("/?");
        return sb.toString();
    }

    /** The pattern as written. */
    public String pattern() {
        return pattern;
    }

    public Kind kind() {
        return kind;
    }

    /** True if the pattern uses {@code :year}, {@code :month} or {@code :day}. */
    public boolean usesDate() {
        for (Object t : tokens) {
            if (t instanceof Placeholder ph && !ph.name().equals("slug")) return true;
        }
        return false;
    }

    /**
     * The URL or path of a post.
     *
     * @throws IllegalStateException if the pattern uses a date part the key does not have
     */
    public String expand(PostKey key) {
        StringBuilder sb = new StringBuilder();
        for (Object t : tokens) {
            if (t instanceof Placeholder ph) {
                String v = key.get(ph.name());
                if (v == null) throw new IllegalStateException("no value for :" + ph.name());
                sb.append(v);
            } else {
                sb.append((String) t);
            }
        }
        return sb.toString();
    }

    /**
     * The pattern with the placeholders the key has filled in and the others left as written
     * ({@code en/_posts/2019-:month-:day-may-day.md}).
     */
    public String expandPartially(PostKey key) {
        StringBuilder sb = new StringBuilder();
        for (Object t : tokens) {
            if (t instanceof Placeholder ph) {
                String v = key.get(ph.name());
                sb.append(v == null ? ":" + ph.name() : v);
            } else {
                sb.append((String) t);
            }
        }
        return sb.toString();
    }

    /** The folder part of a path pattern before its first placeholder ({@code en/_posts}), or "" . */
    public String fixedFolder() {
        String lit = tokens.get(0) instanceof String s ? s : "";
        int slash = lit.lastIndexOf('/');
        return slash < 0 ? "" : lit.substring(0, slash);
    }

    /**
     * The key of a URL this pattern produced, or {@code null} if it does not match. The fragment and query
     * are ignored, percent-escapes decoded, a trailing slash is optional, and a site-relative link
     * ({@code /en/2018/…}) matches an absolute pattern by its path.
     */
    public PostKey match(String url) {
        if (url == null || url.isEmpty()) return null;
        String u = url;
        int cut = indexOfAny(u, '#', '?');
        if (cut >= 0) u = u.substring(0, cut);
        u = percentDecode(u);
        Matcher m = full.matcher(u);
        if (!m.matches() && pathOnly != null && u.startsWith("/") && !u.startsWith("//")) {
            m = pathOnly.matcher(u);
        }
        if (!m.matches()) return null;
        Map<String, String> values = new HashMap<>();
        for (String name : PLACEHOLDERS) {
            try {
                values.put(name, m.group(name));
            } catch (IllegalArgumentException absent) {
                // placeholder not in this pattern
            }
        }
        return PostKey.of(values);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a), j = s.indexOf(b);
        if (i < 0) return j;
        if (j < 0) return i;
        return Math.min(i, j);
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String toString() {
        return pattern;
    }
}
