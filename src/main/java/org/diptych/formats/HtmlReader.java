package org.diptych.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.DocumentPart;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.Property;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.html.HtmlFilter;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * Reads an HTML page with Okapi's HTML filter: each text unit of the body is a paragraph ({@code h1}–{@code h6}
 * are headings, {@code li} list items with their nesting depth, text inside {@code blockquote} quotes,
 * {@code pre} code, table cells OTHER). The {@code <title>} becomes the title; attribute texts (alt, title,
 * meta content) are skipped. {@code markup} is the paragraph's inline HTML as written (tags and attributes
 * restored, text with entities resolved); {@code text} is plain text with {@code <br>} as {@code \n}.
 */
public final class HtmlReader {
    /**
     * @param paragraphs body paragraphs {@code p1..pN}
     * @param title      the page's {@code <title>}, or null
     * @param lang       the {@code lang} attribute of {@code <html>}, or null
     */
    public record Result(List<Paragraph> paragraphs, String title, String lang) {}

    private static final Pattern REF = Pattern.compile("\\[#\\$([^\\]@]+)]");
    private static final Pattern SELF_PROP = Pattern.compile("\\[#\\$\\$self\\$@%([^\\]]+)]");
    private static final Pattern TAG = Pattern.compile("<(/?)(ul|ol|blockquote)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> ENTITIES = new java.util.concurrent.ConcurrentHashMap<>();
    /** Building an HTML filter loads its configuration (about 0.1 s); each thread reuses one. */
    private static final ThreadLocal<HtmlFilter> FILTER = ThreadLocal.withInitial(HtmlFilter::new);

    private HtmlReader() {}

    /** Reads an HTML document given as text. */
    public static Result read(String html, String fileName) {
        List<Event> events = Okapi.events(FILTER.get(), new RawDocument(html, LocaleId.ENGLISH), fileName, "HTML");
        Map<String, Object> byId = new HashMap<>();
        List<Paragraph> out = new ArrayList<>();
        String title = null;
        String lang = null;
        int lists = 0, quotes = 0;
        for (Event e : events) {
            if (e.isDocumentPart()) {
                DocumentPart dp = e.getDocumentPart();
                byId.put(dp.getId(), dp);
                Property lp = dp.getSourceProperty("language");
                if (lang == null && lp != null && lp.getValue() != null && !lp.getValue().isBlank()) lang = lp.getValue();
                String sk = dp.getSkeleton() == null ? "" : dp.getSkeleton().toString();
                Matcher m = TAG.matcher(sk);
                while (m.find()) {
                    int d = m.group(1).isEmpty() ? 1 : -1;
                    if (m.group(2).equalsIgnoreCase("blockquote")) quotes = Math.max(0, quotes + d);
                    else lists = Math.max(0, lists + d);
                }
            } else if (e.isTextUnit()) {
                ITextUnit tu = e.getTextUnit();
                byId.put(tu.getId(), tu);
                if (tu.isReferent() || !tu.isTranslatable()) continue;
                TextFragment tf = tu.getSource().getFirstContent();
                String text = text(tf);
                if (text.isBlank()) continue;
                String type = tu.getType() == null ? "" : tu.getType().toLowerCase(Locale.ROOT);
                if (type.equals("title")) {
                    if (title == null) title = text;
                    continue;
                }
                BlockKind kind;
                int level = 0;
                if (type.matches("h[1-6]")) {
                    kind = BlockKind.HEADING;
                    level = type.charAt(1) - '0';
                } else if (type.equals("li") || type.equals("dd") || type.equals("dt")) {
                    kind = BlockKind.LIST_ITEM;
                    level = Math.max(1, lists);
                } else if (type.equals("pre")) {
                    kind = BlockKind.CODE;
                } else if (type.equals("td") || type.equals("th") || type.equals("caption")) {
                    kind = BlockKind.OTHER;
                } else if (quotes > 0) {
                    kind = BlockKind.QUOTE;
                    level = quotes;
                } else {
                    kind = BlockKind.PARAGRAPH;
                }
                out.add(new Paragraph("p" + (out.size() + 1), kind, level, markup(tf, byId).strip(), text));
            }
        }
        return new Result(out, title, lang);
    }

    /** The plain text of an HTML fragment (used for HTML blocks inside Markdown): its text units, one a line. */
    static String textOf(String html) {
        try {
            Result r = read(html, "(html block)");
            StringBuilder sb = new StringBuilder();
            for (Paragraph p : r.paragraphs()) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(p.text());
            }
            return sb.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Resolves HTML character references ({@code &amp;}, {@code &laquo;}, {@code &#171;}) with Okapi's HTML filter. */
    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) return s;
        return ENTITIES.computeIfAbsent(s, HtmlReader::decodeWithOkapi);
    }

    private static String decodeWithOkapi(String s) {
        try {
            List<Event> events = Okapi.events(FILTER.get(), new RawDocument("<p>x" + s + "x</p>", LocaleId.ENGLISH),
                    "(entity)", "HTML");
            for (Event e : events) {
                if (e.isTextUnit()) {
                    String t = e.getTextUnit().getSource().getFirstContent().getText();
                    if (t.length() >= 2) return t.substring(1, t.length() - 1);
                }
            }
        } catch (RuntimeException ignored) {
            // keep the reference as written
        }
        return s;
    }

    private static String text(TextFragment tf) {
        String coded = tf.getCodedText();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c) && i + 1 < coded.length()) {
                Code code = tf.getCodes().get(TextFragment.toIndex(coded.charAt(++i)));
                if ("br".equalsIgnoreCase(code.getType())) sb.append('\n');
            } else {
                sb.append(c);
            }
        }
        StringBuilder clean = new StringBuilder();
        for (String line : sb.toString().split("\n", -1)) {
            if (clean.length() > 0) clean.append('\n');
            clean.append(line.strip());
        }
        return clean.toString().strip();
    }

    private static String markup(TextFragment tf, Map<String, Object> byId) {
        String coded = tf.getCodedText();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c) && i + 1 < coded.length()) {
                Code code = tf.getCodes().get(TextFragment.toIndex(coded.charAt(++i)));
                sb.append(resolve(code.hasOuterData() ? code.getOuterData() : code.getData(), null, byId, 0));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Replaces Okapi's skeleton references ({@code [#$dp3]}, {@code [#$$self$@%href]}) by what they stand for. */
    private static String resolve(String s, Object self, Map<String, Object> byId, int depth) {
        if (depth > 5 || s.indexOf("[#$") < 0) return s;
        Matcher pm = SELF_PROP.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (pm.find()) {
            String v = "";
            if (self instanceof DocumentPart dp && dp.getSourceProperty(pm.group(1)) != null) {
                v = dp.getSourceProperty(pm.group(1)).getValue();
            }
            pm.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        pm.appendTail(sb);
        Matcher rm = REF.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (rm.find()) {
            Object r = byId.get(rm.group(1));
            String v = "";
            if (r instanceof DocumentPart dp && dp.getSkeleton() != null) {
                v = resolve(dp.getSkeleton().toString(), dp, byId, depth + 1);
            } else if (r instanceof ITextUnit tu) {
                v = tu.getSource().getFirstContent().getText();
            }
            rm.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        rm.appendTail(out);
        return out.toString();
    }
}
