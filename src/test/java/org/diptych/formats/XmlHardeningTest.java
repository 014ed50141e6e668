package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.glossary.GlossaryReader;
import org.diptych.model.Paragraph;
import org.diptych.tm.TranslationMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every XML reader of the project against the three classic attacks, each in the place where that reader's
 * format puts its DOCTYPE: an external entity naming a local file (its content must never reach the
 * result), a DTD or entity fetched from the network (a local server counts the connections: there must be
 * none), and an entity-expansion bomb (refused, or read without expanding). A refusal is one
 * {@link DiptychException} line naming the file, never another exception.
 */
class XmlHardeningTest {
    static final String SECRET = "SECRET-7f3a-пароль";
    @TempDir
    Path tmp;
    Path secret;
    ServerSocket server;
    final AtomicInteger connections = new AtomicInteger();
    Thread acceptor;

    @BeforeEach
    void secretAndServer() throws IOException {
        secret = Files.writeString(tmp.resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream o = s.getOutputStream()) {
                    connections.incrementAndGet();
                    // a DTD that would pull the secret in, were it ever used
                    o.write(("HTTP/1.0 200 OK\r\nContent-Type: application/xml-dtd\r\n\r\n<!ENTITY leak SYSTEM \""
                            + secret.toUri() + "\">").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // closed
                }
            }
        }, "xml-hardening-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(2000);
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/" + name;
    }

    /** The hostile DOCTYPEs for a root element, with the entity reference each one plants in the text. */
    Map<String, String[]> attacks(String root) {
        String bomb = "<!ENTITY a0 \"lol\">";
        StringBuilder b = new StringBuilder(bomb);
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY a").append(i).append(" \"");
            for (int j = 0; j < 10; j++) b.append("&a").append(i - 1).append(';');
            b.append("\">");
        }
        return Map.of(
                "file entity", new String[] {"<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>", "&x;"},
                "network entity", new String[] {"<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + url("x") + "\">]>", "&x;"},
                "external DTD", new String[] {"<!DOCTYPE " + root + " SYSTEM \"" + url("evil.dtd") + "\">", "&leak;"},
                "parameter entity", new String[] {"<!DOCTYPE " + root + " [<!ENTITY % p SYSTEM \"" + url("p.dtd") + "\"> %p;]>", "&leak;"},
                "billion laughs", new String[] {"<!DOCTYPE " + root + " [" + b + "]>", "&a9;"});
    }

    /**
     * Runs a read of a hostile file: it must either be refused in one line naming the file, or give a result
     * without the secret and without an expanded bomb; no connection may have been made.
     */
    void harmless(String reader, String attack, Path file, Callable<String> read) {
        harmless(reader, attack, file, read, false);
    }

    /**
     * @param undeclaredEntityTolerated the TMX reader still lets Woodstox's "Undeclared general entity" through as
     *                                  an internal error (issue 11, "TMX as other tools write it", worked on in
     *                                  {@code tm/}): tolerated here, where only safety is checked
     */
    void harmless(String reader, String attack, Path file, Callable<String> read, boolean undeclaredEntityTolerated) {
        String result = null;
        try {
            result = read.call();
        } catch (DiptychException e) {
            assertThat(e.getMessage()).as(reader + ", " + attack).contains(file.getFileName().toString()).doesNotContain("\n")
                    .doesNotContain(SECRET);
        } catch (Throwable t) {
            boolean known = undeclaredEntityTolerated && String.valueOf(t.getMessage()).contains("Undeclared general entity")
                    && !String.valueOf(t.getMessage()).contains(SECRET);
            if (!known) throw new AssertionError(reader + ", " + attack + ": not a one-line refusal: " + t, t);
        }
        if (result != null) {
            assertThat(result).as(reader + ", " + attack).doesNotContain(SECRET).doesNotContain("lollollol");
            assertThat(result.length()).as(reader + ", " + attack).isLessThan(100_000);
        }
        assertThat(connections.get()).as(reader + ", " + attack + ": connections to the network").isZero();
    }

    static String text(ImportResult r) {
        StringBuilder b = new StringBuilder(String.valueOf(r.version().title()));
        for (Paragraph p : r.version().paragraphs()) b.append('\n').append(p.markup()).append('\n').append(p.text());
        return b.toString();
    }

    @Test
    void xliff() throws IOException {
        for (Map.Entry<String, String[]> a : attacks("xliff").entrySet()) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + a.getValue()[0] + "\n"
                    + "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                    + "<file original=\"a.md\" source-language=\"en\" target-language=\"pt\" datatype=\"plaintext\"><body>"
                    + "<trans-unit id=\"1\"><source>Workers unite " + a.getValue()[1] + "</source>"
                    + "<target>Trabalhadores, uni-vos " + a.getValue()[1] + "</target></trans-unit>"
                    + "<trans-unit id=\"2\"><source>A second paragraph.</source><target>Um segundo parágrafo.</target></trans-unit>"
                    + "</body></file></xliff>\n";
            Path f = Files.writeString(tmp.resolve("hostile.xlf"), xml, StandardCharsets.UTF_8);
            harmless("XLIFF source", a.getKey(), f, () -> text(Importer.importFile(f, ImportOptions.DEFAULTS)));
            harmless("XLIFF target", a.getKey(), f, () -> text(Importer.importFile(f, ImportOptions.DEFAULTS.withLang("pt"))));
        }
    }

    @Test
    void html() throws IOException {
        for (Map.Entry<String, String[]> a : attacks("html").entrySet()) {
            String html = a.getValue()[0] + "\n<html><head><title>Greve " + a.getValue()[1] + "</title></head><body>"
                    + "<p>Os trabalhadores entraram em greve " + a.getValue()[1] + " na segunda-feira.</p>"
                    + "<p>A assembleia decidiu continuar.</p></body></html>\n";
            Path f = Files.writeString(tmp.resolve("hostile.html"), html, StandardCharsets.UTF_8);
            harmless("HTML", a.getKey(), f, () -> text(Importer.importFile(f, ImportOptions.DEFAULTS)));
        }
    }

    @Test
    void docxParts() throws IOException {
        for (String part : List.of("word/document.xml", "[Content_Types].xml", "_rels/.rels")) {
            for (Map.Entry<String, String[]> a : attacks("w:document").entrySet()) {
                Path f = tmp.resolve("hostile.docx");
                Files.write(f, docx(part, a.getValue()[0], a.getValue()[1]));
                harmless("DOCX " + part, a.getKey(), f, () -> text(Importer.importFile(f, ImportOptions.DEFAULTS.withLang("ru"))));
            }
        }
    }

    @Test
    void tbx() throws IOException {
        for (Map.Entry<String, String[]> a : attacks("martif").entrySet()) {
            String xml = "<?xml version=\"1.0\"?>" + a.getValue()[0] + "<martif type=\"TBX\"><text><body>"
                    + "<termEntry><langSet xml:lang=\"ru\"><tig><term>забастовка " + a.getValue()[1] + "</term></tig></langSet>"
                    + "<langSet xml:lang=\"en\"><tig><term>strike</term></tig></langSet></termEntry>"
                    + "<termEntry><langSet xml:lang=\"ru\"><tig><term>профсоюз</term></tig></langSet>"
                    + "<langSet xml:lang=\"en\"><tig><term>trade union</term></tig></langSet></termEntry>"
                    + "</body></text></martif>";
            Path f = Files.writeString(tmp.resolve("hostile.tbx"), xml, StandardCharsets.UTF_8);
            harmless("TBX", a.getKey(), f, () -> {
                GlossaryReader.Result r = GlossaryReader.read(f);
                return r.glossary().pairs("ru", "en").toString() + r.warnings();
            });
        }
    }

    @Test
    void tmx() throws IOException {
        int n = 0;
        for (Map.Entry<String, String[]> a : attacks("tmx").entrySet()) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + a.getValue()[0] + "\n<tmx version=\"1.4\">"
                    + "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"x\" adminlang=\"en\""
                    + " srclang=\"ru\" datatype=\"plaintext\"/><body>\n"
                    + "<tu><tuv xml:lang=\"ru\"><seg>Рабочие объявили забастовку " + a.getValue()[1] + "</seg></tuv>"
                    + "<tuv xml:lang=\"en\"><seg>The workers went on strike " + a.getValue()[1] + "</seg></tuv></tu>\n"
                    + "<tu><tuv xml:lang=\"ru\"><seg>Собрание решило продолжать.</seg></tuv>"
                    + "<tuv xml:lang=\"en\"><seg>The meeting decided to go on.</seg></tuv></tu>\n</body></tmx>\n";
            Path f = Files.writeString(tmp.resolve("hostile.tmx"), xml, StandardCharsets.UTF_8);
            Path tmDir = tmp.resolve("tm" + (n++));
            Path out = tmp.resolve("out" + n + ".tmx");
            harmless("TMX", a.getKey(), f, () -> {
                try (TranslationMemory tm = TranslationMemory.open(tmDir)) {
                    String report = String.valueOf(tm.importTmx(f, Progress.NONE));
                    tm.exportTmx(out, false);
                    return report + Files.readString(out, StandardCharsets.UTF_8);
                }
            }, true);
        }
    }

    /** A Word document whose {@code part} carries the DOCTYPE and (document.xml) the entity reference. */
    static byte[] docx(String hostilePart, String doctype, String ref) throws IOException {
        String decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>Рабочие объявили забастовку " + (hostilePart.equals("word/document.xml") ? ref : "") + "</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>Собрание решило продолжать.</w:t></w:r></w:p></w:body></w:document>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                String content = decl + (e.getKey().equals(hostilePart) ? doctype.replace("w:document",
                        e.getValue().substring(1, e.getValue().indexOf(' '))) + "\n" : "") + e.getValue();
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

}
