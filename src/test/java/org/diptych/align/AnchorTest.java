package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.diptych.Progress;
import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of anchor: three source paragraphs of the same length against two target paragraphs,
 * where only the anchor tells which source paragraph has no counterpart; plus the feature extraction.
 */
class AnchorTest {
    static List<Paragraph> lines(String... ls) {
        List<Paragraph> ps = new ArrayList<>();
        for (int i = 0; i < ls.length; i++) ps.add(Paragraph.plain("p" + (i + 1), ls[i]));
        return ps;
    }

    static List<String> align(String sl, String tl, Lexicon lex, List<Paragraph> s, List<Paragraph> t) {
        List<String> out = new ArrayList<>();
        for (AlignedBead b : new Aligner(lex).alignUnits(s, sl, t, tl, Progress.NONE)) {
            out.add(range(b.sourceStart(), b.sourceEnd()) + ":" + range(b.targetStart(), b.targetEnd()));
        }
        return out;
    }

    static String range(int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int k = a; k < b; k++) sb.append(k > a ? "," : "").append(k);
        return sb.toString();
    }

    static Units units(String... ls) {
        return Units.of(lines(ls), null);
    }

    // ------------------------------------------------------------------ numbers and dates

    @Test
    void numbersTellWhichParagraphWasDropped() {
        List<String> r = align("ru", "en", null,
                lines("Цена хлеба выросла на 17 процентов за год.", "Цена хлеба выросла на 23 процента за год.",
                        "Цена хлеба выросла на 31 процент за один год."),
                lines("The price of bread rose by 17 per cent in a year.", "The price of bread rose by 31 per cent in a year."));
        assertThat(r).containsExactly("0:0", "1:", "2:1");
        r = align("ru", "en", null,
                lines("Цена хлеба выросла на 17 процентов за год.", "Цена хлеба выросла на 23 процента за год.",
                        "Цена хлеба выросла на 31 процент за один год."),
                lines("The price of bread rose by 23 per cent in a year.", "The price of bread rose by 31 per cent in a year."));
        assertThat(r).containsExactly("0:", "1:0", "2:1");
    }

    @Test
    void capitalisedWordsOpeningTableCellsAreNotNames() {
        // a table row: every cell starts with a capital, as a sentence does; those words are no names
        Units en = units("| Gap | Traditional app | Twelve-factor app |", "<tr><th>Time</th><td>Weeks</td><td>Hours</td></tr>");
        assertThat(en.names[0]).isEmpty();
        assertThat(en.names[1]).isEmpty();
        // a name inside a cell is still one
        assertThat(units("| Gap | Tools of Heroku |").names[0]).hasSize(1);
    }

    @Test
    void pageFurnitureStandsAloneUnlessTheOtherVersionHasIt() {
        // a caption and a share line in the original only: left alone, not glued to their neighbours
        List<String> r = align("pt", "en", null,
                lines("Milhares de estivadores marcharam ontem pelo centro da cidade exigindo salários justos.",
                        "Fotos: Maria Silva",
                        "A greve continua e o sindicato convoca uma nova assembleia para sexta-feira à noite.",
                        "Compartilhe: Twitter · Facebook · Telegram"),
                lines("Thousands of dockers marched through the city centre yesterday demanding fair wages.",
                        "The strike goes on and the union calls a new assembly for Friday evening."));
        assertThat(r).containsExactly("0:0", "1:", "2:1", "3:");
        // where both versions have it, it pairs
        r = align("pt", "en", null,
                lines("Milhares de estivadores marcharam ontem pelo centro da cidade exigindo salários justos.",
                        "Fotos: Maria Silva",
                        "A greve continua e o sindicato convoca uma nova assembleia para sexta-feira à noite."),
                lines("Thousands of dockers marched through the city centre yesterday demanding fair wages.",
                        "Photos: Maria Silva",
                        "The strike goes on and the union calls a new assembly for Friday evening."));
        assertThat(r).containsExactly("0:0", "1:1", "2:2");
    }

    @Test
    void numberFormatsAreNormalised() {
        Units ru = units("Долг — 41,5 млн рублей, 18 000 человек, 1 200 000 голосов.");
        Units en = units("The debt is 41.5 million roubles, 18,000 people, 1,200,000 votes.");
        Units pt = units("A dívida é de 41,5 milhões de rublos, 18.000 pessoas, 1.200.000 votos.");
        assertThat(ru.nums[0]).hasSize(3).isEqualTo(en.nums[0]).isEqualTo(pt.nums[0]);
    }

    @Test
    void datesWithMonthNamesMatchAcrossLanguagesAndFormats() {
        Units ru = units("Собрание прошло 15 января 2018 года.");
        Units en = units("The meeting took place on January 15, 2018.");
        Units pt = units("A reunião aconteceu em 15 de janeiro de 2018.");
        Units iso = units("Meeting: 2018-01-15.");
        Units dotted = units("Собрание: 15.01.2018.");
        assertThat(ru.nums[0]).isEqualTo(en.nums[0]).isEqualTo(pt.nums[0]).isEqualTo(iso.nums[0]).isEqualTo(dotted.nums[0]);
        assertThat(units("Собрание прошло 15 февраля 2018 года.").nums[0]).isNotEqualTo(ru.nums[0]);
        List<String> r = align("ru", "en", null,
                lines("Следующее собрание пройдёт 3 марта в клубе.", "Следующее собрание пройдёт 3 мая в клубе.",
                        "Следующее собрание пройдёт 3 июня в клубе."),
                lines("The next meeting takes place on 3 May at the club.", "The next meeting takes place on 3 June at the club."));
        assertThat(r).containsExactly("0:", "1:0", "2:1");
    }

    @Test
    void romanNumeralsInHeadingsAreNumbers() {
        Units pt = Units.of(List.of(new Paragraph("p1", org.diptych.model.BlockKind.HEADING, 2, "## Artigo XXIV.", "Artigo XXIV.")), null);
        assertThat(pt.nums[0]).isEqualTo(units("Статья 24").nums[0]);
        assertThat(units("I think so, and I agree with this long sentence here.").nums[0]).isEmpty();
    }

    // ------------------------------------------------------------------ URLs and e-mails

    @Test
    void urlsAndEmailsAnchor() {
        Units a = units("Пишите на fund@mgkp.example.org или см. https://mgkp.example.org/fund/.");
        Units b = units("Write to fund@mgkp.example.org or see www.mgkp.example.org/fund");
        assertThat(a.urls[0]).hasSize(2).isEqualTo(b.urls[0]);
        List<String> r = align("ru", "en", null,
                lines("Подробности на сайте https://one.example.org/a.", "Подробности на сайте https://two.example.org/b.",
                        "Подробности на сайте https://six.example.org/c."),
                lines("Details on the site https://two.example.org/b.", "Details on the site https://six.example.org/c."));
        assertThat(r).containsExactly("0:", "1:0", "2:1");
    }

    // ------------------------------------------------------------------ names and acronyms

    @Test
    void namesMatchThroughTransliterationSchemes() {
        String[][] same = {{"Путин", "Putin"}, {"Путиным", "Putin"}, {"Щукина", "Shchukina"}, {"Щукина", "Schukina"},
                {"Хохлов", "Khokhlov"}, {"Хохлов", "Hohlov"}, {"Юрий", "Yuri"}, {"Юрий", "Iurii"}, {"Юрий", "Jurij"},
                {"Яковлева", "Yakovleva"}, {"Яковлева", "Iakovleva"}, {"Йозеф", "Josef"}, {"Йозеф", "Yozef"},
                {"Зеленский", "Zelenskyy"}, {"Ассамблея", "Assembléia"}};
        for (String[] p : same) {
            assertThat(Translit.skeleton(p[0], 3)).as(p[0] + " ~ " + p[1]).isEqualTo(Translit.skeleton(p[1], 3));
        }
        assertThat(Translit.skeleton("Путин", 3)).isNotEqualTo(Translit.skeleton("Medvedev", 3));
        assertThat(Translit.canonical("МГКП")).isEqualTo(Translit.canonical("MGKP"));
        assertThat(Translit.canonical("КПРФ")).isNotEqualTo(Translit.canonical("MGKP"));
    }

    @Test
    void namesAndAcronymsTellWhichParagraphWasDropped() {
        List<String> r = align("ru", "en", null,
                lines("Вчера об этом заявил Путин на встрече.", "Вчера об этом заявил Медведев на встрече.",
                        "Вчера об этом заявил Шойгу на встрече."),
                lines("Yesterday Medvedev said this at a meeting.", "Yesterday Shoigu said this at a meeting."));
        assertThat(r).containsExactly("0:", "1:0", "2:1");
        r = align("ru", "en", null,
                lines("Заявление поддержали члены КПРФ из Томска.", "Заявление поддержали члены МГКП из Самары.",
                        "Заявление поддержали члены ФНПР из Перми."),
                lines("It was backed by MGKP members in Samara.", "It was backed by FNPR members in Perm."));
        assertThat(r).containsExactly("0:", "1:0", "2:1");
    }

    // ------------------------------------------------------------------ cognates

    @Test
    void cognatesMatchAcrossPortugueseEnglishAndTransliteratedRussian() {
        Units pt = units("A democracia, a economia e a revolução."), en = units("Democracy, the economy and the revolution."),
                ru = units("Демократия, экономика и революция.");
        assertThat(Units.common(pt.cogs[0], en.cogs[0])).isGreaterThanOrEqualTo(3);
        assertThat(Units.common(ru.cogs[0], en.cogs[0])).isGreaterThanOrEqualTo(3);
        List<String> r = align("pt", "en", null,
                lines("Falamos muito sobre a democracia hoje.", "Falamos muito sobre a economia hoje.", "Falamos muito sobre a revolução hoje."),
                lines("We talked a lot about the economy today.", "We talked a lot about the revolution today."));
        assertThat(r).containsExactly("0:", "1:0", "2:1");
    }

    // ------------------------------------------------------------------ markdown structure

    @Test
    void headingsTurnedIntoBoldQuestionLinesStillAlign() {
        List<String> r = align("ru", "en", null,
                lines("[English version](/en/2021/x.html)", "### Почему водители начали забастовку?",
                        "Зарплата водителей за три года выросла совсем немного, а цены выросли сильно.",
                        "### Что будет дальше?", "Если требования не выполнят, забастовка продолжится и расширится."),
                lines("[Русская версия](/ru/2021/x.html)", "*Translator's note: the depot is in the north of the city.*",
                        "**Question:** Why did the drivers go on strike?",
                        "Drivers' pay grew very little in three years while prices rose a lot.",
                        "**Question:** What happens next?", "If the demands are not met, the strike will go on and spread."));
        assertThat(r).containsExactly("0:0", ":1", "1:2", "2:3", "3:4", "4:5");
    }

    @Test
    void threeLongParagraphsMergedIntoOneStayTogether() {
        // the English runs three Russian paragraphs (none of them list-like) into one
        List<String> r = align("ru", "en", null,
                lines("Забастовка на заводе продолжается уже третью неделю, и администрация по-прежнему отказывается от переговоров.",
                        "Рабочие требуют повысить зарплату на двадцать процентов, вернуть оплату сверхурочных и прекратить давление на членов профсоюза, которых в последние месяцы переводили на худшие участки.",
                        "По словам председателя профкома Анны Вороновой, за это время к стачечному фонду присоединились работники четырёх других предприятий области, а сумма собранных средств превысила полтора миллиона рублей.",
                        "Администрация заявляет, что требования невыполнимы, однако в прошлом году акционеры получили рекордные дивиденды.",
                        "Следующее общее собрание назначено на 14 ноября."),
                lines("The strike at the plant is now in its third week, and the management still refuses to negotiate.",
                        "The workers demand a twenty per cent pay rise, the return of overtime pay and an end to pressure on union members, who in recent months have been moved to the worst sections. According to the union committee chair Anna Voronova, workers from four other enterprises in the region have joined the strike fund in that time, and the money collected has passed one and a half million roubles. The management says the demands cannot be met, yet last year the shareholders received record dividends.",
                        "The next general meeting is set for 14 November."));
        assertThat(r).containsExactly("0:0", "1,2,3:1", "4:2");
        List<String> back = align("en", "ru", null, lines("The strike at the plant is now in its third week, and the management still refuses to negotiate.",
                        "The workers demand a twenty per cent pay rise, the return of overtime pay and an end to pressure on union members, who in recent months have been moved to the worst sections. According to the union committee chair Anna Voronova, workers from four other enterprises in the region have joined the strike fund in that time, and the money collected has passed one and a half million roubles. The management says the demands cannot be met, yet last year the shareholders received record dividends.",
                        "The next general meeting is set for 14 November."), lines("Забастовка на заводе продолжается уже третью неделю, и администрация по-прежнему отказывается от переговоров.",
                        "Рабочие требуют повысить зарплату на двадцать процентов, вернуть оплату сверхурочных и прекратить давление на членов профсоюза, которых в последние месяцы переводили на худшие участки.",
                        "По словам председателя профкома Анны Вороновой, за это время к стачечному фонду присоединились работники четырёх других предприятий области, а сумма собранных средств превысила полтора миллиона рублей.",
                        "Администрация заявляет, что требования невыполнимы, однако в прошлом году акционеры получили рекордные дивиденды.",
                        "Следующее общее собрание назначено на 14 ноября."));
        assertThat(back).containsExactly("0:0", "1:1,2,3", "2:4");
    }

    @Test
    void structureClassesAreRead() {
        Units u = units("# Title", "### Вопрос", "- item", "1. item", "**Вопрос:** текст", "[English](/en/x.html)",
                "> quoted", "Примечание переводчика: текст", "(N.T.: texto)", "plain text");
        assertThat(u.struct).containsExactly(1, 3, Units.LIST, Units.LIST, Units.BOLD, Units.LINK, Units.QUOTE, Units.NOTE,
                Units.NOTE, Units.PLAIN);
    }

    @Test
    void aListInOneParagraphAlignsWithItsLines() {
        List<String> r = align("ru", "en", null,
                lines("Заявление подписали:", "Ирина Щукина, МГКП", "Сергей Ющенко, Кемерово", "Анна Яковлева, профсоюз горняков",
                        "Дмитрий Журавлёв, Новокузнецк", "Йозеф Новак, Чехия", "Мария Хименес, Испания",
                        "Подписаться можно до 15 ноября."),
                lines("Signed by: Irina Shchukina (MGKP); Sergei Yushchenko (Kemerovo); Anna Iakovleva (miners' union); "
                                + "Dmitry Zhuravlyov (Novokuznetsk); Josef Novák (Czech Republic); María Jiménez (Spain).",
                        "The statement can be signed until 15 November."));
        assertThat(r).containsExactly("0,1,2,3,4,5,6:0", "7:1");
    }

    // ------------------------------------------------------------------ sentences torn by a paragraph break

    @Test
    void sentencesTornByAParagraphBreakAreRead() {
        Units u = units("Конференция профсоюзов,", "призывает всех работников поддержать забастовку.", "и это всё",
                "Мы требуем повысить зарплату; и", "принимая во внимание сказанное выше", "The General Assembly",
                "proclaims this declaration", "### Вопрос", "ответ на вопрос", "Signed:", "names follow");
        assertThat(u.soft).containsExactly(false, true, false, false, false, false, true, false, false, false, false);
    }

    @Test
    void aSentenceBothVersionsTearAtDifferentPointsAlignsAsAWhole() {
        // each version tears the second sentence, at a different point: the halves do not translate each other
        List<String> r = align("ru", "pt", null,
                lines("Забастовка на заводе продолжается уже третью неделю, и администрация молчит.",
                        "Конференция профсоюзов города, собравшаяся в субботу в клубе железнодорожников,",
                        "призывает всех работников поддержать бастующих.",
                        "Следующее собрание пройдёт через месяц."),
                lines("A greve na fábrica já dura três semanas, e a administração continua calada.",
                        "A conferência dos sindicatos da cidade convoca todos os trabalhadores",
                        "reunidos no sábado no clube dos ferroviários, a apoiar os grevistas.",
                        "A próxima reunião será daqui a um mês."));
        assertThat(r).containsExactly("0:0", "1,2:1,2", "3:3");
    }

    @Test
    void aBeadThatOpensInsideASentenceOnOneSideIsDoubted() {
        // the English tears the second sentence after "unions,"; by length its second half alone would do for
        // the Russian, but a pair that opens inside a sentence on one side only is doubtful: the sentence goes whole
        List<String> r = align("en", "ru", null,
                lines("The strike at the plant is in its third week and the management says nothing.",
                        "Meeting on Saturday, the city's trade unions,",
                        "call on all workers to support the strikers and demand that the administration start negotiations.",
                        "The next meeting will take place in a month."),
                lines("Забастовка на заводе идёт уже третью неделю, а администрация молчит.",
                        "Профсоюзы города, собравшиеся в субботу, призывают всех работников поддержать бастующих и требуют от администрации начать переговоры.",
                        "Следующее собрание пройдёт через месяц."));
        assertThat(r).containsExactly("0:0", "1,2:1", "3:2");
    }

    // ------------------------------------------------------------------ quotes and brackets

    @Test
    void quotesAndBracketsAreCounted() {
        assertThat(units("Он сказал: «нет» (и ушёл).").quotes[0]).isEqualTo(2);
        assertThat(units("He said “no” (and left).").quotes[0]).isEqualTo(2);
        List<String> r = align("ru", "en", null,
                lines("Председатель ответил коротко и ясно всем.", "Председатель ответил: «мы не уйдём» (всем).",
                        "Председатель снова ответил коротко и ясно."),
                lines("The chair said: “we stay here” (to all).", "The chair again said it clearly."));
        assertThat(r).containsExactly("0:", "1:0", "2:1");
    }

    // ------------------------------------------------------------------ lexicon

    @Test
    void aLexiconTellsWhatNothingElseCan() {
        List<Paragraph> ru = lines("Рабочие требуют повысить зарплату.", "Учителя требуют повысить зарплату.",
                "Врачи требуют повысить зарплату.");
        List<Paragraph> en = lines("Teachers demand a raise in pay.", "Doctors demand a raise in pay.");
        Lexicon glossary = Lexicon.of("ru", "en", List.of(new Lexicon.Entry("рабочие", "workers"),
                new Lexicon.Entry("учителя", "teachers"), new Lexicon.Entry("врачи", "doctors")));
        assertThat(align("ru", "en", glossary, ru, en)).containsExactly("0:", "1:0", "2:1");
        // the same glossary read the other way round
        assertThat(align("en", "ru", glossary, en, ru)).containsExactly(":0", "0:1", "1:2");
    }
}
