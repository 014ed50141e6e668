package org.diptych.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.diptych.review.MarkupText;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void escapesEntitiesAndLinkTargetsWithParentheses() {
        String md = "Price \\*not\\* final &mdash; see [the list](http://x.org/a_(b)).";
        assertThat(Markdown.plainText(md)).isEqualTo("Price *not* final — see the list.");
        assertThat(MarkupText.plain(md)).isEqualTo("Price *not* final — see the list.");
        assertThat(Markdown.spans(md)).extracting(Markdown.Span::kind).containsExactly(
                Markdown.Kind.ESCAPE, Markdown.Kind.ESCAPE, Markdown.Kind.ENTITY, Markdown.Kind.LINK);
        Markdown.Span link = Markdown.spans(md).get(3);
        assertThat(md.substring(link.start(), link.end())).isEqualTo("[the list](http://x.org/a_(b))");
    }

    @Test
    void softBreaksAreSpacesHardBreaksNewlinesAndBoldSpansABreak() {
        String md = "- **Первая\nвторая** строка  \nновая";
        assertThat(Markdown.plainText(md)).isEqualTo("Первая вторая строка\nновая");
        List<Markdown.Span> spans = Markdown.spans(md);
        assertThat(spans).extracting(Markdown.Span::kind)
                .containsExactly(Markdown.Kind.STRONG, Markdown.Kind.SOFT_BREAK, Markdown.Kind.HARD_BREAK);
        assertThat(md.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("**Первая\nвторая**");
    }

    @Test
    void headingsQuotesCodeAndHtml() {
        assertThat(Markdown.plainText("### Наши `требования` ###")).isEqualTo("Наши требования");
        assertThat(Markdown.plainText("> Citação com <b>negrito</b> e &amp;")).isEqualTo("Citação com negrito e &");
        assertThat(Markdown.plainText("![alt text](img.png) and <https://x.org>")).isEqualTo("alt text and https://x.org");
    }

    /** Generated paragraphs: the plain text and spans the model reads agree with what was generated. */
    @Test
    void generatedMarkdownAgreesWithItsPlainTextAndSpans() {
        Random rnd = new Random(12);
        String[] words = {"заявление", "greve", "union", "пенсия", "salário", "2024", "x_y"};
        for (int run = 0; run < 100; run++) {
            StringBuilder md = new StringBuilder(), plain = new StringBuilder();
            int strong = 0, links = 0, codes = 0, escapes = 0;
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    md.append(' ');
                    plain.append(' ');
                }
                String w = words[rnd.nextInt(words.length)];
                switch (rnd.nextInt(6)) {
                    case 0 -> { md.append("**").append(w).append("**"); plain.append(w); strong++; }
                    case 1 -> { md.append('[').append(w).append("](http://x.org/").append(w).append("_(1))"); plain.append(w); links++; }
                    case 2 -> { md.append('`').append(w).append('`'); plain.append(w); codes++; }
                    case 3 -> { md.append("\\*").append(w); plain.append('*').append(w); escapes++; }
                    case 4 -> { md.append(w).append(" &amp;"); plain.append(w).append(" &"); }
                    default -> { md.append(w); plain.append(w); }
                }
            }
            String m = md.toString();
            assertThat(Markdown.plainText(m)).as(m).isEqualTo(plain.toString());
            assertThat(MarkupText.plain(m)).as(m).isEqualTo(plain.toString());
            List<Markdown.Span> spans = Markdown.spans(m);
            assertThat(spans.stream().filter(s -> s.kind() == Markdown.Kind.STRONG)).as(m).hasSize(strong);
            assertThat(spans.stream().filter(s -> s.kind() == Markdown.Kind.LINK)).as(m).hasSize(links);
            assertThat(spans.stream().filter(s -> s.kind() == Markdown.Kind.CODE)).as(m).hasSize(codes);
            assertThat(spans.stream().filter(s -> s.kind() == Markdown.Kind.ESCAPE)).as(m).hasSize(escapes);
            for (Markdown.Span s : spans) {
                if (s.kind() == Markdown.Kind.STRONG) assertThat(m.substring(s.start(), s.end())).startsWith("**").endsWith("**");
                if (s.kind() == Markdown.Kind.LINK) assertThat(m.substring(s.start(), s.end())).startsWith("[").endsWith("_(1))");
            }
        }
    }
}
