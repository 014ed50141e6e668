package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diptych.export.Fixtures.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diptych.DiptychException;
import org.diptych.export.ExportReport.ExportedFile;
import org.diptych.export.ExportReport.LinkCheck;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostExportTest {
    @TempDir
    Path tmp;

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static String links(String... langs) {
        StringBuilder sb = new StringBuilder();
        for (String l : langs) {
            String title = switch (l) {
                case "ru" -> RU_TITLE;
                case "en" -> EN_TITLE;
                default -> PT_TITLE;
            };
            sb.append('[').append(title).append("](").append(url(l)).append(")\n\n");
        }
        return sb.toString();
    }

    @Test
    void threeLanguagesGetFrontMatterAsImportedAndOneLinkParagraphPerOtherVersion() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        Path out = tmp.resolve("site");
        ExportReport r = export(proj, ExportOptions.posts(ID, out));

        assertThat(r.files()).extracting(ExportedFile::lang).containsExactly("ru", "en", "pt");
        assertThat(r.files()).extracting(ExportedFile::url).containsExactly(url("ru"), url("en"), url("pt"));
        assertThat(r.files()).allMatch(ExportedFile::changed);
        assertThat(read(out.resolve(path("ru")))).isEqualTo(RU_FM + "\n\n" + links("en", "pt") + RU_BODY + "\n");
        assertThat(read(out.resolve(path("en")))).isEqualTo(EN_FM + "\n\n" + links("ru", "pt") + EN_BODY + "\n");
        assertThat(read(out.resolve(path("pt")))).isEqualTo(PT_FM + "\n\n" + links("ru", "en") + PT_BODY + "\n");
        // titles decoded in the links, left as written in the front matter
        assertThat(read(out.resolve(path("ru")))).contains("title: \"Заявление о &quot;реформе&quot; трудового кодекса\"")
                .contains("[Statement on the \"reform\" of the labour code](https://example.org/en/2019/03/08/port-strike/)");
        // every reciprocal link resolves; the body's external link is not a post and is not checked
        assertThat(r.links()).hasSize(6).allMatch(LinkCheck::ok);
        assertThat(r.warnings()).isEmpty();
        // the project's originals are untouched
        try (Project p = Project.open(proj, false)) {
            assertThat(read(p.originalFile(ID, "ru").orElseThrow())).isEqualTo(post(RU_FM, RU_BODY));
        }
    }

    @Test
    void reExportIsIdempotentAndImportedLinkLinesAreReplacedNotDuplicated() throws IOException {
        Path proj = project(tmp.resolve("proj"), "top-line");
        Path out = tmp.resolve("site");
        export(proj, ExportOptions.posts(ID, out));
        String ru1 = read(out.resolve(path("ru")));

        // same project again: nothing changes on disk
        ExportReport again = export(proj, ExportOptions.posts(ID, out));
        assertThat(again.files()).noneMatch(ExportedFile::changed);

        // import the exported posts (link lines included) into a new project and export them again
        Path proj2 = tmp.resolve("proj2");
        try (Project p = Project.create(proj2, "round", List.of("ru", "en", "pt"))) {
            for (String l : List.of("ru", "en", "pt")) {
                importPost(p, ID, l, read(out.resolve(path(l))));
                p.saveManifest(p.manifest().withSite(l, profile(l, null)));
            }
        }
        Path out2 = tmp.resolve("site2");
        export(proj2, ExportOptions.posts(ID, out2));
        for (String l : List.of("ru", "en", "pt")) {
            assertThat(read(out2.resolve(path(l)))).isEqualTo(read(out.resolve(path(l))));
        }
        assertThat(read(out2.resolve(path("ru")))).isEqualTo(ru1);
        assertThat(ru1.split("\\]\\(https://example.org/en/", -1)).hasSize(2);
    }

    @Test
    void staleOrDifferentlyWordedLinkLinesAreRecognisedByUrlPatternOrTitle() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        try (Project p = Project.open(proj, true)) {
            // an old-dated English URL, and a Portuguese link recognised only by its (slightly different) title
            importPost(p, ID, "ru", post(RU_FM, "[English version](https://example.org/en/2019/03/07/port-strike-draft/)\n"
                    + "[Declaração sobre a reforma do código do trabalho](https://old.example.net/pt/greve)\n\n" + RU_BODY));
        }
        Path out = tmp.resolve("site");
        export(proj, ExportOptions.posts(ID, out));
        assertThat(read(out.resolve(path("ru")))).isEqualTo(RU_FM + "\n\n" + links("en", "pt") + RU_BODY + "\n");
    }

    @Test
    void aLeadingLinkThatIsNotToAnotherVersionStaysBody() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        String body = "[Профсоюз докеров](https://union.example.org/)\n\n" + RU_BODY;
        try (Project p = Project.open(proj, true)) {
            importPost(p, ID, "ru", post(RU_FM, body));
        }
        Path out = tmp.resolve("site");
        export(proj, ExportOptions.posts(ID, out));
        assertThat(read(out.resolve(path("ru")))).isEqualTo(RU_FM + "\n\n" + links("en", "pt") + body + "\n");
    }

    @Test
    void frontMatterStyleSetsLangAndRefKeepsEveryOtherLineAndDropsBodyLinks() throws IOException {
        Path proj = project(tmp.resolve("proj"), "front-matter");
        try (Project p = Project.open(proj, true)) {
            // en already has lang (with a comment) and an imported top link line
            String enFm = EN_FM.replace("category: statements", "category: statements\nlang: en # English");
            importPost(p, ID, "en", post(enFm, "[" + RU_TITLE + "](" + url("ru") + ")\n\n" + EN_BODY));
        }
        Path out = tmp.resolve("site");
        ExportReport r = export(proj, ExportOptions.posts(ID, out));
        String ru = read(out.resolve(path("ru")));
        assertThat(ru).isEqualTo(RU_FM.replace("category: statements\n---",
                "category: statements\nlang: ru\nref: " + ID + "\n---") + "\n\n" + RU_BODY + "\n");
        String en = read(out.resolve(path("en")));
        assertThat(en).isEqualTo(EN_FM.replace("category: statements\n---",
                "category: statements\nlang: en # English\nref: " + ID + "\n---") + "\n\n" + EN_BODY + "\n");
        assertThat(r.links()).isEmpty();

        // re-importing the exported post and exporting again changes nothing
        try (Project p = Project.open(proj, true)) {
            importPost(p, ID, "ru", ru);
        }
        ExportReport again = export(proj, ExportOptions.posts(ID, out));
        assertThat(again.files()).noneMatch(ExportedFile::changed);
    }

    @Test
    void noneStyleWritesNoLink() throws IOException {
        Path proj = project(tmp.resolve("proj"), "none");
        Path out = tmp.resolve("site");
        export(proj, ExportOptions.posts(ID, out));
        assertThat(read(out.resolve(path("pt")))).isEqualTo(post(PT_FM, PT_BODY));
    }

    @Test
    void linkCheckCatchesAPlantedBrokenLinkAndAcceptsExistingOlderPosts() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        String planted = RU_BODY + "\n\nСм. также [прошлое заявление](https://example.org/ru/2018/01/15/dockers/)"
                + " и [его перевод](https://example.org/en/2018/01/15/dockers-typo/).";
        try (Project p = Project.open(proj, true)) {
            importPost(p, ID, "ru", post(RU_FM, planted));
        }
        Path out = tmp.resolve("site");
        // the site repository already holds the older Russian post and its English translation
        Files.createDirectories(out.resolve("ru/_posts"));
        Files.writeString(out.resolve("ru/_posts/2018-01-15-dockers.md"), "---\ntitle: old\n---\n\nold\n");
        Files.createDirectories(out.resolve("en/_posts"));
        Files.writeString(out.resolve("en/_posts/2018-01-15-dockers.md"), "---\ntitle: old\n---\n\nold\n");

        ExportReport r = export(proj, ExportOptions.posts(ID, out));
        assertThat(r.links()).hasSize(8);
        assertThat(r.brokenLinks()).containsExactly(new LinkCheck(path("ru"),
                "https://example.org/en/2018/01/15/dockers-typo/", "en", "en/_posts/2018-01-15-dockers-typo.md", false));
        assertThat(r.linksOk()).isFalse();
    }

    @Test
    void exportingOnePairResolvesTheLinkToAVersionNotInTheSiteThroughItsProfile() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        Path out = tmp.resolve("site");
        ExportReport r = export(proj, ExportOptions.posts(ID, out).withPair("ru-en"));
        assertThat(r.files()).extracting(ExportedFile::lang).containsExactly("ru", "en");
        assertThat(Files.exists(out.resolve(path("pt")))).isFalse();
        // the Portuguese post is not in the folder, but it is a post of the project: its link resolves through
        // the pt site profile, marked as not exported yet
        assertThat(r.linksOk()).isTrue();
        assertThat(r.links()).filteredOn(LinkCheck::inProject).extracting(LinkCheck::from, LinkCheck::targetLang)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(path("ru"), "pt"),
                        org.assertj.core.groups.Tuple.tuple(path("en"), "pt"));
        // once the Portuguese post is in the site too, it resolves as a file of the folder
        export(proj, ExportOptions.posts(ID, out).withPair("pt-ru"));
        ExportReport again = export(proj, ExportOptions.posts(ID, out).withPair("ru-en"));
        assertThat(again.linksOk()).isTrue();
        assertThat(again.links()).noneMatch(LinkCheck::inProject);
    }

    @Test
    void languageWithoutSiteProfileIsWrittenToADefaultPathAndNotLinked() throws IOException {
        Path proj = tmp.resolve("proj");
        try (Project p = Project.create(proj, "t", List.of("ru", "en"))) {
            importPost(p, ID, "ru", post(RU_FM, RU_BODY));
            importPost(p, ID, "en", post(EN_FM, EN_BODY));
            p.saveManifest(p.manifest().withSite("en", profile("en", null)));
        }
        Path out = tmp.resolve("site");
        ExportReport r = export(proj, ExportOptions.posts(ID, out));
        assertThat(read(out.resolve("ru/" + ID + ".md"))).isEqualTo(RU_FM + "\n\n" + links("en") + RU_BODY + "\n");
        assertThat(read(out.resolve(path("en")))).isEqualTo(post(EN_FM, EN_BODY));
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("[ru] no site profile"));
    }

    @Test
    void undatedIdTakesTheDateFromFrontMatter() throws IOException {
        Path proj = tmp.resolve("proj");
        String fm = EN_FM.replace("layout: post", "layout: post\ndate: 2020-5-1 10:00:00 +0300");
        try (Project p = Project.create(proj, "t", List.of("ru", "en"))) {
            importPost(p, "port-strike", "en", post(fm, EN_BODY));
            importPost(p, "port-strike", "ru", post(RU_FM, RU_BODY));
            p.saveManifest(p.manifest().withSite("en", profile("en", null)).withSite("ru", profile("ru", null)));
        }
        assertThatThrownBy(() -> export(proj, ExportOptions.posts("port-strike", tmp.resolve("site"))))
                .isInstanceOf(DiptychException.class)
                .hasMessage("statement 'port-strike' [ru]: the site pattern needs a date, but the id is not YYYY-MM-DD-slug"
                        + " and the version has no 'date' front matter");
        try (Project p = Project.open(proj, true)) {
            importPost(p, "port-strike", "ru", post(RU_FM.replace("layout: post", "layout: post\ndate: 2020-05-01"), RU_BODY));
        }
        ExportReport r = export(proj, ExportOptions.posts("port-strike", tmp.resolve("site")));
        assertThat(r.files()).extracting(ExportedFile::url).containsExactly(
                "https://example.org/ru/2020/05/01/port-strike/", "https://example.org/en/2020/05/01/port-strike/");
        assertThat(r.linksOk()).isTrue();
    }

    @Test
    void translatedMarkdownVersionIsWrittenFromItsParagraphs() throws IOException {
        Path proj = project(tmp.resolve("proj"), null);
        try (Project p = Project.open(proj, true)) {
            DocumentVersion en = MarkdownSplitter.split("en", null, post(EN_FM, EN_BODY));
            List<Paragraph> ps = new java.util.ArrayList<>(en.paragraphs());
            ps.set(1, ps.get(1).withText("On 8 March the dockers began an **indefinite strike**.", "On 8 March the dockers began an indefinite strike."));
            p.saveVersion(ID, new DocumentVersion("en", null, "markdown", "UTF-8", en.frontMatter(), ps), null);
        }
        Path out = tmp.resolve("site");
        export(proj, ExportOptions.posts(ID, out));
        assertThat(read(out.resolve(path("en")))).contains("\n\nOn 8 March the dockers began an **indefinite strike**.\n\n- Reinstate");
    }

    @Test
    void cancelledExportWritesNothing() {
        Path proj = project(tmp.resolve("proj"), null);
        java.util.List<String> messages = new java.util.ArrayList<>();
        org.diptych.Progress cancelAfterFirst = new org.diptych.Progress() {
            @Override
            public void update(long done, long total, String message) {
                messages.add(done + "/" + total + " " + message);
            }

            @Override
            public boolean isCancelled() {
                return messages.size() >= 2;
            }
        };
        try (Project p = Project.open(proj, false)) {
            assertThatThrownBy(() -> new Exporter(p).export(ExportOptions.posts(ID, tmp.resolve("site")), cancelAfterFirst))
                    .isInstanceOf(org.diptych.Progress.Cancelled.class);
        }
        assertThat(messages).containsExactly("0/5 Preparing ru", "1/5 Preparing en");
        assertThat(Files.exists(tmp.resolve("site"))).isFalse();
    }

    @Test
    void badInputFailsWithOneLine() {
        Path proj = project(tmp.resolve("proj"), null);
        assertThatThrownBy(() -> export(proj, ExportOptions.posts("2019-01-01-nothing", tmp.resolve("o"))))
                .isInstanceOf(DiptychException.class).hasMessageContaining("no statement '2019-01-01-nothing'");
        assertThatThrownBy(() -> export(proj, ExportOptions.posts(ID, tmp.resolve("o")).withPair("ru-de")))
                .isInstanceOf(DiptychException.class).hasMessageContaining("pair 'ru-de'");
        // writing into the project's own folders is refused
        try (Project p = Project.open(proj, true)) {
            p.saveManifest(p.manifest().withSite("ru", new org.diptych.project.Manifest.SiteProfile(
                    "https://example.org/ru/:slug", "statements/:slug/ru/version.json.md", null)));
        }
        assertThatThrownBy(() -> export(proj, ExportOptions.posts(ID, proj)))
                .isInstanceOf(DiptychException.class).hasMessageContaining("inside the project's statements folder");
        assertThat(Files.exists(proj.resolve(path("en")))).isFalse(); // refused before anything was written
        // two languages sharing one path
        try (Project p = Project.open(proj, true)) {
            p.saveManifest(p.manifest().withSite("ru", new org.diptych.project.Manifest.SiteProfile(
                    "https://example.org/ru/:slug", "en/_posts/:year-:month-:day-:slug.md", null)));
        }
        assertThatThrownBy(() -> export(proj, ExportOptions.posts(ID, tmp.resolve("o"))))
                .isInstanceOf(DiptychException.class).hasMessageEndingWith(
                        "both the ru and the en version would be written here; give their site profiles different path patterns");
        assertThat(Files.exists(tmp.resolve("o"))).isFalse();
    }
}
