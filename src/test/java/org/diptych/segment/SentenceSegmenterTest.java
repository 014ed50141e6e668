package org.diptych.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSegmenterTest {
    private final SentenceSegmenter seg = SentenceSegmenter.get();

    @Test
    void russianInitialsAndAbbreviationsStayInTheirSentence() {
        assertThat(seg.split("Президент В. В. Путин подписал закон. Оппозиция выступила против.", "ru"))
                .containsExactly("Президент В. В. Путин подписал закон.", "Оппозиция выступила против.");
        assertThat(seg.split("Бюджет, т. е. казна, пуст. Это признал министр.", "ru"))
                .containsExactly("Бюджет, т. е. казна, пуст.", "Это признал министр.");
        assertThat(seg.split("Так решила Дума, т.е. Правительство добилось своего. Мы против.", "ru"))
                .containsExactly("Так решила Дума, т.е. Правительство добилось своего.", "Мы против.");
        assertThat(seg.split("В 2018 г. Москва приняла закон. В 1990-х гг. Россия изменилась.", "ru"))
                .containsExactly("В 2018 г. Москва приняла закон.", "В 1990-х гг. Россия изменилась.");
        assertThat(seg.split("Завод им. Лихачёва закрыт. Рабочие уволены.", "ru"))
                .containsExactly("Завод им. Лихачёва закрыт.", "Рабочие уволены.");
        assertThat(seg.split("Митинг прошёл на ул. Тверской у д. 13. Пришли тысячи.", "ru"))
                .containsExactly("Митинг прошёл на ул. Тверской у д. 13.", "Пришли тысячи.");
    }

    @Test
    void russianEndingsThatLookLikeAbbreviationsStillBreak() {
        assertThat(seg.split("Мы требуем хлеба, работы и т. д. Правительство молчит.", "ru"))
                .containsExactly("Мы требуем хлеба, работы и т. д.", "Правительство молчит.");
        assertThat(seg.split("Почему? Потому что! Вот так… Конец.", "ru"))
                .containsExactly("Почему?", "Потому что!", "Вот так…", "Конец.");
        assertThat(seg.split("Он сказал: «Мы победим». Зал встал.", "ru"))
                .containsExactly("Он сказал: «Мы победим».", "Зал встал.");
    }

    @Test
    void englishTitlesAndLatinAbbreviations() {
        assertThat(seg.split("Dr. Smith met Mr. J. R. Jones yesterday. They agreed.", "en"))
                .containsExactly("Dr. Smith met Mr. J. R. Jones yesterday.", "They agreed.");
        assertThat(seg.split("Some demands, e.g. Higher wages, were met. Others, i.e. Pensions, were not.", "en"))
                .containsExactly("Some demands, e.g. Higher wages, were met.", "Others, i.e. Pensions, were not.");
        assertThat(seg.split("The U.S. Senate voted. See No. 5 on the list.", "en"))
                .containsExactly("The U.S. Senate voted.", "See No. 5 on the list.");
        assertThat(seg.split("Sr. Garcia spoke first. The hall applauded.", "en"))
                .containsExactly("Sr. Garcia spoke first.", "The hall applauded.");
    }

    @Test
    void portugueseTitles() {
        assertThat(seg.split("O Sr. Silva e a Sra. Souza falaram com a Dra. Lima. A reunião acabou.", "pt"))
                .containsExactly("O Sr. Silva e a Sra. Souza falaram com a Dra. Lima.", "A reunião acabou.");
        assertThat(seg.split("Veja o art. 5 da Constituição. O Prof. J. Pereira discordou!", "pt-BR"))
                .containsExactly("Veja o art. 5 da Constituição.", "O Prof. J. Pereira discordou!");
        assertThat(seg.split("Por quê? Não sabemos. E.g. não vale aqui.", "pt"))
                .containsExactly("Por quê?", "Não sabemos.", "E.g. não vale aqui.");
    }

    @Test
    void lineBreaksSeparateSentences() {
        assertThat(seg.split("Подписали:\nВ. В. Смирнов\nА. П. Кузнецова", "ru"))
                .containsExactly("Подписали:", "В. В. Смирнов", "А. П. Кузнецова");
    }

    @Test
    void spansPointIntoTheTextAndAreTrimmed() {
        String text = "  First sentence.   Second one!  ";
        List<SentenceSegmenter.Span> spans = seg.spans(text, "en");
        assertThat(spans).containsExactly(new SentenceSegmenter.Span(2, 17), new SentenceSegmenter.Span(20, 31));
        assertThat(spans.get(1).of(text)).isEqualTo("Second one!");
        assertThat(seg.spans("   ", "en")).isEmpty();
        assertThat(seg.split("No break here", "xx")).containsExactly("No break here");
    }
}
