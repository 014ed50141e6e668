package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.diptych.DiptychException;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    @TempDir
    Path tmp;

    static final String RU_TEXT = """
            Заявление профсоюза работников здравоохранения.

            Мы требуем повысить зарплату медсёстрам
            и врачам скорой помощи.

            Председатель В. В. Смирнов.
            """;

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private Path write(String name, String text, Charset cs) throws IOException {
        return write(name, text.getBytes(cs));
    }

    private static List<String> texts(ImportResult r) {
        return r.version().paragraphs().stream().map(Paragraph::text).toList();
    }

    @Test
    void markdownPostWithYamlFrontMatter() throws IOException {
        Path f = write("2018-07-02-pension-age.md", Posts.RU, StandardCharsets.UTF_8);
        ImportResult r = Importer.importFile(f, ImportOptions.DEFAULTS);
        DocumentVersion v = r.version();
        assertThat(v.lang()).isEqualTo("ru");
        assertThat(r.langReason()).isEqualTo("front matter 'lang'");
        assertThat(v.originalFile()).isEqualTo("2018-07-02-pension-age.md");
        assertThat(v.format()).isEqualTo("markdown");
        assertThat(v.encoding()).isEqualTo("UTF-8");
        assertThat(r.encodingReason()).isEqualTo("valid UTF-8");
        assertThat(v.title()).isEqualTo("Заявление о повышении пенсионного возраста");
        assertThat(v.frontMatter().style()).isEqualTo(FrontMatter.Style.YAML);
        assertThat(v.paragraphs()).extracting(Paragraph::id).startsWith("p1", "p2").endsWith("p" + v.paragraphs().size());
        assertThat(v.paragraphs().get(0).markup()).startsWith("[Statement on raising the retirement age](");
        assertThat(r.original()).isEqualTo(Files.readAllBytes(f));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void markdownWithTomlFrontMatterAndDetectedPortuguese() throws IOException {
        ImportResult r = Importer.importFile(write("pt.markdown", Posts.PT, StandardCharsets.UTF_8), ImportOptions.DEFAULTS);
        assertThat(r.lang()).isEqualTo("pt");
        assertThat(r.langReason()).startsWith("detected: Latin script");
        assertThat(r.version().frontMatter().style()).isEqualTo(FrontMatter.Style.TOML);
        assertThat(r.version().title()).isEqualTo("Declaração sobre o aumento da idade de aposentadoria");
    }

    @Test
    void markdownInWindows1251WithCrlfAndDetectedEnglishIsGivenLang() throws IOException {
        String crlf = Posts.RU.replace("\n", "\r\n");
        ImportResult r = Importer.importFile(write("ru.md", crlf, EncodingDetector.WINDOWS_1251), ImportOptions.DEFAULTS);
        assertThat(r.encoding()).isEqualTo("windows-1251");
        assertThat(r.encodingReason()).contains("windows-1251 better than KOI8-R");
        ImportResult utf8 = Importer.importFile(write("ru2.md", Posts.RU, StandardCharsets.UTF_8), ImportOptions.DEFAULTS);
        assertThat(r.version().paragraphs()).isEqualTo(utf8.version().paragraphs());
        assertThat(r.version().frontMatter()).isEqualTo(utf8.version().frontMatter());
    }

    @Test
    void plainTextInKoi8rSeparatesParagraphsByBlankLines() throws IOException {
        ImportResult r = Importer.importFile(write("ru.txt", RU_TEXT, EncodingDetector.KOI8_R), ImportOptions.DEFAULTS);
        assertThat(r.encoding()).isEqualTo("KOI8-R");
        assertThat(r.version().format()).isEqualTo("text");
        assertThat(texts(r)).containsExactly("Заявление профсоюза работников здравоохранения.",
                "Мы требуем повысить зарплату медсёстрам\nи врачам скорой помощи.", "Председатель В. В. Смирнов.");
        assertThat(r.lang()).isEqualTo("ru");
        assertThat(r.langReason()).startsWith("detected: 100% of letters are Cyrillic");
    }

    @Test
    void linesFormatUtf16WithBom() throws IOException {
        byte[] bytes = ("\uFEFF" + RU_TEXT).getBytes(StandardCharsets.UTF_16LE);
        ImportResult r = Importer.importFile(write("ru.txt", bytes), new ImportOptions(null, null, "lines"));
        assertThat(r.encoding()).isEqualTo("UTF-16LE");
        assertThat(r.encodingReason()).isEqualTo("UTF-16LE byte order mark");
        assertThat(r.version().format()).isEqualTo("lines");
        assertThat(texts(r)).containsExactly("Заявление профсоюза работников здравоохранения.",
                "Мы требуем повысить зарплату медсёстрам", "и врачам скорой помощи.", "Председатель В. В. Смирнов.");
    }

    @Test
    void utf8WithBomAndWhitespaceOnlyLinesCountAsBlank() throws IOException {
        byte[] bytes = EncodingDetectorTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "The first paragraph of the statement.\n   \nThe second one, signed by the committee.\n"
                        .getBytes(StandardCharsets.UTF_8));
        ImportResult r = Importer.importFile(write("en.txt", bytes), ImportOptions.DEFAULTS);
        assertThat(r.encodingReason()).isEqualTo("UTF-8 byte order mark");
        assertThat(r.lang()).isEqualTo("en");
        assertThat(texts(r)).containsExactly("The first paragraph of the statement.",
                "The second one, signed by the committee.");
    }

    @Test
    void forcedEncodingOverridesDetection() throws IOException {
        Path f = write("ru.txt", RU_TEXT, EncodingDetector.KOI8_R);
        ImportResult wrong = Importer.importFile(f, new ImportOptions("ru", "windows-1251", null));
        assertThat(wrong.encoding()).isEqualTo("windows-1251");
        assertThat(wrong.encodingReason()).isEqualTo("given with --encoding");
        assertThat(texts(wrong).get(0)).isNotEqualTo("Заявление профсоюза работников здравоохранения.");
        assertThatThrownBy(() -> Importer.importFile(f, new ImportOptions("ru", "UTF-8", null)))
                .isInstanceOf(DiptychException.class).hasMessageStartingWith(f + ": not valid UTF-8");
    }

    @Test
    void htmlPageWithTitleLangHeadingsListsAndLineBreaks() throws IOException {
        String html = """
                <!DOCTYPE html>
                <html lang="pt-BR"><head><meta charset="windows-1252"><title>Declaração do comitê</title>
                <meta name="description" content="Resumo"></head>
                <body>
                <h2>Sobre as eleições</h2>
                <p>O <b>comitê</b> declara: veja <a href="https://example.org/texto">o texto completo</a>.</p>
                <ul><li>Primeiro ponto</li><li>Segundo ponto<ul><li>Subponto</li></ul></li></ul>
                <blockquote><p>Uma citação.</p></blockquote>
                <p>Assinado:<br>J. Silva<br>M. Souza</p>
                </body></html>
                """;
        ImportResult r = Importer.importFile(write("pt.html", html, EncodingDetector.WINDOWS_1252), ImportOptions.DEFAULTS);
        assertThat(r.encoding()).isEqualTo("windows-1252");
        assertThat(r.encodingReason()).isEqualTo("declared in the page's <meta> charset");
        assertThat(r.lang()).isEqualTo("pt-BR");
        assertThat(r.langReason()).isEqualTo("<html lang>");
        assertThat(r.version().title()).isEqualTo("Declaração do comitê");
        List<Paragraph> ps = r.version().paragraphs();
        assertThat(ps).extracting(Paragraph::kind).containsExactly(BlockKind.HEADING, BlockKind.PARAGRAPH,
                BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.PARAGRAPH);
        assertThat(ps.get(0).level()).isEqualTo(2);
        assertThat(ps.get(1).text()).isEqualTo("O comitê declara: veja o texto completo.");
        assertThat(ps.get(1).markup()).isEqualTo("O <b>comitê</b> declara: veja <a href=\"https://example.org/texto\">o texto completo</a>.");
        assertThat(ps).extracting(Paragraph::level).containsSubsequence(1, 1, 2);
        assertThat(ps.get(6).text()).isEqualTo("Assinado:\nJ. Silva\nM. Souza");
        assertThat(texts(r)).doesNotContain("Resumo");
    }

    @Test
    void docxParagraphsWithBoldAndLineBreaks() throws IOException {
        byte[] docx = TestDocs.docx(List.of("Заявление Исполкома", "Мы **решительно** осуждаем решение.",
                "Подписали:\nВ. В. Смирнов\nА. П. Кузнецова"));
        ImportResult r = Importer.importFile(write("ru.docx", docx), ImportOptions.DEFAULTS);
        assertThat(r.version().format()).isEqualTo("docx");
        assertThat(r.encoding()).isNull();
        assertThat(r.lang()).isEqualTo("ru");
        assertThat(texts(r)).containsExactly("Заявление Исполкома", "Мы решительно осуждаем решение.",
                "Подписали:\nВ. В. Смирнов\nА. П. Кузнецова");
        assertThat(r.version().paragraphs().get(1).markup()).isEqualTo("Мы **решительно** осуждаем решение.");
    }

    @Test
    void xliffSourceOrTargetByLanguage() throws IOException {
        String xlf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                <file original="post.md" source-language="en" target-language="pt-BR" datatype="plaintext">
                <body>
                <trans-unit id="1"><source>We <g id="1">strongly</g> condemn the decision.</source>
                  <target>Nós <g id="1">firmemente</g> condenamos a decisão.</target></trans-unit>
                <trans-unit id="2"><source>The committee.</source><target>O comitê.</target></trans-unit>
                <trans-unit id="3"><source>Not yet translated.</source></trans-unit>
                </body></file></xliff>
                """;
        Path f = write("post.xlf", xlf, StandardCharsets.UTF_8);
        ImportResult src = Importer.importFile(f, ImportOptions.DEFAULTS);
        assertThat(src.lang()).isEqualTo("en");
        assertThat(src.langReason()).isEqualTo("XLIFF source language");
        assertThat(texts(src)).containsExactly("We strongly condemn the decision.", "The committee.", "Not yet translated.");

        ImportResult tgt = Importer.importFile(f, new ImportOptions("pt", null, null));
        assertThat(tgt.lang()).isEqualTo("pt");
        assertThat(texts(tgt)).containsExactly("Nós firmemente condenamos a decisão.", "O comitê.");
        assertThat(tgt.warnings()).containsExactly(f + ": 1 translation units have no pt-BR target; skipped");

        assertThatThrownBy(() -> Importer.importFile(f, new ImportOptions("ru", null, null)))
                .isInstanceOf(DiptychException.class).hasMessage(f + ": holds en → pt-BR, not ru");
    }

    @Test
    void givenLanguageWinsAndDisagreementIsReported() throws IOException {
        ImportResult r = Importer.importFile(write("ru.md", Posts.RU, StandardCharsets.UTF_8), new ImportOptions("en", null, null));
        assertThat(r.lang()).isEqualTo("en");
        assertThat(r.langReason()).isEqualTo("given with --lang");
        assertThat(r.warnings()).singleElement().asString().contains("front matter 'lang' says ru");
    }

    @Test
    void formatOverrideAndBadOptions() throws IOException {
        Path f = write("post.txt", "# Heading of the statement\n\nThe text of the statement.\n", StandardCharsets.UTF_8);
        ImportResult md = Importer.importFile(f, new ImportOptions(null, null, "markdown"));
        assertThat(md.version().paragraphs().get(0).kind()).isEqualTo(BlockKind.HEADING);
        assertThatThrownBy(() -> Importer.importFile(f, new ImportOptions(null, null, "pdf")))
                .hasMessage(f + ": unknown format 'pdf' (use markdown, text, lines, html, docx or xliff)");
        assertThatThrownBy(() -> Importer.importFile(f, new ImportOptions("de", null, null)))
                .hasMessageStartingWith(f + ": language 'de' is not supported");
        assertThatThrownBy(() -> Importer.importFile(write("x.txt", "12 34 56\n", StandardCharsets.UTF_8), ImportOptions.DEFAULTS))
                .hasMessageEndingWith("x.txt: cannot tell the language (ru, en or pt) from the text; give it with --lang");
    }

    @Test
    void importIntoStoresOriginalAndParsedVersion() throws IOException {
        Path f = write("2018-07-02-pension-age.md", Posts.RU, StandardCharsets.UTF_8);
        try (Project p = Project.create(tmp.resolve("proj"), "Test", List.of("ru", "en", "pt"))) {
            ImportResult r = Importer.importInto(p, "2018-07-02-pension-age", f, ImportOptions.DEFAULTS, false);
            Path vd = p.versionDir("2018-07-02-pension-age", "ru");
            assertThat(Files.readAllBytes(vd.resolve("2018-07-02-pension-age.md"))).isEqualTo(Files.readAllBytes(f));
            DocumentVersion loaded = p.loadVersion("2018-07-02-pension-age", "ru").orElseThrow();
            assertThat(loaded).isEqualTo(r.version());
            assertThat(p.versionLanguages("2018-07-02-pension-age")).containsExactly("ru");
        }
    }

    @Test
    void secondFileForALanguageNeedsReplace() throws IOException {
        Path first = write("ru.md", Posts.RU, StandardCharsets.UTF_8);
        Path second = write("ru-fixed.txt", RU_TEXT, StandardCharsets.UTF_8);
        try (Project p = Project.create(tmp.resolve("proj"), "Test", List.of("ru", "en"))) {
            Importer.importInto(p, "s1", first, ImportOptions.DEFAULTS, false);
            assertThatThrownBy(() -> Importer.importInto(p, "s1", second, ImportOptions.DEFAULTS, false))
                    .isInstanceOf(DiptychException.class)
                    .hasMessage(second + ": statement 's1' already has a version in ru (from ru.md); use --replace to replace it");

            ImportResult r = Importer.importInto(p, "s1", second, ImportOptions.DEFAULTS, true);
            Path vd = p.versionDir("s1", "ru");
            assertThat(vd.resolve("ru-fixed.txt")).exists();
            assertThat(vd.resolve("ru.md")).doesNotExist();
            // the replaced files are kept together, for an undo of the replace
            assertThat(org.diptych.project.VersionReplace.lastSnapshot(p, "s1", "ru").resolve("statements/s1/ru/ru.md"))
                    .hasContent(Posts.RU);
            assertThat(p.loadVersion("s1", "ru").orElseThrow()).isEqualTo(r.version());
        }
    }

    @Test
    void undoPutsBackFilesAndRemovesNewFolders() throws IOException {
        Path proj = tmp.resolve("proj");
        Files.createDirectories(proj.resolve("statements/s1/ru"));
        Path existing = proj.resolve("statements/s1/ru/version.json");
        Files.writeString(existing, "old");
        Path fresh = proj.resolve("statements/s2/en/en.md");
        Importer.Undo undo = new Importer.Undo(proj);
        undo.remember(existing);
        undo.remember(fresh);
        Files.writeString(existing, "new");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, "x");
        Files.createDirectories(undo.backupOf(existing).getParent());
        Files.writeString(undo.backupOf(existing), "old");

        undo.rollback();
        assertThat(existing).hasContent("old");
        assertThat(proj.resolve("statements/s2")).doesNotExist();
        assertThat(proj.resolve("backups")).doesNotExist();
        assertThat(proj.resolve("statements/s1/ru")).isDirectory();
    }

    @Test
    void binaryAndEmptyContentAreRefused() throws IOException {
        byte[] random = new byte[512];
        new java.util.Random(7).nextBytes(random);
        random[10] = 0;
        assertThatThrownBy(() -> Importer.importFile(write("noise.md", random), ImportOptions.DEFAULTS))
                .isInstanceOf(DiptychException.class).hasMessageContaining("noise.md: looks like a binary file");
        assertThatThrownBy(() -> Importer.importFile(write("blank.txt", "  \n\n ", StandardCharsets.UTF_8), ImportOptions.DEFAULTS))
                .hasMessageEndingWith("blank.txt: contains no text (only white space)");
        assertThatThrownBy(() -> Importer.importFile(write("fm-only.md", "---\ntitle: X\n---\n", StandardCharsets.UTF_8), ImportOptions.DEFAULTS))
                .hasMessageEndingWith("fm-only.md: no text to import (no paragraphs found)");
        byte[] notDocx = Arrays.copyOf("PK\u0003\u0004 definitely not a zip".getBytes(StandardCharsets.ISO_8859_1), 40);
        assertThatThrownBy(() -> Importer.importFile(write("fake.docx", notDocx), ImportOptions.DEFAULTS))
                .isInstanceOf(DiptychException.class).hasMessageStartingWith(tmp.resolve("fake.docx") + ": damaged or truncated DOCX file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
