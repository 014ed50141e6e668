package org.diptych.review;

import java.util.regex.Pattern;

/**
 * The plain text of a paragraph's light markdown markup, as used when a reviewer edits a paragraph:
 * heading marks, list and quote markers, emphasis, inline code and link targets are dropped, link texts
 * and HTML entities for quotes and ampersands kept readable.
 */
public final class MarkupText {
    private static final Pattern BLOCK_PREFIX = Pattern.compile("^(\\s{0,3}(#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d{1,3}[.)]\\s+))+");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile(
            "(?<![\\p{L}\\p{N}*_])(\\*\\*|__|\\*|_|~~|`)(?=\\S)(.+?)(?<=\\S)\\1(?![\\p{L}\\p{N}*_])");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");

    private MarkupText() {}

    /** Plain text of one paragraph of markup; never null. */
    public static String plain(String markup) {
        String s = markup.strip();
        s = BLOCK_PREFIX.matcher(s).replaceFirst("");
        s = s.replaceAll("\\s+#+\\s*$", "");
        s = IMAGE.matcher(s).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        String prev;
        do {
            prev = s;
            s = EMPHASIS.matcher(s).replaceAll("$2");
        } while (!s.equals(prev));
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&quot;", "\"").replace("&laquo;", "«").replace("&raquo;", "»").replace("&amp;", "&");
        return s.replaceAll("\\s+", " ").strip();
    }
}
