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

    @Test
    void eventHandlersObfuscatedSchemesAndCodeElementsAreDropped() {
        assertThat(HtmlMarkup.safeTag("<img src=\"x.png\" onerror=\"alert(1)\" alt=\"greve\">")).isEqualTo("<img src=\"x.png\" alt=\"greve\">");
        assertThat(HtmlMarkup.safeTag("<b OnMouseOver=alert(1)>")).isEqualTo("<b>");
        assertThat(HtmlMarkup.safeTag("<a href=\"java&#x09;script:alert(1)\">")).isEqualTo("<a>");
        assertThat(HtmlMarkup.safeTag("<a href=\"&#106;avascript:alert(1)\">")).isEqualTo("<a>");
        assertThat(HtmlMarkup.safeTag("<a href=\"javascript&colon;alert(1)\">")).isEqualTo("<a>");
        assertThat(HtmlMarkup.safeTag("<a href=\"java\nscript:alert(1)\">")).isEqualTo("<a>");
        assertThat(HtmlMarkup.safeTag("<span style=\"background:url(javascript:alert(1))\">")).isEqualTo("<span>");
        assertThat(HtmlMarkup.safeTag("<span style=\"color: red\">")).isEqualTo("<span style=\"color: red\">");
        assertThat(HtmlMarkup.safeTag("<br/>")).isEqualTo("<br/>");
        for (String e : List.of("script", "SCRIPT", "iframe", "object", "embed", "svg", "style", "base", "meta", "form")) {
            assertThat(HtmlMarkup.allowedElement(e)).as(e).isFalse();
        }
        for (String e : List.of("a", "b", "i", "em", "strong", "span", "img", "br", "sup")) {
            assertThat(HtmlMarkup.allowedElement(e)).as(e).isTrue();
        }
        var c = HtmlMarkup.fragment("Antes <script>steal(document.cookie)</script> <iframe src=\"https://x.example\"></iframe>"
                + "<img src=x onerror=alert(1)> depois", new net.sf.okapi.common.resource.TextFragment("x"));
        String out = c.fragment().toText();
        assertThat(out).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("onerror")
                .contains("<img src=x>").contains("steal(document.cookie)");
    }
}
