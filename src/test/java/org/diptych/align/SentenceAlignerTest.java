package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.diptych.segment.SentenceSegmenter;
import org.junit.jupiter.api.Test;

class SentenceAlignerTest {
    @Test
    void alignsSentencesOfAParagraphIncludingASplitOne() {
        String ru = "Зарплата водителя за три года выросла на 4%, а цены — на 19%. Смены длятся по 12 часов, перерывов почти нет. "
                + "Администрация обещала пересмотреть тарифную сетку ещё в 2019 году.";
        String en = "A driver's pay has grown by 4% in three years. Prices have risen by 19%. Shifts last 12 hours with almost no breaks. "
                + "The management promised to revise the pay scale back in 2019.";
        SentenceSegmenter seg = SentenceSegmenter.get();
        List<String> s = seg.split(ru, "ru"), t = seg.split(en, "en");
        assertThat(s).hasSize(3);
        assertThat(t).hasSize(4);
        List<AlignedBead> beads = new SentenceAligner().align(s, "ru", t, "en");
        assertThat(beads).extracting(AlignedBead::type).containsExactly("1:2", "1:1", "1:1");
        assertThat(beads).allMatch(b -> b.confidence() >= 0 && b.confidence() <= 1);
        List<SentenceAligner.Pair> segs = new SentenceAligner().alignTexts(ru, "ru", en, "en");
        assertThat(segs).hasSize(3);
        assertThat(segs.get(0).target()).isEqualTo("A driver's pay has grown by 4% in three years. Prices have risen by 19%.");
        assertThat(segs.get(2).source()).startsWith("Администрация");
    }

    @Test
    void sentenceWithoutCounterpartStandsAlone() {
        List<String> s = List.of("Собрание прошло 3 мая в Самаре.", "На нём выступили 12 человек.", "Решение принято единогласно.");
        List<String> t = List.of("The meeting took place on 3 May in Samara.", "The decision was unanimous.");
        assertThat(new SentenceAligner().align(s, "ru", t, "en")).extracting(AlignedBead::type).containsExactly("1:1", "1:0", "1:1");
    }
}
