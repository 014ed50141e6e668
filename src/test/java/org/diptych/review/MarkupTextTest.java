package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTextTest {
    @Test
    void dropsMarkdownKeepsWords() {
        assertThat(MarkupText.plain("### Вопрос: что делать?")).isEqualTo("Вопрос: что делать?");
        assertThat(MarkupText.plain("**P:** Quem assinou a *declaração*?")).isEqualTo("P: Quem assinou a declaração?");
        assertThat(MarkupText.plain("Read [the full text](https://example.org/a) here")).isEqualTo("Read the full text here");
        assertThat(MarkupText.plain("1. First point")).isEqualTo("First point");
        assertThat(MarkupText.plain("- Иван Петров (Ivan Petrov)")).isEqualTo("Иван Петров (Ivan Petrov)");
        assertThat(MarkupText.plain("> quoted &quot;words&quot;")).isEqualTo("quoted \"words\"");
        assertThat(MarkupText.plain("snake_case_name stays")).isEqualTo("snake_case_name stays");
    }
}
