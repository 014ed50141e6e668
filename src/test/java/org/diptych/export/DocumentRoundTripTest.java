package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.diptych.formats.ImportOptions;
import org.diptych.formats.ImportResult;
import org.diptych.formats.Importer;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the real importer and exporter: a Russian HTML page and a Russian Word document are
 * imported, an English version is "translated in Diptych" (no original file of its own, an alignment to the
 * Russian paragraphs), exported through Okapi, and the exported file is imported again: paragraph for
 * paragraph it must read as the translation that was written, bold and italic included.
 */
class DocumentRoundTripTest {
    @TempDir
    Path tmp;

    static final String ID = "2022-05-01-may-day";

    private Path projectDir() {
        return tmp.resolve("proj");
    }

    /** A project with ru and en and a site profile per language; {@code ext} is the documents' extension. */
    private Project newProject(String ext) {
        Project p = Project.create(projectDir(), "Первомай", List.of("ru", "en"));
        for (String l : List.of("ru", "en")) {
            p.saveManifest(p.manifest().withSite(l, new SiteProfile("https://union.example.org/" + l + "/:slug." + ext,
                    "site/" + l + "/:slug." + ext, "none")));
        }
        return p;
    }

    /** Stores {@code en} as a version translated from ru in Diptych: no original, aligned one to one. */
    private static void saveTranslation(Project p, List<Paragraph> ru, String format, FrontMatter fm, List<Paragraph> en) {
        p.saveVersion(ID, new DocumentVersion("en", null, format, "UTF-8", fm, en), null);
        List<Bead> beads = new ArrayList<>();
        for (int i = 0; i < ru.size(); i++) beads.add(Bead.auto(List.of(ru.get(i).id()), List.of(en.get(i).id()), 0.9));
        p.saveAlignment(new Alignment(ID, "ru", "en", beads, Instant.now()));
    }

    private ExportReport export(Path out) {
        try (Project p = Project.open(projectDir(), false)) {
            return new Exporter(p).export(ExportOptions.posts(ID, out), null);
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        Path f = tmp.resolve("in").resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, content);
        return f;
    }

    private static Paragraph para(String id, BlockKind kind, int level, String markup, String text) {
        return new Paragraph(id, kind, level, markup, text);
    }

    // ------------------------------------------------------------------------------------------ HTML

    static final String RU_HTML = """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
            <meta charset="utf-8">
            <title>Первомайское заявление &laquo;Труд и мир&raquo;</title>
            <meta name="description" content="Заявление профсоюза к Первому мая">
            </head>
            <body>
            <h1>Первомайское заявление</h1>
            <p>В этот день мы <b>выходим на улицы</b> вместе с товарищами из <i>всех отраслей</i>.</p>
            <p>Наши требования &mdash; на <a href="https://union.example.org/demands?year=2022&amp;lang=ru" title="Требования">сайте профсоюза</a>.</p>
            <ul>
            <li>Восьмичасовой рабочий день: <b><i>без исключений</i></b>.</li>
            <li>Зарплаты растут вместе с ценами &amp; инфляцией.</li>
            </ul>
            <p><img src="fist.png" alt="Поднятый кулак"></p>
            <p>Подписали:<br>Совет профсоюза</p>
            </body>
            </html>
            """;

