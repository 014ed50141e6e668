package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.model.FrontMatter;
import org.junit.jupiter.api.Test;

class FrontMatterParserTest {

    @Test
    void yamlFieldsAreKeptInOrderAsData() {
        FrontMatterParser.Split s = FrontMatterParser.split(Posts.RU, "ru.md");
        FrontMatter fm = s.frontMatter();
        assertThat(fm.style()).isEqualTo(FrontMatter.Style.YAML);
        assertThat(fm.fields().keySet()).containsExactly("layout", "title", "date", "author", "category", "tags", "lang");
        assertThat(fm.title()).isEqualTo("Заявление о повышении пенсионного возраста");
        assertThat(fm.fields().get("tags")).isEqualTo(List.of("пенсии", "заявление", "социальная политика"));
        assertThat(fm.get("author")).isEqualTo("Исполком движения");
        assertThat(fm.get("date")).isEqualTo("2018-07-02 10:00:00 +0300");
        assertThat(fm.get("lang")).isEqualTo("ru");
        assertThat(fm.raw()).startsWith("---\nlayout: post\n").endsWith("lang: ru\n---");
        assertThat(Posts.RU).startsWith(fm.raw() + "\n");
        assertThat(s.body()).startsWith("[Statement on raising");
        assertThat(s.bodyFirstLine()).isEqualTo(11);
    }

    @Test
    void yamlBlockListsQuotingNestedMapsAndEmptyValues() {
        String post = """
                ---
                title: 'It''s "quoted"'
                tags:
                  - pensions
                  - statement
                subtitle:
                empty_list: []
                author: "Comité \\"Vozes\\""
                meta:
                  source: site
                  votes: 12
                ---
                Body.
                """;
        FrontMatter fm = FrontMatterParser.split(post, "en.md").frontMatter();
        assertThat(fm.fields().keySet()).containsExactly("title", "tags", "subtitle", "empty_list", "author", "meta");
        assertThat(fm.get("title")).isEqualTo("It's \"quoted\"");
        assertThat(fm.fields().get("tags")).isEqualTo(List.of("pensions", "statement"));
        assertThat(fm.get("subtitle")).isEmpty();
        assertThat(fm.fields().get("empty_list")).isEqualTo(List.of());
        assertThat(fm.get("author")).isEqualTo("Comité \"Vozes\"");
        assertThat(fm.fields().get("meta")).isEqualTo(Map.of("source", "site", "votes", 12));
    }

    @Test
    void tomlFieldsAreKeptInOrderAsData() {
        FrontMatterParser.Split s = FrontMatterParser.split(Posts.PT, "pt.md");
        FrontMatter fm = s.frontMatter();
        assertThat(fm.style()).isEqualTo(FrontMatter.Style.TOML);
        assertThat(fm.fields().keySet()).containsExactly("title", "date", "author", "categories", "tags", "draft");
        assertThat(fm.title()).isEqualTo("Declaração sobre o aumento da idade de aposentadoria");
        assertThat(fm.fields().get("tags")).isEqualTo(List.of("aposentadoria", "declaração"));
        assertThat(fm.fields().get("categories")).isEqualTo(List.of("declarações"));
        assertThat(fm.get("date")).isEqualTo("2018-07-02T10:00:00+03:00");
        assertThat(fm.get("draft")).isEqualTo("false");
        assertThat(fm.raw()).startsWith("+++\ntitle = ").endsWith("draft = false\n+++");
        assertThat(s.body()).startsWith("[Statement on raising");
    }

    @Test
    void tomlTablesLiteralAndEscapedStrings() {
        String toml = """
                +++
                title = "Linha \\"um\\"\\tdois" # comentário
                path = 'C:\\pasta'
                [params]
                lang = "pt-BR"
                site.name = "Vozes"
                +++
                """;
        FrontMatter fm = FrontMatterParser.split(toml, "a.md").frontMatter();
        assertThat(fm.get("title")).isEqualTo("Linha \"um\"\tdois");
        assertThat(fm.get("path")).isEqualTo("C:\\pasta");
        assertThat(fm.fields().get("params")).isEqualTo(Map.of("lang", "pt-BR", "site", Map.of("name", "Vozes")));
    }

    @Test
    void noFrontMatterLeavesTheWholeTextAsBody() {
        FrontMatterParser.Split s = FrontMatterParser.split("\n\nTexto.\n", "a.md");
        assertThat(s.frontMatter()).isEqualTo(FrontMatter.NONE);
        assertThat(s.body()).isEqualTo("Texto.\n");
        assertThat(s.bodyFirstLine()).isEqualTo(3);
    }

    @Test
    void emptyFrontMatterAndYamlDocumentEnd() {
        assertThat(FrontMatterParser.split("---\n---\nTexto.", "a.md").frontMatter().fields()).isEmpty();
        FrontMatter fm = FrontMatterParser.split("---\ntitle: X\n...\nTexto.", "a.md").frontMatter();
        assertThat(fm.title()).isEqualTo("X");
        assertThat(fm.raw()).isEqualTo("---\ntitle: X\n...");
    }

    @Test
    void unclosedFrontMatterIsRefused() {
        assertThatThrownBy(() -> FrontMatterParser.split("---\ntitle: Заявление\n\nТекст без конца.\n", "ru.md"))
                .isInstanceOf(DiptychException.class)
                .hasMessage("ru.md: front matter opened with '---' on line 1 is never closed (no closing '---' line)");
        assertThatThrownBy(() -> FrontMatterParser.split("+++\ntitle = \"X\"\n", "pt.md"))
                .hasMessageContaining("pt.md: front matter opened with '+++'");
    }

    @Test
    void badYamlLineIsReportedWithItsLineNumber() {
        String post = "---\ntitle: Заявление\nэто строка без двоеточия\nauthor: ЦК\n---\nТекст.\n";
        assertThatThrownBy(() -> FrontMatterParser.split(post, "ru.md"))
                .isInstanceOf(DiptychException.class)
                .hasMessage("ru.md: front matter is not valid YAML at line 3: could not find expected ':' ('это строка без двоеточия')");
        String unclosedQuote = "---\ntitle: \"Заявление\nauthor: ЦК\n---\nТекст.\n";
        assertThatThrownBy(() -> FrontMatterParser.split(unclosedQuote, "ru.md"))
                .isInstanceOf(DiptychException.class)
                .hasMessageStartingWith("ru.md: front matter is not valid YAML at line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void badTomlIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> FrontMatterParser.split("+++\ntitle = \"X\"\nauthor = Comitê\n+++\n", "pt.md"))
                .isInstanceOf(DiptychException.class)
                .hasMessage("pt.md: front matter is not valid TOML at line 3: Unknown token ('author = Comitê')");
        assertThatThrownBy(() -> FrontMatterParser.split("+++\ntitle = \"X\ntags = []\n+++\n", "pt.md"))
                .hasMessageStartingWith("pt.md: front matter is not valid TOML at line 2: Newline not permitted here");
        assertThatThrownBy(() -> FrontMatterParser.split("+++\njust words\n+++\n", "pt.md"))
                .hasMessageStartingWith("pt.md: front matter is not valid TOML at line 2");
    }
}
