package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksAndTitlesTest {
    @Test
    void entitiesAreDecodedNamedAndNumeric() {
        assertThat(HtmlEntities.decode("Заявление &quot;РКИТ&quot; &laquo;нет&raquo; &#8212; &#x41;&amp;B &unknownname;"))
                .isEqualTo("Заявление \"РКИТ\" «нет» — A&B &unknownname;");
        assertThat(HtmlEntities.decode("plain")).isEqualTo("plain");
    }

    @Test
    void linkOnlyLinesAreRecognised() {
        assertThat(MarkdownLinks.linkOnly("  [Statement \"On\" it](https://example.org/en/x/)  "))
                .isEqualTo(new MarkdownLinks.Link("Statement \"On\" it", "https://example.org/en/x/"));
        assertThat(MarkdownLinks.linkOnly("[a \\[b\\] [c]](<https://example.org/a_(b)>)"))
                .isEqualTo(new MarkdownLinks.Link("a \\[b\\] [c]", "https://example.org/a_(b)"));
        assertThat(MarkdownLinks.linkOnly("[t](https://example.org/x \"title\")").url()).isEqualTo("https://example.org/x");
        assertThat(MarkdownLinks.linkOnly("Read: [t](https://example.org/x)")).isNull();
        assertThat(MarkdownLinks.linkOnly("![img](https://example.org/x.png)")).isNull();
        assertThat(MarkdownLinks.linkOnly("[a](u) [b](v)")).isNull();
    }

    @Test
    void formatEscapesOnlyUnbalancedBrackets() {
        assertThat(MarkdownLinks.format("Title [draft]", "https://e.org/x")).isEqualTo("[Title [draft]](https://e.org/x)");
        assertThat(MarkdownLinks.format("Title ]", "https://e.org/x")).isEqualTo("[Title \\]](https://e.org/x)");
        assertThat(MarkdownLinks.format("T", "https://e.org/a (b)")).isEqualTo("[T](<https://e.org/a%20(b)>)");
    }

    @Test
    void destinationsListInlineReferenceAndAutolinksButNotImagesOrCode() {
        String md = "See [one](https://e.org/1) and ![pic](https://e.org/p.png), <https://e.org/2>.\n\n"
                + "```\n[code](https://e.org/code)\n```\n\n[ref]: https://e.org/3\n";
        assertThat(MarkdownLinks.destinations(md)).containsExactly("https://e.org/1", "https://e.org/2", "https://e.org/3");
    }

    @Test
    void titlesResembleDespiteEntitiesCaseAndSmallEdits() {
        assertThat(ReciprocalLinks.resembles("Statement on the \"reform\"", "Statement on the &quot;reform&quot;")).isTrue();
        assertThat(ReciprocalLinks.resembles("ЗАЯВЛЕНИЕ о стачечном фонде!", "Заявление о стачечном фонде")).isTrue();
        assertThat(ReciprocalLinks.resembles("Declaração sobre a reforma do código do trabalho",
                "Declaração sobre a \"reforma\" do código do trabalho")).isTrue();
        assertThat(ReciprocalLinks.resembles("English version", "Statement on the reform")).isFalse();
        assertThat(ReciprocalLinks.resembles("Fund", "Strike fund")).isFalse();
    }
}
