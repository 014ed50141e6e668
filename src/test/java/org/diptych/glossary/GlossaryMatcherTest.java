package org.diptych.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GlossaryMatcherTest {
    static final Glossary G = new Glossary(List.of(
            new GlossaryEntry(Map.of("ru", List.of("профсоюз"), "pt", List.of("sindicato"), "en", List.of("trade union", "union")), null),
            new GlossaryEntry(Map.of("ru", List.of("коллективный договор"), "pt", List.of("acordo coletivo"),
                    "en", List.of("collective agreement")), "signed by union and employer"),
            new GlossaryEntry(Map.of("ru", List.of("право"), "pt", List.of("direito")), null),
            new GlossaryEntry(Map.of("ru", List.of("право на отказ от работы"), "pt", List.of("direito de recusa")), null)));

    @Test
    void russianTermMatchesItsInflectedForms() {
        GlossaryMatcher m = new GlossaryMatcher(G, "ru", "pt");
        for (String form : List.of("профсоюз", "профсоюзы", "профсоюза", "профсоюзов", "профсоюзами", "Профсоюзу")) {
            List<TermHit> hits = m.find("Здесь " + form + " помог.");
            assertThat(hits).as(form).singleElement().satisfies(h -> {
                assertThat(h.text()).isEqualTo(form);
                assertThat(h.term()).isEqualTo("профсоюз");
                assertThat(h.translations()).containsExactly("sindicato");
            });
        }
        assertThat(m.find("Профком помог.")).isEmpty();
    }

    @Test
    void multiWordTermsMatchInflectedAndLongestWins() {
        GlossaryMatcher m = new GlossaryMatcher(G, "ru", "pt");
        List<TermHit> hits = m.find("Нормы вошли в коллективные договоры; право на отказ от работы закреплено, и это право.");
        assertThat(hits).extracting(TermHit::term)
                .containsExactly("коллективный договор", "право на отказ от работы", "право");
        assertThat(hits.get(0).text()).isEqualTo("коллективные договоры");
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "Наши профсоюзы и ёлки";
        TermHit h = new GlossaryMatcher(G, "ru", "en").find(text).get(0);
        assertThat(text.substring(h.start(), h.end())).isEqualTo("профсоюзы");
        assertThat(h.translations()).containsExactly("trade union", "union");
    }

    @Test
    void otherDirectionsAndTargetUse() {
        GlossaryMatcher m = new GlossaryMatcher(G, "pt", "ru");
        assertThat(m.find("Os sindicatos assinaram acordos coletivos.")).extracting(TermHit::term)
                .containsExactly("sindicato", "acordo coletivo");
        GlossaryMatcher ruPt = new GlossaryMatcher(G, "ru", "pt");
        GlossaryEntry union = G.entries().get(0);
        assertThat(ruPt.usedIn("Os sindicatos conseguiram.", union)).isTrue();
        assertThat(ruPt.usedIn("Os trabalhadores conseguiram.", union)).isFalse();
        GlossaryMatcher ruEn = new GlossaryMatcher(G, "ru", "en");
        assertThat(ruEn.usedIn("The unions won.", union)).isTrue();
    }

    @Test
    void pairsServeAsLexiconEntries() {
        assertThat(G.pairs("ru", "pt")).contains(new Glossary.TermPair("профсоюз", "sindicato"));
        assertThat(G.pairs("pt-BR", "en")).contains(new Glossary.TermPair("sindicato", "union"));
    }

    @Test
    void mergeLeavesOutEntriesAlreadyThere() {
        Glossary more = new Glossary(List.of(
                new GlossaryEntry(Map.of("ru", List.of("Профсоюз"), "pt", List.of("sindicato")), null),
                new GlossaryEntry(Map.of("ru", List.of("забастовка"), "pt", List.of("greve")), null)));
        assertThat(G.merge(more).size()).isEqualTo(G.size() + 1);
    }
}
