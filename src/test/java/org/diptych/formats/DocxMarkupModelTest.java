package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;

import org.diptych.formats.DocxMarkup.Span;
import org.junit.jupiter.api.Test;

/** A DOCX paragraph's markup is read back as the markdown model reads it, not by a star-toggle rule of its own. */
class DocxMarkupModelTest {
    @Test
    void underscoreEmphasisIsEmphasisAsTheDeskShowsIt() {
        assertThat(DocxMarkup.parse("_Aviso_ aos __sócios__")).containsExactly(new Span("Aviso", DocxMarkup.ITALIC),
                new Span(" aos ", 0), new Span("sócios", DocxMarkup.BOLD));
        // intraword underscores are no emphasis
        assertThat(DocxMarkup.parse("relatorio_2025_final")).containsExactly(new Span("relatorio_2025_final", 0));
    }

    @Test
    void starsInACodeSpanOrALinkAddressAreTextAndAnyPunctuationEscapeIsItsCharacter() {
        assertThat(DocxMarkup.parse("use `a*b*c` aqui")).containsExactly(new Span("use `a*b*c` aqui", 0));
        assertThat(DocxMarkup.parse("[**lista**](http://x.org/a_(b)) \\_ \\# \\&")).containsExactly(new Span("[", 0),
                new Span("lista", DocxMarkup.BOLD), new Span("](http://x.org/a_(b)) _ # &", 0));
    }

    @Test
    void onlyWhatMarkdownWouldReadAsMarkupIsEscaped() {
        String t = "a < b, 5 & 6, 1. item\n- dash\n+x -5 ~ single #tag";
        StringBuilder escaped = new StringBuilder();
        for (int j = 0; j < t.length(); j++) if (DocxMarkup.escape(t, j)) escaped.append(j).append(' ');
        assertThat(escaped.toString()).as("only the dash opening the second line").isEqualTo(t.indexOf("- dash") + " ");
        assertThat(DocxMarkup.escape("2025. Ano", 4)).isTrue();
        assertThat(DocxMarkup.escape("Em 2025. Ano", 7)).isFalse();
        assertThat(DocxMarkup.escape("a &amp; b", 2)).isTrue();
        assertThat(DocxMarkup.escape("a <b> c", 2)).isTrue();
        assertThat(DocxMarkup.escape("# título", 0)).isTrue();
        assertThat(DocxMarkup.escape("linha\n===", 6)).isTrue();
    }

    @Test
    void aMarkerBetweenPunctuationAndALetterWouldNotCloseSoThePunctuationTakesItsNeighboursEmphasis() {
        TextFragment tf = new TextFragment();
        tf.append(TagType.OPENING, "x-bold;", "<r1>");
        tf.append("Atenção:");
        tf.append(TagType.CLOSING, "x-bold;", "</r1>");
        tf.append("texto e x");
        tf.append(TagType.OPENING, "x-italic;", "<r2>");
        tf.append("(nota)");
        tf.append(TagType.CLOSING, "x-italic;", "</r2>");
        tf.append("y");
        tf.balanceMarkers();
        String markup = DocxMarkup.markup(tf);
        assertThat(markup).isEqualTo("**Atenção**:texto e x(*nota*)y");
        assertThat(DocxMarkup.parse(markup)).containsExactly(new Span("Atenção", DocxMarkup.BOLD), new Span(":texto e x(", 0),
                new Span("nota", DocxMarkup.ITALIC), new Span(")y", 0));
    }
}
