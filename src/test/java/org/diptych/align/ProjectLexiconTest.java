package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.diptych.glossary.Glossary;
import org.diptych.glossary.GlossaryEntry;
import org.diptych.glossary.GlossaryStore;
import org.diptych.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's glossary and translation memory reach the aligner as a lexicon, in both directions. */
class ProjectLexiconTest {
    @TempDir
    Path tmp;

    @Test
    void glossaryTermsBecomeLexiconEntries() {
        try (Project p = Project.create(tmp.resolve("p"), null, List.of("ru", "en", "pt"))) {
            assertThat(ProjectLexicon.learn(p, "ru", "en")).isNull();
            GlossaryStore.save(p, new Glossary(List.of(
                    new GlossaryEntry(Map.of("ru", List.of("профсоюз"), "en", List.of("trade union"),
                            "pt", List.of("sindicato")), null),
                    new GlossaryEntry(Map.of("ru", List.of("забастовка"), "en", List.of("strike")), null))));
            Lexicon ruEn = ProjectLexicon.learn(p, "ru", "en");
            assertThat(ruEn.entries("ru", "en")).contains(new Lexicon.Entry("профсоюз", "trade union"),
                    new Lexicon.Entry("забастовка", "strike"));
            assertThat(ruEn.entries("en", "ru")).contains(new Lexicon.Entry("strike", "забастовка"));
            assertThat(ProjectLexicon.learn(p, "pt-BR", "ru").entries("pt", "ru"))
                    .containsExactly(new Lexicon.Entry("sindicato", "профсоюз"));
        }
    }

    @Test
    void anImportedTmTeachesWordPairsAndTheLexiconFollowsChanges() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"), null, List.of("ru", "en"))) {
            assertThat(ProjectLexicon.learn(p, "ru", "en")).isNull();
            String[][] units = {
                    {"Забастовка продолжается третью неделю.", "The strike continues for the third week."},
                    {"Шахтёры объявили забастовку.", "The miners declared a strike."},
                    {"Профсоюз поддержал шахтёров.", "The union supported the miners."},
                    {"Профсоюз требует переговоров.", "The union demands negotiations."},
                    {"Переговоры начнутся в понедельник.", "Negotiations will start on Monday."},
                    {"Забастовка закончилась в понедельник.", "The strike ended on Monday."}};
            StringBuilder tmx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
                    + "<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\""
                    + " adminlang=\"en\" srclang=\"ru\" datatype=\"plaintext\"/><body>\n");
            for (String[] u : units) {
                tmx.append("<tu><tuv xml:lang=\"ru\"><seg>").append(u[0]).append("</seg></tuv><tuv xml:lang=\"en\"><seg>")
                        .append(u[1]).append("</seg></tuv></tu>\n");
            }
            tmx.append("</body></tmx>\n");
            Path file = tmp.resolve("memory-in.tmx");
            java.nio.file.Files.writeString(file, tmx);
            try (org.diptych.tm.TranslationMemory tm = org.diptych.tm.TranslationMemory.open(p.tmDir())) {
                tm.importTmx(file, org.diptych.Progress.NONE);
            }
            Lexicon lex = ProjectLexicon.learn(p, "ru", "en");
            assertThat(lex).isNotNull();
            assertThat(lex.entries("ru", "en")).contains(
                    new Lexicon.Entry(Lexicon.stem("забастовка"), Lexicon.stem("strike")),
                    new Lexicon.Entry(Lexicon.stem("профсоюз"), Lexicon.stem("union")));
            assertThat(ProjectLexicon.learn(p, "ru", "en")).isSameAs(lex);
            // a glossary saved afterwards is seen at once
            GlossaryStore.save(p, new Glossary(List.of(
                    new GlossaryEntry(Map.of("ru", List.of("шахта"), "en", List.of("mine")), null))));
            assertThat(ProjectLexicon.learn(p, "ru", "en").entries("ru", "en"))
                    .contains(new Lexicon.Entry("шахта", "mine"), new Lexicon.Entry(Lexicon.stem("забастовка"), Lexicon.stem("strike")));
        }
    }
}
