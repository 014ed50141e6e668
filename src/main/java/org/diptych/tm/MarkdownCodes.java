package org.diptych.tm;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.diptych.markdown.Markdown;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;

/**
 * Inline markdown as TMX 1.4b inline codes, both ways, so that formatting survives the TM.
 *
 * <p><b>Encoding</b> ({@link #encode}): a paragraph's markup read by the one markdown model
 * ({@link Markdown#block}) without its block prefix ({@code ### }, {@code - }, {@code > }, which is no part of a
 * segment, nor are the {@code > } of a quote's continuation lines) is cut into text and native codes: links and
 * images ({@code <bpt i="1" x="1" type="link">[</bpt>…<ept i="1">](url)</ept>}), strong, emphasis,
 * strike-through and code spans (paired {@code bpt/ept} holding {@code **}, {@code *}, {@code ~~}, the
 * backticks), backslash escapes, hard-break spaces, a heading's closing {@code #}s and inline HTML
 * ({@code <ph>}). The native markdown is the element content, XML-escaped. The text between the codes is
 * exactly the paragraph's plain text ({@link Paragraph#text()}), so matching and indexing see what they saw
 * before; where the markup cannot be laid over the plain text that way (an HTML entity for {@code <}, a
 * table, a code block) the paragraph is plain text in the segment, as it was. Named and numeric entities
 * that stand for other characters come back as those characters; a soft line break comes back as a space.
 *
 * <p><b>Decoding</b> ({@link #markdown}): a variant written here ({@code datatype="markdown"} on its
 * {@code <tuv>}) gives its markdown back exactly; isolated codes ({@code <it>}, a {@code bpt} without
 * its {@code ept}) are left out, as they would unbalance the markdown. A variant from another tool keeps
 * the codes whose meaning is obvious — HTML {@code b/strong} → {@code **}, {@code i/em} → {@code *},
 * {@code a href} → a link, codes whose native content is already markdown — and drops the others, so
 * no raw HTML reaches a markdown post.
 */
public final class MarkdownCodes {
    /** The {@code datatype} of a {@code <tuv>} whose codes hold native markdown. */
    public static final String DATATYPE = "markdown";

    private static final XMLInputFactory FACTORY = newFactory();

    private MarkdownCodes() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    // ------------------------------------------------------------------------------------------ pieces

    enum Kind { TEXT, BPT, EPT, PH, IT }

    /**
     * A piece of a segment: text, or a code with its native markdown. Paired codes share {@code pair} (>0);
     * {@code type} is the TMX {@code type} attribute or null; {@code at} is the code's offset in the plain text.
     */
    record Piece(Kind kind, String content, int pair, String type, int at) {
        Piece at(int offset) {
            return new Piece(kind, content, pair, type, offset);
        }
    }

    /**
     * A segment: the plain text and the inline codes laid over it. Immutable.
     */
    public static final class Coded {
        private final List<Piece> pieces;
        private final String text;

        private Coded(List<Piece> pieces) {
            this.pieces = List.copyOf(pieces);
            StringBuilder sb = new StringBuilder();
            for (Piece p : this.pieces) if (p.kind() == Kind.TEXT) sb.append(p.content());
            this.text = sb.toString();
        }

        /** A segment of plain text, without codes. */
        public static Coded plain(String text) {
            return new Coded(text.isEmpty() ? List.of() : List.of(new Piece(Kind.TEXT, text, 0, null, 0)));
        }

        /** The plain text (text outside the codes). */
        public String text() {
            return text;
        }

        /** True if the segment has inline codes. */
        public boolean hasCodes() {
            for (Piece p : pieces) if (p.kind() != Kind.TEXT) return true;
            return false;
        }

