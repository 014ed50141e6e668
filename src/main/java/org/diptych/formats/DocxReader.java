package org.diptych.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
        checkArchive(bytes, fileName);
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

    /** Largest expanded size of one part of the archive (a statement's document.xml is a few megabytes). */
    public static final long MAX_ENTRY_BYTES = 64L << 20;
    /** Largest expanded size of the whole archive. */
    public static final long MAX_TOTAL_BYTES = 256L << 20;
    private static final Pattern MAIN_PART = Pattern.compile(
            "Type=\"[^\"]*/officeDocument\"[^>]*Target=\"/?([^\"]+)\"|Target=\"/?([^\"]+)\"[^>]*Type=\"[^\"]*/officeDocument\"");

    /**
     * Expands every part once, counting (the sizes in the archive's headers can lie), before Okapi reads it:
     * a part larger than {@link #MAX_ENTRY_BYTES} or an archive larger than {@link #MAX_TOTAL_BYTES} once
     * expanded is refused (a zip bomb), and so is an archive without its main part (the one
     * {@code _rels/.rels} names, {@code word/document.xml} by default).
     */
    static void checkArchive(byte[] bytes, String fileName) {
        Set<String> names = new HashSet<>();
        String main = null;
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                names.add(e.getName());
                boolean rels = e.getName().equals("_rels/.rels");
                java.io.ByteArrayOutputStream relsText = rels ? new java.io.ByteArrayOutputStream() : null;
                long size = 0;
                int n;
                while ((n = zip.read(buf)) > 0) {
                    size += n;
                    total += n;
                    if (rels && size < (1 << 20)) relsText.write(buf, 0, n);
                    if (size > MAX_ENTRY_BYTES) {
                        throw new DiptychException(fileName + ": refused: the part " + FrontMatterParser.clean(e.getName())
                                + " expands to more than " + (MAX_ENTRY_BYTES >> 20) + " MB (the limit for one part of a DOCX;"
                                + " a zip bomb or not a statement)");
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw new DiptychException(fileName + ": refused: the archive expands to more than "
                                + (MAX_TOTAL_BYTES >> 20) + " MB (the limit for a DOCX)");
                    }
                }
                if (rels) {
                    Matcher m = MAIN_PART.matcher(relsText.toString(java.nio.charset.StandardCharsets.UTF_8));
                    if (m.find()) main = m.group(1) != null ? m.group(1) : m.group(2);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DiptychException(fileName + ": damaged or truncated DOCX file (" + FrontMatterParser.clean(e.getMessage()) + ")");
        }
        String want = main == null ? "word/document.xml" : main;
        if (!names.contains(want)) {
            throw new DiptychException(fileName + ": not a Word document: its main part " + FrontMatterParser.clean(want)
                    + " is missing from the archive");
        }
    }
}
