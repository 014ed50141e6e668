package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diptych.align.AnchorTest.align;
import static org.diptych.align.AnchorTest.lines;

import java.util.ArrayList;
import java.util.List;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;
import org.junit.jupiter.api.Test;

/**
 * The phenomena of real published translations (issue 14), one minimal pair of documents each: page furniture
 * left alone unless the other version has it, a link-definition block on opposite sides of a paragraph, three
 * paragraphs with a heading inside run into one.
 */
class PhenomenaTest {
    static final String EN1 = "Thousands of dockers marched through the city centre yesterday demanding fair wages and safe work.";
    static final String EN2 = "The strike goes on and the union calls a new assembly for Friday evening at the port gate.";
    static final String PT1 = "Milhares de estivadores marcharam ontem pelo centro da cidade exigindo salários justos e trabalho seguro.";
    static final String PT2 = "A greve continua e o sindicato convoca uma nova assembleia para sexta-feira à noite no portão do porto.";

    static Paragraph heading(String id, String text) {
        return new Paragraph(id, BlockKind.HEADING, 2, "## " + text, text);
    }

    @Test
    void creditsSourcesSignaturesAndDatesStandAloneUnlessTheOtherVersionHasThem() {
        String[][] furniture = {
                {"Thanks to Ana and Paulo for the translation.", "Obrigado a Ana e Paulo pela tradução."},
                {"Source: The Dockers' Bulletin", "Fonte: The Dockers' Bulletin"},
                {"— The strike committee", "— O comitê de greve"},
                {"12 March 2024", "12 de março de 2024"},
                {"Photos: Maria Silva", "Fotos: Maria Silva"},
                {"Share: Twitter · Facebook · Telegram", "Compartilhe: Twitter · Facebook · Telegram"},
        };
        for (String[] f : furniture) {
            // only in the original, between two paragraphs and at the end: alone, not glued to a neighbour
            assertThat(align("en", "pt", null, lines(EN1, f[0], EN2), lines(PT1, PT2)))
                    .as(f[0]).containsExactly("0:0", "1:", "2:1");
            assertThat(align("en", "pt", null, lines(EN1, EN2, f[0]), lines(PT1, PT2)))
                    .as(f[0]).containsExactly("0:0", "1:1", "2:");
            assertThat(align("pt", "en", null, lines(PT1, PT2, f[1]), lines(EN1, EN2)))
                    .as(f[1]).containsExactly("0:0", "1:1", "2:");
            // in both: paired
            assertThat(align("en", "pt", null, lines(EN1, f[0], EN2), lines(PT1, f[1], PT2)))
                    .as(f[0]).containsExactly("0:0", "1:1", "2:2");
        }
    }

    @Test
    void aSourceLineOfTheLengthOfAMissingParagraphIsNotTakenForIt() {
        // the translation (ru) lacks the original's short closing line; the "Source:" line next to it has the
        // length of the one line the translation does have there: only knowing it for furniture tells them apart
        List<Paragraph> en = lines(EN1, "The general assembly will begin at six o'clock.", "Source: the dockers' paper", EN2);
        List<Paragraph> ru = lines("Тысячи докеров вчера прошли маршем через центр города, требуя справедливой зарплаты и безопасного труда.",
                "Собрание начнётся в шесть.",
                "Забастовка продолжается, и профсоюз созывает новое собрание в пятницу вечером у ворот порта.");
        assertThat(align("en", "ru", null, en, ru)).containsExactly("0:0", "1:1", "2:", "3:2");
        en = lines(EN1, "Source: the dockers' paper", "The general assembly will begin at six o'clock.", EN2);
        assertThat(align("en", "ru", null, en, ru)).containsExactly("0:0", "1:", "2:1", "3:2");
    }

    @Test
    void furnitureIsRecognised() {
        Units u = AnchorTest.units("Thanks to Ana for the translation.", "Obrigada à Joana pela revisão.", "Спасибо Ольге за перевод.",
                "Source: Reuters", "Fonte: Brasil de Fato", "Источник: «Новая газета»", "Photos: Maria", "Фото: Иван Петров",
                "12 March 2024", "12 de março de 2024", "12 марта 2024 г.", "— The editors", "Редакция", "Share this:",
                "Поделиться: VK · Telegram", "[1]: https://example.org/a",
                "Thanks to the strike, wages rose by a fifth in every port of the region.");
        for (int x = 0; x < u.n - 1; x++) assertThat(u.furniture[x]).as(u.plain[x]).isNotEqualTo(Units.NONE);
        assertThat(u.furniture[u.n - 1]).as("a sentence that opens with Thanks to").isEqualTo(Units.NONE);
    }

