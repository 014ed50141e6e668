package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SitePathsTest {
    private static String derive(String sibling, String sibLang, String lang, Map<String, List<String>> known) {
        return SitePaths.derive(sibling, sibLang, lang, known);
    }

    @Test
    void hugoContentFoldersKeepTheNestedSection() {
        assertThat(derive("content/en/news/2023/strike.md", "en", "pt", Map.of())).isEqualTo("content/pt/news/2023/strike.md");
        assertThat(derive("content/en/about/team/index.md", "en", "ru", Map.of())).isEqualTo("content/ru/about/team/index.md");
        // the folder spelling the site uses for the language
        assertThat(derive("content/en/news/x.md", "en", "pt-BR", Map.of("pt-BR", List.of("content/pt-br/other/y.md"))))
                .isEqualTo("content/pt-br/news/x.md");
        assertThat(derive("content/en/news/x.md", "en", "pt-BR", Map.of())).isEqualTo("content/pt-br/news/x.md");
    }

    @Test
    void hugoFileNameSuffixesAndPageBundles() {
        assertThat(derive("content/posts/2022/strike.en.md", "en", "pt", Map.of())).isEqualTo("content/posts/2022/strike.pt.md");
        assertThat(derive("content/posts/strike/index.ru.md", "ru", "pt", Map.of())).isEqualTo("content/posts/strike/index.pt.md");
        // the default language's file has no suffix: the new one gets one
        assertThat(derive("content/posts/strike/index.md", "en", "pt", Map.of())).isEqualTo("content/posts/strike/index.pt.md");
        // a new version in the default language (its files unmarked) loses the sibling's suffix
        assertThat(derive("content/posts/solo.ru.md", "ru", "en", Map.of("en", List.of("content/posts/strike/index.md"))))
                .isEqualTo("content/posts/solo.md");
    }

    @Test
    void jekyllLanguageFolders() {
        assertThat(derive("_posts/2020-05-01-x.md", "ru", "pt", Map.of())).isEqualTo("pt/_posts/2020-05-01-x.md");
        assertThat(derive("_posts/news/2020-05-01-x.md", "ru", "pt", Map.of())).isEqualTo("pt/_posts/news/2020-05-01-x.md");
        assertThat(derive("blog/_posts/2020-05-01-x.md", "ru", "pt", Map.of())).isEqualTo("blog/pt/_posts/2020-05-01-x.md");
        assertThat(derive("blog/en/_posts/2020-05-01-x.md", "en", "pt", Map.of())).isEqualTo("blog/pt/_posts/2020-05-01-x.md");
        // into the unmarked default language
        assertThat(derive("en/_posts/2020-05-01-x.md", "en", "ru", Map.of("ru", List.of("_posts/2019-01-01-y.md"))))
                .isEqualTo("_posts/2020-05-01-x.md");
        // a page at the top of the site
        assertThat(derive("about.md", "ru", "en", Map.of())).isEqualTo("en/about.md");
    }

    @Test
    void polyglotPostFoldersAreLearnedFromTheSite() {
        // jekyll-polyglot's own site: the default language in _posts/, the others in _posts/<lang>/
        Map<String, List<String>> known = Map.of("en", List.of("_posts/2021-01-01-a.md", "_posts/2021-02-01-b.md"),
                "ru", List.of("_posts/ru/2021-01-01-a.md"));
        assertThat(derive("_posts/2021-02-01-b.md", "en", "pt", known)).isEqualTo("_posts/pt/2021-02-01-b.md");
        assertThat(derive("_posts/2021-02-01-b.md", "en", "ru", known)).isEqualTo("_posts/ru/2021-02-01-b.md");
        // pages of the same site use suffixes: the example most like the sibling decides
        Map<String, List<String>> pages = Map.of("ru", List.of("_posts/ru/2021-01-01-a.md", "about.ru.md"));
        assertThat(derive("about.md", "en", "ru", pages)).isEqualTo("about.ru.md");
        assertThat(derive("_posts/2021-02-01-b.md", "en", "ru", pages)).isEqualTo("_posts/ru/2021-02-01-b.md");
    }

    @Test
    void marksAreLanguagesNotLookAlikes() {
        assertThat(SitePaths.isMark("pt-br", "pt-BR")).isTrue();
        assertThat(SitePaths.isMark("pt_BR", "pt-BR")).isTrue();
        assertThat(SitePaths.isMark("pt", "pt-BR")).isFalse();
        assertThat(SitePaths.isMark("news", "en")).isFalse();
        assertThat(SitePaths.isMark("_posts", "en")).isFalse();
    }
}
