package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.diptych.Progress;
import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;

/**
 * The lexicon an alignment learns from its own two documents ({@link PairLexicon}): a minimal pair of
 * documents where only the words tell which paragraph was translated.
 */
class LearnedLexiconTest {
    static final String[] EN = {
            "The workers of the factory have been on strike since Monday. They demand higher wages and safe work.",
            "The union supports the strike and asks every worker in the city to come to the meeting at the factory gate.",
            "The government says that the wages are fair. The workers answer that prices in the city grew faster than wages.",
            "The court refused to ban the strike. The union called the decision a victory for every worker.",
            "The owners of the factory threatened to close it. The workers said that the factory belongs to the city.",
            "Teachers and doctors of the city sent a letter of support to the strike committee and to the union.",
            "The government promised a new law on wages, but the owners of the factory refused to talk to the union.",
            "At the meeting the strike committee read the letter of the teachers and the doctors to the workers.",
            "The court will hear the owners again next week. The union asks the city to come to the court.",
            "The strike goes on. The workers thank everyone who supports them and ask for help with food.",
    };
    static final String[] RU = {
            "Рабочие завода бастуют с понедельника. Они требуют повышения зарплаты и безопасной работы.",
            "Профсоюз поддерживает забастовку и просит каждого рабочего города прийти на собрание у ворот завода.",
            "Правительство говорит, что зарплаты справедливы. Рабочие отвечают, что цены в городе росли быстрее зарплат.",
            "Суд отказался запретить забастовку. Профсоюз назвал решение победой каждого рабочего.",
            "Владельцы завода пригрозили закрыть его. Рабочие сказали, что завод принадлежит городу.",
            "Учителя и врачи города отправили письмо поддержки забастовочному комитету и профсоюзу.",
            "Правительство обещало новый закон о зарплатах, но владельцы завода отказались говорить с профсоюзом.",
            "На собрании забастовочный комитет прочитал рабочим письмо учителей и врачей.",
            "Суд снова выслушает владельцев на следующей неделе. Профсоюз просит город прийти в суд.",
            "Забастовка продолжается. Рабочие благодарят всех, кто их поддерживает, и просят помочь с едой.",
    };

    static List<Paragraph> paragraphs(List<String> texts) {
        List<Paragraph> ps = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) ps.add(Paragraph.plain("p" + (i + 1), texts.get(i)));
        return ps;
    }

    static List<String> align(boolean learn, List<String> s, String sl, List<String> t, String tl) {
        List<String> out = new ArrayList<>();
        for (AlignedBead b : new Aligner(null, learn).alignUnits(paragraphs(s), sl, paragraphs(t), tl, Progress.NONE)) {
            out.add(AnchorTest.range(b.sourceStart(), b.sourceEnd()) + ":" + AnchorTest.range(b.targetStart(), b.targetEnd()));
        }
        return out;
    }

    @Test
    void laggingTranslationTheWordsTellTheNewParagraphFromTheTranslatedOne() {
        // the original gained a paragraph after the translation was made, next to paragraph 7 and closer to
        // its translation's length than paragraph 7 itself; only the words tell them apart
        List<String> en = new ArrayList<>(List.of(EN));
        en.add(7, "Doctors of the city hospital asked the government for a law on safe work in every factory and school of the city.");
        List<String> ru = List.of(RU);
        List<String> with = align(true, en, "en", ru, "ru");
        assertThat(with).contains("6:6", "7:", "8:7");
        List<String> without = align(false, en, "en", ru, "ru");
        assertThat(without).doesNotContain("7:"); // without the learned lexicon the new paragraph takes a translation
    }
}
