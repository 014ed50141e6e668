package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** HTML Diptych writes from translated markup carries no link that runs code. */
class HtmlMarkupSafetyTest {
    @Test
    void javascriptVbscriptAndDataLinksAreDroppedFromTags() {
        assertThat(HtmlMarkup.safeTag("<a href=\"javascript:alert(1)\">")).isEqualTo("<a>");
        assertThat(HtmlMarkup.safeTag("<a HREF=' JavaScript:alert(1)' class=\"x\">")).isEqualTo("<a class=\"x\">");
        assertThat(HtmlMarkup.safeTag("<img src=data:text/html,xx>")).isEqualTo("<img>");
        assertThat(HtmlMarkup.safeTag("<a href=\"vbscript:msgbox\" title=\"ok\">")).isEqualTo("<a title=\"ok\">");
        assertThat(HtmlMarkup.safeTag("<a href=\"https://example.org/ru/\">")).isEqualTo("<a href=\"https://example.org/ru/\">");
    }

    @Test
    void translatedMarkupBecomesAFragmentWithoutTheHostileLink() {
        var c = HtmlMarkup.fragment("Смотрите <a href=\"javascript:steal()\">здесь</a> и <b>там</b>",
                new net.sf.okapi.common.resource.TextFragment("x"));
        String out = c.fragment().toText();
        assertThat(out).doesNotContainIgnoringCase("javascript").contains("<a>здесь</a>").contains("<b>там</b>");
    }
}
