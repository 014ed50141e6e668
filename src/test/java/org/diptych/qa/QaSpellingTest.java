package org.diptych.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.diptych.export.ExportCheck;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.spell.ProjectDictionary;
import org.diptych.spell.ProjectSpelling;
import org.diptych.spell.SpellFinding;
import org.diptych.spell.SpellChecker;
import org.diptych.spell.Spelling;
import org.junit.jupiter.api.Test;

/** QA's spelling and grammar findings, per row, for ru, en and pt; warnings that never block an export. */
class QaSpellingTest {
    private static SpellChecker checker(String lang) {
        return Spelling.shared().checkerNow(lang).orElseThrow();
    }

    private static DocumentVersion version(String lang, String... texts) {
        List<Paragraph> ps = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) ps.add(Paragraph.plain("p" + (i + 1), texts[i]));
        return new DocumentVersion(lang, null, "markdown", "UTF-8", FrontMatter.NONE, ps);
    }

    private static List<QaIssue> run(String srcLang, String tgtLang, String[] src, String[] tgt, ProjectDictionary dict) {
        List<Bead> beads = new ArrayList<>();
        for (int i = 0; i < src.length; i++) beads.add(Bead.auto(List.of("p" + (i + 1)), List.of("p" + (i + 1)), 0.9));
        Alignment a = new Alignment("s", srcLang, tgtLang, beads, Instant.EPOCH);
        return QaCheck.run(a, version(srcLang, src), version(tgtLang, tgt), null, checker(tgtLang), dict::accepts);
    }

    private static List<QaIssue> spelling(List<QaIssue> issues) {
        return issues.stream().filter(q -> q.rule() == QaRule.SPELLING).toList();
    }

    @Test
    void russianTranslationMisspellingIsListedAtItsRow() {
        List<QaIssue> issues = run("en", "ru",
                new String[] {"The strike lasted three days.", "The port reopened on Friday."},
                new String[] {"Забастовка длилась три дня.", "Порт открылся снва в пятницу."}, ProjectDictionary.none());
        assertThat(spelling(issues)).hasSize(1);
        QaIssue q = spelling(issues).get(0);
        assertThat(q.bead()).isEqualTo(1);
        assertThat(q.args().get(0)).isEqualTo("снва");
        assertThat(q.args().get(1)).contains("снова");
    }

    @Test
    void englishTranslationMisspellingAndGrammar() {
        List<QaIssue> issues = run("ru", "en",
                new String[] {"Собрание прошло в среду.", "У профсоюза есть идея."},
                new String[] {"The meeting took place on Wensday.", "The union has a idea."}, ProjectDictionary.none());
        assertThat(spelling(issues)).extracting(QaIssue::bead).containsExactly(0);
        assertThat(spelling(issues).get(0).args().get(1)).contains("Wednesday");
        assertThat(issues).filteredOn(q -> q.rule() == QaRule.GRAMMAR).extracting(QaIssue::bead).containsExactly(1);
    }

    @Test
    void portugueseTranslationMisspellingAndTheProjectDictionary() {
        String[] src = {"Рабочие Северотрубы вышли на митинг."};
        String[] tgt = {"Os operários da Severotruba foram à reuniao."};
        List<QaIssue> issues = run("ru", "pt", src, tgt, ProjectDictionary.none());
        assertThat(spelling(issues)).extracting(q -> q.args().get(0)).containsExactlyInAnyOrder("Severotruba", "reuniao");
        assertThat(spelling(issues)).filteredOn(q -> q.args().get(0).equals("reuniao"))
                .allSatisfy(q -> assertThat(q.args().get(1)).contains("reunião"));
        ProjectDictionary dict = ProjectDictionary.none();
        dict.add("Severotruba");
        assertThat(spelling(run("ru", "pt", src, tgt, dict))).extracting(q -> q.args().get(0)).containsExactly("reuniao");
    }

    @Test
    void aProjectsIgnoredWordsAndRulesAndItsLocaleHoldInQa() {
        String[] src = {"Рабочие Северотрубы вышли на митинг.", "Им нужен экономический контакт."};
        String[] tgt = {"Os os operários da Severotruba foram à reuniao.", "Querem um contato econômico."};
        List<Bead> beads = List.of(Bead.auto(List.of("p1"), List.of("p1"), 0.9), Bead.auto(List.of("p2"), List.of("p2"), 0.9));
        Alignment a = new Alignment("s", "ru", "pt", beads, Instant.EPOCH);
        ProjectSpelling brazil = ProjectSpelling.none("pt", "pt-BR");
        SpellChecker seen = Spelling.shared().forProject(l -> brazil).checkerNow("pt").orElseThrow();
        List<QaIssue> before = QaCheck.run(a, version("ru", src), version("pt", tgt), null, seen, brazil::accepts);
        assertThat(before).filteredOn(q -> q.rule() == QaRule.SPELLING || q.rule() == QaRule.GRAMMAR)
                .extracting(q -> q.args().get(0)).containsExactlyInAnyOrder("Os os", "Severotruba", "reuniao");
        String rule = seen.check(tgt[0], null).stream().filter(f -> f.kind() == SpellFinding.Kind.GRAMMAR)
                .findFirst().orElseThrow().rule();
        brazil.ignoreWord("Severotruba");
        brazil.ignoreRule(rule);
        SpellChecker after = Spelling.shared().forProject(l -> brazil).checkerNow("pt").orElseThrow();
        assertThat(QaCheck.run(a, version("ru", src), version("pt", tgt), null, after, brazil::accepts))
                .filteredOn(q -> q.rule() == QaRule.SPELLING || q.rule() == QaRule.GRAMMAR)
                .extracting(q -> q.args().get(0)).containsExactly("reuniao");
    }

    @Test
    void spellingAndGrammarAreWarningsNotExportErrors() {
        assertThat(ExportCheck.ERRORS).doesNotContain(QaRule.SPELLING, QaRule.GRAMMAR);
        // without a checker QA is as before: no spelling findings
        List<Bead> beads = List.of(Bead.auto(List.of("p1"), List.of("p1"), 0.9));
        Alignment a = new Alignment("s", "ru", "en", beads, Instant.EPOCH);
        assertThat(QaCheck.run(a, version("ru", "Забастовка."), version("en", "The strik."), null)).isEmpty();
    }
}
