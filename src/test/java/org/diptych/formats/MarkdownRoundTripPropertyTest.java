package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;

/**
 * Generated Markdown bodies (fixed seeds, so failures reproduce): reading, writing with {@link MarkdownWriter}
 * and reading again gives the same paragraphs, and every block is located in the source (no warnings).
 */
class MarkdownRoundTripPropertyTest {
    private static final String[] INLINE = {"заявление", "statement", "declaração", "**жирный**", "*курсив*",
            "[ссылка](https://example.org/a_b)", "`код`", "&amp;", "\\*", "<br>", "т. е.", "В. В. Путин",
            "«цитата»", "[ref][r]", "![фото](/img/a.png)", "<https://example.org>", "~~удалено~~", "__ênfase__",
            "1.", "#тег", "_x_", "a|b", "Sr. Silva", "e.g."};

    private static String inline(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(r.nextInt(6) == 0 ? "\n" : " ");
            sb.append(INLINE[r.nextInt(INLINE.length)]);
        }
        return sb.toString().strip();
    }

    private static String line(Random r) {
        return inline(r).replace("\n", " ");
    }

    private static String block(Random r) {
        switch (r.nextInt(12)) {
            case 0:
                return "#".repeat(1 + r.nextInt(4)) + " " + line(r);
            case 1: {
                StringBuilder sb = new StringBuilder();
                int n = 1 + r.nextInt(4);
                boolean bullets = r.nextBoolean();
                for (int i = 0; i < n; i++) {
                    if (i > 0) sb.append('\n');
                    sb.append(bullets ? "- " : (i + 1) + ". ").append(line(r));
                    if (r.nextInt(4) == 0) sb.append("\n   - ").append(line(r));
                }
                return sb.toString();
            }
            case 2:
                return "> " + inline(r).replace("\n", "\n> ");
            case 3:
                return "```\n" + inline(r) + "\n\n" + inline(r) + "\n```";
            case 4:
                return "| Имя | Роль |\n|---|---|\n| " + line(r).replace("|", "") + " | x |";
            case 5:
                return "* * *";
            case 6:
                return "<div class=\"note\">\n" + line(r) + "\n</div>";
            case 7:
                return inline(r).replace("\n", "  \n");
            case 8:
                return "[r]: https://example.org/ref";
            case 9:
                return line(r) + "\n===";
            default:
                return inline(r);
        }
    }

    @Test
    void generatedBodiesSurviveWriteAndReread() {
        for (int seed = 0; seed < 200; seed++) {
            Random r = new Random(seed);
            StringBuilder doc = new StringBuilder();
            int n = 1 + r.nextInt(10);
            for (int i = 0; i < n; i++) {
                if (i > 0) doc.append("\n\n");
                doc.append(block(r));
            }
            MarkdownReader.Result first = MarkdownReader.read(doc.toString(), "gen.md", 1);
            assertThat(first.warnings()).as("seed %d", seed).isEmpty();
            assertThat(first.paragraphs()).as("seed %d", seed).isNotEmpty();
            List<Paragraph> again = MarkdownReader.read(MarkdownWriter.body(first.paragraphs()), "gen.md", 1).paragraphs();
            assertThat(again).as("seed %d:\n%s", seed, doc).isEqualTo(first.paragraphs());
        }
    }
}
