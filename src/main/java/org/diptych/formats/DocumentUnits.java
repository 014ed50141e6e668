package org.diptych.formats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.resource.DocumentPart;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.html.HtmlFilter;
import net.sf.okapi.filters.openxml.ConditionalParameters;
import net.sf.okapi.filters.openxml.OpenXMLFilter;

import org.diptych.DiptychException;

/**
 * How an HTML page or a Word document maps to Diptych paragraphs, in both directions: the one rule the
 * importer ({@link HtmlReader}, {@link DocxReader}) and the exporter (the Okapi merge of a translated or
 * edited version into its original's skeleton) share.
 *
 * <h2>Filters</h2>
 * HTML is read with Okapi's HTML filter with its default parameters. DOCX is read with the Open XML filter:
 * document properties, comments, headers, footers and hidden text are not translatable; a line break is the
 * character {@code \n} and a tab {@code \t}; Word style optimisation is off (with it on, Okapi folds
 * paragraph-wide run formatting into a paragraph style, which is lost when the document does not define it).
 *
 * <h2>Units</h2>
 * A <em>unit</em> is a text unit that is translatable, not a referent (not an attribute text such as
 * {@code alt}, {@code title} or {@code <meta content>}), and whose text with the inline codes removed is not
 * blank (white space and no-break spaces only). In an HTML page, units of type {@code title} (the
 * {@code <title>} element) are the {@linkplain Role#TITLE title}; every other unit is a
 * {@linkplain Role#PARAGRAPH paragraph}, and paragraph <i>i</i> of an imported version (id
 * {@code p<i+1>}) is the <i>i</i>-th paragraph unit in event order. Attribute texts are not paragraphs:
 * those inside a paragraph appear in its markup (and are translated there); the others are written back as
 * they are in the original.
 *
 * <h2>Markup</h2>
 * <ul>
 * <li>HTML: the paragraph as inline HTML: every tag with its attributes as written (attribute texts resolved),
 *     text with {@code &}, {@code <} and {@code >} escaped and every other character as itself (entities
 *     resolved). Writing back, tags become inline codes written verbatim and entities in the text are
 *     decoded.</li>
 * <li>DOCX: Markdown-style emphasis: {@code *italic*}, {@code **bold**}, {@code ***both***}; a literal
 *     {@code *} or {@code \} is escaped with {@code \}. Writing back, each emphasised span takes the run
 *     properties of a run of the original unit with that emphasis (the k-th bold span the k-th bold run, the
 *     last one again when there are fewer), so other run properties (font, colour) come along.
 *     Formatting that this markup cannot express (hyperlinks, underline alone, fields, images) is kept in
 *     unchanged paragraphs only.</li>
 * </ul>
 * {@code text} is the plain text: HTML {@code <br>} and DOCX line breaks as {@code \n}, DOCX tabs as {@code \t}.
 */
public final class DocumentUnits {
    private DocumentUnits() {}

    /** What a unit is to Diptych. */
    public enum Role {
        /** The document's title (HTML {@code <title>}); stored as the version's title, not as a paragraph. */
        TITLE,
        /** A paragraph of the version. */
        PARAGRAPH
    }

    /**
     * One unit of a document.
     *
     * @param role   title or paragraph
     * @param index  for a paragraph, its 0-based position among the paragraphs; -1 for the title
     * @param type   Okapi's type of the text unit ({@code paragraph}, {@code h2}, {@code li}, {@code title}…;
     *               {@code null} for DOCX)
     * @param markup the paragraph in its format's markup convention (see the class comment); for the title, its text
     * @param text   plain text
     */
    public record Unit(Role role, int index, String type, String markup, String text) {}

    /**
     * The units of a document.
     *
     * @param paragraphs the paragraph units in order
     * @param title      the text of the first title unit, or {@code null}
     */
    public record Content(List<Unit> paragraphs, String title) {}

    /**
     * A document written by {@link #merge}.
     *
     * @param bytes          the document
     * @param formattingLost some inline formatting of a replaced unit could not be carried over (codes of
     *                       the original the new markup did not use, or emphasis the original unit has no run for)
     * @param textsKept      attribute texts outside the paragraphs ({@code alt}, {@code title},
     *                       {@code <meta content>}) written as they are in the original
     */
    public record Merged(byte[] bytes, boolean formattingLost, int textsKept) {}

    /** Sees every event of a scan; {@code unit} is the event's unit, or {@code null} for any other event. */
    interface Visitor {
        void visit(Event event, Unit unit);
    }

