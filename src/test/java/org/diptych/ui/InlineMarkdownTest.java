package org.diptych.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;
import org.diptych.ui.InlineMarkdown.Span;

class InlineMarkdownTest {
    @Test
    void headingsBoldLinksAndLists() {
        var h = InlineMarkdown.block(new Paragraph("p1", BlockKind.HEADING, 2, "## Заявление", "Заявление"), true);
        assertThat(h.kind()).isEqualTo(BlockKind.HEADING);
        assertThat(h.level()).isEqualTo(2);
        assertThat(h.spans()).containsExactly(new Span("Заявление", true, false, false, null));

        var p = InlineMarkdown.block(Paragraph.plain("p2", "**P:** veja [o texto](https://example.org/t) *hoje*"), true);
        assertThat(p.spans()).containsExactly(
                new Span("P:", true, false, false, null),
                new Span(" veja ", false, false, false, null),
                new Span("o texto", false, false, false, "https://example.org/t"),
                new Span(" ", false, false, false, null),
                new Span("hoje", false, true, false, null));

        var li = InlineMarkdown.block(new Paragraph("p3", BlockKind.LIST_ITEM, 1, "2. Second `code`", "Second code"), true);
        assertThat(li.prefix()).isEqualTo("2. ");
        assertThat(li.spans()).extracting(Span::code).containsExactly(false, true);
    }

    /** A hard-wrapped post reads as it renders: soft breaks are spaces, bold and links go on across them. */
    @Test
    void softBreaksAreSpacesAndBoldSpansThem() {
        var p = InlineMarkdown.block(new Paragraph("p1", BlockKind.PARAGRAPH, 0,
                "Мы требуем **повышения\nзарплат** и [отмены\nреформы](http://x.org/a_(b)).  \nНовая строка", ""), true);
        assertThat(p.spans()).containsExactly(
                new Span("Мы требуем ", false, false, false, null),
                new Span("повышения зарплат", true, false, false, null),
                new Span(" и ", false, false, false, null),
                new Span("отмены реформы", false, false, false, "http://x.org/a_(b)"),
                new Span(".\nНовая строка", false, false, false, null));
        // escapes and entities show as their characters; a quote's continuation markers are not text
        var q = InlineMarkdown.block(new Paragraph("p2", BlockKind.QUOTE, 1, "> Preço \\*não\\* final\n> &mdash; ver", ""), true);
        assertThat(q.kind()).isEqualTo(BlockKind.QUOTE);
        assertThat(q.spans()).containsExactly(new Span("Preço *não* final — ver", false, true, false, null));
        // a bullet item wrapped onto an indented line
        var li = InlineMarkdown.block(new Paragraph("p3", BlockKind.LIST_ITEM, 1, "- **Первая\n  вторая** строка", ""), true);
        assertThat(li.prefix()).isEqualTo("• ");
        assertThat(li.spans()).containsExactly(new Span("Первая вторая", true, false, false, null),
                new Span(" строка", false, false, false, null));
    }

    @Test
    void nonMarkdownFormatsShowPlainText() {
        var b = InlineMarkdown.block(new Paragraph("p1", BlockKind.PARAGRAPH, 0, "<p><b>x</b></p>", "x"), false);
        assertThat(b.spans()).containsExactly(new Span("x", false, false, false, null));
    }

    @Test
    void underscoresInsideWordsAreNotItalics() {
        assertThat(InlineMarkdown.spans("file_name_here", false, false))
                .containsExactly(new Span("file_name_here", false, false, false, null));
    }
}
