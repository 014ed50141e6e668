package org.diptych.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Export's link reading is the markdown model's: the cases below are links (or not) as CommonMark reads
 * them, where the deleted regexes read them otherwise.
 */
class MarkdownLinksModelTest {
    @Test
    void aLinkLineWhoseAddressNestsParenthesesOrWhoseTextNestsBracketsIsOneLink() {
        assertThat(MarkdownLinks.linkOnly("[the list](http://x.org/a_(b))"))
                .isEqualTo(new MarkdownLinks.Link("the list", "http://x.org/a_(b)"));
        assertThat(MarkdownLinks.linkOnly("[A lista completa](http://x.org/lista_(greve_(2025)))"))
                .isEqualTo(new MarkdownLinks.Link("A lista completa", "http://x.org/lista_(greve_(2025))"));
        assertThat(MarkdownLinks.linkOnly("[Заявление [проект [второй]]](https://e.org/ru/z/)"))
                .isEqualTo(new MarkdownLinks.Link("Заявление [проект [второй]]", "https://e.org/ru/z/"));
    }

    @Test
    void escapedBracketsCodeSpansReferenceLinksAndHeadingsAreNoLinkLine() {
        assertThat(MarkdownLinks.linkOnly("\\[not a link\\](https://e.org/x)")).isNull();
        assertThat(MarkdownLinks.linkOnly("`[code](https://e.org/x)`")).isNull();
        assertThat(MarkdownLinks.linkOnly("[Statement][en]")).isNull();
        assertThat(MarkdownLinks.linkOnly("## [Statement](https://e.org/x)")).isNull();
        assertThat(MarkdownLinks.linkOnly("<https://e.org/x>")).isNull();
        assertThat(MarkdownLinks.linkOnly("[one](https://e.org/1)[two](https://e.org/2)")).isNull();
    }

    @Test
    void destinationsSkipCodeSpansAndEscapesButNotAnEscapedBackslash() {
        String md = "Write `[x](https://e.org/in-code)` to link, not \\[this\\](https://e.org/escaped);"
                + " after a backslash written as \\\\[a real one](https://e.org/real).\n";
        assertThat(MarkdownLinks.destinations(md)).containsExactly("https://e.org/real");
    }

    @Test
    void aReferenceLinkResolvesToItsDefinitionWhereverTheDefinitionStands() {
        String md = "The union's [full demands][demands] are online.\n\n> [demands]: https://e.org/pt/exigencias/\n";
        assertThat(MarkdownLinks.destinations(md)).containsExactly("https://e.org/pt/exigencias/");
        // a line in the middle of a paragraph is no definition (one cannot interrupt a paragraph)
        assertThat(MarkdownLinks.destinations("Notes of the meeting\n[draft]: https://e.org/not-a-definition\n")).isEmpty();
    }

    @Test
    void autolinksAreLinksWhateverTheCaseOfTheirSchemeAndNotInCode() {
        assertThat(MarkdownLinks.destinations("Read it at <HTTPS://E.ORG/EN/LETTER/> (not `<https://e.org/code>`).\n"))
                .containsExactly("HTTPS://E.ORG/EN/LETTER/");
    }

    @Test
    void theFrontMatterHoldsNoLinksOfTheBody() {
        String md = "---\ntitle: Carta\nsource: \"[original](https://e.org/fm)\"\n---\n\nVer [a carta](https://e.org/pt/carta/).\n";
        assertThat(MarkdownLinks.destinations(md)).containsExactly("https://e.org/pt/carta/");
    }

    @Test
    void aLinkExportWritesIsReadBackAsThatLinkWhateverItsAddressHolds() {
        for (String url : new String[] {"https://e.org/pt/a_(b)/", "https://e.org/ru/заявление 1/", "https://e.org/a)b",
                "https://e.org/x?q=<y>"}) {
            MarkdownLinks.Link back = MarkdownLinks.linkOnly(MarkdownLinks.format("Carta [rascunho]", url));
            assertThat(back).as(url).isNotNull();
            assertThat(back.text()).isEqualTo("Carta [rascunho]");
            assertThat(MarkdownLinks.destinations(MarkdownLinks.format("Carta", url))).hasSize(1);
        }
        assertThat(MarkdownLinks.linkOnly(MarkdownLinks.format("T", "https://e.org/a)b")).url()).isEqualTo("https://e.org/a)b");
    }
}
