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
                tf.append(type, name, type == TagType.CLOSING ? m.group() : safeTag(m.group()));
            }
            last = m.end();
        }
        if (last < markup.length()) tf.append(CharacterReference.decode(markup.substring(last)));
        tf.balanceMarkers();
        return new DocumentUnits.Converted(tf, source.hasCode() && !tf.hasCode());
    }

    /** An attribute whose value is a URL with a scheme that runs code ({@code javascript:}, {@code vbscript:}, {@code data:}). */
    private static final Pattern UNSAFE_URL_ATTRIBUTE = Pattern.compile(
            "\\s+[A-Za-z:-]+\\s*=\\s*(?:\"\\s*(?:javascript|vbscript|data)\\s*:[^\"]*\"|'\\s*(?:javascript|vbscript|data)\\s*:[^']*'|(?:javascript|vbscript|data)\\s*:[^\\s>]*)",
            Pattern.CASE_INSENSITIVE);

    /** A tag of translated markup without attributes that run code: such a link is dropped, its text kept. */
    static String safeTag(String tag) {
        return UNSAFE_URL_ATTRIBUTE.matcher(tag).replaceAll("");
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
