package org.diptych.formats;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.openxml.ConditionalParameters;
import net.sf.okapi.filters.openxml.OpenXMLFilter;

import org.diptych.DiptychException;
import org.diptych.model.Paragraph;

/**
 * Reads the main text of a Word document with Okapi's Open XML filter: each paragraph of the body is a
 * paragraph (headers, footers, comments and document properties are left out). Line breaks inside a paragraph
 * become {@code \n} and tabs {@code \t}. {@code markup} marks bold and italic runs with Markdown's
 * {@code **} and {@code *}; {@code text} is plain. Headings are not told apart from body paragraphs.
 */
public final class DocxReader {
    private DocxReader() {}

    /** Reads the document's bytes; a file that is no ZIP archive, or a damaged one, is reported. */
    public static List<Paragraph> read(byte[] bytes, String fileName) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new DiptychException(fileName + ": not a DOCX file (a DOCX is a ZIP archive, this file is not one)");
        }
        OpenXMLFilter filter = new OpenXMLFilter();
        ConditionalParameters p = (ConditionalParameters) filter.getParameters();
        p.setTranslateDocProperties(false);
        p.setTranslateComments(false);
        p.setTranslateWordHeadersFooters(false);
        p.setTranslateWordHidden(false);
        p.setAddLineSeparatorCharacter(true);
        p.setLineSeparatorReplacement('\n');
        p.setAddTabAsCharacter(true);
        List<Event> events;
        try {
            events = Okapi.events(filter, new RawDocument(new ByteArrayInputStream(bytes), "UTF-8", LocaleId.ENGLISH),
                    fileName, "DOCX");
        } catch (DiptychException e) {
            throw new DiptychException(fileName + ": damaged or truncated DOCX file ("
                    + Okapi.firstLine(e.getCause() == null ? e : e.getCause()) + ")", e);
        }
        boolean document = false;
        for (Event e : events) {
            if (e.isStartSubDocument()) document = true;
        }
        if (!document) {
            throw new DiptychException(fileName + ": not a Word document (no word/document.xml in the archive)");
        }
        List<Paragraph> out = new ArrayList<>();
        for (Event e : events) {
            if (!e.isTextUnit()) continue;
            ITextUnit tu = e.getTextUnit();
            if (tu.isReferent() || !tu.isTranslatable()) continue;
            TextFragment tf = tu.getSource().getFirstContent();
            String text = tf.getText().strip();
            if (text.isEmpty()) continue;
            out.add(new Paragraph("p" + (out.size() + 1), org.diptych.model.BlockKind.PARAGRAPH, 0,
                    markup(tf).strip(), text));
        }
        return out;
    }

    private static String markup(TextFragment tf) {
        String coded = tf.getCodedText();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c) && i + 1 < coded.length()) {
                Code code = tf.getCodes().get(TextFragment.toIndex(coded.charAt(++i)));
                String type = code.getType() == null ? "" : code.getType();
                boolean bold = type.contains("x-bold;"), italic = type.contains("x-italic;");
                String mark = bold && italic ? "***" : bold ? "**" : italic ? "*" : "";
                sb.append(mark);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
