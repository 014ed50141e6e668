package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/** The aligner's markup features read through the markdown model. */
class UnitsMarkupTest {
    static byte structure(String markup) {
        return Units.structureOf(new Paragraph("p1", BlockKind.PARAGRAPH, 0, markup, markup), markup);
    }

    @Test
    void linkOnlyLinesAreLinksAlsoWithParenthesesInTheirAddresses() {
        assertThat(structure("[English](https://x.org/en/a_(b)) | [Português](https://x.org/pt/a_(b))")).isEqualTo(Units.LINK);
        assertThat(structure("**[Русский](/ru/2024/heat/)** · [English](/en/2024/heat/)")).isEqualTo(Units.LINK);
        assertThat(structure("<https://x.org/en/heat>")).isEqualTo(Units.LINK);
        // words outside the links, or an image, make it a paragraph
        assertThat(structure("[English](https://x.org/en/) version")).isEqualTo(Units.PLAIN);
        assertThat(structure("![foto](https://x.org/p.jpg)")).isEqualTo(Units.PLAIN);
        assertThat(structure("[…] мы требуем")).isEqualTo(Units.PLAIN);
    }

    @Test
    void plainTextOfAMarkdownLine() {
        assertThat(Units.stripMarkdown("- **Требования** [профсоюза](http://x.org/a_(b)):")).isEqualTo("Требования профсоюза:");
        assertThat(Units.stripMarkdown("<tr><th>Time</th></tr>")).isEqualTo("<tr><th>Time</th></tr>"); // HTML stays as written
        assertThat(Units.stripMarkdown("Price \\*not\\* final")).isEqualTo("Price *not* final");
    }
}
