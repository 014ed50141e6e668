package org.diptych.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.diptych.glossary.Glossary;
import org.diptych.glossary.GlossaryEntry;
import org.diptych.glossary.GlossaryMatcher;
import org.diptych.qa.QaRules.Texts;

class QaRulesTest {
    static Texts md(String sourceMarkup, String targetMarkup) {
        return new Texts(sourceMarkup, org.diptych.review.MarkupText.plain(sourceMarkup), targetMarkup,
                org.diptych.review.MarkupText.plain(targetMarkup));
    }

    static List<QaRule> rules(List<QaIssue> issues) {
        return issues.stream().map(QaIssue::rule).toList();
    }

    @Test
    void emptyTranslation() {
        assertThat(rules(QaRules.empty(Texts.plain("Жара в цехах.", "  ")))).containsExactly(QaRule.EMPTY);
        assertThat(QaRules.empty(Texts.plain("Жара в цехах.", "Calor nas fábricas."))).isEmpty();
        assertThat(QaRules.empty(Texts.plain("", ""))).isEmpty();
    }

    @Test
    void sourceCopiedIsUntranslated() {
        assertThat(rules(QaRules.untranslated(Texts.plain("Мы требуем:", "мы  требуем:")))).containsExactly(QaRule.UNTRANSLATED);
        assertThat(QaRules.untranslated(Texts.plain("Мы требуем:", "Exigimos:"))).isEmpty();
        // nothing to translate: numbers and short marks stay as they are
        assertThat(QaRules.untranslated(Texts.plain("2024 — 19", "2024 — 19"))).isEmpty();
    }

    @Test
    void numbersThatDifferAreReportedBothWays() {
        List<QaIssue> i = QaRules.numbers(Texts.plain("Десять минут в тени, если жарче +30 °C, 2 раза в смену.",
                "Dez minutos à sombra quando passar de 32 °C, 2 vezes por turno."));
        assertThat(rules(i)).containsExactly(QaRule.NUMBERS);
        assertThat(i.get(0).args()).containsExactly("30", "32");
        assertThat(i.get(0).message()).contains("30 in the source").contains("32 in the translation");
    }

    @Test
    void numbersCompareByDigitsAcrossSeparators() {
        assertThat(QaRules.numbers(Texts.plain("Собрали 1 000 подписей, рост 1,5 раза.",
                "We collected 1,000 signatures, growth of 1.5 times."))).isEmpty();
        assertThat(QaRules.numbers(Texts.plain("статья 379", "article 379"))).isEmpty();
        assertThat(QaRules.numbers(Texts.plain("статья 379", "article 397"))).hasSize(1);
        // numbers inside addresses and dates are their rules' business
        assertThat(QaRules.numbers(Texts.plain("пишите на zhara24@example.org 19 июля 2024 года",
                "write to zhara24@example.org on 19 July 2024"))).isEmpty();
    }

    @Test
    void datesAreComparedAsDatesInEveryLanguage() {
        assertThat(QaRules.dates(Texts.plain("Сеть, 19 июля 2024 года", "Rede, 19 de julho de 2024"))).isEmpty();
        assertThat(QaRules.dates(Texts.plain("Сеть, 19 июля 2024 года", "Network, July 19, 2024"))).isEmpty();
        assertThat(QaRules.dates(Texts.plain("с 08.03.2025", "since 2025-03-08"))).isEmpty();
        List<QaIssue> i = QaRules.dates(Texts.plain("Сеть, 19 июля 2024 года", "Rede, 19 de junho de 2024"));
        assertThat(rules(i)).containsExactly(QaRule.DATES);
        assertThat(i.get(0).args()).containsExactly("2024-07-19", "2024-06-19");
        assertThat(QaRules.datesOf("9 мая")).containsExactly("--05-09");
    }

    @Test
    void urlsAndAddressesMustBeKept() {
        Texts same = md("Образцы на [странице](https://solidarnost.example/zhara), пишите zhara@solidarnost.example.",
                "Modelos na [página](https://solidarnost.example/zhara); escreva para zhara@solidarnost.example.");
        assertThat(QaRules.urls(same)).isEmpty();
        List<QaIssue> i = QaRules.urls(md("См. https://solidarnost.example/zhara.", "Veja https://solidarnost.example/calor."));
        assertThat(rules(i)).containsExactly(QaRule.URLS);
        assertThat(i.get(0).args()).containsExactly("https://solidarnost.example/zhara", "https://solidarnost.example/calor");
        // a link to the site's own page in the other language is language-specific
        assertThat(QaRules.urls(md("[Calor](/pt/declaracoes/heat)", "[Жара](/ru/statements/heat)"))).isEmpty();
    }

    @Test
    void missingAndExtraLinks() {
        assertThat(rules(QaRules.links(md("Образцы на [странице кампании](https://x.example/a).", "Modelos na página da campanha."))))
                .containsExactly(QaRule.LINKS);
        assertThat(QaRules.links(md("Образцы на [странице](https://x.example/a).", "Modelos na [página](https://x.example/a).")))
                .isEmpty();
        assertThat(QaRules.links(md("Текст.", "Texto [extra](https://x.example/b).")).get(0).message()).contains("more");
    }

