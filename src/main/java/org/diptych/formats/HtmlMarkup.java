package org.diptych.formats;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.htmlparser.jericho.CharacterReference;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.DocumentPart;
import net.sf.okapi.common.resource.IMultilingual;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.Property;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;

/**
 * The HTML markup convention of {@link DocumentUnits}: a paragraph is inline HTML, tags as written (Okapi's
 * skeleton references resolved: attribute values, attribute texts), text with {@code &}, {@code <} and
 * {@code >} escaped and everything else as characters.
 */
final class HtmlMarkup {
    private HtmlMarkup() {}

    /** {@code [#$$self$]}, {@code [#$$self$@%href]} (group 1), {@code [#$dp3]} (group 2), {@code [#$dp3@%src]} (2, 3). */
    private static final Pattern REF = Pattern.compile("\\[#\\$\\$self\\$(?:@%([^\\]]+))?]|\\[#\\$([^\\]@$][^\\]@]*)(?:@%([^\\]]+))?]");
    /** A comment or a start, end or empty-element tag. */
    private static final Pattern TOKEN = Pattern.compile("<!--[\\s\\S]*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\\s[^<>]*?)?(/?)>");
    private static final Set<String> VOID = Set.of("br", "img", "wbr", "hr", "input", "meta", "link", "area", "source", "col", "embed", "track");