    /** Building an HTML filter loads its configuration (about 0.1 s); each thread reuses one for reading. */
    private static final ThreadLocal<HtmlFilter> HTML_FILTER = ThreadLocal.withInitial(HtmlFilter::new);

    static HtmlFilter cachedHtmlFilter() {
        return HTML_FILTER.get();
    }

    /** A new filter for {@code format} with the canonical parameters (see the class comment). */
    static IFilter newFilter(Format format) {
        return switch (format) {
            case HTML -> new HtmlFilter();
            case DOCX -> {
                OpenXMLFilter f = new OpenXMLFilter();
                ConditionalParameters p = (ConditionalParameters) f.getParameters();
                p.setTranslateDocProperties(false);
                p.setTranslateComments(false);
                p.setTranslateWordHeadersFooters(false);
                p.setTranslateWordHidden(false);
                p.setAddLineSeparatorCharacter(true);
                p.setLineSeparatorReplacement('\n');
                p.setAddTabAsCharacter(true);
                p.setAllowWordStyleOptimisation(false);
                yield f;
            }
            default -> throw new IllegalArgumentException("no document units for format " + format.id());
        };
    }

    /**
     * Reads the units of a document stored as bytes (an original kept in a project).
     *
     * @param encoding the character set of an HTML document (as detected at import); ignored for DOCX; null = UTF-8
     * @throws DiptychException naming {@code fileName} when the document cannot be read
     */
    public static Content read(Format format, byte[] bytes, String encoding, String fileName) {
        List<Unit> paragraphs = new ArrayList<>();
        String[] title = {null};
        IFilter filter = format == Format.HTML ? cachedHtmlFilter() : newFilter(format);
        try (filter) {
            scan(filter, rawDocument(format, bytes, encoding), format, fileName,
                    "cannot read " + format.id().toUpperCase(java.util.Locale.ROOT), (e, u) -> {
                        if (u == null) return;
                        if (u.role() == Role.PARAGRAPH) paragraphs.add(u);
                        else if (title[0] == null) title[0] = u.text();
                    });
        }
        return new Content(List.copyOf(paragraphs), title[0]);
    }

    /**
     * Writes a document in its own format: the original's skeleton with each unit replaced as asked. A unit
     * whose new markup is {@code null} or equal to its markup in the original is written as in the original.
     *
     * @param original   the original document's bytes
     * @param encoding   the original's character set (HTML; null = UTF-8); the result is always UTF-8 (an HTML
     *                   charset declaration is updated; a byte order mark only if the original has one). Okapi
     *                   re-encodes the text of every unit, so character references that UTF-8 does not need
     *                   ({@code &mdash;}) become characters even in paragraphs that are kept
     * @param srcLang    the original's language
     * @param tgtLang    the language written (HTML {@code lang} attributes follow it)
     * @param paragraphs the new markup of paragraph <i>i</i> (0-based), in the format's convention, or {@code null}
     * @param title      the new title (plain text), or {@code null} to keep the original's
     * @throws DiptychException naming {@code fileName} when the document cannot be read or written
     */
    public static Merged merge(Format format, byte[] original, String encoding, String fileName, String srcLang,
                               String tgtLang, IntFunction<String> paragraphs, String title) {
        LocaleId src = LocaleId.fromString(srcLang);
        LocaleId tgt = LocaleId.fromString(tgtLang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] lost = {false};
        int kept;
        try (IFilter filter = newFilter(format); IFilterWriter writer = filter.createFilterWriter()) {
            writer.setOptions(tgt, "UTF-8");
            writer.setOutput(out);
            kept = scan(filter, rawDocument(format, original, encoding, src, tgt), format, fileName,
                    "cannot write " + format.id().toUpperCase(java.util.Locale.ROOT), (e, u) -> {
                        if (u != null) {
                            TextFragment replaced = replacement(format, u, source(e.getTextUnit()), paragraphs, title, lost);
                            if (replaced != null) e.getTextUnit().setTarget(tgt, new TextContainer(replaced));
                        }
                        writer.handleEvent(e);
                    });
        } catch (DiptychException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DiptychException(fileName + ": cannot write " + format.id() + " (" + Okapi.firstLine(e) + ")", e);
        }
        return new Merged(format == Format.HTML ? sameBom(original, out.toByteArray()) : out.toByteArray(), lost[0], kept);
    }

