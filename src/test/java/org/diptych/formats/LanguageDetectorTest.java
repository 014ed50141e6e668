package org.diptych.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void cyrillicIsRussian() {
        LanguageDetector.Result r = LanguageDetector.detect("Мы требуем отставки правительства. [Statement](/en/x)");
        assertThat(r.lang()).isEqualTo("ru");
        assertThat(r.reason()).startsWith("detected: ").contains("of letters are Cyrillic");
    }

    @Test
    void englishAndPortugueseByCommonWords() {
        assertThat(LanguageDetector.detect("The committee has condemned the decision of the government and "
                + "calls on all workers to join the strike.").lang()).isEqualTo("en");
        assertThat(LanguageDetector.detect("O comitê condenou a decisão do governo e convoca todos os "
                + "trabalhadores a aderir à greve.").lang()).isEqualTo("pt");
        LanguageDetector.Result r = LanguageDetector.detect("Declaração sobre as eleições");
        assertThat(r.lang()).isEqualTo("pt");
        assertThat(r.reason()).contains("Latin script").contains("ã/õ/ç");
    }

    @Test
    void noEvidenceGivesNull() {
        assertThat(LanguageDetector.detect("2018 — 2019 ... 12:30")).isNull();
        assertThat(LanguageDetector.detect("Zyx qwv")).isNull();
    }
}
