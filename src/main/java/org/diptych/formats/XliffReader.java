package org.diptych.formats;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.xliff.XLIFFFilter;

import org.diptych.DiptychException;
import org.diptych.model.Languages;
import org.diptych.model.Paragraph;

/**
 * Reads one side of an XLIFF 1.2 file with Okapi's XLIFF filter: every translation unit is a paragraph, taken
 * from {@code <source>} when the language asked for is the file's source language (or none is asked for) and
 * from {@code <target>} when it is the target language. Units without a target are skipped, with a warning.
 * {@code markup} keeps the inline codes' original data where the XLIFF carries it; {@code text} is plain.
 */
public final class XliffReader {
    /**
     * @param paragraphs paragraphs {@code p1..pN}
     * @param lang       the language read (normalised), as declared in the file
     * @param side       "source" or "target"
     * @param encoding   the XML encoding Okapi read the file with
     * @param warnings   e.g. skipped units
     */
    public record Result(List<Paragraph> paragraphs, String lang, String side, String encoding, List<String> warnings) {}

    private XliffReader() {}

    /**
     * @param wantedLang the language to read (normalised), or null for the source side
     */
    public static Result read(byte[] bytes, String wantedLang, String fileName) {
        String[] langs = declaredLanguages(bytes, fileName);
        String srcLang = langs[0], trgLang = langs[1];
        if (srcLang == null) {
            throw new DiptychException(fileName + ": not an XLIFF 1.2 file (no <file source-language=...>)");
        }
        boolean target;
        if (wantedLang == null || sameLanguage(wantedLang, srcLang)) {
            target = false;
        } else if (trgLang != null && sameLanguage(wantedLang, trgLang)) {
            target = true;
        } else {
            throw new DiptychException(fileName + ": holds " + srcLang + (trgLang == null ? "" : " → " + trgLang)
                    + ", not " + wantedLang);
        }
        LocaleId src = LocaleId.fromString(srcLang);
        LocaleId trg = LocaleId.fromString(trgLang != null ? trgLang : srcLang.startsWith("en") ? "fr" : "en");
        List<Event> events = Okapi.events(new XLIFFFilter(),
                new RawDocument(new ByteArrayInputStream(bytes), "UTF-8", src, trg), fileName, "XLIFF");
        String encoding = "UTF-8";
        List<Paragraph> out = new ArrayList<>();
        int missing = 0;
        for (Event e : events) {
            if (e.isStartDocument() && e.getStartDocument().getEncoding() != null) {
                encoding = e.getStartDocument().getEncoding();
            }
            if (!e.isTextUnit()) continue;
            ITextUnit tu = e.getTextUnit();
            if (tu.isReferent()) continue;
            TextContainer tc = target ? tu.getTarget(trg) : tu.getSource();
            if (tc == null || tc.isEmpty()) {
                if (target) missing++;
                continue;
            }
            TextFragment tf = tc.getUnSegmentedContentCopy();
            String text = tf.getText().strip();
            if (text.isEmpty()) continue;
            out.add(new Paragraph("p" + (out.size() + 1), org.diptych.model.BlockKind.PARAGRAPH, 0,
                    Okapi.withCodeData(tf).strip(), text));
        }
        List<String> warnings = new ArrayList<>();
        if (missing > 0) warnings.add(fileName + ": " + missing + " translation units have no " + trgLang + " target; skipped");
        String lang = target ? trgLang : srcLang;
        try {
            lang = Languages.normalize(lang);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(fileName + ": the XLIFF's language " + lang + " is not supported (ru, en, pt)");
        }
        return new Result(out, lang, target ? "target" : "source", encoding, warnings);
    }

    private static boolean sameLanguage(String a, String b) {
        try {
            String na = Languages.normalize(a), nb = Languages.normalize(b);
            return na.equals(nb) || (Languages.base(na).equals(Languages.base(nb)) && (!na.contains("-") || !nb.contains("-")));
        } catch (IllegalArgumentException e) {
            return a.equalsIgnoreCase(b);
        }
    }

    /** {source-language, target-language} of the first {@code <file>} element, read with StAX. */
    private static String[] declaredLanguages(byte[] bytes, String fileName) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            boolean xliff = false;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                String name = r.getLocalName();
                if (name.equals("xliff")) {
                    xliff = true;
                    String v = r.getAttributeValue(null, "version");
                    if (v != null && v.startsWith("2")) {
                        throw new DiptychException(fileName + ": XLIFF " + v + " is not supported (only XLIFF 1.2)");
                    }
                } else if (name.equals("file") && xliff) {
                    return new String[] {r.getAttributeValue(null, "source-language"), r.getAttributeValue(null, "target-language")};
                } else if (!xliff) {
                    throw new DiptychException(fileName + ": not an XLIFF file (root element <" + name + ">)");
                }
            }
            throw new DiptychException(fileName + ": not an XLIFF file (no <file> element)");
        } catch (XMLStreamException e) {
            throw new DiptychException(fileName + ": not well-formed XML (" + Okapi.firstLine(e) + ")", e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }
}
