package org.diptych.formats;

import java.util.ArrayList;
import java.util.List;

import net.sf.okapi.common.filters.IFilter;

import org.diptych.DiptychException;
import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * Reads the main text of a Word document with Okapi's Open XML filter through {@link DocumentUnits}: each
 * paragraph unit of the body is a paragraph (headers, footers, comments and document properties are left out).
 * Line breaks inside a paragraph become {@code \n} and tabs {@code \t}. {@code markup} marks bold and italic
 * runs with Markdown's {@code **} and {@code *} ({@link DocumentUnits}' DOCX convention); {@code text} is
 * plain. Headings are not told apart from body paragraphs.
 */
public final class DocxReader {
    private DocxReader() {}

    /** Reads the document's bytes; a file that is no ZIP archive, or a damaged one, is reported. */
    public static List<Paragraph> read(byte[] bytes, String fileName) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new DiptychException(fileName + ": not a DOCX file (a DOCX is a ZIP archive, this file is not one)");
        }
        List<Paragraph> out = new ArrayList<>();
        boolean[] document = {false};
        try (IFilter filter = DocumentUnits.newFilter(Format.DOCX)) {
            DocumentUnits.scan(filter, DocumentUnits.rawDocument(Format.DOCX, bytes, null), Format.DOCX, fileName,
                    "cannot read DOCX", (e, u) -> {
                        if (e.isStartSubDocument()) document[0] = true;
                        if (u != null) out.add(new Paragraph("p" + (out.size() + 1), BlockKind.PARAGRAPH, 0, u.markup(), u.text()));
                    });
        } catch (DiptychException e) {
            throw new DiptychException(fileName + ": damaged or truncated DOCX file ("
                    + Okapi.firstLine(e.getCause() == null ? e : e.getCause()) + ")", e);
        } catch (RuntimeException e) {
            throw new DiptychException(fileName + ": damaged or truncated DOCX file (" + Okapi.firstLine(e) + ")", e);
        }
        if (!document[0]) {
            throw new DiptychException(fileName + ": not a Word document (no word/document.xml in the archive)");
        }
        return out;
    }
}
