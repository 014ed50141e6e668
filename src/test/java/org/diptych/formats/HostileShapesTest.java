package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diptych.DiptychException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes that the parsers behind import are not linear in (or recurse on) are refused with one line by
 * {@link InputLimits} before Okapi or flexmark sees them; a statement of the same kind below the limits imports.
 * Before the limits: 10,000 definitions and 100,000 {@code [a](} ran for over a minute, 5,000 nested list items
 * or quotes ended in "cannot read Markdown (StackOverflowError)", 100,000 nested elements over two minutes.
 */
class HostileShapesTest {
    private static final String HEAD = "---\ntitle: Заявление\nlang: ru\n---\n\nЗаявление о солидарности с рабочими завода.\n\n";

    @TempDir
    Path dir;

    @Test
    void tenThousandLinkReferenceDefinitions() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < 10_000; i++) sb.append("[r").append(i).append("]: https://example.org/").append(i).append('\n');
        assertThat(refused("refs.md", sb.toString()))
                .isEqualTo(dir.resolve("refs.md") + ": line 1008: more than 1000 link reference definitions ([id]: address)"
                        + " (the limit for a statement); not read");
    }

    @Test
    void aHundredThousandOpenLinks() throws IOException {
        assertThat(refused("links.md", HEAD + "[a](".repeat(100_000) + "\n"))
                .isEqualTo(dir.resolve("links.md") + ": line 8: a paragraph with more than 2000 links, tags, entities or"
                        + " code spans (the limit for a statement); not read");
    }

    @Test
    void aThousandListLevelsByIndentation() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < 1_000; i++) sb.append("  ".repeat(i)).append("- пункт\n");
        assertThat(refused("indented.md", sb.toString())).endsWith(": line 72: lists and quotes nested more than 64 deep"
                + " (the limit for a statement); not read");
    }

    @Test
    void fiveThousandListLevelsOnOneLine() throws IOException {
        assertThat(refused("items.md", HEAD + "- ".repeat(5_000) + "пункт\n"))
                .endsWith("items.md: line 8: lists and quotes nested more than 64 deep (the limit for a statement); not read");
    }

    @Test
    void fiveThousandQuoteLevels() throws IOException {
        assertThat(refused("quotes.md", HEAD + "> ".repeat(5_000) + "цитата\n"))
                .endsWith("quotes.md: line 8: lists and quotes nested more than 64 deep (the limit for a statement); not read");
    }

    @Test
    void aHundredThousandNestedElementsInMarkdownAndHtml() throws IOException {
        String nested = "<div>".repeat(100_000) + "x" + "</div>".repeat(100_000);
        assertThat(refused("html.md", HEAD + nested + "\n"))
                .endsWith("html.md: line 8: HTML elements nested more than 256 deep (the limit for a statement); not read");
        assertThat(refused("page.html", "<html lang=\"ru\"><body>\n<p>Заявление о солидарности.</p>\n" + nested + "</body></html>"))
                .endsWith("page.html: line 3: HTML elements nested more than 256 deep (the limit for a statement); not read");
    }

    @Test
    void aStatementBelowTheLimitsImports() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        sb.append("- первый\n  - второй\n    - третий\n\n> цитата\n> > вложенная\n\n");
        sb.append("См. [сайт][r1] и <b>жирный</b> &laquo;текст&raquo; `код`.\n\n");
        sb.append("```\n").append("- ".repeat(200)).append("\n").append("<div>".repeat(300)).append("\n```\n\n");
        sb.append("<div><div><p>Блок HTML.</p></div></div>\n\n");
        for (int i = 0; i < 300; i++) sb.append("[r").append(i).append("]: https://example.org/").append(i).append('\n');
        Path f = write("ok.md", sb.toString());
        ImportResult r = Importer.importFile(f, ImportOptions.DEFAULTS);
        assertThat(r.version().paragraphs()).extracting(p -> p.text())
                .contains("Заявление о солидарности с рабочими завода.", "третий", "См. сайт и жирный «текст» код.");
        Path page = write("ok.html", "<html lang=\"ru\"><body>" + "<p>Абзац о труде и солидарности.".repeat(300)
                + "<div>".repeat(200) + "Конец" + "</div>".repeat(200) + "</body></html>");
        assertThat(Importer.importFile(page, ImportOptions.DEFAULTS).version().paragraphs()).hasSizeGreaterThan(100);
    }

    private String refused(String name, String content) throws IOException {
        Path f = write(name, content);
        Throwable[] thrown = {null};
        assertThatThrownBy(() -> Importer.importFile(f, ImportOptions.DEFAULTS))
                .isInstanceOf(DiptychException.class)
                .satisfies(t -> thrown[0] = t);
        String m = thrown[0].getMessage();
        assertThat(m).doesNotContain("\n").startsWith(f.toString());
        return m;
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