        /** The inline element names in order, as {@link TmVariant#tags()} and {@link TmQuery#tags()} name them. */
        public String tags() {
            StringBuilder sb = new StringBuilder();
            for (Piece p : pieces) {
                if (p.kind() == Kind.TEXT) continue;
                if (sb.length() > 0) sb.append(',');
                sb.append(p.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            return sb.toString();
        }

        /**
         * The content of {@code <seg>}: text escaped, codes as TMX 1.4b elements ({@code bpt} with {@code i},
         * {@code x} and {@code type}, {@code ept} with {@code i}, {@code ph} and {@code it} with {@code x}
         * and {@code type}; {@code it} with {@code pos}), numbered from 1 in this segment.
         */
        public String segXml() {
            StringBuilder sb = new StringBuilder();
            Map<Integer, Integer> is = new HashMap<>();
            int x = 0;
            for (Piece p : pieces) {
                switch (p.kind()) {
                    case TEXT -> sb.append(Xml.escape(p.content()));
                    case BPT -> {
                        int i = is.size() + 1;
                        is.put(p.pair(), i);
                        sb.append("<bpt i=\"").append(i).append("\" x=\"").append(++x).append('"');
                        type(sb, p).append('>').append(Xml.escape(p.content())).append("</bpt>");
                    }
                    case EPT -> sb.append("<ept i=\"").append(is.get(p.pair())).append("\">")
                            .append(Xml.escape(p.content())).append("</ept>");
                    case PH -> {
                        sb.append("<ph x=\"").append(++x).append('"');
                        type(sb, p).append('>').append(Xml.escape(p.content())).append("</ph>");
                    }
                    case IT -> {
                        sb.append("<it pos=\"").append(p.pair() > 0 ? "begin" : "end").append("\" x=\"").append(++x).append('"');
                        type(sb, p).append('>').append(Xml.escape(p.content())).append("</it>");
                    }
                }
            }
            return sb.toString();
        }

        private static StringBuilder type(StringBuilder sb, Piece p) {
            if (p.type() != null) sb.append(" type=\"").append(p.type()).append('"');
            return sb;
        }

        /** The segment as a variant (with {@code datatype="markdown"} when it has codes). */
        public TmVariant variant(String lang, List<TmMeta> meta) {
            Map<String, String> attrs = hasCodes() ? Map.of("datatype", DATATYPE) : Map.of();
            return new TmVariant(lang, attrs, meta, segXml(), text, tags());
        }

        /** The markdown of the segment (codes' native content in place; isolated codes left out). */
        public String markdown() {
            StringBuilder sb = new StringBuilder();
            for (Piece p : pieces) if (p.kind() != Kind.IT) sb.append(p.content());
            return sb.toString();
        }

        /**
         * The part of the segment over the plain text {@code [start, end)}: codes inside it, a code on its
         * edge if it opens (at {@code start}) or closes (at {@code end}) there; a paired code whose partner
         * is outside becomes an isolated {@code <it>}.
         */
        public Coded slice(int start, int end) {
            List<Piece> out = new ArrayList<>();
            int pos = 0;
            for (Piece p : pieces) {
                if (p.kind() == Kind.TEXT) {
                    int s = Math.max(start, pos);
                    int e = Math.min(end, pos + p.content().length());
                    if (s < e) out.add(new Piece(Kind.TEXT, p.content().substring(s - pos, e - pos), 0, null, s - start));
                    pos += p.content().length();
                } else {
                    boolean in = p.at() > start && p.at() < end
                            || p.at() == start && p.kind() != Kind.EPT
                            || p.at() == end && p.kind() == Kind.EPT && start < end;
                    if (in) out.add(p.at(p.at() - start));
                }
            }
            List<Piece> fixed = new ArrayList<>(out.size());
            for (Piece p : out) {
                if (p.kind() == Kind.BPT || p.kind() == Kind.EPT) {
                    Kind other = p.kind() == Kind.BPT ? Kind.EPT : Kind.BPT;
                    boolean partner = out.stream().anyMatch(q -> q.kind() == other && q.pair() == p.pair());
                    if (!partner) {
                        fixed.add(new Piece(Kind.IT, p.content(), p.kind() == Kind.BPT ? 1 : 0, p.type(), p.at()));
                        continue;
                    }
                }
                fixed.add(p);
            }
            return new Coded(fixed);
        }

        /**
         * The part for a sentence of the plain text (found from {@code from} on, white space matching any
         * white space), or a plain segment of the sentence if it is not found.
         */
        public Coded sentence(String sentence, int[] from) {
            int[] span = locate(text, sentence, from[0]);
            if (span == null) return plain(sentence);
            from[0] = span[1];
            Coded c = slice(span[0], span[1]);
            return c.text().equals(sentence) ? c : withText(c, sentence);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Coded c && c.pieces.equals(pieces);
        }

        @Override
        public int hashCode() {
            return pieces.hashCode();
        }

        @Override
        public String toString() {
            return segXml();
        }
    }

    /** The segment with its text replaced by {@code text} of equal words (white space differs), or plain. */
    private static Coded withText(Coded c, String text) {
        List<Piece> fitted = fit(c.pieces, text);
        return fitted == null ? Coded.plain(text) : new Coded(fitted);
    }

    /** Where {@code needle} is in {@code hay} at or after {@code from}, white space runs matching white space runs. */
    static int[] locate(String hay, String needle, int from) {
        String n = needle.strip();
        if (n.isEmpty()) return null;
        for (int s = Math.max(0, from); s < hay.length(); s++) {
            if (hay.charAt(s) != n.charAt(0)) continue;
            int i = s;
            int j = 0;
            while (j < n.length() && i < hay.length()) {
                char a = hay.charAt(i);
                char b = n.charAt(j);
                if (Character.isWhitespace(b)) {
                    if (!Character.isWhitespace(a)) break;
                    while (i < hay.length() && Character.isWhitespace(hay.charAt(i))) i++;
                    while (j < n.length() && Character.isWhitespace(n.charAt(j))) j++;
                } else if (a == b) {
                    i++;
                    j++;
                } else {
                    break;
                }
            }
            if (j == n.length()) return new int[] {s, i};
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ encoding

    /**
     * The segment of paragraphs {@code ids} of a version joined by {@code \n} (as {@link TmFeeder} joins
     * their texts): inline codes for markdown versions, plain text for other formats.
     */
    public static Coded encode(DocumentVersion v, List<String> ids) {
        boolean md = "markdown".equals(v.format());
        List<Piece> out = new ArrayList<>();
        int offset = 0;
        for (String id : ids) {
            Paragraph p = Objects.requireNonNull(v.paragraph(id), id);
            if (offset > 0 || !out.isEmpty()) {
                out.add(new Piece(Kind.TEXT, "\n", 0, null, offset));
                offset++;
            }
            for (Piece piece : md ? pieces(p) : Coded.plain(p.text()).pieces) {
                out.add(piece.at(piece.at() + offset));
            }
            offset += p.text().length();
        }
        return new Coded(out);
    }

    /**
     * The segment of one markdown paragraph: its markup's inline codes over its plain text, or its plain
     * text alone where they cannot be laid over it.
     */
    public static Coded encode(Paragraph p) {
        return new Coded(pieces(p));
    }

    private static List<Piece> pieces(Paragraph p) {
        if (p.kind() == BlockKind.CODE || p.kind() == BlockKind.OTHER || p.markup().equals(p.text())) {
            return Coded.plain(p.text()).pieces;
        }
        Markdown.Block block = Markdown.block(p.markup().strip());
        if (block.kind() == BlockKind.CODE || block.kind() == BlockKind.OTHER) return Coded.plain(p.text()).pieces;
        List<Piece> pieces = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        int pairs = 0;
        for (Markdown.Token t : block.tokens()) {
            switch (t.role()) {
                case TEXT -> text(pieces, t.plain());
                case OPEN -> {
                    open.push(++pairs);
                    pieces.add(new Piece(Kind.BPT, t.source(), pairs, type(t.kind()), 0));
                }
                case CLOSE -> pieces.add(new Piece(Kind.EPT, t.source(), open.pop(), null, 0));
                case ATOM -> {
                    switch (t.kind()) {
                        case ESCAPE -> {
                            pieces.add(new Piece(Kind.PH, "\\", 0, null, 0));
                            text(pieces, t.plain());
                        }
                        // an entity for < or > would come back as the character, which markdown could read as HTML
                        case ENTITY -> {
                            if (t.plain().indexOf('<') >= 0 || t.plain().indexOf('>') >= 0) return Coded.plain(p.text()).pieces;
                            text(pieces, t.plain());
                        }
                        case HARD_BREAK -> {
                            pieces.add(new Piece(Kind.PH, t.source().substring(0, t.source().length() - 1), 0, "lb", 0));
                            text(pieces, "\n");
                        }
                        case HTML -> {
                            pieces.add(new Piece(Kind.PH, t.source(), 0, null, 0));
                            text(pieces, t.plain());
                        }
                        case LAYOUT -> {
                            if (!t.source().isBlank() && !t.source().strip().startsWith(">")) {
                                pieces.add(new Piece(Kind.PH, t.source(), 0, null, 0)); // closing #s
                            } else {
                                text(pieces, t.plain().isEmpty() ? "" : t.plain());
                            }
                        }
                        default -> text(pieces, t.plain()); // soft breaks: a space
                    }
                }
            }
        }
        if (block.kind() == BlockKind.HEADING && !block.suffix().isBlank() && !block.suffix().contains("\n")) {
            pieces.add(new Piece(Kind.PH, block.suffix().stripTrailing(), 0, null, 0)); // a heading's closing #s
        }
        List<Piece> fitted = fit(pieces, p.text());
        return fitted == null ? Coded.plain(p.text()).pieces : fitted;
    }

    private static void text(List<Piece> pieces, String text) {
        if (!text.isEmpty()) pieces.add(new Piece(Kind.TEXT, text, 0, null, 0));
    }

    /** The TMX {@code type} of a paired code. */
    private static String type(Markdown.Kind kind) {
        return switch (kind) {
            case STRONG -> "bold";
            case EMPHASIS -> "italic";
            case STRIKE -> "x-strike";
            case CODE -> "x-code";
            case IMAGE -> "x-image";
            default -> "link";
        };
    }

    /** The block prefix of a markdown paragraph, or "". */
    static String prefix(String markup) {
        return Markdown.prefix(markup);
    }

    /**
     * Lays the pieces' text over {@code text}: the same characters in order, any run of white space
     * matching any run of white space (soft line breaks are spaces in the text); returns the pieces with
     * their text taken from {@code text} and code offsets set, or {@code null} if it does not fit.
     */
    private static List<Piece> fit(List<Piece> pieces, String text) {
        List<Piece> out = new ArrayList<>();
        int j = 0;
        boolean inSpace = false; // the last text char laid was white space (a run in progress)
        for (Piece p : pieces) {
            if (p.kind() != Kind.TEXT) {
                out.add(p.at(j));
                continue;
            }
            String c = p.content();
            int from = j;
            for (int k = 0; k < c.length(); k++) {
                char ch = c.charAt(k);
                if (Character.isWhitespace(ch)) {
                    if (inSpace) continue;
                    if (j == 0 || j >= text.length()) { // white space at either end of the markup
                        inSpace = true;
                        continue;
                    }
                    if (!Character.isWhitespace(text.charAt(j))) return null;
                    while (j < text.length() && Character.isWhitespace(text.charAt(j))) j++;
                    inSpace = true;
                } else {
                    if (j >= text.length() || text.charAt(j) != ch) {
                        // the text may have white space where the markup has none only if a code separates them
                        return null;
                    }
                    j++;
                    inSpace = false;
                }
            }
            if (j > from) out.add(new Piece(Kind.TEXT, text.substring(from, j), 0, null, from));
        }
        if (j != text.length()) return null;
        return out;
    }

    // ------------------------------------------------------------------------------------------ decoding

    /**
     * The markdown of a TM variant, to insert into a markdown paragraph: for a variant written here its
     * markdown exactly; for one from another tool, its text with the codes that map obviously to markdown;
     * the plain text if the segment cannot be read.
     */
    public static String markdown(TmVariant v) {
        if (v.tags().isEmpty()) return v.text();
        boolean ours = DATATYPE.equalsIgnoreCase(v.attributes().getOrDefault("datatype", ""));
        List<Piece> pieces;
        try {
            pieces = read(v.segXml());
        } catch (XMLStreamException | RuntimeException e) {
            return v.text();
        }
        return ours ? ownMarkdown(pieces) : foreignMarkdown(pieces);
    }

    /** The pieces of a {@code <seg>} content: text, and codes with their native content. */
    static List<Piece> read(String segXml) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader("<seg>" + segXml + "</seg>"));
        List<Piece> out = new ArrayList<>();
        r.nextTag();
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                Kind k = switch (n) {
                    case "bpt" -> Kind.BPT;
                    case "ept" -> Kind.EPT;
                    case "ph", "ut" -> Kind.PH;
                    case "it" -> Kind.IT;
                    default -> null; // hi, sub outside codes: their text is text
                };
                if (k == null) continue;
                if (text.length() > 0) {
                    out.add(new Piece(Kind.TEXT, text.toString(), 0, null, 0));
                    text.setLength(0);
                }
                int pair = 0;
                String i = r.getAttributeValue(null, "i");
                if (i != null) {
                    try {
                        pair = Integer.parseInt(i.trim());
                    } catch (NumberFormatException e) {
                        pair = -1;
                    }
                }
                String type = r.getAttributeValue(null, "type");
                out.add(new Piece(k, nativeContent(r), pair, type, 0));
            }
        }
        if (text.length() > 0) out.add(new Piece(Kind.TEXT, text.toString(), 0, null, 0));
        return out;
    }

