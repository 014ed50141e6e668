package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;

class WordModelTest {
    /** The textbook case: "das Haus" / "the house", "das Buch" / "the book", "ein Buch" / "a book". */
    @Test
    void emRecoversTheKnownPairsOfTheTextbookCorpus() {
        // source ids: das 1, Haus 2, Buch 3, ein 4; target ids: the 1, house 2, book 3, a 4
        List<int[]> de = List.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {4, 3});
        List<int[]> en = List.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {4, 3});
        WordModel m = WordModel.train(de, en, null, 10);
        assertThat(m.prob(1, 1)).isGreaterThan(0.6); // t(the|das)
        assertThat(m.prob(3, 3)).isGreaterThan(0.6); // t(book|Buch)
        assertThat(m.prob(2, 2)).isGreaterThan(m.prob(2, 1)); // t(house|Haus) > t(the|Haus)
        assertThat(m.prob(1, 1)).isGreaterThan(m.prob(1, 2));
        // probabilities of a source word sum to one over what it was seen with
        double sum = 0;
        for (int f = 1; f <= 4; f++) sum += m.prob(3, f);
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // uniform at the start: one iteration cannot tell das from Haus for "house"; EM does
        WordModel one = WordModel.train(de, en, null, 1);
        assertThat(one.prob(2, 2)).isEqualTo(one.prob(2, 1));
        assertThat(m.cooccurrences(1, 1)).isEqualTo(2.0);
    }

    @Test
    void weightsCountAPairSeveralTimes() {
        List<int[]> s = List.of(new int[] {1, 2}, new int[] {1, 3});
        List<int[]> t = List.of(new int[] {5, 6}, new int[] {5, 7});
        WordModel heavy = WordModel.train(s, t, new double[] {3, 1}, 5);
        assertThat(heavy.cooccurrences(1, 5)).isEqualTo(4.0);
    }

    @Test
    void symmetrisedLinksOfStemsRecoverTheTranslationsOfASmallRuEnCorpus() {
        String[][] corpus = {
                {"Рабочие вышли на забастовку.", "The workers went on strike."},
                {"Забастовка продолжается третий день.", "The strike goes on for a third day."},
                {"Рабочие требуют повышения зарплаты.", "The workers demand higher wages."},
                {"Профсоюз поддержал рабочих.", "The union backed the workers."},
                {"Профсоюз объявил забастовку.", "The union called a strike."},
                {"Зарплаты не росли три года.", "Wages have not grown for three years."},
                {"Правительство молчит.", "The government is silent."},
                {"Правительство обещало поднять зарплаты.", "The government promised to raise wages."},
        };
        List<Paragraph> ru = new ArrayList<>(), en = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < corpus.length; k++) {
            ru.add(Paragraph.plain("r" + k, corpus[k][0]));
            en.add(Paragraph.plain("e" + k, corpus[k][1]));
            pairs.add(new int[] {k, k});
        }
        PairLexicon.Tokens s = PairLexicon.tokens(Units.of(ru, null), "ru"), t = PairLexicon.tokens(Units.of(en, null), "en");
        PairLexicon.Learned l = PairLexicon.learn(s, t, pairs, null);
        Set<String> got = new TreeSet<>();
        for (WordModel.Link k : l.links()) got.add(l.sourceWord(k) + "=" + l.targetWord(k));
        // Lucene's stems: RussianLightStemFilter and Porter
        assertThat(got).contains("рабоч=worker", "забастовк=strike", "профсоюз=union", "зарплат=wage",
                "правительств=govern");
        assertThat(got).doesNotContain("рабоч=strike", "забастовк=worker", "профсоюз=worker");
        assertThat(l.trainingPairs()).isEqualTo(8);
        assertThat(PairLexicon.tokens(Units.of(ru, null), "de")).isNull();
    }
}
