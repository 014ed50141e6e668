package org.diptych.spell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.model.FrontMatter;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's spelling of a language: the locale from the site profile or the version's front matter, and the
 * ignored words and rules kept in the project folder (read back when the project is opened again).
 */
class ProjectSpellingTest {
    @TempDir
    Path tmp;

    private static FrontMatter fm(String key, String value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("title", "Greve no porto");
        f.put(key, value);
        return new FrontMatter(FrontMatter.Style.YAML, "---\ntitle: Greve no porto\n" + key + ": " + value + "\n---", f);
    }

    @Test
    void theLocaleComesFromTheSiteProfileThenTheFrontMatterElseTheLanguageAsItIs() {
        Map<String, SiteProfile> br = Map.of("pt", new SiteProfile("https://x.org/:slug/", "_posts/:slug.md", "top-line", "pt_BR"));
        Map<String, SiteProfile> plain = Map.of("pt", new SiteProfile("https://x.org/:slug/", "_posts/:slug.md", "top-line"));
        assertThat(ProjectSpelling.locale(br, "pt", null)).isEqualTo("pt-BR");
        assertThat(ProjectSpelling.locale(br, "pt", fm("locale", "pt_PT"))).as("the profile first").isEqualTo("pt-BR");
        assertThat(ProjectSpelling.locale(plain, "pt", fm("locale", "pt_BR"))).isEqualTo("pt-BR");
        assertThat(ProjectSpelling.locale(Map.of(), "pt", fm("lang", "pt-br"))).isEqualTo("pt-BR");
        assertThat(ProjectSpelling.locale(Map.of(), "en", fm("locale", "en_GB"))).isEqualTo("en-GB");
        // a locale of another language, or none: the language as it is (LanguageTool's default variant)
        assertThat(ProjectSpelling.locale(br, "en", fm("locale", "pt_BR"))).isEqualTo("en");
        assertThat(ProjectSpelling.locale(plain, "pt", fm("lang", "pt"))).isEqualTo("pt");
        assertThat(ProjectSpelling.locale(null, "pt-BR", null)).isEqualTo("pt-BR");
        assertThat(SpellChecker.variant(ProjectSpelling.locale(plain, "pt", null))).contains("pt-PT");
    }

    @Test
    void ignoredWordsAndRulesAreKeptPerLanguageAndReadBack() throws Exception {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir, "p", List.of("ru", "pt"))) {
            ProjectSpelling pt = ProjectSpelling.load(p, "pt", null);
            assertThat(pt.accepts("Severotruba")).isFalse();
            assertThat(pt.ignoreWord("Severotruba")).isTrue();
            assertThat(pt.ignoreWord("Severotruba")).isFalse();
            assertThat(pt.ignoreRule("WORD_REPEAT_RULE")).isTrue();
            assertThat(pt.ignoreRule("PT_COMMA_RULE")).isTrue();
            assertThat(pt.accepts("Severotruba")).isTrue();
            assertThat(pt.accepts("severotruba")).as("an ignored word is taken as written").isFalse();
        }
        assertThat(Files.readAllLines(dir.resolve("ignored-words.pt.txt"), StandardCharsets.UTF_8)).containsExactly("Severotruba");
        assertThat(Files.readAllLines(dir.resolve("ignored-rules.pt.txt"), StandardCharsets.UTF_8))
                .containsExactly("PT_COMMA_RULE", "WORD_REPEAT_RULE");
        try (Project p = Project.open(dir, false)) {
            ProjectSpelling pt = ProjectSpelling.load(p, "pt-BR", null);
            assertThat(pt.accepts("Severotruba")).isTrue();
            assertThat(pt.ignoresRule("WORD_REPEAT_RULE")).isTrue();
            assertThat(pt.ignoresRule("MORFOLOGIK_RULE_PT_PT")).isFalse();
            ProjectSpelling ru = ProjectSpelling.load(p, "ru", null);
            assertThat(ru.accepts("Severotruba")).isFalse();
            assertThat(ru.ignoresRule("WORD_REPEAT_RULE")).isFalse();
        }
    }

    @Test
    void aListThatIsALinkOutOfTheProjectIsRefusedAndNothingIsWrittenThere() throws Exception {
        Path dir = tmp.resolve("q");
        Path outside = Files.writeString(tmp.resolve("elsewhere.txt"), "RULE_OF_SOMEONE_ELSE\n");
        try (Project p = Project.create(dir, "q", List.of("ru", "en"))) {
            Files.createSymbolicLink(dir.resolve("ignored-rules.en.txt"), outside);
            assertThatThrownBy(() -> ProjectSpelling.load(p, "en", null)).isInstanceOf(DiptychException.class)
                    .hasMessageContaining("symbolic link");
            Files.delete(dir.resolve("ignored-rules.en.txt"));
            Files.createSymbolicLink(dir.resolve("ignored-words.ru.txt"), outside);
            assertThatThrownBy(() -> ProjectSpelling.load(p, "ru", null)).isInstanceOf(DiptychException.class)
                    .hasMessageContaining("symbolic link");
        }
        assertThat(Files.readString(outside)).isEqualTo("RULE_OF_SOMEONE_ELSE\n");
    }
}
