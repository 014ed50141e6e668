package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import org.diptych.formats.ImportOptions;
import org.diptych.formats.ImportResult;
import org.diptych.formats.Importer;
import org.diptych.markdown.Markdown;
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
 * A Word document's paragraphs read as markdown by the one model: on import, a character markdown would read as
 * markup is escaped, so the model's plain text of the markup is the document's text; on export, the markup is
 * read by the model (underscore emphasis, escapes of any punctuation), through Okapi's Open XML filter and back.
 */
class DocxModelRoundTripTest {
    @TempDir
    Path tmp;

    static final String ID = "2025-06-12-calor";
    static final String PLAIN = "<w:rPr><w:lang w:val=\"ru-RU\"/></w:rPr>";
    static final String BOLD = "<w:rPr><w:b/></w:rPr>";
    static final String ITALIC = "<w:rPr><w:i/></w:rPr>";

    static String run(String props, String text) {
        return "<w:r>" + props + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    /** Word paragraphs whose text holds what markdown reads as markup: underscores, an entity, a tag, backticks, tildes, list markers. */
    static final String[] RU = {
            "<w:p>" + run(PLAIN, "Файл отчёт_2025_итог и _черновик_ — ") + run(BOLD, "главное") + run(PLAIN, ", а ")
                    + run(ITALIC, "срочно") + run(PLAIN, " цена &amp;copy; &lt;b&gt; и `x` ~~нет~~.") + "</w:p>",
            "<w:p>" + run(PLAIN, "- не список, а тире") + "</w:p>",
            "<w:p>" + run(PLAIN, "1. не пункт, а номер; # не заголовок") + "</w:p>"};

    static String spaces(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    @Test
    void theModelsPlainTextOfAnImportedWordParagraphIsItsTextAndTheMarkupRoundTripsThroughOkapi() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in")).resolve("calor.docx");
        Files.write(in, DocxFixture.docx("Жара", RU));
        Path dir = tmp.resolve("proj");
        List<Paragraph> ru;
        try (Project p = Project.create(dir, "Жара", List.of("ru", "en"))) {
            for (String l : List.of("ru", "en")) {
                p.saveManifest(p.manifest().withSite(l, new SiteProfile("https://e.org/" + l + "/:slug.docx", l + "/:slug.docx", "none")));
            }
            ru = Importer.importInto(p, ID, in, new ImportOptions("ru", null, null), false).version().paragraphs();
            assertThat(ru).hasSize(3);
            for (Paragraph para : ru) {
                assertThat(spaces(Markdown.plainText(para.markup()))).as(para.markup()).isEqualTo(spaces(para.text()));
            }
            assertThat(ru.get(0).markup()).isEqualTo("Файл отчёт\\_2025\\_итог и \\_черновик\\_ — **главное**, а *срочно*"
                    + " цена \\&copy; \\<b> и \\`x\\` \\~\\~нет\\~\\~.");
            assertThat(ru.get(1).markup()).isEqualTo("\\- не список, а тире");
            assertThat(ru.get(2).markup()).isEqualTo("1\\. не пункт, а номер; # не заголовок");

            // translated in the desk: escapes as the import writes them, and emphasis typed with underscores
            List<Paragraph> en = List.of(
                    new Paragraph("p1", BlockKind.PARAGRAPH, 0, "File report\\_2025\\_final and \\_draft\\_ — __main__, and _urgent_"
                            + " price \\&copy; \\<b> and \\`x\\` \\~\\~no\\~\\~.", "File report_2025_final and _draft_ — main, and urgent"
                            + " price &copy; <b> and `x` ~~no~~."),
                    new Paragraph("p2", BlockKind.PARAGRAPH, 0, "\\- not a list, a dash", "- not a list, a dash"),
                    new Paragraph("p3", BlockKind.PARAGRAPH, 0, "1\\. not an item, a number; # not a heading",
                            "1. not an item, a number; # not a heading"));
            p.saveVersion(ID, new DocumentVersion("en", null, "docx", "UTF-8", FrontMatter.NONE, en), null);
            List<Bead> beads = new ArrayList<>();
            for (int i = 0; i < ru.size(); i++) beads.add(Bead.auto(List.of(ru.get(i).id()), List.of(en.get(i).id()), 0.9));
            p.saveAlignment(new Alignment(ID, "ru", "en", beads, Instant.now()));
        }
        Path out = tmp.resolve("out");
        ExportReport report;
        try (Project p = Project.open(dir, false)) {
            report = new Exporter(p).export(ExportOptions.posts(ID, out), null);
        }
        assertThat(report.warnings()).isEmpty();
        Path enFile = out.resolve("en/calor.docx");
        String xml;
        try (ZipFile z = new ZipFile(enFile.toFile())) {
            xml = new String(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).containsPattern("<w:rPr><w:b/></w:rPr><w:t[^>]*>main</w:t>")
                .containsPattern("<w:rPr><w:i/></w:rPr><w:t[^>]*>urgent</w:t>")
                .contains("price &amp;copy; &lt;b&gt; and `x` ~~no~~.").contains("report_2025_final and _draft_")
                .doesNotContain("\\");

        ImportResult back = Importer.importFile(enFile, new ImportOptions("en", null, null));
        assertThat(back.version().paragraphs()).extracting(Paragraph::text).containsExactly(
                "File report_2025_final and _draft_ — main, and urgent price &copy; <b> and `x` ~~no~~.",
                "- not a list, a dash", "1. not an item, a number; # not a heading");
        assertThat(back.version().paragraphs().get(0).markup()).isEqualTo("File report\\_2025\\_final and \\_draft\\_ — **main**,"
                + " and *urgent* price \\&copy; \\<b> and \\`x\\` \\~\\~no\\~\\~.");
    }
}
