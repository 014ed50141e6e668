package org.diptych.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small test documents in memory. */
public final class TestDocs {
    private TestDocs() {}

    /**
     * A minimal Word document: one {@code w:p} per string; {@code **bold**} spans become bold runs and
     * {@code \n} a {@code w:br}.
     */
    public static byte[] docx(List<String> paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<w:p>");
            String[] parts = p.split("\\*\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                String[] lines = parts[i].split("\n", -1);
                for (int j = 0; j < lines.length; j++) {
                    if (j > 0) body.append("<w:r><w:br/></w:r>");
                    if (lines[j].isEmpty()) continue;
                    body.append("<w:r>").append(i % 2 == 1 ? "<w:rPr><w:b/></w:rPr>" : "")
                            .append("<w:t xml:space=\"preserve\">").append(xml(lines[j])).append("</w:t></w:r>");
                }
            }
            body.append("</w:p>\n");
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n"
                + body + "</w:body></w:document>\n";
        String types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", types);
            entry(zip, "_rels/.rels", rels);
            entry(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
