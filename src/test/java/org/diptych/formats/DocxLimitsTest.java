package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.diptych.DiptychException;
import org.junit.jupiter.api.Test;

/** A DOCX whose part expands past the limit, or without its main part, ends in one line. */
class DocxLimitsTest {
    private static final String RELS = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
            + " Target=\"word/document.xml\"/></Relationships>";

    @Test
    void anExpandingPartIsRefusedBeforeOkapiReadsIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setLevel(Deflater.BEST_SPEED);
            put(z, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 66; i++) z.write(spaces);
            z.closeEntry();
        }
        assertThatThrownBy(() -> DocxReader.read(bytes.toByteArray(), "bomb.docx"))
                .isInstanceOf(DiptychException.class)
                .hasMessage("bomb.docx: refused: the part word/document.xml expands to more than 64 MB (the limit for one"
                        + " part of a DOCX; a zip bomb or not a statement)");
    }

    @Test
    void anArchiveWithoutItsMainPartSaysSo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            put(z, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
            put(z, "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> DocxReader.read(bytes.toByteArray(), "empty.docx"))
                .isInstanceOf(DiptychException.class)
                .hasMessage("empty.docx: not a Word document: its main part word/document.xml is missing from the archive");
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }
}
