package org.diptych.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.DocumentPart;
import net.sf.okapi.common.resource.Property;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.html.HtmlFilter;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * Reads an HTML page with Okapi's HTML filter through {@link DocumentUnits}: each paragraph unit is a
 * paragraph ({@code h1}–{@code h6} are headings, {@code li} list items with their nesting depth, text inside
 * {@code blockquote} quotes, {@code pre} code, table cells OTHER). The {@code <title>} becomes the title;
 * attribute texts (alt, title, meta content) are not paragraphs. {@code markup} is the paragraph's inline
 * HTML ({@link DocumentUnits}' HTML convention); {@code text} is plain text with {@code <br>} as {@code \n}.
 */
public final class HtmlReader {
    /**
     * @param paragraphs body paragraphs {@code p1..pN}
     * @param title      the page's {@code <title>}, or null
     * @param lang       the {@code lang} attribute of {@code <html>}, or null
     */
    public record Result(List<Paragraph> paragraphs, String title, String lang) {}

    private static final Pattern TAG = Pattern.compile("<(/?)(ul|ol|blockquote)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> ENTITIES = new java.util.concurrent.ConcurrentHashMap<>();

    private HtmlReader() {}

    /** Reads an HTML document given as text. */
    public static Result read(String html, String fileName) {
        InputLimits.checkHtml(html, fileName);
        List<Paragraph> out = new ArrayList<>();
        String[] title = {null};
        String[] lang = {null};
        int[] lists = {0}, quotes = {0};
        HtmlFilter filter = DocumentUnits.cachedHtmlFilter();
        try (filter) {
            DocumentUnits.scan(filter, new RawDocument(html, LocaleId.ENGLISH), Format.HTML, fileName, "cannot read HTML", (e, u) -> {
                if (e.isDocumentPart()) {
                    DocumentPart dp = e.getDocumentPart();
                    Property lp = dp.getSourceProperty("language");
                    if (lang[0] == null && lp != null && lp.getValue() != null && !lp.getValue().isBlank()) lang[0] = lp.getValue();
                    String sk = dp.getSkeleton() == null ? "" : dp.getSkeleton().toString();
                    Matcher m = TAG.matcher(sk);
                    while (m.find()) {
                        int d = m.group(1).isEmpty() ? 1 : -1;
                        if (m.group(2).equalsIgnoreCase("blockquote")) quotes[0] = Math.max(0, quotes[0] + d);
                        else lists[0] = Math.max(0, lists[0] + d);
                    }
                }
                if (u == null) return;
                if (u.role() == DocumentUnits.Role.TITLE) {
                    if (title[0] == null) title[0] = u.text();
                    return;
                }
                String type = u.type() == null ? "" : u.type().toLowerCase(Locale.ROOT);
                BlockKind kind;
                int level = 0;
                if (type.matches("h[1-6]")) {
                    kind = BlockKind.HEADING;
                    level = type.charAt(1) - '0';
                } else if (type.equals("li") || type.equals("dd") || type.equals("dt")) {
                    kind = BlockKind.LIST_ITEM;
                    level = Math.max(1, lists[0]);
                } else if (type.equals("pre")) {
                    kind = BlockKind.CODE;
                } else if (type.equals("td") || type.equals("th") || type.equals("caption")) {
                    kind = BlockKind.OTHER;
                } else if (quotes[0] > 0) {
                    kind = BlockKind.QUOTE;
                    level = quotes[0];
                } else {
                    kind = BlockKind.PARAGRAPH;
                }
                out.add(new Paragraph("p" + (out.size() + 1), kind, level, u.markup(), u.text()));
            });
        }
        return new Result(out, title[0], lang[0]);
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
            List<Event> events = Okapi.events(DocumentUnits.cachedHtmlFilter(), new RawDocument("<p>x" + s + "x</p>", LocaleId.ENGLISH),
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
}
