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

import org.diptych.formats.DocumentUnits;
import org.diptych.formats.Format;
import org.diptych.formats.HtmlReader;
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

/** HTML and DOCX versions written in their own format through Okapi. */
class DocumentExportTest {
    @TempDir
    Path tmp;

    static final String ID = "2021-11-07-strike-fund";

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
            <meta charset="utf-8">
            <title>Заявление о стачечном фонде</title>
            </head>
            <body>
            <h1>Заявление о стачечном фонде</h1>
            <p>Совет профсоюза создаёт <b>общий стачечный фонд</b>.</p>
            <p>Подробности &mdash; на <a href="https://union.example.org/fund">странице фонда</a>.</p>
            <ul>
            <li>Взносы: 1% от зарплаты.</li>
            <li>Отчёт каждый квартал.</li>
            </ul>
            </body>
            </html>
            """;

    static Paragraph p(int n, BlockKind kind, String markup, String text) {
        return new Paragraph("p" + n, kind, kind == BlockKind.HEADING ? 1 : 0, markup, text);
    }

    static Paragraph li(int n, String text) {
        return new Paragraph("p" + n, BlockKind.LIST_ITEM, 1, text, text);
    }

    static FrontMatter titled(String title) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        return new FrontMatter(FrontMatter.Style.NONE, "", fields);
    }

    /**
     * The Russian HTML version as the importer gives it: the {@code <title>} as its title, one paragraph per
     * body unit, inline HTML markup ({@link #theImporterReadsTheFixtureAsAssumed} checks this).
     */
    static List<Paragraph> ruHtmlParagraphs() {
        return List.of(
                p(1, BlockKind.HEADING, "Заявление о стачечном фонде", "Заявление о стачечном фонде"),
                p(2, BlockKind.PARAGRAPH, "Совет профсоюза создаёт <b>общий стачечный фонд</b>.", "Совет профсоюза создаёт общий стачечный фонд."),
                p(3, BlockKind.PARAGRAPH, "Подробности — на <a href=\"https://union.example.org/fund\">странице фонда</a>.", "Подробности — на странице фонда."),
                li(4, "Взносы: 1% от зарплаты."),
                li(5, "Отчёт каждый квартал."));
    }

    static final String RU_TITLE = "Заявление о стачечном фонде";

    @Test
    void theImporterReadsTheFixtureAsAssumed() {
        HtmlReader.Result r = HtmlReader.read(HTML, "statement.html");
        assertThat(r.paragraphs()).isEqualTo(ruHtmlParagraphs());
        assertThat(r.title()).isEqualTo(RU_TITLE);
    }

    static List<Bead> oneToOne(int n) {
        List<Bead> beads = new ArrayList<>();
        for (int i = 1; i <= n; i++) beads.add(Bead.auto(List.of("p" + i), List.of("p" + i), 0.9));
        return beads;
    }

    private Path htmlProject(List<Paragraph> en, List<Bead> beads, boolean reverseAlignment) {
        Path dir = tmp.resolve("proj");
        try (Project p = Project.create(dir, "docs", List.of("ru", "en"))) {
            p.saveVersion(ID, new DocumentVersion("ru", "statement.html", "html", "UTF-8", titled(RU_TITLE), ruHtmlParagraphs()),
                    HTML.getBytes(StandardCharsets.UTF_8));
            if (en != null) {
                p.saveVersion(ID, new DocumentVersion("en", null, "html", "UTF-8", titled("Statement on the strike fund"), en), null);
                Alignment a = new Alignment(ID, "ru", "en", beads, Instant.now());
                p.saveAlignment(reverseAlignment ? Exporter.reversed(a) : a);
            }
            for (String l : List.of("ru", "en")) {
                p.saveManifest(p.manifest().withSite(l, new SiteProfile("https://union.example.org/" + l + "/:slug.html",
                        "docs/" + l + "/:year-:month-:day-:slug.html", null)));
            }
        }
        return dir;
    }

    /** The title (HTML) and the paragraph texts of a written document, as the importer would read them. */
    private static List<String> unitTexts(Path file, String format) throws IOException {
        DocumentUnits.Content c = DocumentUnits.read(Format.byName(format), Files.readAllBytes(file), "UTF-8", file.toString());
        List<String> out = new ArrayList<>();
        if (c.title() != null) out.add(c.title());
        c.paragraphs().forEach(u -> out.add(u.text()));
        return out;
    }

    @Test
    void importedUnchangedHtmlIsWrittenByteForByte() throws IOException {
        Path out = tmp.resolve("out");
        ExportReport r = Fixtures.export(htmlProject(null, null, false), ExportOptions.posts(ID, out));
        Path ru = out.resolve("docs/ru/2021-11-07-strike-fund.html");
        assertThat(Files.readAllBytes(ru)).isEqualTo(HTML.getBytes(StandardCharsets.UTF_8));
        assertThat(r.files()).singleElement().extracting(ExportReport.ExportedFile::kind).isEqualTo(ExportReport.Kind.DOCUMENT);
    }

    @Test
    void translatedHtmlIsTheSourceSkeletonWithTranslatedParagraphsAndInlineFormatting() throws IOException {
        List<Paragraph> en = List.of(
                p(1, BlockKind.HEADING, "Statement on the strike fund", "Statement on the strike fund"),
                p(2, BlockKind.PARAGRAPH, "The union council is setting up a <b>common strike fund</b>.", "The union council is setting up a common strike fund."),
                p(3, BlockKind.PARAGRAPH, "Details &amp; rules on the <a href=\"https://union.example.org/en/fund\">fund's page</a>.", "Details & rules on the fund's page."),
                li(4, "Dues: 1% of wages."),
                li(5, "A report every quarter."));
        Path out = tmp.resolve("out");
        ExportReport r = Fixtures.export(htmlProject(en, oneToOne(5), false), ExportOptions.posts(ID, out));
        Path file = out.resolve("docs/en/2021-11-07-strike-fund.html");
        String html = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(unitTexts(file, "html")).containsExactly("Statement on the strike fund", "Statement on the strike fund",
                "The union council is setting up a common strike fund.", "Details & rules on the fund's page.",
                "Dues: 1% of wages.", "A report every quarter.");
        assertThat(html).contains("<html lang=\"en\">").contains("<title>Statement on the strike fund</title>")
                .contains("<p>The union council is setting up a <b>common strike fund</b>.</p>")
                .contains("<a href=\"https://union.example.org/en/fund\">fund&#39;s page</a>")
                .contains("<ul>\n<li>Dues: 1% of wages.</li>\n<li>A report every quarter.</li>\n</ul>")
                .doesNotContainPattern("[А-Яа-я]");
        assertThat(r.warnings()).isEmpty();
        // the Russian original in the project is untouched
        try (Project p = Project.open(tmp.resolve("proj"), false)) {
            assertThat(Files.readString(p.originalFile(ID, "ru").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(HTML);
        }
    }

    @Test
    void alignmentDecidesWhereMergedAndMissingParagraphsGo() throws IOException {
        // en merges the two list items into one paragraph and has not translated the heading yet;
        // the alignment is stored the other way round (en-ru)
        List<Paragraph> en = List.of(
                p(1, BlockKind.PARAGRAPH, "The union council is setting up a <b>common strike fund</b>.", "The union council is setting up a common strike fund."),
                p(2, BlockKind.PARAGRAPH, "Details on the <a href=\"https://union.example.org/fund\">fund's page</a>.", "Details on the fund's page."),
                li(3, "Dues are 1% of wages, with a report every quarter."));
        List<Bead> beads = List.of(
                Bead.auto(List.of("p1"), List.of(), 0.9),
                Bead.auto(List.of("p2"), List.of("p1"), 0.9),
                Bead.auto(List.of("p3"), List.of("p2"), 0.9),
                Bead.auto(List.of("p4", "p5"), List.of("p3"), 0.7));
        Path out = tmp.resolve("out");
        ExportReport r = Fixtures.export(htmlProject(en, beads, true), ExportOptions.posts(ID, out));
        Path file = out.resolve("docs/en/2021-11-07-strike-fund.html");
        assertThat(unitTexts(file, "html")).containsExactly("Statement on the strike fund", "Заявление о стачечном фонде",
                "The union council is setting up a common strike fund.", "Details on the fund's page.",
                "Dues are 1% of wages, with a report every quarter.");
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("<a href=\"https://union.example.org/fund\">fund&#39;s page</a>")
                .contains("<li>Dues are 1% of wages, with a report every quarter.</li>\n<li></li>");
        assertThat(r.warnings()).containsExactly("[en] 1 paragraph(s) not translated: the ru text was kept");
    }

    @Test
    void editedImportedHtmlIsMergedIntoItsOwnOriginal() throws IOException {
        Path dir = htmlProject(null, null, false);
        try (Project p = Project.open(dir, true)) {
            List<Paragraph> ps = new ArrayList<>(ruHtmlParagraphs());
            ps.set(4, ps.get(4).withText("Отчёт публикуется каждый квартал.", "Отчёт публикуется каждый квартал."));
            p.saveVersion(ID, new DocumentVersion("ru", "statement.html", "html", "UTF-8", titled(RU_TITLE), ps), null);
        }
        Path out = tmp.resolve("out");
        Fixtures.export(dir, ExportOptions.posts(ID, out));
        String html = Files.readString(out.resolve("docs/ru/2021-11-07-strike-fund.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<li>Отчёт публикуется каждый квартал.</li>").contains("<b>общий стачечный фонд</b>")
                .contains("<html lang=\"ru\">");
        // only the edited paragraph differs from the original, but for what Okapi re-encodes on the way
        // (a character reference UTF-8 does not need, the charset name)
        assertThat(html).isEqualTo(HTML.replace("Отчёт каждый квартал.", "Отчёт публикуется каждый квартал.")
                .replace("&mdash;", "—").replace("charset=\"utf-8\"", "charset=\"UTF-8\""));
    }

    // ------------------------------------------------------------------------------------------ DOCX

    static byte[] docx(String... paragraphsXml) throws IOException {
        return DocxFixture.docx(null, paragraphsXml);
    }

    static final String[] RU_DOCX = {
            "<w:p><w:r><w:t>Заявление о стачечном фонде</w:t></w:r></w:p>",
            "<w:p><w:r><w:t xml:space=\"preserve\">Мы </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>требуем</w:t></w:r>"
                    + "<w:r><w:t xml:space=\"preserve\"> открыть фонд для всех филиалов.</w:t></w:r></w:p>",
            "<w:p/>",
            "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Совет профсоюза</w:t></w:r></w:p>"};

    @Test
    void docxRoundTripKeepsUnchangedFilesAndWritesTranslationsWithTheirRuns() throws IOException {
        byte[] ruDocx = docx(RU_DOCX);
        Path dir = tmp.resolve("proj");
        try (Project p = Project.create(dir, "docx", List.of("ru", "en"))) {
            p.saveVersion(ID, new DocumentVersion("ru", "statement.docx", "docx", null, FrontMatter.NONE, List.of(
                    p(1, BlockKind.PARAGRAPH, "Заявление о стачечном фонде", "Заявление о стачечном фонде"),
                    p(2, BlockKind.PARAGRAPH, "Мы **требуем** открыть фонд для всех филиалов.", "Мы требуем открыть фонд для всех филиалов."),
                    p(3, BlockKind.PARAGRAPH, "Совет профсоюза", "Совет профсоюза"))), ruDocx);
            p.saveVersion(ID, new DocumentVersion("en", null, "docx", null, FrontMatter.NONE, List.of(
                    p(1, BlockKind.PARAGRAPH, "Statement on the strike fund", "Statement on the strike fund"),
                    p(2, BlockKind.PARAGRAPH, "We **demand** a fund open to every branch.", "We demand a fund open to every branch."),
                    p(3, BlockKind.PARAGRAPH, "Union council", "Union council"))), null);
            p.saveAlignment(new Alignment(ID, "ru", "en", oneToOne(3), Instant.now()));
            for (String l : List.of("ru", "en")) {
                // a markdown path pattern: the DOCX keeps its own extension
                p.saveManifest(p.manifest().withSite(l, new SiteProfile("https://union.example.org/" + l + "/:slug",
                        l + "/:slug.md", "none")));
            }
        }
        Path out = tmp.resolve("out");
        ExportReport r = Fixtures.export(dir, ExportOptions.posts(ID, out));

        assertThat(Files.readAllBytes(out.resolve("ru/strike-fund.docx"))).isEqualTo(ruDocx);
        Path en = out.resolve("en/strike-fund.docx");
        assertThat(unitTexts(en, "docx")).containsExactly("Statement on the strike fund",
                "We demand a fund open to every branch.", "Union council");
        String xml;
        try (ZipFile z = new ZipFile(en.toFile())) {
            xml = new String(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("<w:rPr><w:b/></w:rPr><w:t>demand</w:t>")
                .contains("<w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">Union council</w:t>")
                .contains("<w:p/>")
                .doesNotContainPattern("[А-Яа-я]");
        assertThat(r.warnings()).hasSize(2).allMatch(w -> w.contains("document written as") && w.endsWith("another format)"));
    }
}
