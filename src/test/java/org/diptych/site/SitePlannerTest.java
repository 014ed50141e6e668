package org.diptych.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.diptych.Progress;
import org.diptych.project.Project;
import org.diptych.site.ImportPlan.PlannedStatement;
import org.diptych.site.ImportPlan.PlannedVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePlannerTest {
    @TempDir
    Path tmp;
    Project project;

    @BeforeEach
    void setUp() {
        project = Project.create(tmp.resolve("project"), "t", List.of("ru", "en", "pt"));
    }

    @AfterEach
    void tearDown() {
        project.close();
    }

    private ImportPlan plan(Path site) {
        return SitePlanner.plan(project, site, Progress.NONE);
    }

    private static PlannedStatement statement(ImportPlan plan, String id) {
        return plan.statements().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no statement " + id + " in " + plan.statements()));
    }

    private static Map<String, String> langs(PlannedStatement s) {
        return s.versions().stream().collect(java.util.stream.Collectors.toMap(PlannedVersion::lang, PlannedVersion::path));
    }

    @Test
    void anUnmarkedLinkIsTheLanguageNoOtherLinkMarks() {
        // every language in a folder of its own, no config: en's URLs carry no language segment, ru's and pt's do
        Path site = tmp.resolve("site");
        String ru = "/ru/statements/2020/05/01/vosem-chasov", en = "/statements/2020/05/01/vosem-chasov",
                pt = "/pt/declaracoes/2020/05/01/vosem-chasov";
        SiteFixtures.write(site, "ru/2020-05-01-vosem-chasov.md", SiteFixtures.yaml("Восемь часов", "lang: ru\n")
                + "[Eight hours](" + en + ")\n\n[Oito horas](" + pt + ")\n\n" + SiteFixtures.RU_BODY);
        SiteFixtures.write(site, "en/2020-05-01-vosem-chasov.md", SiteFixtures.yaml("Eight hours", "lang: en\n")
                + "[Восемь часов](" + ru + ")\n\n[Oito horas](" + pt + ")\n\n" + SiteFixtures.EN_BODY);
        SiteFixtures.write(site, "pt/2020-05-01-vosem-chasov.md", SiteFixtures.yaml("Oito horas", "lang: pt\n")
                + "[Восемь часов](" + ru + ")\n\n[Eight hours](" + en + ")\n\n" + SiteFixtures.PT_BODY);
        ImportPlan plan = plan(site);
        assertThat(plan.ambiguous()).isEmpty();
        PlannedStatement s = statement(plan, "2020-05-01-vosem-chasov");
        assertThat(langs(s)).containsOnlyKeys("ru", "en", "pt");
        assertThat(s.pairedBy()).isEqualTo("reciprocal links");
    }

    @Test
    void jekyllFoldersWithTopLinks() {
        ImportPlan plan = plan(SiteFixtures.jekyllFolders(tmp.resolve("site")));
        assertThat(plan.ambiguous()).isEmpty();
        assertThat(plan.notes()).isEmpty();
        assertThat(plan.statements()).extracting(PlannedStatement::id)
                .containsExactly("2020-05-01-vosem-chasov", "2020-06-12-tolko-russkiy");
        PlannedStatement s = statement(plan, "2020-05-01-vosem-chasov");
        assertThat(langs(s)).containsEntry("ru", "_posts/2020-05-01-vosem-chasov.md")
                .containsEntry("en", "en/_posts/2020-05-01-vosem-chasov.md")
                .containsEntry("pt", "pt/_posts/2020-05-01-vosem-chasov.md");
        assertThat(s.pairedBy()).isEqualTo("reciprocal links");
        assertThat(plan.otherLanguages()).containsOnlyKeys("de");
        assertThat(plan.skipped()).extracting(ImportPlan.Skipped::path)
                .contains("_drafts/", "_layouts/", "_includes/", "assets/", "index.md", "README.md");
        assertThat(plan.profiles().get("en").profile().urlPattern()).isEqualTo("https://union.example.org/en/:year/:month/:day/:slug/");
        assertThat(plan.profiles().get("en").profile().pathPattern()).isEqualTo("en/_posts/:year-:month-:day-:slug.md");
        assertThat(plan.profiles().get("ru").profile().urlPattern()).isEqualTo("https://union.example.org/:year/:month/:day/:slug/");
        assertThat(plan.profiles().get("ru").profile().linkStyle()).isEqualTo("top-line");
        assertThat(plan.ambiguous()).isEmpty();
    }

    @Test
    void polyglotLangKeyAndSiteRelativeLinks() {
        ImportPlan plan = plan(SiteFixtures.polyglot(tmp.resolve("site")));
        PlannedStatement s = statement(plan, "2021-02-03-trud");
        assertThat(langs(s)).containsEntry("ru", "_posts/2021-02-03-trud.md").containsEntry("en", "_posts/2021-02-03-labour.md");
        assertThat(s.versions()).allSatisfy(v -> assertThat(v.langHow()).isEqualTo("front matter 'lang'"));
        assertThat(statement(plan, "2021-03-04-solo").versions()).hasSize(1);
    }

    @Test
    void polyglotLanguageFoldersInsidePostsPairBySameFileName() {
        // as the jekyll-polyglot site itself keeps its translated posts: _posts/<lang>/ beside the default ones
        Path site = tmp.resolve("site");
        SiteFixtures.write(site, "_config.yml", "languages: [\"en\", \"ru\", \"pt-BR\"]\ndefault_lang: \"en\"\npermalink: pretty\n");
        SiteFixtures.write(site, "_posts/2021-04-18-release.md", SiteFixtures.yaml("Release", "lang: en\n") + SiteFixtures.EN_BODY);
        SiteFixtures.write(site, "_posts/ru/2021-04-18-release.md", SiteFixtures.yaml("Выпуск", "lang: ru\n") + SiteFixtures.RU_BODY);
        SiteFixtures.write(site, "_posts/pt-BR/2021-04-18-release.md", SiteFixtures.yaml("Versão", "lang: pt-BR\n") + SiteFixtures.PT_BODY);
        SiteFixtures.write(site, "_posts/ru/2021-05-01-only-ru.md", SiteFixtures.yaml("Только по-русски", "lang: ru\n") + SiteFixtures.RU_BODY);
        ImportPlan plan = plan(site);
        PlannedStatement s = statement(plan, "2021-04-18-release");
        assertThat(langs(s)).containsEntry("en", "_posts/2021-04-18-release.md").containsEntry("ru", "_posts/ru/2021-04-18-release.md")
                .containsEntry("pt-BR", "_posts/pt-BR/2021-04-18-release.md");
        assertThat(s.pairedBy()).isEqualTo("same file name");
        // the language folder is no part of the id
        assertThat(statement(plan, "2021-05-01-only-ru").versions()).hasSize(1);
        assertThat(plan.statements()).hasSize(2);
    }

    @Test
    void hugoFileNameSuffixWithTomlFrontMatter() {
        ImportPlan plan = plan(SiteFixtures.hugoSuffix(tmp.resolve("site")));
        assertThat(plan.statements()).hasSize(1);
        PlannedStatement s = statement(plan, "strike");
        assertThat(langs(s)).containsEntry("en", "content/posts/strike.md").containsEntry("ru", "content/posts/strike.ru.md")
                .containsEntry("pt-BR", "content/posts/strike.pt-br.md");
        assertThat(s.pairedBy()).isEqualTo("same file name");
        assertThat(plan.skippedCounts()).containsKeys("index page (section list)", "draft (draft: true or published: false)");
        assertThat(plan.profiles().get("ru").profile().pathPattern()).isEqualTo("content/posts/:slug.ru.md");
        assertThat(plan.profiles().get("ru").profile().urlPattern()).isEqualTo("https://hugo.example.org/ru/posts/:slug/");
        assertThat(plan.profiles().get("en").profile().urlPattern()).isEqualTo("https://hugo.example.org/posts/:slug/");
    }

    @Test
    void hugoContentFoldersByTranslationKeyAndAnAmbiguousOne() {
        ImportPlan plan = plan(SiteFixtures.hugoFolders(tmp.resolve("site")));
        PlannedStatement s = statement(plan, "zabastovka");
        assertThat(langs(s)).containsEntry("ru", "content/ru/posts/zabastovka.md").containsEntry("en", "content/en/posts/strike.md");
        assertThat(s.pairedBy()).isEqualTo("translationKey");
        // one ru post, two en posts with the same key: reported, not guessed
        assertThat(plan.ambiguous()).hasSize(1);
        assertThat(plan.ambiguous().get(0).paths()).contains("content/en/posts/peace.md", "content/en/posts/peace-again.md");
        assertThat(plan.statements()).extracting(PlannedStatement::id).doesNotContain("mir", "peace", "peace-again");
        assertThat(plan.profiles().get("en").profile().urlPattern()).isEqualTo("https://folders.example.org/en/posts/:slug/");
    }

    @Test
    void badIdsAreRefused() {
        assertThat(SitePlanner.idProblem("2020-01-01-ok")).isNull();
        assertThat(SitePlanner.idProblem("a..b")).contains("..");
        assertThat(SitePlanner.idProblem("con")).contains("reserved");
        assertThat(SitePlanner.idProblem("LPT1.txt")).contains("reserved");
        assertThat(SitePlanner.idProblem("a\u0007b")).contains("control");
        assertThat(SitePlanner.idProblem("a\\b")).contains("separator");
    }
}
