package org.diptych.qa;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diptych.glossary.GlossaryMatcher;
import org.diptych.glossary.TermHit;
import org.diptych.markdown.Markdown;
import org.diptych.spell.SpellChecker;
import org.diptych.spell.SpellFinding;

/**
 * The QA rules, one method each. Every rule looks at one row: the source and its translation as
 * {@link Texts} (markup and plain text of each side), and returns its issues (row -1; {@link QaCheck}
 * places them). Rules that compare the two sides ignore what is equal on both; rules about the
 * translation's own form (spaces, quotes, brackets) look at the translation only.
 */
public final class QaRules {
    /** The two sides of a row. Markup is the paragraphs as written (markdown), text the plain text. */
    public record Texts(String sourceMarkup, String sourceText, String targetMarkup, String targetText) {
        /** Texts of plain paragraphs (markup = text). */
        public static Texts plain(String source, String target) {
            return new Texts(source, source, target, target);
        }
    }

    private static final Pattern HTML_LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_URL = Pattern.compile("(?:https?|ftp)://[^\\s<>()\\[\\]\"«»]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern HTML_BOLD = Pattern.compile("<(b|strong)[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\d{1,3}(?:[\\u00A0\\u202F ]\\d{3})+(?:[.,]\\d+)?(?!\\d)|\\d+(?:[.,]\\d+)*");
    /** Month names (whole-word patterns) in Russian, English and Portuguese, January first. */
    private static final String[][] MONTHS = {
        {"январ\\p{L}*", "january", "jan", "janeiro"}, {"феврал\\p{L}*", "february", "feb", "fevereiro"},
        {"март\\p{L}*", "march", "mar", "março", "marco"}, {"апрел\\p{L}*", "april", "apr", "abril"},
        {"ма[йяе]", "may", "maio"}, {"июн\\p{L}*", "june", "jun", "junho"}, {"июл\\p{L}*", "july", "jul", "julho"},
        {"август\\p{L}*", "august", "aug", "agosto"}, {"сентябр\\p{L}*", "september", "sep", "sept", "setembro"},
        {"октябр\\p{L}*", "october", "oct", "outubro"}, {"ноябр\\p{L}*", "november", "nov", "novembro"},
        {"декабр\\p{L}*", "december", "dec", "dezembro"}};
    private static final String MONTH;

    static {
        List<String> alts = new ArrayList<>();
        for (String[] m : MONTHS) alts.addAll(List.of(m));
        MONTH = "(" + String.join("|", alts) + ")(?!\\p{L})";
    }

    private static final Pattern DATE_DMY_WORDS = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:-?(?:го|е|st|nd|rd|th))?\\s+(?:de\\s+)?" + MONTH + "(?:,?\\s+(?:de\\s+)?(\\d{4}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DATE_MDY_WORDS = Pattern.compile(
            "(?<![\\p{L}\\d])" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DATE_ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern DATE_NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?!\\d)");

    private QaRules() {}

    // ---------------------------------------------------------------- spelling and grammar

    /**
     * LanguageTool's findings in the translation's markup (markup passed over): a word it does not know, with
     * its suggestions, or a grammar rule's message. A word {@code accepted} takes is no finding.
     */
    public static List<QaIssue> spelling(Texts t, SpellChecker checker, java.util.function.Predicate<String> accepted) {
        if (t.targetMarkup().isBlank()) return List.of();
        List<QaIssue> out = new ArrayList<>();
        for (SpellFinding f : checker.check(t.targetMarkup(), accepted)) {
            if (f.kind() == SpellFinding.Kind.SPELLING) {
                String sugg = f.suggestions().isEmpty() ? "-" : String.join(", ", f.suggestions());
                out.add(new QaIssue(-1, QaRule.SPELLING, "spelling: «" + f.word() + "» (suggestions: " + sugg + ")",
                        List.of(f.word(), sugg)));
            } else {
                out.add(new QaIssue(-1, QaRule.GRAMMAR, "grammar: «" + f.word() + "»: " + f.message(),
                        List.of(f.word(), f.message())));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- completeness

    /** The source has text and the translation has none. */
    public static List<QaIssue> empty(Texts t) {
        if (!t.sourceText().isBlank() && t.targetText().isBlank()) {
            return List.of(issue(QaRule.EMPTY, "the translation is empty"));
        }
        return List.of();
    }

    /** The translation is the source copied (words of three letters or more, same text). */
    public static List<QaIssue> untranslated(Texts t) {
        String s = norm(t.sourceText());
        if (s.isEmpty() || !s.equals(norm(t.targetText()))) return List.of();
        if (!Pattern.compile("\\p{L}{3,}").matcher(s).find()) return List.of();
        return List.of(issue(QaRule.UNTRANSLATED, "the translation is the source text copied"));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    // ---------------------------------------------------------------- numbers, dates, URLs

    /**
     * The numbers of the two sides differ (dates, URLs and e-mail addresses left out: their own rules
     * check them). Numbers compare by their digits: "1 000", "1,000" and "1.000" are one number, and so
     * are "1,5" and "1.5".
     */
    public static List<QaIssue> numbers(Texts t) {
        List<String> s = numbersOf(t.sourceText());
        List<String> g = numbersOf(t.targetText());
        List<String> missing = minus(s, g);
        List<String> extra = minus(g, s);
        if (missing.isEmpty() && extra.isEmpty()) return List.of();
        return List.of(new QaIssue(-1, QaRule.NUMBERS, "numbers differ: " + describe(missing, extra),
                List.of(String.join(", ", missing), String.join(", ", extra))));
    }

    /** The numbers of a text, as written, in order (dates, URLs and addresses left out). */
    static List<String> numbersOf(String text) {
        String x = blank(text, BARE_URL, EMAIL, DATE_ISO, DATE_NUMERIC, DATE_DMY_WORDS, DATE_MDY_WORDS);
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(x);
        while (m.find()) out.add(m.group().replaceAll("[\\u00A0\\u202F ]", " "));
        return out;
    }

    private static String digits(String n) {
        String d = n.replaceAll("\\D", "").replaceFirst("^0+(?=\\d)", "");
        return d;
    }

    /** The dates of the two sides differ (in any of the three languages' ways of writing them). */
    public static List<QaIssue> dates(Texts t) {
        List<String> s = datesOf(t.sourceText());
        List<String> g = datesOf(t.targetText());
        List<String> missing = minusExact(s, g);
        List<String> extra = minusExact(g, s);
        if (missing.isEmpty() && extra.isEmpty()) return List.of();
        return List.of(new QaIssue(-1, QaRule.DATES, "dates differ: " + describe(missing, extra),
                List.of(String.join(", ", missing), String.join(", ", extra))));
    }

    /** The dates of a text as {@code yyyy-mm-dd} ({@code --mm-dd} without a year), in order. */
    static List<String> datesOf(String text) {
        List<int[]> found = new ArrayList<>(); // start, y, m, d
        Matcher m = DATE_ISO.matcher(text);
        while (m.find()) found.add(new int[] {m.start(), i(m.group(1)), i(m.group(2)), i(m.group(3))});
        String rest = blank(text, DATE_ISO);
        m = DATE_NUMERIC.matcher(rest);
        while (m.find()) found.add(new int[] {m.start(), i(m.group(4)), i(m.group(3)), i(m.group(1))});
        rest = blank(rest, DATE_NUMERIC);
        m = DATE_DMY_WORDS.matcher(rest);
        while (m.find()) {
            int month = month(m.group(2));
            if (month > 0) found.add(new int[] {m.start(), m.group(3) == null ? 0 : i(m.group(3)), month, i(m.group(1))});
        }
        rest = blank(rest, DATE_DMY_WORDS);
        m = DATE_MDY_WORDS.matcher(rest);
        while (m.find()) {
            int month = month(m.group(1));
            if (month > 0) found.add(new int[] {m.start(), m.group(3) == null ? 0 : i(m.group(3)), month, i(m.group(2))});
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<String> out = new ArrayList<>();
        for (int[] f : found) {
            if (f[2] < 1 || f[2] > 12 || f[3] < 1 || f[3] > 31) continue;
            out.add(String.format(Locale.ROOT, f[1] == 0 ? "--%2$02d-%3$02d" : "%1$04d-%2$02d-%3$02d", f[1], f[2], f[3]));
        }
        return out;
    }

    private static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int k = 0; k < MONTHS.length; k++) {
            for (String a : MONTHS[k]) if (w.matches(a)) return k + 1;
        }
        return 0;
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }

    /**
     * The web addresses and e-mail addresses differ: absolute URLs (also link targets) and addresses.
     * Links to the site's own pages ({@code /pt/…}) are language-specific and not compared; the
     * {@link #links} rule counts them.
     */
    public static List<QaIssue> urls(Texts t) {
        Set<String> s = urlsOf(t.sourceMarkup());
        Set<String> g = urlsOf(t.targetMarkup());
        List<String> missing = new ArrayList<>(s);
        missing.removeAll(g);
        List<String> extra = new ArrayList<>(g);
        extra.removeAll(s);
        if (missing.isEmpty() && extra.isEmpty()) return List.of();
        return List.of(new QaIssue(-1, QaRule.URLS, "web or e-mail addresses differ: " + describe(missing, extra),
                List.of(String.join(", ", missing), String.join(", ", extra))));
    }

    static Set<String> urlsOf(String markup) {
        Set<String> out = new LinkedHashSet<>();
        Markup read = Markup.of(markup);
        List<String> targets = new ArrayList<>(read.targets);
        Matcher h = HTML_LINK.matcher(read.withoutCode);
        while (h.find()) targets.add(h.group(1));
        for (String u : targets) {
            if (u.matches("(?i)(https?|ftp)://.*")) out.add(trimUrl(u));
            else if (u.regionMatches(true, 0, "mailto:", 0, 7)) out.add(u.substring(7));
        }
        String rest = blank(read.withoutLinks, HTML_LINK);
        Matcher m = BARE_URL.matcher(rest);
        while (m.find()) out.add(trimUrl(m.group()));
        m = EMAIL.matcher(blank(markup, BARE_URL));
        while (m.find()) out.add(m.group().replaceAll("[.]+$", ""));
        return out;
    }

    private static String trimUrl(String u) {
        return u.replaceAll("[.,;:!?]+$", "");
    }

    // ---------------------------------------------------------------- markup

    /** The translation has fewer or more links than the source. */
    public static List<QaIssue> links(Texts t) {
        int s = Markup.of(t.sourceMarkup()).links;
        int g = Markup.of(t.targetMarkup()).links;
        if (s == g) return List.of();
        String msg = g < s ? (s - g) + " link(s) missing" : (g - s) + " link(s) more than in the source";
        return List.of(new QaIssue(-1, QaRule.LINKS, msg, List.of(String.valueOf(s), String.valueOf(g))));
    }

    /** The translation has fewer or more bold spans than the source. */
    public static List<QaIssue> bold(Texts t) {
        int s = Markup.of(t.sourceMarkup()).bold;
        int g = Markup.of(t.targetMarkup()).bold;
        if (s == g) return List.of();
        String msg = g < s ? (s - g) + " bold span(s) missing" : (g - s) + " bold span(s) more than in the source";
        return List.of(new QaIssue(-1, QaRule.BOLD, msg, List.of(String.valueOf(s), String.valueOf(g))));
    }

    // ---------------------------------------------------------------- the translation's own form

    /** The translation has two or more spaces in a row (indentation at a line start aside). */
    public static List<QaIssue> doubleSpaces(Texts t) {
        Matcher m = Pattern.compile("(?<=\\S)[ \\u00A0]{2,}(?=\\S)").matcher(t.targetMarkup());
        int n = 0;
        while (m.find()) n++;
        if (n == 0) return List.of();
        return List.of(new QaIssue(-1, QaRule.DOUBLE_SPACES, n + " doubled space(s)", List.of(String.valueOf(n))));
    }

    /**
     * The translation's quotation marks do not pair up: «…», „…“ and “…” must close in order, straight
     * double quotes come in even numbers.
     */
    public static List<QaIssue> quotes(Texts t) {
        String s = t.targetText();
        Deque<Character> open = new ArrayDeque<>();
        boolean ok = true;
        int straight = 0;
        for (int k = 0; k < s.length() && ok; k++) {
            char c = s.charAt(k);
            switch (c) {
                case '«', '„', '‹' -> open.push(c);
                case '“' -> {
                    // closes „ (Russian, German style), else opens (English style)
                    if (!open.isEmpty() && open.peek() == '„') open.pop();
                    else open.push(c);
                }
                case '»' -> ok = !open.isEmpty() && open.pop() == '«';
                case '›' -> ok = !open.isEmpty() && open.pop() == '‹';
                case '”' -> ok = !open.isEmpty() && (open.peek() == '“' || open.peek() == '„') && open.pop() != 0;
                case '"' -> straight++;
                default -> { }
            }
        }
        if (ok && open.isEmpty() && straight % 2 == 0) return List.of();
        return List.of(issue(QaRule.QUOTES, "quotation marks do not pair up"));
    }

    /** The translation's brackets do not pair up: (), [] and {} must close in order. */
    public static List<QaIssue> brackets(Texts t) {
        String s = t.targetText();
        Deque<Character> open = new ArrayDeque<>();
        Map<Character, Character> pairs = new LinkedHashMap<>();
        pairs.put(')', '(');
        pairs.put(']', '[');
        pairs.put('}', '{');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (pairs.containsKey(c)) {
                if (open.isEmpty() || open.pop() != pairs.get(c)) return List.of(issue(QaRule.BRACKETS, "brackets do not pair up"));
            }
        }
        if (!open.isEmpty()) return List.of(issue(QaRule.BRACKETS, "brackets do not pair up"));
        return List.of();
    }

    // ---------------------------------------------------------------- glossary

    /** A glossary term of the source whose translation (in any inflected form) the translation lacks. */
    public static List<QaIssue> glossary(Texts t, GlossaryMatcher matcher) {
        if (matcher == null || matcher.isEmpty() || t.targetText().isBlank()) return List.of();
        List<QaIssue> out = new ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (TermHit h : matcher.find(t.sourceText())) {
            if (!seen.add(h.entry()) || matcher.usedIn(t.targetText(), h.entry())) continue;
            String want = String.join(" / ", h.translations());
            out.add(new QaIssue(-1, QaRule.GLOSSARY, "glossary term \"" + h.text() + "\" not translated as \"" + want + "\"",
                    List.of(h.text(), want)));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A front-matter text (title, description…) whose script or language is not the version's: Cyrillic
     * letters in a Portuguese title, Latin in a Russian one, or (four words or more) English function words
     * where Portuguese is expected and the other way round. Args: the key, the language it looks like.
     */
    public static List<QaIssue> wrongLanguage(String key, String value, String lang) {
        if (value == null || value.isBlank()) return List.of();
        String want = org.diptych.model.Languages.base(lang);
        int cyr = 0, lat = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetter(c)) continue;
            Character.UnicodeScript sc = Character.UnicodeScript.of(c);
            if (sc == Character.UnicodeScript.CYRILLIC) cyr++;
            else if (sc == Character.UnicodeScript.LATIN) lat++;
        }
        String seen = null;
        if (want.equals("ru") && lat > cyr) seen = "latin";
        else if (!want.equals("ru") && cyr > 0 && cyr * 4 >= lat) seen = "ru";
        else if (!want.equals("ru") && value.strip().split("\\s+").length >= 4) {
            org.diptych.formats.LanguageDetector.Result r = org.diptych.formats.LanguageDetector.detect(value);
            if (r != null && !r.lang().equals(want) && !r.lang().equals("ru")) seen = r.lang();
        }
        if (seen == null) return List.of();
        return List.of(new QaIssue(-1, QaRule.WRONG_LANGUAGE, key + " is not in " + want + " (it looks like " + seen + ")",
                List.of(key, seen)));
    }

    /**
     * What the markup rules count, read by the one markdown model ({@link Markdown#spans}): links (inline,
     * reference and autolinks, and HTML {@code <a href>}; not images), bold spans ({@code **…**}, {@code __…__},
     * also across a line break, and HTML {@code <b>}, {@code <strong>}), the link and image destinations, the
     * markup with links, images and autolinks blanked (for bare addresses) and with code spans blanked (HTML in
     * code is no markup).
     */
    private record Markup(int links, int bold, List<String> targets, String withoutLinks, String withoutCode) {
        /** The last few markups read on this thread: QA reads each side of a row for three rules. */
        private static final ThreadLocal<java.util.LinkedHashMap<String, Markup>> RECENT = ThreadLocal.withInitial(
                () -> new java.util.LinkedHashMap<>(8, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Markup> e) {
                        return size() > 4;
                    }
                });

        static Markup of(String markup) {
            return RECENT.get().computeIfAbsent(markup, Markup::read);
        }

        private static Markup read(String markup) {
            int links = 0, bold = 0;
            List<String> targets = new ArrayList<>();
            StringBuilder noLinks = new StringBuilder(markup), noCode = new StringBuilder(markup);
            Markdown.Block block = Markdown.block(markup);
            for (Markdown.Token t : block.tokens()) {
                if (t.role() == Markdown.Role.OPEN && t.target() != null) targets.add(t.target());
            }
            for (Markdown.Span sp : Markdown.spans(block)) {
                switch (sp.kind()) {
                    case LINK, AUTOLINK -> links++;
                    case STRONG -> bold++;
                    default -> { }
                }
                if (sp.kind() == Markdown.Kind.LINK || sp.kind() == Markdown.Kind.AUTOLINK || sp.kind() == Markdown.Kind.IMAGE) {
                    for (int k = sp.start(); k < sp.end(); k++) noLinks.setCharAt(k, ' ');
                }
                if (sp.kind() == Markdown.Kind.CODE) for (int k = sp.start(); k < sp.end(); k++) noCode.setCharAt(k, ' ');
            }
            String withoutCode = noCode.toString();
            links += count(HTML_LINK, withoutCode);
            bold += count(HTML_BOLD, withoutCode);
            return new Markup(links, bold, targets, noLinks.toString(), withoutCode);
        }
    }

    private static QaIssue issue(QaRule r, String message) {
        return new QaIssue(-1, r, message, List.of());
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** {@code s} with every match of the patterns replaced by spaces (offsets kept). */
    private static String blank(String s, Pattern... ps) {
        String x = s;
        for (Pattern p : ps) {
            Matcher m = p.matcher(x);
            StringBuilder sb = new StringBuilder(x);
            while (m.find()) for (int k = m.start(); k < m.end(); k++) sb.setCharAt(k, ' ');
            x = sb.toString();
        }
        return x;
    }

    /** Numbers of {@code a} not in {@code b}, compared by digits, as written in {@code a}. */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>();
        for (String x : b) rest.add(digits(x));
        List<String> out = new ArrayList<>();
        for (String x : a) {
            if (!rest.remove(digits(x))) out.add(x);
        }
        return out;
    }

    private static List<String> minusExact(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(b);
        List<String> out = new ArrayList<>();
        for (String x : a) if (!rest.remove(x)) out.add(x);
        return out;
    }

    private static String describe(List<String> missing, List<String> extra) {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) parts.add(String.join(", ", missing) + " in the source");
        if (!extra.isEmpty()) parts.add(String.join(", ", extra) + " in the translation");
        return String.join("; ", parts);
    }
}
