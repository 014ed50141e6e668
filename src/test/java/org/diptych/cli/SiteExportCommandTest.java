package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteExportCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void siteSetsShowsAndValidatesProfiles() {
        Path proj = tmp.resolve("p");
        assertThat(run("new", proj.toString()).code()).isZero();
        Run set = run("site", "--project", proj.toString(), "--lang", "EN", "--url", "https://example.org/en/:year/:month/:day/:slug/",
                "--path", "en/_posts/:year-:month-:day-:slug.md");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("[en] url https://example.org/en/:year/:month/:day/:slug/").contains("links top-line");
        // change only the link style
        assertThat(run("site", "--project", proj.toString(), "--lang", "en", "--link-style", "front-matter").code()).isZero();
        try (Project p = Project.open(proj, false)) {
            assertThat(p.manifest().sites().get("en")).isEqualTo(new SiteProfile(
                    "https://example.org/en/:year/:month/:day/:slug/", "en/_posts/:year-:month-:day-:slug.md", "front-matter"));
        }
        assertThat(run("site", "--project", proj.toString()).out()).contains("[en]").contains("links front-matter");

        Run bad = run("site", "--project", proj.toString(), "--lang", "ru", "--url", "https://example.org/:title", "--path", "ru/:slug.md");
        assertThat(bad.code()).isEqualTo(Main.FAILURE);
        assertThat(bad.err().strip()).isEqualTo("diptych: site profile ru: url pattern 'https://example.org/:title': "
                + "unknown placeholder ':title' (use :year, :month, :day, :slug)");
        Run escape = run("site", "--project", proj.toString(), "--lang", "ru", "--url", "https://example.org/:slug", "--path", "../:slug.md");
        assertThat(escape.code()).isEqualTo(Main.FAILURE);
        assertThat(escape.err().lines().count()).isEqualTo(1);
        assertThat(run("site", "--project", proj.toString(), "--lang", "ru", "--url", "https://example.org/:slug").err())
                .contains("both --url and --path are needed");
        assertThat(run("site", "--project", proj.toString(), "--lang", "de", "--url", "https://e.org/:slug", "--path", "x/:slug.md").err())
                .contains("not supported");
    }

    @Test
    void exportWritesPostsAndWarnsOfALinkToAPostNotFound() throws Exception {
        Path proj = tmp.resolve("p");
        String id = "2020-05-01-may-day";
        try (Project p = Project.create(proj, "cli", java.util.List.of("ru", "en"))) {
            for (String l : java.util.List.of("ru", "en")) {
                String title = l.equals("ru") ? "Первомай" : "May Day";
                String text = l.equals("ru") ? "Все на демонстрацию." : "Everyone to the march.";
                String md = "---\ntitle: " + title + "\n---\n\n" + text + "\n";
                p.saveVersion(id, new DocumentVersion(l, id + ".md", "markdown", "UTF-8",
                        new FrontMatter(FrontMatter.Style.YAML, "---\ntitle: " + title + "\n---", java.util.Map.of("title", title)),
                        java.util.List.of(Paragraph.plain("p1", text))), md.getBytes(StandardCharsets.UTF_8));
                p.saveManifest(p.manifest().withSite(l, new SiteProfile("https://example.org/" + l + "/:year/:slug/",
                        l + "/_posts/:year-:month-:day-:slug.md", null)));
            }
        }
        Path out = tmp.resolve("site");
        Run ok = run("export", "--project", proj.toString(), "--statement", id, "--to", out.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("wrote     ru/_posts/2020-05-01-may-day.md  → https://example.org/ru/2020/may-day/")
                .contains("Links checked: 2, ok: 2, not found: 0");
        assertThat(Files.readString(out.resolve("en/_posts/2020-05-01-may-day.md")))
                .isEqualTo("---\ntitle: May Day\n---\n\n[Первомай](https://example.org/ru/2020/may-day/)\n\nEveryone to the march.\n");
        Run again = run("export", "--project", proj.toString(), "--statement", id, "--to", out.toString());
        assertThat(again.out()).contains("unchanged ru/_posts/2020-05-01-may-day.md");

        // the :year-only URL cannot name the file of a post whose path needs month and day
        try (Project p = Project.open(proj, true)) {
            DocumentVersion ru = p.loadVersion(id, "ru").orElseThrow();
            p.saveVersion(id, ru.withParagraphs(java.util.List.of(Paragraph.plain("p1", "См. [прошлый год](https://example.org/en/2019/may-day/)."))), null);
        }
        // a link to a post neither in the project nor in the folder is a warning: every file was written, exit 0
        Run broken = run("export", "--project", proj.toString(), "--statement", id, "--to", out.toString());
        assertThat(broken.code()).as(broken.err()).isZero();
        assertThat(broken.out()).contains("warning: link in ru/_posts/2020-05-01-may-day.md to a post neither in the project"
                + " nor in the folder: https://example.org/en/2019/may-day/");

        Run bundle = run("export", "--project", proj.toString(), "--statement", id, "--to", out.toString(), "--bundle");
        assertThat(bundle.code()).isEqualTo(Main.FAILURE);
        assertThat(bundle.err().strip()).isEqualTo("diptych: statement '" + id + "': no aligned pair to bundle; align two versions first ('diptych align')");
        assertThat(run("export", "--project", proj.toString(), "--to", out.toString()).code()).isEqualTo(Main.USAGE);
    }
}
