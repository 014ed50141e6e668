package org.diptych.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diptych.model.DocumentVersion;
import org.diptych.project.Project;
import org.diptych.review.ReviewStore;
import org.diptych.translate.TargetVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meta}, {@code export --allow-incomplete} and a real pair of posts through the command line. */
class MetaExportCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    static final String ID = "2023-05-01-may-day";
    static final String RU = """
            ---
            layout: post
            title: "Первомай: все на улицы"
            date: 2023-05-01
            tags:
            - праздник
            - профсоюзы
            ---

            [May Day: everyone to the streets](/en/2023/05/01/may-day/)

            Первого мая мы выходим на улицы вместе с профсоюзами города.

            Сбор в 11:00 у проходной завода. Подробнее — в [прошлогоднем заявлении](/ru/2022/05/01/may-day/).
            """;
    static final String EN = """
            ---
            layout: post
            title: "May Day: everyone to the streets"
            date: 2023-05-01
            tags:
            - holiday
            - unions
            ---

            [Первомай: все на улицы](/ru/2023/05/01/may-day/)

            On the first of May we take to the streets with the city's unions.

            We gather at 11:00 at the factory gate. More in [last year's statement](/en/2022/05/01/may-day/).
            """;

    private static String withoutLinkLine(String post) {
        return post.replaceFirst("\n\n\\[[^\\n]*\\]\\([^\\n]*\\)\n", "\n");
    }

    private Path projectWithThePair() throws Exception {
        Path proj = tmp.resolve("proj");
        assertThat(run("new", proj.toString(), "--languages", "ru,en").code()).isZero();
        for (String l : List.of("ru", "en")) {
            Run s = run("site", "--project", proj.toString(), "--lang", l, "--url", "/" + l + "/:year/:month/:day/:slug/",
                    "--path", l + "/_posts/:year-:month-:day-:slug.md");
            assertThat(s.code()).as(s.err()).isZero();
            Path f = tmp.resolve("in/" + l + "/" + ID + ".md");
            Files.createDirectories(f.getParent());
            Files.writeString(f, withoutLinkLine(l.equals("ru") ? RU : EN), StandardCharsets.UTF_8);
            Run i = run("import", "--project", proj.toString(), "--statement", ID, "--lang", l, f.toString());
            assertThat(i.code()).as(i.err()).isZero();
        }
        return proj;
    }

    @Test
    void aPairImportedWithoutItsLinkLinesIsExportedIntoTheSiteCheckoutAsTheOriginals() throws Exception {
        assertThat(withoutLinkLine(RU)).doesNotContain("May Day").contains("---\n\nПервого мая");
        Path proj = projectWithThePair();
        // a checkout of the site: last year's posts and an unrelated one
        Path site = tmp.resolve("site");
        for (String rel : List.of("ru/_posts/2022-05-01-may-day.md", "en/_posts/2022-05-01-may-day.md", "ru/_posts/2022-11-07-other.md")) {
            Files.createDirectories(site.resolve(rel).getParent());
            Files.writeString(site.resolve(rel), "---\ntitle: old\n---\n\nold\n");
        }
        Run r = run("export", "--project", proj.toString(), "--statement", ID, "--to", site.toString());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("Links checked: 4, ok: 4, not found: 0");
        assertThat(Files.readString(site.resolve("ru/_posts/" + ID + ".md"), StandardCharsets.UTF_8)).isEqualTo(RU);
        assertThat(Files.readString(site.resolve("en/_posts/" + ID + ".md"), StandardCharsets.UTF_8)).isEqualTo(EN);
    }

    @Test
    void metaShowsAndEditsAVersionsFrontMatterAndLogsTheEdit() throws Exception {
        Path proj = projectWithThePair();
        Run show = run("meta", "--project", proj.toString(), "--statement", ID, "--lang", "en");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).startsWith("layout: post\ntitle: May Day: everyone to the streets\n");

        Run set = run("meta", "--project", proj.toString(), "--statement", ID, "--lang", "en",
                "--set", "title=May Day 2023", "--set", "author=Editors", "--json");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("\"title\" : \"May Day 2023\"").contains("\"author\" : \"Editors\"").contains("\"lang\" : \"en\"");
        try (Project p = Project.open(proj, false)) {
            DocumentVersion en = p.loadVersion(ID, "en").orElseThrow();
            assertThat(en.frontMatter().raw()).contains("\ntitle: \"May Day 2023\"\n").endsWith("author: Editors\n---");
            assertThat(ReviewStore.loadEdits(p, ID, "en")).extracting(e -> e.paragraphId() + "=" + e.before() + "→" + e.after())
                    .containsExactly("fm:title=May Day: everyone to the streets→May Day 2023", "fm:author=→Editors");
        }
        // the ru post links to the en one under its new title
        Path site = tmp.resolve("site");
        assertThat(run("export", "--project", proj.toString(), "--statement", ID, "--to", site.toString()).code()).isZero();
        assertThat(Files.readString(site.resolve("ru/_posts/" + ID + ".md"))).contains("[May Day 2023](/en/2023/05/01/may-day/)");

        Run bad = run("meta", "--project", proj.toString(), "--statement", ID, "--lang", "en", "--set", "no value");
        assertThat(bad.code()).isEqualTo(2);
        Run missing = run("meta", "--project", proj.toString(), "--statement", ID, "--lang", "pt");
        assertThat(missing.code()).isEqualTo(Main.FAILURE);
        assertThat(missing.err().lines()).hasSize(1);
    }

    /** The version's files as they are: version.json and edits.json. */
    private static String versionFiles(Path proj) throws Exception {
        Path vd = proj.resolve("statements/" + ID + "/en");
        Path edits = vd.resolve("edits.json");
        return Files.readString(vd.resolve("version.json")) + "\n--\n" + (Files.exists(edits) ? Files.readString(edits) : "(none)");
    }

    @Test
    void metaEditsListsInTheFilesOwnStyleInOneChangeAlsoOnAFullDisk() throws Exception {
        Path proj = projectWithThePair();
        String before = versionFiles(proj);
        String[] args = {"meta", "--project", proj.toString(), "--statement", ID, "--lang", "en",
                "--set", "tags[2]=trade unions", "--add", "tags=strike", "--add", "signatories={name: I. Petrova, org: Union council}",
                "--remove", "tags[1]"};
        // a disk that fills up at any point of the change: nothing changed, one line
        int failed = 0;
        for (long budget : new long[] {0, 1, 200, 1500, 3000}) {
            org.diptych.project.AtomicFiles.Faults.failAfterBytes(budget);
            Run r = run(args);
            org.diptych.project.AtomicFiles.Faults.clear();
            if (r.code() == 0) break;
            failed++;
            assertThat(r.err().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).contains("No space left on device");
            assertThat(versionFiles(proj)).as("budget " + budget).isEqualTo(before);
        }
        assertThat(failed).isGreaterThan(1);
        assertThat(versionFiles(proj)).isEqualTo(before);

        Run edit = run(args);
        assertThat(edit.code()).as(edit.err()).isZero();
        assertThat(edit.out()).contains("tags:\n  1. trade unions\n  2. strike\n")
                .contains("signatories:\n  1. {name: I. Petrova, org: Union council}\n");
        try (Project p = Project.open(proj, false)) {
            DocumentVersion en = p.loadVersion(ID, "en").orElseThrow();
            // the block list stays a block list with its dash; a new list key is added as a block list
            assertThat(en.frontMatter().raw()).isEqualTo("""
                    ---
                    layout: post
                    title: "May Day: everyone to the streets"
                    date: 2023-05-01
                    tags:
                    - trade unions
                    - strike
                    signatories:
                    - name: I. Petrova
                      org: Union council
                    ---""");
            assertThat(ReviewStore.loadEdits(p, ID, "en")).extracting(e -> e.paragraphId() + "=" + e.before() + "→" + e.after())
                    .containsExactly("fm:tags=[holiday, unions]→[holiday, trade unions]",
                            "fm:tags=[holiday, trade unions]→[holiday, trade unions, strike]",
                            "fm:signatories=→[{name: I. Petrova, org: Union council}]",
                            "fm:tags=[holiday, trade unions, strike]→[trade unions, strike]");
        }
        Run notAList = run("meta", "--project", proj.toString(), "--statement", ID, "--lang", "en", "--add", "title=x");
        assertThat(notAList.code()).isEqualTo(Main.FAILURE);
        assertThat(notAList.err().lines()).hasSize(1);
        assertThat(notAList.err()).contains(Path.of("statements", ID, "en", "version.json").toString())
                .contains("--add title: front matter: 'title' is a single value, not a list (set it with --set title=VALUE)");
        Run usage = run("meta", "--project", proj.toString(), "--statement", ID, "--lang", "en", "--remove", "tags");
        assertThat(usage.code()).isEqualTo(2);
    }

    @Test
    void anIncompleteTranslationExitsOneListingItUnlessAllowed() throws Exception {
        Path proj = projectWithThePair();
        assertThat(run("site", "--project", proj.toString(), "--lang", "en", "--url", "/en/:year/:month/:day/:slug/",
                "--path", "en/_posts/:year-:month-:day-:slug.md").code()).isZero();
        try (Project p = Project.open(proj, true)) {
            // the en version made again as a translation started in Diptych: nothing translated yet
            DocumentVersion ru = p.loadVersion(ID, "ru").orElseThrow();
            TargetVersions.Start s = TargetVersions.start(ID, ru, "en", p.manifest().sites());
            p.saveVersion(ID, s.target(), null);
            p.saveAlignment(s.alignment());
        }
        Path site = tmp.resolve("site");
        Run refused = run("export", "--project", proj.toString(), "--statement", ID, "--to", site.toString());
        assertThat(refused.code()).isEqualTo(Main.FAILURE);
        assertThat(refused.err()).contains("diptych: [en] untranslated title: «Первомай: все на улицы»")
                .contains("diptych: [en] untranslated row 1: «Первого мая мы выходим на улицы вместе с профсоюзами города.»")
                .contains("diptych: [en] untranslated row 2: «Сбор в 11:00");
        assertThat(site).doesNotExist();

        Run allowed = run("export", "--project", proj.toString(), "--statement", ID, "--to", site.toString(), "--allow-incomplete");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("warning: [en] untranslated row 1: «Первого мая")
                .contains("warning: [en] untranslated row 2: «Сбор в 11:00");
    }
}
