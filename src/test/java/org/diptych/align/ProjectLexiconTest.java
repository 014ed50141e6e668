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

/** The project's glossary reaches the aligner as a lexicon, in both directions. */
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
}
