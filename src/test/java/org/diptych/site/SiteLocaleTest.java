package org.diptych.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.diptych.Progress;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-site reads a language's locale from the site's config into its inferred profile. */
class SiteLocaleTest {
    @TempDir
    Path tmp;

    @Test
    void aBrazilianLocaleInTheConfigBecomesThePtProfilesLocale() {
        Path site = SiteFixtures.jekyllFolders(tmp.resolve("site"));
        SiteFixtures.write(site, "_config.yml", "title: Профсоюз\nurl: \"https://union.example.org\"\nbaseurl: \"\"\n"
                + "lang: ru\nlocale: pt_BR\npermalink: pretty\n");
        try (Project p = Project.create(tmp.resolve("project"), "t", List.of("ru", "en", "pt"))) {
            ImportPlan plan = SitePlanner.plan(p, site, Progress.NONE);
            assertThat(plan.profiles().get("pt").profile().locale()).isEqualTo("pt_BR");
            assertThat(plan.profiles().get("pt").basis()).contains("locale pt_BR from _config.yml");
            assertThat(plan.profiles().get("en").profile().locale()).isNull();
            SiteImporter.run(p, plan, true, Progress.NONE);
            assertThat(p.manifest().sites().get("pt").locale()).isEqualTo("pt_BR");
            assertThat(p.manifest().sites().get("ru").locale()).isNull();
        }
        try (Project again = Project.open(tmp.resolve("project"), false)) {
            assertThat(again.manifest().sites().get("pt").locale()).isEqualTo("pt_BR");
        }
    }

    @Test
    void hugosLanguageCodeOfALanguageTableAndAPlainLanguageWithoutRegion() {
        SiteConfig hugo = SiteConfig.parse("hugo.toml", """
                baseURL = "https://hugo.example.org/"
                defaultContentLanguage = "en"
                [languages.pt]
                languageCode = "pt-br"
                weight = 2
                [languages.en]
                languageCode = "en"
                """, true);
        assertThat(hugo.locale("pt")).isEqualTo("pt_BR");
        assertThat(hugo.locale("en")).isNull();
        assertThat(SiteConfig.parse("_config.yml", "lang: ru\n", false).locales()).isEmpty();
    }
}