    private static TextFragment replacement(Format format, Unit u, TextFragment source, IntFunction<String> paragraphs,
                                            String title, boolean[] lost) {
        if (u.role() == Role.TITLE) {
            return title == null || title.equals(u.text()) ? null : new TextFragment(title);
        }
        String markup = paragraphs.apply(u.index());
        if (markup == null || markup.equals(u.markup())) return null;
        Converted c = format == Format.HTML ? HtmlMarkup.fragment(markup, source) : DocxMarkup.fragment(markup, source);
        lost[0] |= c.formattingLost();
        return c.fragment();
    }

    /** A paragraph's markup turned into an Okapi fragment, and whether formatting of the source was lost. */
    record Converted(TextFragment fragment, boolean formattingLost) {}

    /**
     * Runs {@code filter} over {@code doc}, calling {@code visitor} for every event with its unit (if it is one).
     * The filter is not closed; the document is.
     *
     * @return the number of attribute texts that are not part of any paragraph's markup
     * @throws DiptychException {@code fileName: <what> (<reason>)} for any failure of the filter or the visitor
     */
    static int scan(IFilter filter, RawDocument doc, Format format, String fileName, String what, Visitor visitor) {
        Map<String, Object> byId = new HashMap<>();
        Set<String> attributes = new LinkedHashSet<>();
        Set<String> reached = new HashSet<>();
        int index = 0;
        try (doc) {
            filter.open(doc);
            while (filter.hasNext()) {
                Event e = filter.next();
                Unit unit = null;
                if (e.isDocumentPart()) {
                    DocumentPart dp = e.getDocumentPart();
                    byId.put(dp.getId(), dp);
                } else if (e.isTextUnit()) {
                    ITextUnit tu = e.getTextUnit();
                    byId.put(tu.getId(), tu);
                    TextFragment src = source(tu);
                    if (tu.isTranslatable() && !isBlank(src.getText())) {
                        if (tu.isReferent()) {
                            attributes.add(tu.getId());
                        } else if (format == Format.HTML && "title".equalsIgnoreCase(tu.getType())) {
                            String t = HtmlMarkup.text(src);
                            unit = new Unit(Role.TITLE, -1, tu.getType(), t, t);
                        } else if (format == Format.HTML) {
                            unit = new Unit(Role.PARAGRAPH, index++, tu.getType(),
                                    HtmlMarkup.markup(src, byId, reached).strip(), HtmlMarkup.text(src));
                        } else {
                            unit = new Unit(Role.PARAGRAPH, index++, tu.getType(), DocxMarkup.markup(src).strip(),
                                    DocxMarkup.text(src));
                        }
                    }
                }
                visitor.visit(e, unit);
            }
        } catch (DiptychException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DiptychException(fileName + ": " + what + " (" + Okapi.firstLine(e) + ")", e);
        }
        attributes.removeAll(reached);
        return attributes.size();
    }

    /** {@code written} with a UTF-8 byte order mark exactly when {@code original} has one. */
    private static byte[] sameBom(byte[] original, byte[] written) {
        boolean had = hasBom(original), has = hasBom(written);
        if (had == has) return written;
        if (has) return java.util.Arrays.copyOfRange(written, 3, written.length);
        byte[] out = new byte[written.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(written, 0, out, 3, written.length);
        return out;
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    /** The unsegmented source content of a text unit. */
    static TextFragment source(ITextUnit tu) {
        TextContainer tc = tu.getSource();
        return tc.contentIsOneSegment() ? tc.getFirstContent() : tc.getUnSegmentedContentCopy();
    }

    /** Blank: nothing but white space and no-break spaces. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) return false;
        }
        return true;
    }

    /** A document to read: HTML decoded with {@code encoding} (UTF-8 when null or unknown), byte order mark dropped. */
    static RawDocument rawDocument(Format format, byte[] bytes, String encoding) {
        return rawDocument(format, bytes, encoding, LocaleId.ENGLISH, LocaleId.ENGLISH);
    }

    private static RawDocument rawDocument(Format format, byte[] bytes, String encoding, LocaleId src, LocaleId tgt) {
        if (format == Format.HTML) {
            Charset cs = StandardCharsets.UTF_8;
            try {
                if (encoding != null && Charset.isSupported(encoding)) cs = Charset.forName(encoding);
            } catch (IllegalArgumentException unknownName) {
                // keep UTF-8
            }
            String text = new String(bytes, cs);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
            return new RawDocument(text, src, tgt);
        }
        return new RawDocument(new ByteArrayInputStream(bytes), "UTF-8", src, tgt);
    }
}
