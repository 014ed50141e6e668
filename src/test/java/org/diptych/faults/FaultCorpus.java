package org.diptych.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A deterministic corpus of broken and hostile inputs for every importer: a valid seed per format (texts written
 * for the project), and from each seed truncations, bit flips, wrong encodings, hostile XML (external entities,
 * fetching DTDs, entity expansion, deep nesting, undeclared entities), and path tricks (names and statement ids
 * built to escape the project). Symlink cases are set up by {@link FaultRunner} on disk. The same seed gives the
 * same corpus.
 */
public final class FaultCorpus {
    /** The importers: how a case is fed to the CLI or the core. */
    public enum Importer {
        MARKDOWN("md"), TEXT("txt"), HTML("html"), DOCX("docx"), XLIFF("xlf"), TMX("tmx"), TBX("tbx");

        public final String ext;

        Importer(String ext) {
            this.ext = ext;
        }
    }

    /** One case: the importer, the kind of fault, a name, the file name and bytes, the statement id to use. */
    public record Case(Importer importer, String kind, String name, String fileName, byte[] bytes, String statement) {
        public String id() {
            return importer.name().toLowerCase() + "/" + kind + "/" + name;
        }

        @Override
        public String toString() {
            return id();
        }
    }

    static final String RU = "Мы, члены профсоюза, заявляем о солидарности с рабочими завода, которые бастуют третью неделю.";
    static final String RU2 = "Требуем выплатить долги по зарплате и вернуть уволенных товарищей на работу.";
    static final String EN = "We, members of the union, declare our solidarity with the factory workers on strike for the third week.";
    static final String EN2 = "We demand that wage arrears be paid and that our dismissed comrades be reinstated.";
    static final String PT = "Nós, membros do sindicato, declaramos solidariedade aos operários da fábrica em greve há três semanas.";

    private FaultCorpus() {}

