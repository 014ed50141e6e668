package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;

class LexiconTest {
    @Test
    void stemsAbsorbEndingsAndAccents() {
        assertThat(Lexicon.stem("Правами")).isEqualTo(Lexicon.stem("права")).isEqualTo("права");
        assertThat(Lexicon.stem("Ação")).isEqualTo("acao");
        assertThat(Lexicon.stem("ёлка")).isEqualTo("елка");
    }

    @Test
    void learnsWordPairsThatCoOccurInAlignedSegments() {
        List<String[]> pairs = List.of(
                new String[] {"Рабочие вышли на забастовку.", "The workers went on strike."},
                new String[] {"Забастовка продолжается третий день.", "The strike goes on for a third day."},
                new String[] {"Рабочие требуют повышения зарплаты.", "The workers demand higher wages."},
                new String[] {"Профсоюз поддержал рабочих.", "The union backed the workers."},
                new String[] {"Профсоюз объявил забастовку.", "The union called a strike."});
        Lexicon lex = Lexicon.learnFromPairs("ru", "en", pairs);
        List<Lexicon.Entry> e = lex.entries("ru", "en");
        assertThat(e).contains(new Lexicon.Entry("рабоч", "worke"), new Lexicon.Entry("забас", "strik"),
                new Lexicon.Entry("профс", "union"));
        assertThat(e).doesNotContain(new Lexicon.Entry("рабоч", "strik"));
        // the other direction is the same pairs swapped
        assertThat(lex.entries("en", "ru")).contains(new Lexicon.Entry("worke", "рабоч"));
        assertThat(lex.entries("pt", "en")).isEmpty();
    }

    @Test
    void supportingPairsAreTheEntriesFoundOnBothSides() {
        Lexicon lex = Lexicon.of("ru", "en", List.of(new Lexicon.Entry("забастовка", "strike"),
                new Lexicon.Entry("рабочие", "workers"), new Lexicon.Entry("профсоюз", "union"),
                new Lexicon.Entry("зарплата", "wages")));
        String ru = "Рабочие вышли на забастовку за зарплату.", en = "The workers went on strike.";
        assertThat(Lexicon.supporting(lex, "ru", "en", ru, en, 10))
                .containsExactly(new Lexicon.Entry("забастовка", "strike"), new Lexicon.Entry("рабочие", "workers"));
        assertThat(Lexicon.supporting(lex, "ru", "en", ru, en, 1)).hasSize(1);
        // the other direction: the same pairs, swapped
        assertThat(Lexicon.supporting(lex, "en", "ru", en, ru, 10)).contains(new Lexicon.Entry("strike", "забастовка"));
        assertThat(Lexicon.supporting(lex, "ru", "en", ru, "Doctors backed the union.", 10)).isEmpty();
        assertThat(Lexicon.supporting(null, "ru", "en", ru, en, 10)).isEmpty();
    }

    @Test
    void learnsOnlyFromConfirmedBeads() {
        List<Paragraph> ru = new ArrayList<>(), en = new ArrayList<>();
        String[][] texts = {{"Рабочие вышли на забастовку.", "The workers went on strike."},
                {"Рабочие требуют повышения зарплаты.", "The workers demand higher wages."},
                {"Врачи поддержали рабочих.", "Doctors backed the workers."},
                {"Врачи тоже бастуют.", "Doctors are on strike too."}};
        List<Bead> beads = new ArrayList<>();
        for (int k = 0; k < texts.length; k++) {
            ru.add(Paragraph.plain("p" + k, texts[k][0]));
            en.add(Paragraph.plain("p" + k, texts[k][1]));
            Bead b = Bead.auto(List.of("p" + k), List.of("p" + k), 0.5);
            beads.add(k < 2 ? b.withStatus(BeadStatus.CONFIRMED, "lead", Instant.EPOCH) : b);
        }
        DocumentVersion a = new DocumentVersion("ru", null, "markdown", "UTF-8", FrontMatter.NONE, ru);
        DocumentVersion b = new DocumentVersion("en", null, "markdown", "UTF-8", FrontMatter.NONE, en);
        Lexicon lex = Lexicon.learnFrom(new Alignment("s", "ru", "en", beads, Instant.EPOCH), a, b);
        assertThat(lex.entries("ru", "en")).contains(new Lexicon.Entry("рабоч", "worke"));
        assertThat(lex.entries("ru", "en")).noneMatch(x -> x.source().equals("врачи"));
    }

    @Test
    void combinedLexiconsKeepBothWithoutDuplicates() {
        Lexicon a = Lexicon.of("ru", "en", List.of(new Lexicon.Entry("мир", "peace")));
        Lexicon b = Lexicon.of("en", "ru", List.of(new Lexicon.Entry("peace", "мир"), new Lexicon.Entry("war", "война")));
        assertThat(a.and(b).entries("ru", "en")).containsExactly(new Lexicon.Entry("мир", "peace"), new Lexicon.Entry("война", "war"));
    }

    @Test
    void multiWordTermsMatchOnlyWhenAllWordsOccur() {
        LexiconIndex idx = LexiconIndex.of(Lexicon.of("ru", "en", List.of(new Lexicon.Entry("инспекция труда", "labour inspectorate"))), "ru", "en");
        assertThat(idx.source.keysOf(LexiconIndex.stemList("Мы обратились в инспекцию труда."))).hasSize(1);
        assertThat(idx.source.keysOf(LexiconIndex.stemList("Мы обратились в инспекцию."))).isEmpty();
        assertThat(idx.target.keysOf(LexiconIndex.stemList("a complaint to the State Labour Inspectorate"))).hasSize(1);
    }
}
