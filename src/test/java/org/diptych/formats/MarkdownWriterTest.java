package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.diptych.model.BlockKind;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {
    static Paragraph p(String id, BlockKind k, String markup) {
        return new Paragraph(id, k, 0, markup, markup);
    }

    final List<Paragraph> body = List.of(
            p("p1", BlockKind.HEADING, "### Требования"),
            p("p2", BlockKind.LIST_ITEM, "- вернуть уволенных"),
            p("p3", BlockKind.LIST_ITEM, "- оплатить сверхурочные"),
            p("p4", BlockKind.PARAGRAPH, "**В:** Когда?\n**О:** Сейчас."),
            p("p5", BlockKind.LIST_ITEM, "1. один"));

    @Test
    void listItemsJoinWithANewlineEverythingElseWithABlankLine() {
        assertThat(MarkdownWriter.body(body)).isEqualTo(
                "### Требования\n\n- вернуть уволенных\n- оплатить сверхурочные\n\n**В:** Когда?\n**О:** Сейчас.\n\n1. один");
        assertThat(MarkdownWriter.body(List.of())).isEmpty();
    }

    @Test
    void writeAddsRawFrontMatterAndOneFinalNewline() {
        FrontMatter fm = new FrontMatter(FrontMatter.Style.YAML, "---\ntitle: \"A &quot;B&quot;\"\n---", Map.of("title", "A &quot;B&quot;"));
        assertThat(MarkdownWriter.write(fm, body.subList(0, 1))).isEqualTo("---\ntitle: \"A &quot;B&quot;\"\n---\n\n### Требования\n");
        assertThat(MarkdownWriter.write(FrontMatter.NONE, body.subList(0, 1))).isEqualTo("### Требования\n");
    }
}
