package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.diptych.model.BlockKind;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

    private static List<Paragraph> read(String body) {
        MarkdownReader.Result r = MarkdownReader.read(body, "test.md", 1);
        assertThat(r.warnings()).isEmpty();
        return r.paragraphs();
    }

    private static List<Paragraph> post(String post) {
        FrontMatterParser.Split s = FrontMatterParser.split(post, "post.md");
        return read(s.body());
    }

    @Test
    void blocksKeepTheirExactSourceAsMarkupAndPlainText() {
        List<Paragraph> ps = post(Posts.RU);
        assertThat(ps).extracting(Paragraph::id).startsWith("p1", "p2", "p3");

        Paragraph link = ps.get(0);
        assertThat(link.kind()).isEqualTo(BlockKind.PARAGRAPH);
        assertThat(link.markup()).isEqualTo("[Statement on raising the retirement age](/statements/2018/07/02/pension-age)");
        assertThat(link.text()).isEqualTo("Statement on raising the retirement age");

        assertThat(ps.get(1).markup()).startsWith("Правительство внесло").endsWith("**прямым ограблением** трудящихся.");
        assertThat(ps.get(1).text()).endsWith("Мы считаем этот шаг прямым ограблением трудящихся.");

        Paragraph heading = ps.get(2);
        assertThat(heading.kind()).isEqualTo(BlockKind.HEADING);
        assertThat(heading.level()).isEqualTo(3);
        assertThat(heading.markup()).isEqualTo("### Наши требования");
        assertThat(heading.text()).isEqualTo("Наши требования");
    }

    @Test
    void eachListItemIsAParagraphWithItsMarkerAndDepth() {
        List<Paragraph> ps = post(Posts.RU);
        List<Paragraph> items = ps.stream().filter(p -> p.kind() == BlockKind.LIST_ITEM).toList();
        assertThat(items).extracting(Paragraph::markup).containsExactly(
                "1. Отозвать законопроект.",
                "2. Провести общенациональный референдум.",
                "   - с участием профсоюзов;",
                "   - под общественным контролем.",
                "3. Индексировать пенсии не ниже уровня инфляции.");
        assertThat(items).extracting(Paragraph::level).containsExactly(1, 1, 2, 2, 1);
        assertThat(items.get(2).text()).isEqualTo("с участием профсоюзов;");
    }

    @Test
    void boldQuestionLineWithLinkKeepsMarkupAndDropsUrlFromText() {
        Paragraph q = post(Posts.RU).stream().filter(p -> p.markup().startsWith("**Вопрос:**")).findFirst().orElseThrow();
        assertThat(q.kind()).isEqualTo(BlockKind.PARAGRAPH);
        assertThat(q.markup()).endsWith("Подробнее см. [доклад](https://example.org/report).");
        assertThat(q.text()).startsWith("Вопрос: Почему сейчас? Ответ: потому что бюджет")
                .endsWith("Подробнее см. доклад.")
                .doesNotContain("**", "https://", "[", "]");
    }

    @Test
    void hardLineBreaksStayInOneParagraphSoftOnesBecomeSpaces() {
        List<Paragraph> ps = post(Posts.RU);
        Paragraph signed = ps.get(ps.size() - 1);
        assertThat(signed.kind()).isEqualTo(BlockKind.PARAGRAPH);
        assertThat(signed.markup()).isEqualTo("Подписали:  \nВ. В. Смирнов  \nА. П. Кузнецова  \nЕ. Л. Орлов");
        assertThat(signed.text()).isEqualTo("Подписали:\nВ. В. Смирнов\nА. П. Кузнецова\nЕ. Л. Орлов");

        Paragraph soft = ps.get(ps.size() - 2);
        assertThat(soft.markup()).isEqualTo("Мы призываем всех, кто согласен с нами,\nвыйти на пикеты 28 июля.");
        assertThat(soft.text()).isEqualTo("Мы призываем всех, кто согласен с нами, выйти на пикеты 28 июля.");
    }

    @Test
    void quotesCodeTablesAndOtherBlocks() {
        String body = """
                Заголовок
                =========

                > Первая строка цитаты
                > вторая строка.

                ```
                не переводить

                и это
                ```

                | Имя | Должность |
                |-----|-----------|
                | И. Иванов | председатель |

                * * *

                <div class="video"><iframe src="https://example.org/v"></iframe></div>

                Текст с \\*звёздочками\\*, `кодом`, &laquo;кавычками&raquo; и ![фото](/a.jpg).

                [ref]: https://example.org
                """;
        List<Paragraph> ps = read(body);
        assertThat(ps).extracting(Paragraph::kind).containsExactly(BlockKind.HEADING, BlockKind.QUOTE, BlockKind.CODE,
                BlockKind.OTHER, BlockKind.OTHER, BlockKind.OTHER, BlockKind.PARAGRAPH, BlockKind.OTHER);
        assertThat(ps.get(0).level()).isEqualTo(1);
        assertThat(ps.get(0).markup()).isEqualTo("Заголовок\n=========");
        assertThat(ps.get(1).markup()).isEqualTo("> Первая строка цитаты\n> вторая строка.");
        assertThat(ps.get(1).text()).isEqualTo("Первая строка цитаты вторая строка.");
        assertThat(ps.get(2).markup()).isEqualTo("```\nне переводить\n\nи это\n```");
        assertThat(ps.get(3).text()).isEqualTo("Имя | Должность\nИ. Иванов | председатель");
        assertThat(ps.get(4).markup()).isEqualTo("* * *");
        assertThat(ps.get(6).text()).isEqualTo("Текст с *звёздочками*, кодом, «кавычками» и фото.");
        assertThat(ps.get(7).markup()).isEqualTo("[ref]: https://example.org");
    }

    @Test
    void roundTripThroughTheWriterGivesTheSameParagraphs() {
        for (String post : List.of(Posts.RU, Posts.EN, Posts.PT)) {
            FrontMatterParser.Split s = FrontMatterParser.split(post, "post.md");
            List<Paragraph> first = read(s.body());
            String written = MarkdownWriter.write(s.frontMatter(), first);
            FrontMatterParser.Split s2 = FrontMatterParser.split(written, "again.md");
            List<Paragraph> second = read(s2.body());
            assertThat(second).isEqualTo(first);
            assertThat(s2.frontMatter()).isEqualTo(s.frontMatter());
        }
    }

    @Test
    void writerJoinsListItemsWithOneNewlineAndOtherBlocksWithABlankLine() {
        List<Paragraph> ps = List.of(
                new Paragraph("p1", BlockKind.HEADING, 2, "## Требования", "Требования"),
                new Paragraph("p2", BlockKind.LIST_ITEM, 1, "- первое", "первое"),
                new Paragraph("p3", BlockKind.LIST_ITEM, 1, "- второе", "второе"),
                Paragraph.plain("p4", "Конец."));
        assertThat(MarkdownWriter.body(ps)).isEqualTo("## Требования\n\n- первое\n- второе\n\nКонец.");
        assertThat(MarkdownWriter.write(FrontMatter.NONE, ps)).isEqualTo("## Требования\n\n- первое\n- второе\n\nКонец.\n");
        FrontMatter fm = new FrontMatter(FrontMatter.Style.YAML, "---\ntitle: X\n---", java.util.Map.of("title", "X"));
        assertThat(MarkdownWriter.write(fm, ps)).startsWith("---\ntitle: X\n---\n\n## Требования").endsWith("Конец.\n");
    }

    @Test
    void looseListsAndContinuationParagraphsSurviveTheRoundTrip() {
        String body = """
                1. Первый пункт.

                   Продолжение первого пункта.

                2. Второй пункт
                с ленивым продолжением.

                Обычный абзац.
                """;
        List<Paragraph> ps = read(body);
        assertThat(ps).extracting(Paragraph::kind).containsExactly(BlockKind.LIST_ITEM, BlockKind.PARAGRAPH,
                BlockKind.LIST_ITEM, BlockKind.PARAGRAPH);
        assertThat(ps.get(1).markup()).isEqualTo("   Продолжение первого пункта.");
        assertThat(ps.get(2).text()).isEqualTo("Второй пункт с ленивым продолжением.");
        assertThat(read(MarkdownWriter.body(ps))).isEqualTo(ps);
    }

    @Test
    void typicalPostsGiveTheSameTextAfterWriting() {
        for (String post : List.of(Posts.RU, Posts.EN, Posts.PT)) {
            FrontMatterParser.Split s = FrontMatterParser.split(post, "post.md");
            List<Paragraph> ps = read(s.body());
            String written = MarkdownWriter.write(s.frontMatter(), ps);
            // the writer normalises blank lines only: the text of the body is the same, line for line
            assertThat(nonBlankLines(written)).isEqualTo(nonBlankLines(post));
        }
    }

    private static List<String> nonBlankLines(String s) {
        return s.lines().filter(l -> !l.isBlank()).map(String::stripTrailing).toList();
    }
}