    /** The valid file for an importer. */
    public static byte[] seed(Importer imp) {
        return switch (imp) {
            case MARKDOWN -> utf8("---\ntitle: \"Солидарность\"\nlang: ru\ndate: 2024-05-01\ntags: [профсоюз, забастовка]\n---\n\n"
                    + "[English](/en/2024/05/01/solidarity/) | [Português](/pt/2024/05/01/solidariedade/)\n\n"
                    + "## Заявление\n\n" + RU + "\n\n- **Первое:** " + RU2 + "\n- Второе: см. [сайт](https://example.org/a_(b)).\n\n> " + RU + "\n");
            case TEXT -> utf8(RU + "\n\n" + RU2 + "\n\n" + RU + " " + RU2 + "\n");
            case HTML -> utf8("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Солидарность</title></head>\n<body>\n<h1>Заявление</h1>\n<p>"
                    + RU + "</p>\n<p><b>" + RU2 + "</b> <a href=\"https://example.org/\">сайт</a></p>\n<ul><li>" + RU + "</li></ul>\n</body></html>\n");
            case DOCX -> docx(documentXml("<w:p><w:r><w:t>" + RU + "</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>" + RU2
                    + "</w:t></w:r></w:p>"));
            case XLIFF -> utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
                    + "<file original=\"post.md\" source-language=\"ru\" target-language=\"en\" datatype=\"plaintext\"><body>\n"
                    + "<trans-unit id=\"1\"><source>" + RU + "</source><target>" + EN + "</target></trans-unit>\n"
                    + "<trans-unit id=\"2\"><source>" + RU2 + "</source><target>" + EN2 + "</target></trans-unit>\n</body></file></xliff>\n");
            case TMX -> utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"faults\" creationtoolversion=\"1\""
                    + " segtype=\"paragraph\" o-tmf=\"none\" adminlang=\"en\" srclang=\"ru\" datatype=\"plaintext\"/>\n<body>\n"
                    + "<tu><tuv xml:lang=\"ru\"><seg>" + RU + "</seg></tuv><tuv xml:lang=\"en\"><seg>" + EN + "</seg></tuv></tu>\n"
                    + "<tu><tuv xml:lang=\"ru\"><seg>" + RU2 + "</seg></tuv><tuv xml:lang=\"en\"><seg>" + EN2 + "</seg></tuv></tu>\n"
                    + "<tu><tuv xml:lang=\"ru\"><seg>" + RU + "</seg></tuv><tuv xml:lang=\"pt\"><seg>" + PT + "</seg></tuv></tu>\n</body></tmx>\n");
            case TBX -> utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>faults</p>"
                    + "</sourceDesc></fileDesc></martifHeader><text><body>\n"
                    + "<termEntry id=\"t1\"><langSet xml:lang=\"ru\"><tig><term>профсоюз</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>union</term></tig></langSet>"
                    + "<langSet xml:lang=\"pt\"><tig><term>sindicato</term></tig></langSet></termEntry>\n"
                    + "<termEntry id=\"t2\"><langSet xml:lang=\"ru\"><tig><term>забастовка</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>strike</term></tig></langSet></termEntry>\n"
                    + "</body></text></martif>\n");
        };
    }

    /** The whole corpus: every kind for every importer; {@code flips} bit-flip mutants per importer. */
    public static List<Case> all(long seed, int flips) {
        List<Case> out = new ArrayList<>();
        for (Importer imp : Importer.values()) {
            Random rnd = new Random(seed * 31 + imp.ordinal());
            byte[] s = seed(imp);
            String file = "post." + imp.ext;
            out.add(new Case(imp, "valid", "seed", file, s, null));
            // truncations
            for (int cut : new int[] {0, 1, 2, 7, s.length / 10, s.length / 3, s.length / 2, s.length * 2 / 3, s.length * 9 / 10, s.length - 2, s.length - 1}) {
                out.add(new Case(imp, "truncation", "at-" + cut, file, Arrays.copyOf(s, Math.max(0, cut)), null));
            }
            // bit flips
            for (int i = 0; i < flips; i++) {
                byte[] b = s.clone();
                int n = 1 + rnd.nextInt(i % 4 == 3 ? 32 : 3);
                for (int k = 0; k < n; k++) {
                    int pos = rnd.nextInt(b.length);
                    b[pos] ^= (byte) (1 << rnd.nextInt(8));
                }
                out.add(new Case(imp, "bitflip", "flip-" + i + "x" + n, file, b, null));
            }
            encodings(imp, s, file, out);
            hostileXml(imp, file, out);
            pathTricks(imp, s, out);
        }
        return out;
    }

    private static void encodings(Importer imp, byte[] s, String file, List<Case> out) {
        if (imp == Importer.DOCX) {
            out.add(new Case(imp, "encoding", "document-as-cp1251", file,
                    docx(recode(new String(documentXml("<w:p><w:r><w:t>" + RU + "</w:t></w:r></w:p>"), StandardCharsets.UTF_8), "windows-1251")), null));
            out.add(new Case(imp, "encoding", "document-utf16-declared-utf8", file,
                    docx(recode(new String(documentXml("<w:p><w:r><w:t>" + RU + "</w:t></w:r></w:p>"), StandardCharsets.UTF_8), "UTF-16LE")), null));
            return;
        }
        String text = new String(s, StandardCharsets.UTF_8);
        for (String cs : new String[] {"windows-1251", "KOI8-R", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-5"}) {
            out.add(new Case(imp, "encoding", cs, file, recode(text, cs), null));
        }
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, s);
        out.add(new Case(imp, "encoding", "utf8-bom", file, bom, null));
        out.add(new Case(imp, "encoding", "utf16le-bom-on-utf8", file, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, s), null));
        // invalid UTF-8 in the middle: a lone continuation byte, an overlong form, a surrogate
        byte[] bad = s.clone();
        int mid = bad.length / 2;
        out.add(new Case(imp, "encoding", "invalid-utf8", file, splice(bad, mid, new byte[] {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80}), null));
        out.add(new Case(imp, "encoding", "one-cp1251-line", file, splice(s, mid, recode("\nЗдесь строка в windows-1251.\n", "windows-1251")), null));
        out.add(new Case(imp, "encoding", "nul-bytes", file, splice(s, mid, new byte[] {0, 0, 0, 0}), null));
        out.add(new Case(imp, "encoding", "control-chars", file, splice(s, mid, utf8("\u001b[31m\u0007\u0008\u202e")), null));
        if (text.startsWith("<?xml")) {
            out.add(new Case(imp, "encoding", "declared-cp1251-is-utf8", file,
                    utf8(text.replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\"")), null));
            out.add(new Case(imp, "encoding", "declared-unknown", file, utf8(text.replace("encoding=\"UTF-8\"", "encoding=\"x-no-such\"")), null));
        }
    }

    private static void hostileXml(Importer imp, String file, List<Case> out) {
        String xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        String dtd = "<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/evil.dtd\">";
        String param = "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>";
        StringBuilder lol = new StringBuilder("<!DOCTYPE x [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) lol.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        lol.append("]>");
        String quadratic = "<!DOCTYPE x [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>";
        String[][] headers = {{"xxe", xxe, "&xxe;"}, {"external-dtd", dtd, ""}, {"parameter-entity", param, ""},
                {"billion-laughs", lol.toString(), "&l9;"}, {"quadratic-blowup", quadratic, "&a;".repeat(2_000)},
                {"undeclared-entity", "", "&nbsp;&hellip;"}};
        for (String[] h : headers) {
            byte[] b = switch (imp) {
                case HTML -> utf8(h[1] + "<html lang=\"ru\"><body><p>" + RU + h[2] + "</p></body></html>");
                case DOCX -> docx(documentXml("<w:p><w:r><w:t>" + RU + h[2] + "</w:t></w:r></w:p>", h[1]));
                case XLIFF, TMX, TBX -> {
                    String t = new String(seed(imp), StandardCharsets.UTF_8);
                    int decl = t.indexOf("?>") + 2;
                    String withHeader = t.substring(0, decl) + h[1] + t.substring(decl);
                    String firstSeg = imp == Importer.TBX ? "профсоюз" : RU;
                    yield utf8(withHeader.replaceFirst(firstSeg, firstSeg + h[2]));
                }
                default -> null;
            };
            if (b != null) out.add(new Case(imp, "hostile-xml", h[0], file, b, null));
        }
        // deep nesting and huge attribute for the XML formats
        String deep = "<x>".repeat(100_000) + "</x>".repeat(100_000);
        byte[] b = switch (imp) {
            case HTML -> utf8("<html lang=\"ru\"><body><p>" + RU + "</p>" + "<div>".repeat(100_000) + "</body></html>");
            case DOCX -> docx(documentXml("<w:p><w:r><w:t>" + RU + "</w:t></w:r></w:p>" + deep));
            case XLIFF, TMX, TBX -> {
                String t = new String(seed(imp), StandardCharsets.UTF_8);
                int body = t.indexOf("<body>") + 6;
                yield utf8(t.substring(0, body) + deep + t.substring(body));
            }
            default -> null;
        };
        if (b != null) out.add(new Case(imp, "hostile-xml", "deep-nesting", file, b, null));
        if (imp == Importer.DOCX) {
            out.add(new Case(imp, "hostile-xml", "zip-slip-entry", file, zip("[Content_Types].xml", utf8(CONTENT_TYPES), "_rels/.rels", utf8(RELS), "../../evil.txt", utf8("x"), "word/document.xml",
                    documentXml("<w:p><w:r><w:t>" + RU + "</w:t></w:r></w:p>")), null));
            out.add(new Case(imp, "hostile-xml", "no-main-part", file, zip("word/other.xml", utf8("<x/>")), null));
            out.add(new Case(imp, "hostile-xml", "not-a-zip", file, utf8(RU), null));
        }
    }

    private static void pathTricks(Importer imp, byte[] s, List<Case> out) {
        if (imp == Importer.TMX || imp == Importer.TBX) {
            out.add(new Case(imp, "path", "dots-in-name", "..." + imp.ext, s, null));
            out.add(new Case(imp, "path", "control-in-name", "a\u001b[2Jb." + imp.ext, s, null));
            return;
        }
        String[] ids = {"../escape", "2024-01-01-..", "2024-01-01-.", "CON", "aux.txt", "trail.", "a/b", "a\\b",
                "x\u0000y", "x\u001b[31my", " ", "-rf", "2024-01-01-" + "a".repeat(300)};
        for (String id : ids) {
            out.add(new Case(imp, "path", "id:" + id.replaceAll("[^a-zA-Z0-9.-]", "_"), "post." + imp.ext, s, id));
        }
        out.add(new Case(imp, "path", "name-dots", "..." + imp.ext, s, null));
        out.add(new Case(imp, "path", "name-control", "a\u001b[2Jb." + imp.ext, s, null));
        out.add(new Case(imp, "path", "name-no-extension", "post", s, null));
        out.add(new Case(imp, "path", "name-long", "p".repeat(250) + "." + imp.ext, s, null));
    }

    // ---- building blocks

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] recode(String s, String cs) {
        return s.getBytes(Charset.forName(cs));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static byte[] splice(byte[] s, int at, byte[] insert) {
        byte[] r = new byte[s.length + insert.length];
        System.arraycopy(s, 0, r, 0, at);
        System.arraycopy(insert, 0, r, at, insert.length);
        System.arraycopy(s, at, r, at + insert.length, s.length - at);
        return r;
    }

    static byte[] documentXml(String body) {
        return documentXml(body, "");
    }

    static byte[] documentXml(String body, String doctype) {
        return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doctype
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
                + "</w:body></w:document>");
    }

    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
            + " Target=\"word/document.xml\"/></Relationships>";

    static byte[] docx(byte[] documentXml) {
        return zip("[Content_Types].xml", utf8(CONTENT_TYPES), "_rels/.rels", utf8(RELS), "word/document.xml", documentXml);
    }

    /** A zip of (name, bytes) pairs. */
    static byte[] zip(Object... entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(bytes)) {
                if (entries.length == 2) { // add the package parts around a single entry
                    put(z, "[Content_Types].xml", utf8(CONTENT_TYPES));
                    put(z, "_rels/.rels", utf8(RELS));
                }
                for (int i = 0; i < entries.length; i += 2) put(z, (String) entries[i], (byte[]) entries[i + 1]);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }

    /** True if {@code b} is a zip (for tests of the corpus itself). */
    static boolean isZip(byte[] b) {
        try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(b))) {
            return z.getNextEntry() != null;
        } catch (IOException e) {
            return false;
        }
    }
}
