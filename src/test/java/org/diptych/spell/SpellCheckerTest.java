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
    void brazilianAndEuropeanPortugueseAreCheckedEachWithItsOwnSpelling() {
        String br = "O contato econômico foi registrado.";
        String eu = "O contacto económico foi registado.";
        // a Brazilian site's profile names pt_BR: the project's spelling asks for the pt-BR checker
        ProjectSpelling brazil = ProjectSpelling.none("pt", ProjectSpelling.locale(
                java.util.Map.of("pt", new org.diptych.project.Manifest.SiteProfile("https://x.org/:slug/", "p/:slug.md",
                        "top-line", "pt_BR")), "pt", null));
        Spelling seen = SPELLING.forProject(l -> brazil);
        SpellChecker ptBr = seen.checkerNow("pt").orElseThrow();
        assertThat(ptBr.languageName()).contains("Brazil");
        assertThat(ptBr.check(br, null)).isEmpty();
        assertThat(ptBr.check(eu, null)).extracting(SpellFinding::word).contains("económico");
        // without a region, Portuguese is LanguageTool's default variant, pt-PT
        SpellChecker pt = SPELLING.checkerNow("pt").orElseThrow();
        assertThat(pt.languageName()).contains("Portugal");
        assertThat(pt.check(br, null)).extracting(SpellFinding::word).contains("econômico", "registrado");
        assertThat(pt.check(eu, null)).isEmpty();
    }

    @Test
    void aRuleTheProjectIgnoresGivesNoFinding() {
        String text = "The union has a idea for the next meeting.";
        SpellChecker en = SPELLING.checkerNow("en").orElseThrow();
        String rule = en.check(text, null).stream().filter(f -> f.kind() == SpellFinding.Kind.GRAMMAR)
                .findFirst().orElseThrow().rule();
        ProjectSpelling project = ProjectSpelling.none("en", "en");
        project.ignoreRule(rule);
        SpellChecker seen = SPELLING.forProject(l -> project).checkerNow("en").orElseThrow();
        assertThat(seen.check(text, null)).extracting(SpellFinding::rule).doesNotContain(rule);
        assertThat(en.check(text, null)).extracting(SpellFinding::rule).as("the shared checker is not changed").contains(rule);
        // a misspelling is still found by the checker that ignores the rule
        assertThat(seen.check("The union has a idea for the next meetng.", null)).extracting(SpellFinding::word)
                .containsExactly("meetng");
    }

    @Test
    void languagesWithoutAChecker() {
        assertThat(SPELLING.checkerNow("de")).isEmpty();
        assertThat(SpellChecker.variant("pt-BR")).contains("pt-BR");
        assertThat(SpellChecker.variant("en")).contains("en-US");
    }
}
