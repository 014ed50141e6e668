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