    /** The native content of a code element (its {@code sub} texts included), the reader after its end. */
    private static String nativeContent(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) depth++;
            else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
            else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) sb.append(r.getText());
        }
        return sb.toString();
    }

    /** Paired codes: each bpt index whose ept follows it in the list, mapped to that ept's index. */
    private static Map<Integer, Integer> pairs(List<Piece> pieces) {
        Map<Integer, Integer> out = new HashMap<>();
        Map<Integer, Integer> open = new HashMap<>();
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            if (p.kind() == Kind.BPT && p.pair() > 0) {
                open.putIfAbsent(p.pair(), k);
            } else if (p.kind() == Kind.EPT) {
                Integer b = open.remove(p.pair());
                if (b != null) {
                    out.put(b, k);
                    out.put(k, b);
                }
            }
        }
        return out;
    }

    private static String ownMarkdown(List<Piece> pieces) {
        Map<Integer, Integer> paired = pairs(pieces);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            switch (p.kind()) {
                case TEXT, PH -> sb.append(p.content());
                case BPT, EPT -> {
                    if (paired.containsKey(k)) sb.append(p.content());
                }
                case IT -> { }
            }
        }
        return sb.toString();
    }

    private static final Pattern HTML_BOLD = Pattern.compile("(?i)<(b|strong)(\\s[^>]*)?>");
    private static final Pattern HTML_ITALIC = Pattern.compile("(?i)<(i|em)(\\s[^>]*)?>");
    private static final Pattern HTML_LINK = Pattern.compile("(?i)<a\\s[^>]*?href\\s*=\\s*(\"([^\"]*)\"|'([^']*)')[^>]*>");
    private static final Pattern MD_DELIM = Pattern.compile("\\*\\*|__|\\*|_|~~|`+");
    private static final Pattern MD_LINK_END = Pattern.compile("]\\([^()\\s]*(\\s+\"[^\"]*\")?\\)");

    private static String foreignMarkdown(List<Piece> pieces) {
        Map<Integer, Integer> paired = pairs(pieces);
        String[] rep = new String[pieces.size()];
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            if (p.kind() != Kind.BPT || !paired.containsKey(k)) continue;
            int e = paired.get(k);
            String b = p.content().strip();
            String end = pieces.get(e).content().strip();
            Matcher link = HTML_LINK.matcher(b);
            if (HTML_BOLD.matcher(b).matches()) {
                rep[k] = rep[e] = "**";
            } else if (HTML_ITALIC.matcher(b).matches()) {
                rep[k] = rep[e] = "*";
            } else if (link.matches()) {
                String url = link.group(2) != null ? link.group(2) : link.group(3);
                rep[k] = "[";
                rep[e] = "](" + url.replace(" ", "%20").replace(")", "%29") + ")";
            } else if (MD_DELIM.matcher(b).matches() && b.equals(end)) {
                rep[k] = rep[e] = b;
            } else if ((b.equals("[") || b.equals("![")) && MD_LINK_END.matcher(end).matches()) {
                rep[k] = b;
                rep[e] = end;
            }
        }
        String[] texts = new String[pieces.size()];
        for (int k = 0; k < pieces.size(); k++) {
            if (pieces.get(k).kind() == Kind.TEXT) texts[k] = pieces.get(k).content();
        }
        // "<b> bold </b>" would be "** bold **", which markdown does not render: the spaces go outside
        for (int k = 0; k < pieces.size(); k++) {
            if (rep[k] == null || pieces.get(k).kind() != Kind.BPT) continue;
            int e = paired.get(k);
            if (k + 1 < e && texts[k + 1] != null) {
                String t = texts[k + 1];
                String lead = t.substring(0, t.length() - t.stripLeading().length());
                texts[k + 1] = t.substring(lead.length());
                boolean spaced = k > 0 && texts[k - 1] != null && !texts[k - 1].equals(texts[k - 1].stripTrailing());
                if (!spaced) rep[k] = lead + rep[k];
            }
            if (e - 1 > k && texts[e - 1] != null) {
                String t = texts[e - 1];
                String trail = t.substring(t.stripTrailing().length());
                texts[e - 1] = t.substring(0, t.length() - trail.length());
                boolean spaced = e + 1 < texts.length && texts[e + 1] != null
                        && !texts[e + 1].equals(texts[e + 1].stripLeading());
                if (!spaced) rep[e] = rep[e] + trail;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            if (p.kind() == Kind.TEXT) sb.append(texts[k]);
            else if (rep[k] != null) sb.append(rep[k]);
            else if (p.kind() == Kind.PH && p.content().matches("(?i)\\s*<br\\s*/?>\\s*")) sb.append(' ');
        }
        return sb.toString().strip();
    }
}
