package org.diptych.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.export.Site;
import org.diptych.formats.FrontMatterParser;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.project.Manifest;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site profile's locale (pt_BR for a Brazilian team) is what a started translation's front matter names. */
class ProfileLocaleTest {
    @TempDir
    Path tmp;

    static DocumentVersion ru(String languageKeys) {
        String text = "---\ntitle: \"Письмо о жаре\"\n" + languageKeys + "---\n";
        FrontMatter fm = FrontMatterParser.split(text, "ru.md").frontMatter();
        return new DocumentVersion("ru", "ru.md", "markdown", "UTF-8", fm,
                List.of(Paragraph.plain("p1", "На складе 34 градуса.")));
    }

    static Map<String, SiteProfile> pt(String locale) {
        return Map.of("pt", new SiteProfile("https://e.org/pt/:year/:slug/", "pt/_posts/:year-:month-:day-:slug.md", null, locale));
    }

    @Test
    void aPtProfileWithPtBrGivesLocalePtBrInAStartedPtTranslation() {
        String raw = TargetVersions.start("2025-06-12-calor", ru("lang: ru\nlocale: ru_RU\n"), "pt", pt("pt_BR"))
                .target().frontMatter().raw();
        assertThat(raw).contains("\nlang: pt\n").contains("\nlocale: pt_BR").doesNotContain("pt_PT");
        // the file's own form is kept: a dash stays a dash
        assertThat(TargetVersions.start("2025-06-12-calor", ru("locale: ru-RU\n"), "pt", pt("pt_BR"))
                .target().frontMatter().raw()).contains("\nlocale: pt-BR");
        // without a locale in the profile (or without a profile): as before
        assertThat(TargetVersions.start("2025-06-12-calor", ru("locale: ru_RU\n"), "pt", pt(null))
                .target().frontMatter().raw()).contains("\nlocale: pt_PT");
        assertThat(TargetVersions.start("2025-06-12-calor", ru("locale: ru_RU\n"), "en", pt("pt_BR"))
                .target().frontMatter().raw()).contains("\nlocale: en_US");
    }

    @Test
    void aProfilesLocaleIsALanguageAndARegionOfItsOwnLanguage() {
        assertThat(Site.locale("pt", "pt-br")).isEqualTo("pt_BR");
        assertThat(Site.locale("pt", " ")).isNull();
        assertThatThrownBy(() -> Site.locale("pt", "brasil")).isInstanceOf(DiptychException.class)
                .hasMessage("site profile pt: locale 'brasil' is not a language and a region like pt_BR");
        assertThatThrownBy(() -> Site.locale("pt", "en_US")).isInstanceOf(DiptychException.class)
                .hasMessage("site profile pt: locale 'en_US' is not a locale of pt");
        assertThat(Site.of("pt", pt("pt_br").get("pt")).toProfile().locale()).isEqualTo("pt_BR");
    }

    @Test
    void theLocaleIsKeptInTheProfileJsonAndAProfileWithoutOneWritesNoKey() throws Exception {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir, "t", List.of("ru", "pt", "en"))) {
            Manifest m = p.manifest().withSite("pt", pt("pt_BR").get("pt"))
                    .withSite("en", new SiteProfile("https://e.org/en/:year/:slug/", "en/_posts/:year-:month-:day-:slug.md", null));
            p.saveManifest(m);
        }
        String json = Files.readString(dir.resolve("diptych.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"locale\" : \"pt_BR\"");
        assertThat(json.split("\"locale\"", -1)).hasSize(2); // only pt's
        // edited by hand in the JSON: read back
        Files.writeString(dir.resolve("diptych.json"), json.replace("\"pt_BR\"", "\"pt_AO\""), StandardCharsets.UTF_8);
        try (Project p = Project.open(dir, false)) {
            assertThat(p.manifest().sites().get("pt").locale()).isEqualTo("pt_AO");
            assertThat(p.manifest().sites().get("en").locale()).isNull();
        }
    }
}
