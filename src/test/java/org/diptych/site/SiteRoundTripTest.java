package org.diptych.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.export.ExportOptions;
import org.diptych.export.ExportReport;
import org.diptych.export.Exporter;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.diptych.translate.TargetVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip on sites with nested sections and page bundles, one per convention: after an import, exporting
 * every statement back into the checkout changes no file, and a translation made in Diptych lands where the
 * site's convention puts its language.
 */
class SiteRoundTripTest {
    @TempDir
    Path tmp;

    private static final String SITE_HUGO_FOLDERS = """
            baseURL = "https://folders.example.org/"
            defaultContentLanguage = "en"
            defaultContentLanguageInSubdir = true
            [languages.en]
            [languages.ru]
            """;

    /** Hugo content folders, nested sections and a page bundle; pairs by the same file in sibling trees. */
    private static Path hugoFolders(Path root) {
        SiteFixtures.write(root, "config.toml", SITE_HUGO_FOLDERS);
        SiteFixtures.write(root, "content/en/news/2023/strike.md", "---\ntitle: The strike\n---\n\n" + SiteFixtures.EN_BODY);
        SiteFixtures.write(root, "content/ru/news/2023/strike.md", "---\ntitle: Забастовка\n---\n\n" + SiteFixtures.RU_BODY);
        SiteFixtures.write(root, "content/en/about/team/index.md", "---\ntitle: The team\n---\n\n" + SiteFixtures.EN_BODY);
        SiteFixtures.write(root, "content/ru/about/team/index.md", "---\ntitle: Команда\n---\n\n" + SiteFixtures.RU_BODY);
        SiteFixtures.write(root, "content/en/news/2023/_index.md", "---\ntitle: News of 2023\n---\n");
        SiteFixtures.write(root, "content/en/campaigns/local/meeting.md", "---\ntitle: The meeting\nslug: local-meeting\n---\n\n" + SiteFixtures.EN_BODY);
        return root;
    }

    /** Hugo translation by file name: the default language without a suffix, page bundles, nested sections. */
    private static Path hugoSuffix(Path root) {
        SiteFixtures.write(root, "hugo.toml", """
                baseURL = "https://hugo.example.org/"
                defaultContentLanguage = "en"
                [languages]
                  [languages.en]
                    weight = 1
                  [languages.ru]
                    weight = 2
                """);
        String fm = "+++\ntitle = \"%s\"\ndate = 2022-03-08T10:00:00+03:00\n+++\n\n";
        SiteFixtures.write(root, "content/posts/2022/strike/index.md", fm.formatted("The strike") + SiteFixtures.EN_BODY);
        SiteFixtures.write(root, "content/posts/2022/strike/index.ru.md", fm.formatted("Забастовка") + SiteFixtures.RU_BODY);
        SiteFixtures.write(root, "content/docs/guide/meeting.md", fm.formatted("The meeting") + SiteFixtures.EN_BODY);
        SiteFixtures.write(root, "content/docs/guide/meeting.ru.md", fm.formatted("Собрание") + SiteFixtures.RU_BODY);
        SiteFixtures.write(root, "content/docs/guide/only-ru.ru.md", fm.formatted("Только по-русски") + SiteFixtures.RU_BODY);
        return root;
    }

    /** Jekyll language folders with category folders inside _posts and hand-written top link lines; ru the default. */
    private static Path jekyllFolders(Path root) {
        SiteFixtures.write(root, "_config.yml", "url: \"https://union.example.org\"\nlang: ru\npermalink: /:year/:month/:day/:title/\n");
        String ru = "https://union.example.org/2020/05/01/vosem-chasov/";
        String en = "https://union.example.org/en/2020/05/01/vosem-chasov/";
        SiteFixtures.write(root, "blog/_posts/news/2020-05-01-vosem-chasov.md", SiteFixtures.yaml("Восемь часов", "")
                + "[English version](" + en + ")\n\n" + SiteFixtures.RU_BODY);
        SiteFixtures.write(root, "blog/en/_posts/news/2020-05-01-vosem-chasov.md", SiteFixtures.yaml("Eight hours", "")
                + "[Русская версия](" + ru + ")\n\n" + SiteFixtures.EN_BODY);
        SiteFixtures.write(root, "blog/_posts/news/2020-06-12-sobranie.md", SiteFixtures.yaml("Собрание", "")
                + SiteFixtures.RU_BODY);
        return root;
    }