    static FrontMatter titled(String title) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        return new FrontMatter(FrontMatter.Style.NONE, "", fields);
    }

    static final String EN_TITLE = "May Day statement: labour & peace";

    static List<Paragraph> enHtml() {
        return List.of(
                para("p1", BlockKind.HEADING, 1, "May Day statement", "May Day statement"),
                // the emphasis moves: italic first, bold second
                para("p2", BlockKind.PARAGRAPH, 0, "With comrades from <i>every industry</i>, we <b>take to the streets</b> today.",
                        "With comrades from every industry, we take to the streets today."),
                // the link's title attribute is translated inside the markup
                para("p3", BlockKind.PARAGRAPH, 0, "Our demands are on the <a href=\"https://union.example.org/demands?year=2022&amp;lang=en\""
                        + " title=\"Demands\">union's website</a>.", "Our demands are on the union's website."),
                para("p4", BlockKind.LIST_ITEM, 1, "An eight-hour working day: <b><i>no exceptions</i></b>.",
                        "An eight-hour working day: no exceptions."),
                para("p5", BlockKind.LIST_ITEM, 1, "Wages rise with prices &amp; inflation &lt;always&gt;.",
                        "Wages rise with prices & inflation <always>."),
                para("p6", BlockKind.PARAGRAPH, 0, "Signed:<br>The union council", "Signed:\nThe union council"));
    }

    @Test
    void htmlTranslatedInDiptychExportsAndReadsBackParagraphForParagraph() throws IOException {
        Path ruFile = write("pervomai.html", RU_HTML.getBytes(StandardCharsets.UTF_8));
        List<Paragraph> ru;
        try (Project p = newProject("html")) {
            ImportResult r = Importer.importInto(p, ID, ruFile, ImportOptions.DEFAULTS, false);
            ru = r.version().paragraphs();
            // what the import gives, which the export relies on: title apart, attribute texts not paragraphs,
            // markup as inline HTML
            assertThat(r.version().title()).isEqualTo("Первомайское заявление «Труд и мир»");
            assertThat(ru).extracting(Paragraph::text).containsExactly("Первомайское заявление",
                    "В этот день мы выходим на улицы вместе с товарищами из всех отраслей.",
                    "Наши требования — на сайте профсоюза.", "Восьмичасовой рабочий день: без исключений.",
                    "Зарплаты растут вместе с ценами & инфляцией.", "Подписали:\nСовет профсоюза");
            assertThat(ru.get(1).markup()).isEqualTo("В этот день мы <b>выходим на улицы</b> вместе с товарищами из <i>всех отраслей</i>.");
            assertThat(ru.get(2).markup()).isEqualTo("Наши требования — на <a href=\"https://union.example.org/demands?year=2022&amp;lang=ru\""
                    + " title=\"Требования\">сайте профсоюза</a>.");
            assertThat(ru.get(4).markup()).isEqualTo("Зарплаты растут вместе с ценами &amp; инфляцией.");
            saveTranslation(p, ru, "html", titled(EN_TITLE), enHtml());
        }

        Path out = tmp.resolve("out");
        ExportReport report = export(out);
        assertThat(report.warnings()).containsExactly("[en] 2 text(s) outside the paragraphs (alt, title or meta attributes) kept in ru");

        // the Russian page was imported and not edited: written byte for byte
        assertThat(Files.readAllBytes(out.resolve("site/ru/may-day.html"))).isEqualTo(RU_HTML.getBytes(StandardCharsets.UTF_8));

        Path enFile = out.resolve("site/en/may-day.html");
        String html = Files.readString(enFile, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<b>take to the streets</b>").contains("<i>every industry</i>").contains("<b><i>no exceptions</i></b>")
                // not translated by Diptych, and said so in the warning
                .contains("content=\"Заявление профсоюза к Первому мая\"").contains("alt=\"Поднятый кулак\"");

        ImportResult back = Importer.importFile(enFile, ImportOptions.DEFAULTS);
        assertThat(back.lang()).isEqualTo("en");
        assertThat(back.version().title()).isEqualTo(EN_TITLE);
        List<Paragraph> got = back.version().paragraphs();
        List<Paragraph> want = enHtml();
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            assertThat(got.get(i).markup()).as("markup of p%d", i + 1).isEqualTo(want.get(i).markup());
            assertThat(got.get(i).text()).as("text of p%d", i + 1).isEqualTo(want.get(i).text());
            assertThat(got.get(i).kind()).as("kind of p%d", i + 1).isEqualTo(ru.get(i).kind());
        }
    }

    @Test
    void htmlPageInAnotherEncodingIsTranslatedIntoUtf8() throws IOException {
        String ptHtml = """
                <html lang="pt"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
                <title>Declaração do comitê</title></head>
                <body><p>O <b>comitê</b> saúda os grevistas.</p></body></html>
                """;
        Path f = write("pt.html", ptHtml.getBytes("windows-1252"));
        try (Project p = Project.create(projectDir(), "Greve", List.of("pt", "ru"))) {
            ImportResult r = Importer.importInto(p, ID, f, ImportOptions.DEFAULTS, false);
            assertThat(r.encoding()).isEqualTo("windows-1252");
            p.saveVersion(ID, new DocumentVersion("ru", null, "html", "UTF-8", titled("Заявление комитета"),
                    List.of(para("p1", BlockKind.PARAGRAPH, 0, "<b>Комитет</b> приветствует бастующих.", "Комитет приветствует бастующих."))), null);
            p.saveAlignment(new Alignment(ID, "pt", "ru", List.of(Bead.auto(List.of("p1"), List.of("p1"), 0.9)), Instant.now()));
        }
        Path out = tmp.resolve("out");
        export(out);
        Path ruFile = out.resolve("ru/" + ID + ".html");
        assertThat(Files.readString(ruFile, StandardCharsets.UTF_8)).contains("charset=UTF-8").contains("<html lang=\"ru\">");
        ImportResult back = Importer.importFile(ruFile, ImportOptions.DEFAULTS);
        assertThat(back.encoding()).isEqualTo("UTF-8");
        assertThat(back.version().title()).isEqualTo("Заявление комитета");
        assertThat(back.version().paragraphs()).extracting(Paragraph::markup).containsExactly("<b>Комитет</b> приветствует бастующих.");
        assertThat(Files.readAllBytes(out.resolve("pt/" + ID + ".html"))).isEqualTo(ptHtml.getBytes("windows-1252"));
    }

    // ------------------------------------------------------------------------------------------ DOCX

    private static final String PLAIN = "<w:rPr><w:lang w:val=\"ru-RU\"/></w:rPr>";

    private static String run(String props, String text) {
        return "<w:r>" + props + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    static final String[] RU_DOCX = {
            "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>" + run(PLAIN, "Первомайское заявление") + "</w:p>",
            "<w:p>" + run(PLAIN, "В этот день мы ") + run("<w:rPr><w:b/><w:lang w:val=\"ru-RU\"/></w:rPr>", "выходим на улицы")
                    + run(PLAIN, " вместе с товарищами из ") + run("<w:rPr><w:i/></w:rPr>", "всех отраслей") + run(PLAIN, ".") + "</w:p>",
            "<w:p/>",
            "<w:p>" + run(PLAIN, "Восьмичасовой рабочий день: ") + run("<w:rPr><w:b/><w:i/></w:rPr>", "без исключений")
                    + run(PLAIN, ". Звёздочка * остаётся звёздочкой.") + "</w:p>",
            "<w:p>" + run(PLAIN, "Подписали:") + "<w:r><w:br/></w:r>" + run(PLAIN, "Совет профсоюза") + "</w:p>"};

    static byte[] docx(String... paragraphsXml) throws IOException {
        return DocxFixture.docx("Первомай", paragraphsXml);
    }

    static List<Paragraph> enDocx() {
        return List.of(
                para("p1", BlockKind.PARAGRAPH, 0, "May Day statement", "May Day statement"),
                para("p2", BlockKind.PARAGRAPH, 0, "With comrades from *every industry*, we **take to the streets** today.",
                        "With comrades from every industry, we take to the streets today."),
                para("p3", BlockKind.PARAGRAPH, 0, "An eight-hour working day: ***no exceptions***. An asterisk \\* stays an asterisk.",
                        "An eight-hour working day: no exceptions. An asterisk * stays an asterisk."),
                para("p4", BlockKind.PARAGRAPH, 0, "Signed:\nThe union council", "Signed:\nThe union council"));
    }

    @Test
    void docxTranslatedInDiptychExportsAndReadsBackWithBoldAndItalic() throws IOException {
        byte[] ruDocx = docx(RU_DOCX);
        Path ruFile = write("pervomai.docx", ruDocx);
        List<Paragraph> ru;
        try (Project p = newProject("docx")) {
            ImportResult r = Importer.importInto(p, ID, ruFile, ImportOptions.DEFAULTS, false);
            ru = r.version().paragraphs();
            // what the import gives: document properties and empty paragraphs are not paragraphs; emphasis as ** and *
            assertThat(ru).extracting(Paragraph::markup).containsExactly("Первомайское заявление",
                    "В этот день мы **выходим на улицы** вместе с товарищами из *всех отраслей*.",
                    "Восьмичасовой рабочий день: ***без исключений***. Звёздочка \\* остаётся звёздочкой.",
                    "Подписали:\nСовет профсоюза");
            saveTranslation(p, ru, "docx", FrontMatter.NONE, enDocx());
        }

        Path out = tmp.resolve("out");
        ExportReport report = export(out);
        assertThat(report.warnings()).isEmpty();
        assertThat(Files.readAllBytes(out.resolve("site/ru/may-day.docx"))).isEqualTo(ruDocx);

        Path enFile = out.resolve("site/en/may-day.docx");
        String xml;
        try (ZipFile z = new ZipFile(enFile.toFile())) {
            xml = new String(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).containsPattern("<w:rPr><w:i/></w:rPr><w:t[^>]*>every industry</w:t>")
                .containsPattern("<w:rPr><w:b/>(<w:lang w:val=\"ru-RU\"/>)?</w:rPr><w:t[^>]*>take to the streets</w:t>")
                .containsPattern("<w:rPr><w:b/><w:i/></w:rPr><w:t[^>]*>no exceptions</w:t>")
                .contains("<w:br/>").contains("<w:jc w:val=\"center\"/>")
                .doesNotContainPattern("[А-Яа-я]");

        ImportResult back = Importer.importFile(enFile, ImportOptions.DEFAULTS);
        assertThat(back.lang()).isEqualTo("en");
        List<Paragraph> got = back.version().paragraphs();
        List<Paragraph> want = enDocx();
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            assertThat(got.get(i).markup()).as("markup of p%d", i + 1).isEqualTo(want.get(i).markup());
            assertThat(got.get(i).text()).as("text of p%d", i + 1).isEqualTo(want.get(i).text());
        }
    }

    @Test
    void docxEmphasisWithoutARunInTheOriginalIsWrittenPlainWithAWarning() throws IOException {
        Path ruFile = write("short.docx", docx("<w:p>" + run(PLAIN, "Мы требуем справедливости.") + "</w:p>"));
        try (Project p = newProject("docx")) {
            List<Paragraph> ru = Importer.importInto(p, ID, ruFile, new ImportOptions("ru", null, null), false).version().paragraphs();
            saveTranslation(p, ru, "docx", FrontMatter.NONE,
                    List.of(para("p1", BlockKind.PARAGRAPH, 0, "We **demand** justice.", "We demand justice.")));
        }
        Path out = tmp.resolve("out");
        ExportReport report = export(out);
        assertThat(report.warnings()).singleElement().asString().startsWith("[en] some inline formatting of the ru original could not be carried over");
        ImportResult back = Importer.importFile(out.resolve("site/en/may-day.docx"), new ImportOptions("en", null, null));
        assertThat(back.version().paragraphs()).extracting(Paragraph::markup).containsExactly("We demand justice.");
    }
}
