package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.model.FrontMatter;
import org.junit.jupiter.api.Test;

/** Front matter read as typed data by the real parsers, minimally edited, and refused with one line. */
class FrontMatterTypesTest {

    private static FrontMatter fm(String post) {
        return FrontMatterParser.split(post, "post.md").frontMatter();
    }

    @Test
    void yamlBlockListLiteralListOfMapsAndTypes() {
        FrontMatter f = fm("""
                ---
                title: Greve geral
                tags:
                - news
                - strike
                - union
                description: |
                  Первая строка.
                  Вторая строка.
                summary: >
                  folded
                  text
                signatories:
                  - name: Ana Souza
                    organisation: Sindicato dos Metalúrgicos
                  - name: Иван Петров
                    organisation: Профсоюз
                weight: 1_000
                draft: false
                ratio: 0.5
                date: 2024-07-19 10:00:00 +0300
                day: 2024-07-19
                empty:
                ---
                Body.
                """);
        assertThat(f.fields().get("tags")).isEqualTo(List.of("news", "strike", "union"));
        assertThat(f.get("description")).isEqualTo("Первая строка.\nВторая строка.\n");
        assertThat(f.get("summary")).isEqualTo("folded text\n");
        assertThat(f.fields().get("signatories")).isEqualTo(List.of(
                Map.of("name", "Ana Souza", "organisation", "Sindicato dos Metalúrgicos"),
                Map.of("name", "Иван Петров", "organisation", "Профсоюз")));
        assertThat(f.fields().get("weight")).isEqualTo(1000);
        assertThat(f.integer("weight")).isEqualTo(1000L);
        assertThat(f.bool("draft")).isFalse();
        assertThat(f.fields().get("ratio")).isEqualTo(0.5);
        assertThat(f.date("date").value()).isEqualTo(OffsetDateTime.parse("2024-07-19T10:00:00+03:00"));
        assertThat(f.get("date")).isEqualTo("2024-07-19 10:00:00 +0300");
        assertThat(f.date("day").value()).isEqualTo(LocalDate.of(2024, 7, 19));
        assertThat(f.get("empty")).isEmpty();
        assertThat(f.fields().keySet()).containsExactly("title", "tags", "description", "summary", "signatories",
                "weight", "draft", "ratio", "date", "day", "empty");
    }

    @Test
    void tomlTypes() {
        FrontMatter f = fm("""
                +++
                title = "Greve"
                weight = 1_000
                draft = true
                date = 2024-07-19T10:00:00+03:00
                tags = ["news", "strike"]
                [[signatories]]
                name = "Ana"
                organisation = "Sindicato"
                [[signatories]]
                name = "Иван"
                organisation = "Профсоюз"
                +++
                """);
        assertThat(f.fields().get("weight")).isEqualTo(1000);
        assertThat(f.bool("draft")).isTrue();
        assertThat(f.date("date").value()).isEqualTo(OffsetDateTime.parse("2024-07-19T10:00:00+03:00"));
        assertThat(f.list("tags")).containsExactly("news", "strike");
        assertThat(f.fields().get("signatories")).isEqualTo(List.of(
                Map.of("name", "Ana", "organisation", "Sindicato"), Map.of("name", "Иван", "organisation", "Профсоюз")));
    }

    @Test
    void withValueEditsOnlyTheValueInTheFilesStyle() {
        String raw = "---\ntitle: \"Открытое письмо\" # comment\ntags: [news, strike]\nlist:\n  - a\n  - b\nlocale: ru_RU\n"
                + "description: |\n  Строка.\n---";
        FrontMatter f = fm(raw + "\nBody.\n");
        FrontMatter t = f.withValue("title", "Carta aberta");
        assertThat(t.raw()).isEqualTo(raw.replace("\"Открытое письмо\"", "\"Carta aberta\""));
        assertThat(t.title()).isEqualTo("Carta aberta");
        FrontMatter l = f.withValue("tags", List.of("notícias", "greve"));
        assertThat(l.raw()).isEqualTo(raw.replace("[news, strike]", "[notícias, greve]"));
        FrontMatter b = f.withValue("list", List.of("x", "y", "z"));
        assertThat(b.raw()).isEqualTo(raw.replace("  - a\n  - b\n", "  - x\n  - y\n  - z\n"));
        FrontMatter p = f.withValue("locale", "pt_BR");
        assertThat(p.raw()).isEqualTo(raw.replace("ru_RU", "pt_BR"));
        FrontMatter d = f.withValue("description", "Linha um.\nLinha dois.\n");
        assertThat(d.get("description")).isEqualTo("Linha um.\nLinha dois.\n");
        assertThat(d.raw()).contains("description: |\n  Linha um.\n  Linha dois.\n---");
        FrontMatter n = f.withValue("lang", "pt");
        assertThat(n.raw()).isEqualTo(raw.replace("\n---", "\nlang: pt\n---").replaceFirst("^---\nlang: pt", "---"));
        assertThat(n.get("lang")).isEqualTo("pt");
        assertThat(f.withValue("locale", "ru_RU")).isSameAs(f);
        // a value that would read as another type is quoted
        assertThat(f.withValue("locale", "true").raw()).contains("locale: \"true\"");
    }