    /** jekyll-polyglot: the language in a lang key, the default language in _posts/, the others in _posts/<lang>/. */
    private static Path polyglot(Path root) {
        SiteFixtures.write(root, "_config.yml", "url: https://polyglot.example.org\nlanguages: [\"en\", \"ru\"]\ndefault_lang: \"en\"\n");
        SiteFixtures.write(root, "_posts/2021-02-03-labour.md", SiteFixtures.yaml("Labour", "lang: en\n") + SiteFixtures.EN_BODY);
        SiteFixtures.write(root, "_posts/ru/2021-02-03-labour.md", SiteFixtures.yaml("Труд", "lang: ru\n") + SiteFixtures.RU_BODY);
        SiteFixtures.write(root, "_posts/2021-03-04-solo.md", SiteFixtures.yaml("One language", "lang: en\n") + SiteFixtures.EN_BODY);
        SiteFixtures.write(root, "about.md", SiteFixtures.yaml("About", "lang: en\npermalink: /about/\n") + SiteFixtures.EN_BODY);
        SiteFixtures.write(root, "about.ru.md", SiteFixtures.yaml("О нас", "lang: ru\npermalink: /about/\n") + SiteFixtures.RU_BODY);
        return root;
    }

    /** Imports the site, checks each version remembers its file, exports everything back: no file may change. */
    private Project importAndRoundTrip(Path site) {
        Map<String, byte[]> before = SiteFixtures.snapshot(site);
        Project p = Project.create(tmp.resolve("project"), "t", List.of("ru", "en", "pt"));
        ImportPlan plan = SitePlanner.plan(p, site, Progress.NONE);
        assertThat(plan.ambiguous()).isEmpty();
        SiteImporter.run(p, plan, true, Progress.NONE);
        for (ImportPlan.PlannedStatement s : plan.statements()) {
            for (ImportPlan.PlannedVersion v : s.versions()) {
                assertThat(p.loadVersion(s.id(), v.lang()).orElseThrow().sitePath()).isEqualTo(v.path());
            }
        }
        List<String> written = new ArrayList<>();
        for (String sid : p.statementIds()) {
            ExportReport r = new Exporter(p).export(ExportOptions.posts(sid, site).allowingIncomplete(true), Progress.NONE);
            for (ExportReport.ExportedFile f : r.files()) {
                written.add(site.relativize(f.path()).toString().replace('\\', '/'));
                assertThat(f.changed()).as(f.path().toString()).isFalse();
            }
        }
        assertThat(new TreeSet<>(written)).hasSize(plan.versionCount());
        Map<String, byte[]> after = SiteFixtures.snapshot(site);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String f : before.keySet()) assertThat(after.get(f)).as(f).isEqualTo(before.get(f));
        return p;
    }

    /** Starts a translation into {@code lang} from {@code from}, gives it one paragraph, exports it; the path written. */
    private static String translateAndExport(Project p, Path site, String id, String from, String lang) {
        DocumentVersion source = p.loadVersion(id, from).orElseThrow();
        TargetVersions.Start start = TargetVersions.start(id, source, lang, p.manifest().sites());
        List<Paragraph> body = new ArrayList<>(start.target().paragraphs());
        body.add(Paragraph.plain(start.target().nextParagraphId(), "Nós, membros do sindicato, exigimos a jornada de oito horas."));
        p.saveVersion(id, start.target().withParagraphs(body), null);
        p.saveAlignment(start.alignment());
        Exporter ex = new Exporter(p);
        ExportOptions opts = ExportOptions.posts(id, site).allowingIncomplete(true);
        String preview = ex.destinations(opts).stream().filter(d -> d.lang().equals(lang)).findFirst().orElseThrow().path();
        ExportReport r = ex.export(opts, Progress.NONE);
        ExportReport.ExportedFile f = r.files().stream().filter(x -> lang.equals(x.lang())).findFirst().orElseThrow();
        String rel = site.relativize(f.path()).toString().replace('\\', '/');
        assertThat(rel).as("the preview shows where it goes").isEqualTo(preview);
        assertThat(f.changed()).isTrue();
        // without top link lines the other versions are still their original files (with them, they link to the new one)
        if (!"top-line".equals(p.manifest().sites().get(from).linkStyle())) {
            for (ExportReport.ExportedFile o : r.files()) if (!lang.equals(o.lang())) assertThat(o.changed()).as(o.path().toString()).isFalse();
        }
        return rel;
    }

    private static String statementOf(Project p, String lang, String sitePath) {
        for (String sid : p.statementIds()) {
            var v = p.loadVersion(sid, lang);
            if (v.isPresent() && sitePath.equals(v.get().sitePath())) return sid;
        }
        throw new AssertionError("no statement has " + sitePath);
    }

    @Test
    void hugoContentFolders() throws Exception {
        Path site = hugoFolders(tmp.resolve("site"));
        try (Project p = importAndRoundTrip(site)) {
            String strike = statementOf(p, "en", "content/en/news/2023/strike.md");

            // a project imported before versions remembered their file: a re-run records the path, nothing else
            DocumentVersion old = p.loadVersion(strike, "ru").orElseThrow();
            p.saveVersion(strike, old.withSitePath(null), null);
            ImportPlan again = SitePlanner.plan(p, site, Progress.NONE);
            assertThat(again.count(ImportPlan.Action.UNCHANGED)).isEqualTo(again.versionCount());
            SiteImporter.Report r = SiteImporter.run(p, again, true, Progress.NONE);
            assertThat(r.replaced() + r.aligned()).isZero();
            DocumentVersion now = p.loadVersion(strike, "ru").orElseThrow();
            assertThat(now.sitePath()).isEqualTo("content/ru/news/2023/strike.md");
            assertThat(now.paragraphs()).isEqualTo(old.paragraphs());
            assertThat(r.warnings()).anyMatch(w -> w.startsWith("1 unchanged version(s): the path of their file in the site recorded"));

            assertThat(translateAndExport(p, site, strike, "en", "pt")).isEqualTo("content/pt/news/2023/strike.md");
            String team = statementOf(p, "en", "content/en/about/team/index.md");
            assertThat(translateAndExport(p, site, team, "ru", "pt")).isEqualTo("content/pt/about/team/index.md");
            // a statement in one language: the folder convention of the site's other languages
            String meeting = statementOf(p, "en", "content/en/campaigns/local/meeting.md");
            assertThat(translateAndExport(p, site, meeting, "en", "ru")).isEqualTo("content/ru/campaigns/local/meeting.md");
            String written = Files.readString(site.resolve("content/pt/news/2023/strike.md"), StandardCharsets.UTF_8);
            assertThat(written).contains("jornada de oito horas");
        }
    }

    @Test
    void hugoFileNameSuffixesAndPageBundles() throws Exception {
        Path site = hugoSuffix(tmp.resolve("site"));
        try (Project p = importAndRoundTrip(site)) {
            String strike = statementOf(p, "en", "content/posts/2022/strike/index.md");
            assertThat(translateAndExport(p, site, strike, "en", "pt")).isEqualTo("content/posts/2022/strike/index.pt.md");
            String meeting = statementOf(p, "ru", "content/docs/guide/meeting.ru.md");
            assertThat(translateAndExport(p, site, meeting, "ru", "pt")).isEqualTo("content/docs/guide/meeting.pt.md");
            // into the default language, whose files have no suffix
            String onlyRu = statementOf(p, "ru", "content/docs/guide/only-ru.ru.md");
            assertThat(translateAndExport(p, site, onlyRu, "ru", "en")).isEqualTo("content/docs/guide/only-ru.md");

            // a site path edited by hand to leave the checkout is refused, nothing written
            DocumentVersion v = p.loadVersion(meeting, "ru").orElseThrow();
            p.saveVersion(meeting, v.withSitePath("../outside.md"), null);
            assertThatThrownBy(() -> new Exporter(p).export(ExportOptions.posts(meeting, site).allowingIncomplete(true), Progress.NONE))
                    .isInstanceOf(DiptychException.class).hasMessageContaining("would leave the folder");
            assertThat(tmp.resolve("outside.md")).doesNotExist();
        }
    }

    @Test
    void jekyllLanguageFolders() throws Exception {
        Path site = jekyllFolders(tmp.resolve("site"));
        try (Project p = importAndRoundTrip(site)) {
            // the team gives pt its URLs (its path pattern is for statements that come from no site)
            p.saveManifest(p.manifest().withSite("pt", new SiteProfile("https://union.example.org/pt/:year/:month/:day/:slug/",
                    "pt/_posts/:year-:month-:day-:slug.md", "top-line")));
            String eight = statementOf(p, "ru", "blog/_posts/news/2020-05-01-vosem-chasov.md");
            assertThat(translateAndExport(p, site, eight, "ru", "pt")).isEqualTo("blog/pt/_posts/news/2020-05-01-vosem-chasov.md");
            String ruFile = Files.readString(site.resolve("blog/_posts/news/2020-05-01-vosem-chasov.md"));
            assertThat(ruFile).contains("(https://union.example.org/en/2020/05/01/vosem-chasov/)")
                    .contains("(https://union.example.org/pt/2020/05/01/vosem-chasov/)");
            String meeting = statementOf(p, "ru", "blog/_posts/news/2020-06-12-sobranie.md");
            assertThat(translateAndExport(p, site, meeting, "ru", "en")).isEqualTo("blog/en/_posts/news/2020-06-12-sobranie.md");
        }
    }

    @Test
    void polyglotLangKey() throws Exception {
        Path site = polyglot(tmp.resolve("site"));
        try (Project p = importAndRoundTrip(site)) {
            String labour = statementOf(p, "en", "_posts/2021-02-03-labour.md");
            assertThat(translateAndExport(p, site, labour, "en", "pt")).isEqualTo("_posts/pt/2021-02-03-labour.md");
            assertThat(Files.readString(site.resolve("_posts/pt/2021-02-03-labour.md"))).contains("lang: pt");
            String about = statementOf(p, "en", "about.md");
            assertThat(translateAndExport(p, site, about, "en", "pt")).isEqualTo("about.pt.md");
            String solo = statementOf(p, "en", "_posts/2021-03-04-solo.md");
            assertThat(translateAndExport(p, site, solo, "en", "ru")).isEqualTo("_posts/ru/2021-03-04-solo.md");
        }
    }

    @Test
    void aNewVersionDoesNotOverwriteAnotherStatementsFile() throws Exception {
        Path site = hugoFolders(tmp.resolve("site"));
        try (Project p = importAndRoundTrip(site)) {
            // a statement imported by hand earlier, which the pt site profile puts at content/pt/campaigns/local/meeting.md
            Path hand = tmp.resolve("reuniao.md");
            Files.writeString(hand, "---\ntitle: A reunião antiga\n---\n\n" + SiteFixtures.PT_BODY);
            org.diptych.formats.Importer.importInto(p, "meeting", hand,
                    new org.diptych.formats.ImportOptions("pt", null, "markdown"), false);
            p.saveManifest(p.manifest().withSite("pt", new SiteProfile("https://folders.example.org/pt/campaigns/local/:slug/",
                    "content/pt/campaigns/local/:slug.md", "none")));
            new Exporter(p).export(ExportOptions.posts("meeting", site), Progress.NONE);
            Path theirs = site.resolve("content/pt/campaigns/local/meeting.md");
            byte[] before = Files.readAllBytes(theirs);

            // the site's own meeting page (slug local-meeting): its new pt version would go to the same file
            String meeting = statementOf(p, "en", "content/en/campaigns/local/meeting.md");
            assertThat(meeting).isEqualTo("local-meeting");
            DocumentVersion source = p.loadVersion(meeting, "en").orElseThrow();
            TargetVersions.Start start = TargetVersions.start(meeting, source, "pt", p.manifest().sites());
            p.saveVersion(meeting, start.target(), null);
            p.saveAlignment(start.alignment());
            assertThat(new Exporter(p).destinations(ExportOptions.posts(meeting, site)).stream()
                    .filter(d -> d.lang().equals("pt")).findFirst().orElseThrow().path()).isEqualTo("content/pt/campaigns/local/meeting.md");
            assertThatThrownBy(() -> new Exporter(p).export(ExportOptions.posts(meeting, site).allowingIncomplete(true), Progress.NONE))
                    .isInstanceOf(DiptychException.class)
                    .hasMessageContaining("content/pt/campaigns/local/meeting.md")
                    .hasMessageContaining("would overwrite the file of meeting [pt]")
                    .hasMessageNotContaining("\n");
            assertThat(Files.readAllBytes(theirs)).isEqualTo(before);
        }
    }
}
