package org.diptych.spell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** LanguageTool through {@link SpellChecker}: a misspelt word in each language, the dictionary, markdown. */
class SpellCheckerTest {
    private static final Spelling SPELLING = Spelling.shared();

    private static List<SpellFinding> check(String lang, String text, ProjectDictionary dict) {
        return SPELLING.checkerNow(lang).orElseThrow().check(text, dict::accepts);
    }

    private static SpellFinding only(List<SpellFinding> findings, String word) {
        List<SpellFinding> on = findings.stream().filter(f -> f.word().equals(word)).toList();
        assertThat(on).as(findings.toString()).hasSize(1);
        return on.get(0);
    }

    @Test
    void englishMisspellingIsFoundWithTheRightSuggestion() {
        String text = "The dockers voted to stop work until the port meets their condtions.";
        SpellFinding f = only(check("en", text, ProjectDictionary.none()), "condtions");
        assertThat(f.kind()).isEqualTo(SpellFinding.Kind.SPELLING);
        assertThat(f.offset()).isEqualTo(text.indexOf("condtions"));
        assertThat(f.suggestions()).contains("conditions");
        assertThat(f.suggestions().get(0)).isEqualTo("conditions");
    }

    @Test
    void russianMisspellingIsFoundWithTheRightSuggestion() {
        String text = "Докеры решили не выходить на работу, пока порт не выполнит их услвия.";
        SpellFinding f = only(check("ru", text, ProjectDictionary.none()), "услвия");
        assertThat(f.kind()).isEqualTo(SpellFinding.Kind.SPELLING);
        assertThat(f.offset()).isEqualTo(text.indexOf("услвия"));
        assertThat(f.suggestions()).contains("условия");
    }

    @Test
    void portugueseMisspellingIsFoundWithTheRightSuggestion() {
        String text = "Os estivadores decidiram parar até que o porto cumpra as suas condiçoes.";
        SpellFinding f = only(check("pt", text, ProjectDictionary.none()), "condiçoes");
        assertThat(f.kind()).isEqualTo(SpellFinding.Kind.SPELLING);
        assertThat(f.suggestions()).contains("condições");
    }

    @Test
    void aWordOfTheProjectDictionaryIsNotFlagged() {
        String text = "Профкомитет Красноборска собрался в понедельник.";
        assertThat(check("ru", text, ProjectDictionary.none())).extracting(SpellFinding::word).contains("Красноборска");
        ProjectDictionary dict = ProjectDictionary.none();
        dict.add("Красноборска");
        assertThat(check("ru", text, dict)).extracting(SpellFinding::word).doesNotContain("Красноборска");
    }

    @Test
    void aLowerCaseEntryAcceptsTheCapitalisedWordButNotTheOtherWay() {
        ProjectDictionary dict = ProjectDictionary.none();
        dict.add("sindicalês");
        dict.add("Diptych");
        assertThat(dict.accepts("Sindicalês")).isTrue();
        assertThat(dict.accepts("sindicalês")).isTrue();
        assertThat(dict.accepts("diptych")).isFalse();
    }

    @Test
    void grammarRulesLoadToo() {
        List<SpellFinding> f = check("en", "The union has a idea for the next meeting.", ProjectDictionary.none());
        assertThat(f).extracting(SpellFinding::kind).contains(SpellFinding.Kind.GRAMMAR);
        assertThat(f).filteredOn(x -> x.kind() == SpellFinding.Kind.GRAMMAR).flatExtracting(SpellFinding::suggestions)
                .contains("an");
    }

    @Test
    void markdownIsPassedOverAndOffsetsAreTheMarkups() {
        String text = "Read **the** [condtions](https://example.org/condtons-list) of the strik.";
        List<SpellFinding> f = check("en", text, ProjectDictionary.none());
        assertThat(f).extracting(SpellFinding::word).containsExactly("condtions", "strik");
        assertThat(f.get(0).offset()).isEqualTo(text.indexOf("condtions"));
        assertThat(f.get(1).offset()).isEqualTo(text.indexOf("strik."));
    }

    @Test
    void languagesWithoutAChecker() {
        assertThat(SPELLING.checkerNow("de")).isEmpty();
        assertThat(SpellChecker.variant("pt-BR")).contains("pt-BR");
        assertThat(SpellChecker.variant("en")).contains("en-US");
    }
}