    @Test
    void aLinkDefinitionBlockOnOppositeSidesOfAParagraphIsLeftAloneAndTheParagraphsPair() {
        // the original lists its link definitions after the first paragraph, the translation after the second:
        // a crossing that a monotone alignment cannot pair; the paragraphs are what must pair
        List<Paragraph> en = lines("Read the [full statement][1] of the dockers and the [letter][2] of the union to the company.",
                "[1]: https://example.org/statement", "[2]: https://example.org/letter", EN2);
        List<Paragraph> pt = lines("Leia a [declaração completa][1] dos estivadores e a [carta][2] do sindicato à empresa.", PT2,
                "[1]: https://example.org/statement", "[2]: https://example.org/letter");
        assertThat(align("en", "pt", null, en, pt)).containsExactly("0:0", "1:", "2:", "3:1", ":2", ":3");
    }

    @Test
    void threeParagraphsWithAHeadingInsideRunIntoOne() {
        // the translator ran two paragraphs into one and lost the sub-heading between them
        List<Paragraph> en = new ArrayList<>(lines(
                "The strike at the port began on Monday after talks with the company broke down for the third time this year.",
                "The dockers demand a new contract, safe working hours and the return of the two union delegates dismissed in March.",
                "x",
                "The union will hold a general assembly on Friday and asks every port worker to come and vote on the next steps.",
                "Messages of solidarity can be sent to the strike committee."));
        en.set(2, heading("p3", "What comes next"));
        List<Paragraph> pt = lines(
                "A greve no porto começou na segunda-feira depois que as negociações com a empresa fracassaram pela terceira vez este ano.",
                "Os estivadores exigem um novo contrato, horários de trabalho seguros e a volta dos dois delegados sindicais demitidos em março. "
                        + "O sindicato fará uma assembleia geral na sexta-feira e pede a todos os trabalhadores do porto que venham votar os próximos passos.",
                "Mensagens de solidariedade podem ser enviadas ao comitê de greve.");
        assertThat(align("en", "pt", null, en, pt)).containsExactly("0:0", "1,2,3:1", "4:2");
    }

    @Test
    void oneWordOfTheLexiconInANeighbourDoesNotGlueTwoParagraphs() {
        // the translation merged items 1 and 2 (and lost the marker); the original lacks item 2 (both happen in
        // real lists). The one lexicon word the merged paragraph shares is in item 3 of the original ("комитет" /
        // "comitê"), whose own translation does not use it: one word pair must not glue 1 and 3 to 1 and 3.
        Lexicon glossary = Lexicon.of("ru", "pt", List.of(new Lexicon.Entry("комитет", "comitê")));
        List<Paragraph> ru = lines(
                "Забастовка докеров продолжается уже третью неделю, и порт по-прежнему стоит.",
                "1. Каждый докер имеет право участвовать в собрании непосредственно или через свободно избранных делегатов.",
                "3. Воля собрания является основой решений комитета; она выражается в открытых и честных голосованиях, которые проводятся каждую неделю.",
                "Следующее собрание состоится в пятницу вечером у ворот порта.");
        List<Paragraph> pt = lines(
                "A greve dos estivadores continua pela terceira semana, e o porto segue parado.",
                "Todo estivador tem o direito de participar da assembleia diretamente ou por meio de delegados livremente eleitos. Todo estivador tem igual direito de acesso ao comitê de greve.",
                "3. A vontade da assembleia é a base das decisões da direção; ela se expressa em votações abertas e honestas, realizadas toda semana.",
                "A próxima assembleia será na sexta-feira à noite, no portão do porto.");
        assertThat(align("ru", "pt", glossary, ru, pt)).containsExactly("0:0", "1:1", "2:2", "3:3");
    }