    @Test
    void missingAndExtraBold() {
        assertThat(rules(QaRules.bold(md("Мы призываем **все профсоюзы** поддержать их.", "We call on all unions to support them."))))
                .containsExactly(QaRule.BOLD);
        assertThat(QaRules.bold(md("Мы призываем **все профсоюзы**.", "We call on **all unions**."))).isEmpty();
        assertThat(QaRules.bold(md("Текст.", "Text __strong__."))).hasSize(1);
    }

    /** The counts come from the markdown model: what renders bold or as a link counts, nothing else does. */
    @Test
    void markupCountsFollowWhatRenders() {
        // bold across a soft line break (a hard-wrapped post) is one bold span
        assertThat(QaRules.bold(md("Мы призываем **все\nпрофсоюзы** поддержать их.", "We call on **all unions** to support them.")))
                .isEmpty();
        // escaped asterisks and asterisks in code are not bold; a bold in the source is then missing
        assertThat(rules(QaRules.bold(md("Мы **требуем**.", "We \\*\\*demand\\*\\* and `**x**`."))))
                .containsExactly(QaRule.BOLD);
        // a link whose address has parentheses is one link, and its whole address is compared
        Texts paren = md("См. [список](http://x.org/a_(b)).", "Veja [a lista](http://x.org/a_(b)).");
        assertThat(QaRules.links(paren)).isEmpty();
        assertThat(QaRules.urls(paren)).isEmpty();
        assertThat(QaRules.urlsOf("Veja [a lista](http://x.org/a_(b)).")).containsExactly("http://x.org/a_(b)");
        // an autolink and an inline link to the same address are one link each
        assertThat(QaRules.links(md("См. <https://x.org/a>.", "See [the page](https://x.org/a)."))).isEmpty();
        // an image is no link; an HTML link is
        assertThat(QaRules.links(md("![фото](https://x.org/p.jpg) <a href=\"https://x.org\">сайт</a>",
                "![foto](https://x.org/p.jpg) [site](https://x.org)"))).isEmpty();
        // "[…]" in a quotation is text, not a link
        assertThat(QaRules.links(md("«[…] мы требуем»", "“[…] we demand”"))).isEmpty();
    }

    @Test
    void doubledSpaces() {
        assertThat(rules(QaRules.doubleSpaces(Texts.plain("Жара.", "O  calor.")))).containsExactly(QaRule.DOUBLE_SPACES);
        assertThat(QaRules.doubleSpaces(Texts.plain("Жара.", "O calor."))).isEmpty();
    }

    @Test
    void quotesMustPairUp() {
        assertThat(QaRules.quotes(Texts.plain("x", "«тепловой перерыв» и „кавычки“"))).isEmpty();
        assertThat(QaRules.quotes(Texts.plain("x", "a “thermal break” and \"this\""))).isEmpty();
        assertThat(rules(QaRules.quotes(Texts.plain("x", "«pausa térmica")))).containsExactly(QaRule.QUOTES);
        assertThat(QaRules.quotes(Texts.plain("x", "a \"break"))).hasSize(1);
        assertThat(QaRules.quotes(Texts.plain("x", "pausa» térmica«"))).hasSize(1);
    }

    @Test
    void bracketsMustPairUp() {
        assertThat(QaRules.brackets(Texts.plain("x", "o artigo 379 (Código do Trabalho [CT])"))).isEmpty();
        assertThat(rules(QaRules.brackets(Texts.plain("x", "o artigo 379 (Código do Trabalho")))).containsExactly(QaRule.BRACKETS);
        assertThat(QaRules.brackets(Texts.plain("x", "o artigo (379]"))).hasSize(1);
        assertThat(QaRules.brackets(Texts.plain("x", "o artigo) 379 ("))).hasSize(1);
    }

    @Test
    void glossaryTermsNotUsed() {
        GlossaryMatcher m = new GlossaryMatcher(new Glossary(List.of(
                new GlossaryEntry(Map.of("ru", List.of("профсоюз"), "pt", List.of("sindicato")), null))), "ru", "pt");
        List<QaIssue> i = QaRules.glossary(Texts.plain("Профсоюзы добились перерыва.", "Os trabalhadores conseguiram uma pausa."), m);
        assertThat(rules(i)).containsExactly(QaRule.GLOSSARY);
        assertThat(i.get(0).args()).containsExactly("Профсоюзы", "sindicato");
        assertThat(QaRules.glossary(Texts.plain("Профсоюзы добились перерыва.", "Os sindicatos conseguiram uma pausa."), m)).isEmpty();
    }

    @Test
    void checkRunsEveryRuleAndEmptyAlone() {
        assertThat(rules(QaCheck.check(Texts.plain("Жара 19 июля.", ""), null))).containsExactly(QaRule.EMPTY);
        assertThat(rules(QaCheck.check(Texts.plain("Жара  +36 °C (в цехах.", "Calor de  +34 °C (nas fábricas."), null)))
                .containsExactly(QaRule.NUMBERS, QaRule.DOUBLE_SPACES, QaRule.BRACKETS);
    }
}
