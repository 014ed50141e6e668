package org.diptych.export;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import net.sf.okapi.lib.xliff2.core.Note;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;

import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;

/** The exchange files of a bilingual bundle: TMX 1.4b of the confirmed pairs and XLIFF 2.0 of all beads. */
final class BundleFiles {
    private BundleFiles() {}

    private static final DateTimeFormatter TMX_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The plain text of a bead side: its paragraphs' texts joined with a space. */
    static String text(DocumentVersion v, List<String> ids) {
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            Paragraph p = v.paragraph(id);
            if (p != null && !p.text().isBlank()) parts.add(p.text().strip());
        }
        return String.join(" ", parts);
    }

    /**
     * TMX 1.4b: one {@code <tu>} per confirmed bead with text on both sides, plain text ({@code datatype
     * plaintext}, paragraph segmentation), reviewer and review date as {@code creationid}/{@code creationdate},
     * the statement and paragraph ids as properties.
     */
    static byte[] tmx(String statementId, DocumentVersion src, DocumentVersion tgt, List<Bead> beads,
                      Instant exportedAt, String diptychVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("tmx");
            w.writeAttribute("version", "1.4");
            w.writeCharacters("\n");
            w.writeEmptyElement("header");
            w.writeAttribute("creationtool", "Diptych");
            w.writeAttribute("creationtoolversion", diptychVersion);
            w.writeAttribute("datatype", "plaintext");
            w.writeAttribute("segtype", "paragraph");
            w.writeAttribute("adminlang", "en");
            w.writeAttribute("srclang", src.lang());
            w.writeAttribute("o-tmf", "Diptych");
            w.writeAttribute("creationdate", TMX_DATE.format(exportedAt));
            w.writeCharacters("\n");
            w.writeStartElement("body");
            w.writeCharacters("\n");
            int n = 0;
            for (Bead b : beads) {
                n++;
                if (b.status() != BeadStatus.CONFIRMED) continue;
                String s = text(src, b.source()), t = text(tgt, b.target());
                if (s.isEmpty() || t.isEmpty()) continue;
                w.writeStartElement("tu");
                w.writeAttribute("tuid", statementId + "/" + src.lang() + "-" + tgt.lang() + "/" + n);
                if (b.reviewer() != null) w.writeAttribute("creationid", b.reviewer());
                if (b.reviewedAt() != null) w.writeAttribute("creationdate", TMX_DATE.format(b.reviewedAt()));
                prop(w, "x-statement", statementId);
                prop(w, "x-source-paragraphs", String.join(" ", b.source()));
                prop(w, "x-target-paragraphs", String.join(" ", b.target()));
                tuv(w, src.lang(), s);
                tuv(w, tgt.lang(), t);
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write TMX: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void prop(XMLStreamWriter w, String type, String value) throws XMLStreamException {
        w.writeStartElement("prop");
        w.writeAttribute("type", type);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void tuv(XMLStreamWriter w, String lang, String text) throws XMLStreamException {
        w.writeStartElement("tuv");
        w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
        w.writeStartElement("seg");
        w.writeCharacters(text);
        w.writeEndElement();
        w.writeEndElement();
    }

    /**
     * XLIFF 2.0 (written with Okapi's XLIFF 2 library): one {@code <unit>} per bead, one segment each, the
     * source and target plain text; state {@code final} for confirmed beads, {@code translated} for
     * unreviewed ones, {@code initial} without target for rejected ones; a note gives the paragraph ids,
     * review state and reviewer.
     */
    static byte[] xliff(String statementId, DocumentVersion src, DocumentVersion tgt, List<Bead> beads) {
        StringWriter sw = new StringWriter();
        try (XLIFFWriter w = new XLIFFWriter()) {
            w.create(sw, src.lang(), tgt.lang());
            w.setUseIndentation(true);
            w.writeStartDocument(new StartXliffData(null), null);
            StartFileData file = new StartFileData("f1");
            file.setOriginal(statementId);
            w.writeStartFile(file);
            int n = 0;
            for (Bead b : beads) {
                n++;
                Unit u = new Unit("b" + n);
                u.setName(String.join(" ", b.source()) + " → " + String.join(" ", b.target()));
                StringBuilder note = new StringBuilder(SideBySideHtml.state(b));
                if (b.isEngineProposal()) note.append(", confidence ").append(Math.round(b.confidence() * 100)).append('%');
                if (b.edited()) note.append(", edited by hand");
                if (b.reviewer() != null) note.append(", reviewed by ").append(b.reviewer());
                if (b.note() != null && !b.note().isBlank()) note.append("; ").append(b.note());
                u.addNote(new Note(note.toString()));
                Segment seg = u.appendSegment();
                seg.setSource(text(src, b.source()));
                String t = text(tgt, b.target());
                if (b.status() == BeadStatus.REJECTED || t.isEmpty()) {
                    seg.setState(TargetState.INITIAL);
                } else {
                    seg.setTarget(t);
                    seg.setState(b.status() == BeadStatus.CONFIRMED ? TargetState.FINAL : TargetState.TRANSLATED);
                }
                w.writeUnit(u);
            }
            w.writeEndFile();
            w.writeEndDocument();
        }
        return sw.toString().replaceFirst("^<\\?xml version=\"1.0\"\\?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
