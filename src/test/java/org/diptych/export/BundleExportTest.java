package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diptych.export.Fixtures.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;

import net.sf.okapi.lib.xliff2.reader.XLIFFReader;

import org.diptych.DiptychException;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BundleExportTest {
    @TempDir
    Path tmp;

    static final Instant T = Instant.parse("2019-03-10T09:30:00Z");

    /** The fixture project with a reviewed ru-en alignment (the versions have 5 paragraphs each). */
    private Path aligned() {
        Path dir = project(tmp.resolve("proj"), null);
        try (Project p = Project.open(dir, true)) {
            p.saveAlignment(new Alignment(ID, "ru", "en", List.of(
                    new Bead(List.of("p1"), List.of("p1"), 0.97, BeadStatus.CONFIRMED, "Анна", T, null),
                    new Bead(List.of("p2"), List.of("p2"), 0.91, BeadStatus.CONFIRMED, "João", T, "проверено"),
                    Bead.auto(List.of("p3"), List.of("p3"), 0.95),
                    Bead.auto(List.of("p4"), List.of("p4"), 0.31),
                    new Bead(List.of("p5"), List.of("p5"), 0.6, BeadStatus.REJECTED, "Анна", T, null)), T));
        }
        return dir;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) out.put(e.getName(), z.readAllBytes());
        }
        return out;
    }

    @Test
    void bundleHoldsBothDocumentsSideBySideTmxXliffAndAManifestWhoseChecksumsMatch() throws Exception {
        Path proj = aligned();
        Path out = tmp.resolve("out");
        ExportReport r = export(proj, ExportOptions.bundles(ID, out));

        String base = ID + ".ru-en";
        Path zip = out.resolve(base + ".zip");
        assertThat(r.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(zip);
            assertThat(f.kind()).isEqualTo(ExportReport.Kind.BUNDLE);
        });
        try (var files = Files.list(out)) {
            assertThat(files.toList()).containsExactly(zip); // no posts written in bundle mode
        }
        assertThat(r.linksOk()).isTrue();

        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet()).containsExactly(base + "/ru/" + ID + ".md", base + "/en/" + ID + ".md",
                base + "/side-by-side.html", base + "/" + base + ".tmx", base + "/" + base + ".xlf", base + "/manifest.json");

        JsonNode m = Project.json().readTree(entries.get(base + "/manifest.json"));
        assertThat(m.path("statement").asText()).isEqualTo(ID);
        assertThat(m.path("languages").path("source").asText()).isEqualTo("ru");
        assertThat(m.path("languages").path("target").asText()).isEqualTo("en");
        assertThat(m.path("title").path("en").asText()).isEqualTo(EN_TITLE);
        List<String> listed = new ArrayList<>();
        for (JsonNode f : m.path("files")) {
            String name = base + "/" + f.path("path").asText();
            listed.add(name);
            assertThat(entries).containsKey(name);
            assertThat(f.path("sha256").asText()).isEqualTo(Exporter.sha256(entries.get(name)));
            assertThat(f.path("bytes").asInt()).isEqualTo(entries.get(name).length);
        }
        assertThat(listed).hasSize(entries.size() - 1).doesNotContain(base + "/manifest.json");
        assertThat(m.path("beads").path("total").asInt()).isEqualTo(5);
        assertThat(m.path("beads").path("byStatus").path("confirmed").asInt()).isEqualTo(2);
        assertThat(m.path("beads").path("byStatus").path("auto").asInt()).isEqualTo(2);
        assertThat(m.path("beads").path("byStatus").path("rejected").asInt()).isEqualTo(1);
        assertThat(m.path("beads").path("doubtful").asInt()).isEqualTo(1);
        assertThat(m.path("reviewers").toString()).isEqualTo("[\"João\",\"Анна\"]"); // sorted
        assertThat(m.path("diptychVersion").asText()).isEqualTo(org.diptych.DiptychVersion.get());
        assertThat(Instant.parse(m.path("exportedAt").asText())).isNotNull();

        // the documents are exactly the posts a plain export writes
        Path posts = tmp.resolve("posts");
        export(proj, ExportOptions.posts(ID, posts));
        assertThat(entries.get(base + "/ru/" + ID + ".md")).isEqualTo(Files.readAllBytes(posts.resolve(path("ru"))));
        assertThat(entries.get(base + "/en/" + ID + ".md")).isEqualTo(Files.readAllBytes(posts.resolve(path("en"))));

        // TMX: the two confirmed pairs only
        Document tmx = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(entries.get(base + "/" + base + ".tmx")));
        assertThat(tmx.getDocumentElement().getAttribute("version")).isEqualTo("1.4");
        Element header = (Element) tmx.getElementsByTagName("header").item(0);
        assertThat(header.getAttribute("srclang")).isEqualTo("ru");
        assertThat(header.getAttribute("segtype")).isEqualTo("paragraph");
        NodeList tus = tmx.getElementsByTagName("tu");
        assertThat(tus.getLength()).isEqualTo(2);
        Element tu2 = (Element) tus.item(1);
        assertThat(tu2.getAttribute("creationid")).isEqualTo("João");
        assertThat(tu2.getAttribute("creationdate")).isEqualTo("20190310T093000Z");
        NodeList tuvs = tu2.getElementsByTagName("tuv");
        assertThat(((Element) tuvs.item(0)).getAttribute("xml:lang")).isEqualTo("ru");
        assertThat(tuvs.item(0).getTextContent()).isEqualTo("Восьмого марта докеры порта объявили бессрочную забастовку. Подробности на сайте профсоюза.");
        assertThat(tuvs.item(1).getTextContent()).isEqualTo("On 8 March the port's dockers declared an open-ended strike. Details on the union's site.");

        // XLIFF 2.0: valid under Okapi's strictest reading, one unit per bead
        byte[] xlf = entries.get(base + "/" + base + ".xlf");
        String xliff = new String(xlf, StandardCharsets.UTF_8);
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(xliff);
            while (reader.hasNext()) reader.next();
            assertThat(reader.getWarningCount()).isZero();
        }
        assertThat(xliff).contains("version=\"2.0\"").contains("srcLang=\"ru\"").contains("trgLang=\"en\"");
        assertThat(xliff.split("<unit ", -1)).hasSize(6);
        assertThat(xliff.split("state=\"final\"", -1)).hasSize(3);
        assertThat(xliff.split("state=\"translated\"", -1)).hasSize(3);
        String rejected = xliff.substring(xliff.indexOf("<unit id=\"b5\""));
        assertThat(rejected).contains("<note>rejected, reviewed by Анна</note>").doesNotContain("<target>");

        // side-by-side page: one row per bead, anchors linked both ways, states distinguishable and printable
        String html = new String(entries.get(base + "/side-by-side.html"), StandardCharsets.UTF_8);
        assertThat(html.split("<tr id=\"row", -1)).hasSize(6);
        assertThat(html).contains("<tr id=\"row1\" class=\"confirmed\">").contains("<tr id=\"row3\" class=\"unreviewed\">")
                .contains("<tr id=\"row4\" class=\"doubtful\">").contains("<tr id=\"row5\" class=\"rejected\">")
                .contains("<p id=\"ru-p2\" class=\"p\">").contains("href=\"#en-p2\"")
                .contains("<p id=\"en-p2\" class=\"p\">").contains("href=\"#ru-p2\"")
                .contains("<em>проверено</em>").contains("@media print")
                .contains("On 8 March the port's dockers");
    }

    @Test
    void reversedAlignmentBundlesThePairAskedFor() throws IOException {
        Path proj = aligned();
        Path out = tmp.resolve("out");
        export(proj, ExportOptions.bundles(ID, out).withPair("en-ru"));
        Map<String, byte[]> entries = unzip(out.resolve(ID + ".en-ru.zip"));
        JsonNode m = Project.json().readTree(entries.get(ID + ".en-ru/manifest.json"));
        assertThat(m.path("languages").path("source").asText()).isEqualTo("en");
        String tmx = new String(entries.get(ID + ".en-ru/" + ID + ".en-ru.tmx"), StandardCharsets.UTF_8);
        assertThat(tmx).contains("srclang=\"en\"").containsSubsequence("xml:lang=\"en\"", "xml:lang=\"ru\"");
    }

    @Test
    void aPairWithoutAlignmentIsRefused() {
        Path proj = aligned();
        assertThatThrownBy(() -> export(proj, ExportOptions.bundles(ID, tmp.resolve("out")).withPair("ru-pt")))
                .isInstanceOf(DiptychException.class)
                .hasMessage("statement '" + ID + "': no alignment of ru and pt to bundle; align them first ('diptych align')");
        assertThat(Files.exists(tmp.resolve("out"))).isFalse();
    }
}