    @Test
    void aListWrittenInOneParagraphPairsWithItsItems() {
        // the translator wrote the list as one paragraph of inline bullets; the original has one item per line
        List<Paragraph> ru = lines("Мы требуем от городского совета трёх простых вещей, и требуем их немедленно:",
                "* **Хлеб** по честной цене * **Жильё** без выселений * **Работу** с безопасными условиями",
                "Подписи собираются в каждом районе города до конца месяца.");
        List<Paragraph> en = lines("We demand three simple things from the city council, and we demand them now:",
                "* **Bread** at a fair price", "* **Housing** without evictions", "* **Work** in safe conditions",
                "Signatures are being collected in every district of the city until the end of the month.");
        assertThat(align("ru", "en", null, ru, en)).containsExactly("0:0", "1:1,2,3", "2:4");
    }

    @Test
    void twoParagraphsOfOneTornSentenceMergedByTheTranslatorStayTogether() {
        // the original breaks a sentence across two paragraphs (the first ends with a comma, the second opens with
        // a small letter); the translation is one paragraph: the torn tail is not a paragraph of its own
        List<Paragraph> en = lines(EN1, "After three weeks,",
                "the strike committee called every docker of the city to stop work on Monday at dawn and to gather at the gate.", EN2);
        List<Paragraph> pt = lines(PT1,
                "Depois de três semanas, o comitê de greve chamou todos os estivadores da cidade a parar o "
                        + "trabalho na segunda-feira ao amanhecer e a se reunir no portão.",
                PT2);
        assertThat(align("en", "pt", null, en, pt)).containsExactly("0:0", "1,2:1", "3:2");
    }

    @Test
    void aTranslationPastedTwiceIsPairedWithDoubt() {
        // the translator pasted the translation of the second paragraph again in place of the third: the path
        // pairs the third paragraph with the copy (it has nothing better), but the copy fits the second paragraph
        // far better: that bead must be flagged, the others stay sure
        String en3 = "The company answered with a letter that threatens to close the terminal and move the ships to another port.";
        List<Paragraph> en = lines(EN1, EN2, en3, "Messages of solidarity can be sent to the strike committee at the union hall.");
        List<Paragraph> pt = lines(PT1, PT2, PT2, "Mensagens de solidariedade podem ser enviadas ao comitê de greve na sede do sindicato.");
        List<AlignedBead> beads = new Aligner(null).alignUnits(en, "en", pt, "pt", org.diptych.Progress.NONE);
        AlignedBead copy = beads.stream().filter(b -> b.targetStart() == 2 && b.targetSize() == 1).findFirst().orElseThrow();
        assertThat(copy.confidence()).as("%s", copy).isLessThan(0.5);
        assertThat(beads.get(0).confidence()).isGreaterThan(0.9);
    }

    /** Bead confidences of an alignment, with the calibration weights of features {@code names} as fitted or set to 0. */
    static List<AlignedBead> beads(String sl, String tl, List<Paragraph> s, List<Paragraph> t, boolean withFeatures, String... names) {
        Aligner aligner = new Aligner(null);
        CostModel m = aligner.model(s, sl, t, tl, org.diptych.Progress.NONE);
        for (String name : names) {
            int f = java.util.Arrays.asList(CostModel.FEATURES).indexOf(name);
            assertThat(f).as(name).isGreaterThan(1);
            if (!withFeatures) m.calibration[f] = 0;
        }
        return Aligner.alignUnits(m.src, m.tgt, m, List.of(), java.util.Set.of(), true, org.diptych.Progress.NONE);
    }

