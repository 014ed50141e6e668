package org.diptych.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    /** The model covers its markup: prefix, tokens and suffix give it back, each token its own source. */
    @Test
    void tokensCoverTheMarkupExactly() {
        for (String md : List.of("### Наши требования ###", "Title\n=====", "  - nested *x*\n    continued",
                "> цитата\n> **жирный\n> текст**", "1. item [a [b] c](u \"t\") x\\\ny", "- a\n\n  b", "`` `x` `` and ~~del~~",
                "see [1] and [text][ref]", "[](u) and ****")) {
            Markdown.Block b = Markdown.block(md);
            assertThat(b.markup()).as(md).isEqualTo(md);
            int at = b.prefix().length();
            for (Markdown.Token t : b.tokens()) {
                assertThat(t.start()).as(md).isEqualTo(at);
                assertThat(md.substring(t.start(), t.end())).isEqualTo(t.source());
                at = t.end();
            }
        }
        assertThat(Markdown.block("  - nested *x*\n    continued").prefix()).isEqualTo("  - ");
        assertThat(Markdown.plainText("    - deep *x*")).isEqualTo("deep x"); // a nested item, not code
        assertThat(Markdown.plainText("«[…] мы требуем» [1]")).isEqualTo("«[…] мы требуем» [1]");
        assertThat(Markdown.plainText("`` `x` `` and ~~del~~")).isEqualTo("`x` and del");
    }

    /** Longer blocks than the model parses read as their text (flexmark is not linear on some of them). */
    @Test
    void aBlockOverTheLimitIsNotParsed() {
        String big = "[l](u) &amp; ".repeat(Markdown.MAX_BLOCK / 13 + 1);
        Markdown.Block b = Markdown.block(big);
        assertThat(b.tokens()).hasSize(1);
        assertThat(b.tokens().get(0).kind()).isEqualTo(Markdown.Kind.TEXT);
        assertThat(Markdown.spans(big)).isEmpty();
    }
}