    @Test
    void withValueInToml() {
        String raw = "+++\ntitle = 'Greve' # c\ntags = [\"a\", \"b\"]\nweight = 1_000\n[params]\nx = 1\n+++";
        FrontMatter f = fm(raw + "\n");
        assertThat(f.withValue("title", "Huelga").raw()).isEqualTo(raw.replace("'Greve'", "'Huelga'"));
        assertThat(f.withValue("tags", List.of("c")).raw()).isEqualTo(raw.replace("[\"a\", \"b\"]", "[\"c\"]"));
        assertThat(f.withValue("weight", 5).get("weight")).isEqualTo("5");
        FrontMatter n = f.withValue("lang", "pt");
        assertThat(n.raw()).isEqualTo(raw.replace("[params]", "lang = \"pt\"\n[params]"));
        assertThat(n.fields().get("params")).isEqualTo(Map.of("x", 1));
    }

    @Test
    void yamlThatIsAListOrAScalarIsRefused() {
        assertThatThrownBy(() -> fm("---\n- a\n- b\n---\n"))
                .isInstanceOf(DiptychException.class)
                .hasMessage("post.md: front matter is not valid at line 2: the front matter is a list, not keys with values");
        assertThatThrownBy(() -> fm("---\njust words\n---\n"))
                .hasMessage("post.md: front matter is not valid at line 2: the front matter is a single value, not keys with values");
    }

    @Test
    void hostileNestingAndSizeEndInOneLine() {
        String arrays = "---\nx: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n---\n";
        assertThatThrownBy(() -> fm(arrays)).isInstanceOf(DiptychException.class)
                .hasMessage("post.md: front matter is not valid at line 2: lists and maps nested more than 64 deep (the limit for front matter)");
        String toml = "+++\nx = " + "[".repeat(20_000) + "]".repeat(20_000) + "\n+++\n";
        assertThatThrownBy(() -> fm(toml)).isInstanceOf(DiptychException.class)
                .hasMessage("post.md: front matter is not valid at line 2: arrays and tables nested more than 64 deep (the limit for front matter)");
        StringBuilder maps = new StringBuilder("---\n");
        for (int i = 0; i < 3000; i++) maps.append(" ".repeat(Math.min(i, 300))).append("k").append(i).append(":\n");
        StringBuilder deep = new StringBuilder("---\n");
        for (int i = 0; i < 3000; i++) deep.append("{k").append(i).append(": ");
        deep.append("v").append("}".repeat(3000)).append("\n---\n");
        assertThatThrownBy(() -> fm(deep.toString())).hasMessageContaining("nested more than 64 deep");
        String big = "---\ntitle: " + "Заявление ".repeat(500_000) + "\n---\n";
        assertThatThrownBy(() -> fm(big)).isInstanceOf(DiptychException.class)
                .hasMessageStartingWith("post.md: front matter is ")
                .hasMessageEndingWith("more than the limit of 1024 KB (a post's front matter is a few lines); not read")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Заявление").hasSizeLessThan(200));
    }

    @Test
    void errorsNeverEchoControlCharacters() {
        assertThatThrownBy(() -> fm("---\ntitle: \"a\u0007\u001b[31m\n---\n"))
                .isInstanceOf(DiptychException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cntrl}"));
    }
}