    static AlignedBead bead(List<AlignedBead> beads, String key) {
        return beads.stream().filter(b -> (AnchorTest.range(b.sourceStart(), b.sourceEnd()) + ":"
                + AnchorTest.range(b.targetStart(), b.targetEnd())).equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " not in " + beads));
    }

    @Test
    void aLineTheSameInBothVersionsGluedToAParagraphInOneIsFlagged() {
        // the original has a rule on a line of its own; the translator glued it to the paragraph before it (no
        // blank line): the path pairs the paragraphs and leaves the rule alone, both beads wrong (gold 1,2:1)
        String en2 = "The strike goes on and the union calls a new assembly for Friday evening at the port gate. Every shift "
                + "will send two delegates, and the committee will read the company's letter aloud before the vote:";
        String pt2 = "A greve continua e o sindicato convoca uma nova assembleia para sexta-feira à noite no portão do porto. "
                + "Cada turno enviará dois delegados, e o comitê lerá em voz alta a carta da empresa antes da votação:";
        String en3 = "The company answered with a letter that threatens to close the terminal and move the ships to another port.";
        String pt3 = "A empresa respondeu com uma carta que ameaça fechar o terminal e levar os navios para outro porto.";
        List<Paragraph> en = lines(EN1, en2, "---", en3);
        List<Paragraph> pt = new ArrayList<>(lines(PT1, pt2, pt3));
        pt.set(1, new Paragraph("p2", BlockKind.PARAGRAPH, 0, pt2 + "\n---", pt2 + " ---"));
        assertThat(align("en", "pt", null, en, pt)).containsExactly("0:0", "1:1", "2:", "3:2");
        List<AlignedBead> with = beads("en", "pt", en, pt, true, "glued"), without = beads("en", "pt", en, pt, false, "glued");
        assertThat(bead(with, "1:1").confidence()).isLessThan(0.5);
        assertThat(bead(with, "2:").confidence()).isLessThan(0.5);
        assertThat(bead(without, "1:1").confidence()).isGreaterThan(0.5);
        assertThat(bead(without, "2:").confidence()).isGreaterThan(0.5);
        // the first bead stays sure
        assertThat(bead(with, "0:0").confidence()).isGreaterThan(0.9);
    }

    @Test
    void aPieceOfASplitPassageLeftAloneIsFlaggedByItsWordsInTheNeighbour() {
        // the translation gave each sentence of one paragraph of the original a paragraph of its own, more pieces
        // than a bead holds (1:3 at most for running text): the piece left alone has the figures and words of the
        // original's paragraph next to it (its support, not the 1:1 evidence, which the paragraph's other keys drown)
        String en2 = "On 14 May the dockers of Santos occupied the gate of terminal 4 and stopped the loading of the ships that "
                + "had waited there since Sunday night. Before dawn 380 workers of the night shift joined them with the drivers "
                + "of the Cubatão depot, who came in eleven buses. At 5 o'clock Codesp, the port authority, called the Military "
                + "Police, who did not come, and the managers left the terminal by the back road. By noon the committee had read "
                + "the demands aloud to more than 2,000 people gathered on the avenue in front of the port.";
        List<Paragraph> en = lines(EN1, en2, EN2);
        List<Paragraph> pt = lines(PT1,
                "Em 14 de maio os estivadores de Santos ocuparam o portão do terminal 4 e pararam o carregamento dos navios "
                        + "que esperavam ali desde domingo à noite.",
                "Antes do amanhecer, 380 trabalhadores do turno da noite juntaram-se a eles com os motoristas da garagem de "
                        + "Cubatão, que chegaram em onze ônibus.",
                "Às 5 horas a Codesp, autoridade portuária, chamou a Polícia Militar, que não veio, e os gerentes deixaram o "
                        + "terminal pela estrada dos fundos.",
                "Ao meio-dia o comitê tinha lido as reivindicações em voz alta para mais de 2.000 pessoas reunidas na avenida "
                        + "em frente ao porto.",
                PT2);
        assertThat(align("en", "pt", null, en, pt)).containsExactly("0:0", "1:1,2,3", ":4", "2:5");
        assertThat(bead(beads("en", "pt", en, pt, true, "lone", "loneStep"), ":4").confidence()).isLessThan(0.5);
        assertThat(bead(beads("en", "pt", en, pt, false, "lone", "loneStep"), ":4").confidence()).isGreaterThan(0.5);
    }

    @Test
    void aParagraphThatRepeatsThePreviousOneIsACopy() {
        // the pasted duplicate of aTranslationPastedTwiceIsPairedWithDoubt: the copy is the paragraph before it, markup
        // for markup, which no paragraph of the original is
        String en3 = "The company answered with a letter that threatens to close the terminal and move the ships to another port.";
        List<Paragraph> en = lines(EN1, EN2, en3, "Messages of solidarity can be sent to the strike committee at the union hall.");
        List<Paragraph> pt = lines(PT1, PT2, PT2, "Mensagens de solidariedade podem ser enviadas ao comitê de greve na sede do sindicato.");
        assertThat(bead(beads("en", "pt", en, pt, true, "copy"), "2:2").confidence()).isLessThan(0.5);
        assertThat(bead(beads("en", "pt", en, pt, false, "copy"), "2:2").confidence()).isGreaterThan(0.5);
        // the paragraph it copies is paired with confidence
        assertThat(bead(beads("en", "pt", en, pt, true, "copy"), "1:1").confidence()).isGreaterThan(0.9);
    }
}