    /** Plain text: codes removed, {@code <br>} as {@code \n}, each line stripped. */
    static String text(TextFragment tf) {
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

    /**
     * The unit's inline HTML.
     *
     * @param byId    the document parts and text units seen so far, by id (what skeleton references point at)
     * @param reached collects the ids of the attribute text units the markup includes
     */
    static String markup(TextFragment tf, Map<String, Object> byId, Set<String> reached) {
        String coded = tf.getCodedText();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c) && i + 1 < coded.length()) {
                Code code = tf.getCodes().get(TextFragment.toIndex(coded.charAt(++i)));
                String data = code.hasOuterData() ? code.getOuterData() : code.getData();
                if (data != null) sb.append(resolve(data, null, byId, reached, 0));
            } else {
                sb.append(escapeText(String.valueOf(c)));
            }
        }
        return sb.toString().replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Inline HTML back to a fragment: each tag or comment an inline code written as it is, text between them
     * with character references decoded.
     */
    static DocumentUnits.Converted fragment(String markup, TextFragment source) {
        TextFragment tf = new TextFragment();
        Matcher m = TOKEN.matcher(markup);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) tf.append(CharacterReference.decode(markup.substring(last, m.start())));
            if (m.group(2) == null) {
                tf.append(TagType.PLACEHOLDER, "comment", m.group());
            } else {
                String name = m.group(2).toLowerCase(Locale.ROOT);
                TagType type = !m.group(1).isEmpty() ? TagType.CLOSING
                        : (!m.group(3).isEmpty() || VOID.contains(name)) ? TagType.PLACEHOLDER : TagType.OPENING;
                // a tag that runs code or loads a page is dropped (its text stays, as text)
                if (allowedElement(name)) tf.append(type, name, type == TagType.CLOSING ? m.group() : safeTag(m.group()));
            }
            last = m.end();
        }
        if (last < markup.length()) tf.append(CharacterReference.decode(markup.substring(last)));
        tf.balanceMarkers();
        return new DocumentUnits.Converted(tf, source.hasCode() && !tf.hasCode());
    }

    /**
     * Elements translated markup may not bring into a page: they run code, load other pages or change how
     * the page is read (the tag is dropped, the text between stays as text).
     */
    private static final Set<String> DROPPED_ELEMENTS = Set.of("script", "style", "iframe", "frame", "frameset", "object",
            "embed", "applet", "base", "meta", "link", "form", "input", "button", "textarea", "select", "option", "svg",
            "math", "template", "noscript", "xml", "portal", "dialog");
    /** Attributes whose value is a URL (checked for a scheme that runs code). */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "background",
            "poster", "lowsrc", "dynsrc", "cite", "data", "codebase", "longdesc", "usemap", "ping", "manifest", "srcset", "icon");
    /** One attribute: name, then optionally = and a double-quoted, single-quoted or bare value. */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s*([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?|\\s*/|\\s+");

    /** A URL (or a srcset candidate) starting with a scheme that runs code. */
    private static final Pattern CODE_SCHEME = Pattern.compile("(?:^|,)(?:javascript|vbscript|data)(?::|&)");

    /** Whether translated markup may carry this element ({@code script}, {@code iframe}… may not). */
    static boolean allowedElement(String name) {
        return !DROPPED_ELEMENTS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * A start tag of translated markup without what runs code: event handlers ({@code onerror=}, {@code onclick=}…),
     * {@code srcdoc}, {@code style} with {@code expression(}, {@code url(javascript:} or {@code @import}, and URL
     * attributes whose scheme is {@code javascript:}, {@code vbscript:} or {@code data:} (also written with
     * character references, spaces or control characters inside). Such a link is dropped, its text kept.
     */
    static String safeTag(String tag) {
        Matcher head = Pattern.compile("^<([A-Za-z][A-Za-z0-9:-]*)").matcher(tag);
        if (!head.find()) return tag;
        int end = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
        if (end < head.end()) return tag;
        String body = tag.substring(head.end(), end);
        StringBuilder out = new StringBuilder(tag.length()).append(head.group());
        Matcher m = ATTRIBUTE.matcher(body);
        int pos = 0;
        while (pos < body.length() && m.find(pos) && m.start() == pos && m.end() > pos) {
            pos = m.end();
            if (m.group(1) == null) continue; // spaces or a stray slash
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            if (!safeAttribute(name, value)) continue;
            out.append(' ').append(m.group().strip());
        }
        if (pos < body.length()) return head.group() + (tag.endsWith("/>") ? "/>" : ">"); // unparsable attributes: none kept
        return out.append(tag.endsWith("/>") ? "/>" : ">").toString();
    }

    private static boolean safeAttribute(String name, String value) {
        if (name.startsWith("on") || name.equals("srcdoc") || name.equals("formaction")) return false;
        if (value == null) return true;
        String v = CharacterReference.decode(value).replaceAll("[\\x00-\\x20\\x7f-\\x9f]+", "").toLowerCase(Locale.ROOT);
        if (name.equals("style")) {
            return !(v.contains("expression(") || v.contains("javascript:") || v.contains("vbscript:") || v.contains("@import")
                    || v.contains("behavior:") || v.contains("-moz-binding"));
        }
        if (URL_ATTRIBUTES.contains(name) || name.endsWith(":href")) {
            // a scheme written with a reference the decoder does not know (&colon;) counts too
            return !CODE_SCHEME.matcher(v).find();
        }
        return true;
    }

    static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String escapeAttribute(String s) {
        return escapeText(s).replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** Replaces Okapi's skeleton references by what they stand for. */
    private static String resolve(String s, Object self, Map<String, Object> byId, Set<String> reached, int depth) {
        if (depth > 8 || s.indexOf("[#$") < 0) return s;
        Matcher m = REF.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v;
            if (m.group(2) == null) {
                v = m.group(1) == null ? selfText(self) : property(self, m.group(1));
            } else {
                Object r = byId.get(m.group(2));
                if (r instanceof ITextUnit tu) reached.add(tu.getId());
                if (m.group(3) != null) {
                    v = property(r, m.group(3));
                } else if (r instanceof DocumentPart dp) {
                    v = dp.getSkeleton() == null ? "" : resolve(dp.getSkeleton().toString(), dp, byId, reached, depth + 1);
                } else if (r instanceof ITextUnit tu) {
                    v = tu.getSkeleton() == null ? selfText(tu) : resolve(tu.getSkeleton().toString(), tu, byId, reached, depth + 1);
                } else {
                    v = "";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text of an attribute text unit, escaped for an attribute value. */
    private static String selfText(Object self) {
        return self instanceof ITextUnit tu ? escapeAttribute(tu.getSource().getFirstContent().getText()) : "";
    }

    /** A property's value as written in the document (Okapi keeps attribute values undecoded). */
    private static String property(Object o, String name) {
        if (o instanceof IMultilingual n) {
            Property p = n.getSourceProperty(name);
            if (p == null) p = n.getProperty(name);
            if (p != null && p.getValue() != null) return p.getValue();
        }
        return "";
    }
}
