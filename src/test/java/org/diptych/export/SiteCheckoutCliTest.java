package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diptych.cli.CliTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's command-line check: a post pair with its link lines removed, imported with the real importer and
 * exported into a checkout of its site that holds the site's other posts (the ones the pair links to), comes
 * back equal to the originals, link lines included, every link found, exit 0; a second export changes nothing.
 */
class SiteCheckoutCliTest {
    @TempDir
    Path tmp;

    static final String ID = RealWorldPairTest.ID;

    @Test
    void importedWithoutLinkLinesAndExportedIntoTheSiteTheyEqualTheOriginals() throws IOException {
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("_posts"));
        Files.createDirectories(site.resolve("en/_posts"));
        Files.writeString(site.resolve("_config.yml"), "title: Союз\nurl: https://union.example.org\n");
        Files.writeString(site.resolve("_posts/2020-03-02-dockers.md"),
                "---\ntitle: Докеры\n---\n\nДокеры порта бастуют третий день.\n", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("en/_posts/2020-03-02-dockers.md"),
                "---\ntitle: Dockers\n---\n\nThe port's dockers are on strike for the third day.\n", StandardCharsets.UTF_8);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path ru = Files.writeString(in.resolve("strike-fund.ru.md"), RealWorldPairTest.withoutLinkLine(RealWorldPairTest.RU));
        Path en = Files.writeString(in.resolve("strike-fund.en.md"), RealWorldPairTest.withoutLinkLine(RealWorldPairTest.EN));
        String proj = tmp.resolve("proj").toString();

        ok(CliTestSupport.run("new", proj, "--languages", "ru,en"));
        ok(CliTestSupport.run("site", "--project", proj, "--lang", "ru", "--url", "https://union.example.org/:year/:month/:day/:slug.html",
                "--path", "_posts/:year-:month-:day-:slug.md"));
        ok(CliTestSupport.run("site", "--project", proj, "--lang", "en", "--url", "https://union.example.org/en/:year/:month/:day/:slug.html",
                "--path", "en/_posts/:year-:month-:day-:slug.md"));
        ok(CliTestSupport.run("import", "--project", proj, "--statement", ID, "--lang", "ru", ru.toString()));
        ok(CliTestSupport.run("import", "--project", proj, "--statement", ID, "--lang", "en", en.toString()));

        CliTestSupport.Result export = CliTestSupport.run("export", "--project", proj, "--statement", ID, "--to", site.toString());
        ok(export);
        assertThat(export.out()).contains("Links checked: 4, ok: 4, not found: 0").doesNotContain("warning");
        assertThat(Files.readString(site.resolve("_posts/" + ID + ".md"), StandardCharsets.UTF_8)).isEqualTo(RealWorldPairTest.RU);
        assertThat(Files.readString(site.resolve("en/_posts/" + ID + ".md"), StandardCharsets.UTF_8)).isEqualTo(RealWorldPairTest.EN);
        assertThat(ru).hasContent(RealWorldPairTest.withoutLinkLine(RealWorldPairTest.RU)); // the user's file untouched

        CliTestSupport.Result again = CliTestSupport.run("export", "--project", proj, "--statement", ID, "--to", site.toString());
        ok(again);
        assertThat(again.out()).contains("unchanged _posts/" + ID + ".md").contains("unchanged en/_posts/" + ID + ".md");
    }

    private static void ok(CliTestSupport.Result r) {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }
}
