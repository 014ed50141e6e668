package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.diptych.Progress;
import org.diptych.align.SentenceAligner;
import org.diptych.model.Alignment;
import org.diptych.model.BlockKind;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.model.Statement;
import org.diptych.review.MarkupText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Formatting through the TM: paragraphs fed with their inline markdown as TMX codes come back as the same
 * markdown; fuzzy matches keep their own codes; HTML codes of other tools become markdown or go; export
 * and import keep the codes; malformed codes give warnings.
 */
class MarkdownCodesTest {
    static final String STATEMENT = "2024-03-02-rents";
    static final String EN_MD = "Read **the resolution** of the [tenants' congress](https://union.example/congress?a=1&b=2) today.";
    static final String RU_MD = "Прочтите **резолюцию** [съезда жильцов](https://union.example/ru/congress?a=1&b=2) сегодня.";
    static final String EN_HEAD = "### The congress asks for *fair* rents";
    static final String RU_HEAD = "### Съезд требует *справедливой* квартплаты";

    @TempDir
    Path tmp;
    TranslationMemory tm;

    @BeforeEach
    void setUp() {
        tm = TranslationMemory.open(tmp.resolve("tm"));
    }

    @AfterEach
    void tearDown() {
        tm.close();
    }

    static Paragraph md(String id, String markup) {
        BlockKind kind = markup.startsWith("#") ? BlockKind.HEADING : BlockKind.PARAGRAPH;
        return new Paragraph(id, kind, kind == BlockKind.HEADING ? 3 : 0, markup, MarkupText.plain(markup));
    }

    static DocumentVersion version(String lang, String... markups) {
        List<Paragraph> ps = new java.util.ArrayList<>();
        for (int i = 0; i < markups.length; i++) ps.add(md("p" + (i + 1), markups[i]));
        return new DocumentVersion(lang, STATEMENT + ".md", "markdown", "UTF-8", FrontMatter.NONE, ps);
    }

    static Alignment confirmed(int n) {
        List<Bead> beads = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            beads.add(Bead.auto(List.of("p" + i), List.of("p" + i), 0.9)
                    .withStatus(BeadStatus.CONFIRMED, "olga", Instant.parse("2024-03-03T10:00:00Z")));
        }
        return new Alignment(STATEMENT, "en", "ru", beads, Instant.now());
    }

    void feed(DocumentVersion en, DocumentVersion ru, SentencePairer pairer) {
        new TmFeeder(tm, pairer, true).feed(new Statement(STATEMENT, Map.of("en", en, "ru", ru)),
                confirmed(en.paragraphs().size()), "olga");
    }

    static MarkdownCodes.Coded seg(String markup) {
        return MarkdownCodes.encode(md("p1", markup));
    }

    List<TmMatch> lookup(String markup) {
        MarkdownCodes.Coded q = seg(markup);
        return tm.lookup(new TmQuery(q.text(), q.tags(), "en", "ru", null, 50, 5));
    }

    @Test
    void aParagraphIsItsPlainTextWithTheMarkdownAsPairedCodes() {
        MarkdownCodes.Coded c = seg(EN_MD);
        assertThat(c.text()).isEqualTo("Read the resolution of the tenants' congress today.").isEqualTo(MarkupText.plain(EN_MD));
        assertThat(c.tags()).isEqualTo("bpt,ept,bpt,ept");
        assertThat(c.segXml()).isEqualTo("Read <bpt i=\"1\" x=\"1\" type=\"bold\">**</bpt>the resolution<ept i=\"1\">**</ept>"
                + " of the <bpt i=\"2\" x=\"2\" type=\"link\">[</bpt>tenants' congress"
                + "<ept i=\"2\">](https://union.example/congress?a=1&amp;b=2)</ept> today.");
        assertThat(c.markdown()).isEqualTo(EN_MD);
        // the heading prefix is not part of the segment; emphasis nested in a link, a code span, an escape
        assertThat(seg(EN_HEAD).markdown()).isEqualTo("The congress asks for *fair* rents");
        String nested = "See [the **new** rules](https://union.example/r) and `rent_cap` \\*not\\* law.";
        MarkdownCodes.Coded n = MarkdownCodes.encode(new Paragraph("p1", BlockKind.PARAGRAPH, 0, nested,
                "See the new rules and rent_cap *not* law.")); // the text as the markdown reader gives it
        assertThat(n.text()).isEqualTo("See the new rules and rent_cap *not* law.");
        assertThat(n.tags()).isEqualTo("bpt,bpt,ept,ept,bpt,ept,ph,ph");
        assertThat(n.markdown()).isEqualTo(nested);
        // a paragraph whose markup cannot be laid over its text stays plain
        Paragraph odd = new Paragraph("p1", BlockKind.PARAGRAPH, 0, "a &lt; b **c**", "a < b c");
        assertThat(MarkdownCodes.encode(odd).hasCodes()).isFalse();
        assertThat(MarkdownCodes.encode(odd).text()).isEqualTo("a < b c");
    }

    /** Imported, fed and looked up: the TM holds what a reader sees, the markup as codes, and gives it back. */
    @Test
    void anImportedParagraphReachesTheTmAsItsPlainTextWithItsMarkupAsCodes() {
        String en = "Price \\*not\\* final &mdash; see [the list](http://x.org/a_(b)).";
        String ru = "> Цена \\*не\\* окончательная &mdash; см. [список](http://x.org/a_(b))\n> **до\n> пятницы**.";
        Paragraph ep = org.diptych.formats.MarkdownReader.read(en, "en.md", 1).paragraphs().get(0);
        Paragraph rp = org.diptych.formats.MarkdownReader.read(ru, "ru.md", 1).paragraphs().get(0);
        assertThat(ep.text()).isEqualTo("Price *not* final — see the list.");
        assertThat(rp.text()).isEqualTo("Цена *не* окончательная — см. список до пятницы.");
        DocumentVersion ev = new DocumentVersion("en", STATEMENT + ".md", "markdown", "UTF-8", FrontMatter.NONE, List.of(ep));
        DocumentVersion rv = new DocumentVersion("ru", STATEMENT + ".md", "markdown", "UTF-8", FrontMatter.NONE, List.of(rp));
        feed(ev, rv, null);
        MarkdownCodes.Coded q = MarkdownCodes.encode(ep);
        assertThat(q.segXml()).isEqualTo("Price <ph x=\"1\">\\</ph>*not<ph x=\"2\">\\</ph>* final — see "
                + "<bpt i=\"1\" x=\"3\" type=\"link\">[</bpt>the list<ept i=\"1\">](http://x.org/a_(b))</ept>.");
        TmMatch m = tm.lookup(new TmQuery(q.text(), q.tags(), "en", "ru", null, 50, 5)).get(0);
        assertThat(m.score()).isEqualTo(100);
        assertThat(m.source().text()).isEqualTo("Price *not* final — see the list.");
        assertThat(m.target().text()).isEqualTo("Цена *не* окончательная — см. список до пятницы.");
        // the quote's markers are no part of the segment; bold across its line break is one pair of codes
        assertThat(MarkdownCodes.markdown(m.target()))
                .isEqualTo("Цена \\*не\\* окончательная — см. [список](http://x.org/a_(b)) **до пятницы**.");
    }

    @Test
    void anExactMatchOfAFedParagraphGivesItsMarkdownBackExactly() {
        feed(version("en", EN_HEAD, EN_MD), version("ru", RU_HEAD, RU_MD), null);
        TmMatch m = lookup(EN_MD).get(0);
        assertThat(m.score()).isEqualTo(100);
        assertThat(m.target().text()).isEqualTo(MarkupText.plain(RU_MD)); // the plain text is what it was
        assertThat(m.target().attributes()).containsEntry("datatype", "markdown");
        assertThat(MarkdownCodes.markdown(m.target())).isEqualTo(RU_MD);
        TmMatch h = lookup(EN_HEAD).get(0);
        assertThat(h.score()).isEqualTo(100);
        assertThat(MarkdownCodes.markdown(h.target())).isEqualTo("Съезд требует *справедливой* квартплаты");
        // the same words without the formatting: near-exact, the codes are the difference
        List<TmMatch> bare = tm.lookup(new TmQuery(MarkupText.plain(EN_MD), "", "en", "ru", null, 50, 5));
        assertThat(bare.get(0).score()).isEqualTo(99);
        assertThat(bare.get(0).differences()).containsExactly(Difference.TAGS);
        // plain text whose formatting is not known (the command line's lookup): an exact match, as before codes
        assertThat(tm.lookup(TmQuery.of(MarkupText.plain(EN_MD), "en", "ru")).get(0).score()).isEqualTo(100);
    }

    @Test
    void aFuzzyMatchKeepsItsOwnLink() {
        feed(version("en", EN_MD), version("ru", RU_MD), null);
        String query = "Read **the resolution** of the [tenants' congress](https://other.example/x) tomorrow.";
        TmMatch m = lookup(query).get(0);
        assertThat(m.score()).isBetween(60, 99);
        String md = MarkdownCodes.markdown(m.target());
        assertThat(md).isEqualTo(RU_MD).contains("](https://union.example/ru/congress?a=1&b=2)").doesNotContain("other.example");
    }

    @Test
    void sentenceUnitsCarryTheCodesOfTheirSentence() {
        String en = "The congress met in **Kazan**. Its delegates read the [resolution](https://union.example/res) aloud.";
        String ru = "Съезд собрался в **Казани**. Его делегаты зачитали [резолюцию](https://union.example/res) вслух.";
        feed(version("en", en), version("ru", ru), new SentenceAligner().pairer());
        List<TmMatch> first = lookup("The congress met in **Kazan**.");
        assertThat(first).isNotEmpty();
        assertThat(first.get(0).score()).isEqualTo(100);
        assertThat(MarkdownCodes.markdown(first.get(0).target())).isEqualTo("Съезд собрался в **Казани**.");
        TmMatch second = lookup("Its delegates read the [resolution](https://union.example/res) aloud.").get(0);
        assertThat(second.score()).isEqualTo(100);
        assertThat(MarkdownCodes.markdown(second.target()))
                .isEqualTo("Его делегаты зачитали [резолюцию](https://union.example/res) вслух.");
        // a bold span across the sentence boundary: each sentence keeps an isolated code, inserted without it
        MarkdownCodes.Coded across = seg("One **two. Three** four.");
        MarkdownCodes.Coded s1 = across.sentence("One two.", new int[] {0});
        assertThat(s1.tags()).isEqualTo("it");
        assertThat(s1.segXml()).isEqualTo("One <it pos=\"begin\" x=\"1\" type=\"bold\">**</it>two.");
        assertThat(s1.markdown()).isEqualTo("One two.");
    }

    @Test
    void htmlCodesOfAnotherToolBecomeMarkdownOrGo() throws Exception {
        Path f = tmp.resolve("okapi.tmx");
        Files.writeString(f, new Tmx().raw("""
                <tu tuid="okapi-1">
                  <tuv xml:lang="en"><seg>The <bpt i="1" x="1">&lt;b></bpt>strike<ept i="1">&lt;/b></ept> is <bpt i="2" x="2">&lt;a href="https://union.example/strike"></bpt>over<ept i="2">&lt;/a></ept>.<ph x="3">&lt;img src="x.png"/></ph></seg></tuv>
                  <tuv xml:lang="ru"><seg>Эта <bpt i="1" x="1">&lt;strong class="x"></bpt> забастовка <ept i="1">&lt;/strong></ept><bpt i="2" x="2">&lt;a href="https://union.example/strike"></bpt>окончена<ept i="2">&lt;/a></ept>, <bpt i="3" x="4">&lt;span style="color:red"></bpt><bpt i="4">&lt;em></bpt>правда<ept i="4">&lt;/em></ept><ept i="3">&lt;/span></ept>.<ph x="3">&lt;img src="x.png"/></ph><ph x="5">{\\b}</ph></seg></tuv>
                </tu>""").text(), StandardCharsets.UTF_8);
        ImportReport r = tm.importTmx(f, Progress.NONE);
        assertThat(r.warnings()).isEmpty();
        TmMatch m = tm.lookup(new TmQuery("The strike is over.", "bpt,ept,bpt,ept,ph", "en", "ru", null, 50, 5)).get(0);
        assertThat(m.score()).isEqualTo(100);
        String md = MarkdownCodes.markdown(m.target());
        assertThat(md).isEqualTo("Эта **забастовка** [окончена](https://union.example/strike), *правда*.");
        assertThat(md).doesNotContain("<", "{");
        assertThat(MarkdownCodes.markdown(m.source())).isEqualTo("The **strike** is [over](https://union.example/strike).");
    }

    @Test
    void exportThenImportKeepsTheCodesAndTheMarkdown() throws Exception {
        feed(version("en", EN_HEAD, EN_MD), version("ru", RU_HEAD, RU_MD), new SentenceAligner().pairer());
        TmMatch before = lookup(EN_MD).get(0);
        Path out = tmp.resolve("out.tmx");
        tm.exportTmx(out, false);
        String xml = Files.readString(out);
        assertThat(xml).contains("<tuv xml:lang=\"ru\" datatype=\"markdown\">")
                .contains("<bpt i=\"2\" x=\"2\" type=\"link\">[</bpt>съезда жильцов<ept i=\"2\">](https://union.example/ru/congress?a=1&amp;b=2)</ept>");
        assertValidInlineCodes(out);
        try (TranslationMemory other = TranslationMemory.open(tmp.resolve("tm2"))) {
            ImportReport r = other.importTmx(out, Progress.NONE);
            assertThat(r.warnings()).isEmpty();
            MarkdownCodes.Coded q = seg(EN_MD);
            TmMatch after = other.lookup(new TmQuery(q.text(), q.tags(), "en", "ru", null, 50, 5)).get(0);
            assertThat(after.score()).isEqualTo(100);
            assertThat(after.target().segXml()).isEqualTo(before.target().segXml());
            assertThat(after.target().tags()).isEqualTo(before.target().tags());
            assertThat(after.target().text()).isEqualTo(before.target().text());
            assertThat(MarkdownCodes.markdown(after.target())).isEqualTo(RU_MD);
        }
    }

    /** Every seg of a TMX file: bpt/ept paired by i, ept without x, codes not nested, it with pos. */
    static void assertValidInlineCodes(Path tmx) throws Exception {
        var f = javax.xml.stream.XMLInputFactory.newFactory();
        var r = f.createXMLStreamReader(Files.newInputStream(tmx));
        java.util.Set<String> open = new java.util.HashSet<>();
        int codeDepth = 0;
        int segs = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if (n.equals("seg")) {
                    assertThat(open).as("codes open before a seg").isEmpty();
                    segs++;
                }
                if (List.of("bpt", "ept", "ph", "it").contains(n)) {
                    assertThat(codeDepth).as("<" + n + "> nested in a code").isZero();
                    codeDepth++;
                }
                switch (n) {
                    case "bpt" -> assertThat(open.add(r.getAttributeValue(null, "i"))).as("bpt i unique").isTrue();
                    case "ept" -> {
                        assertThat(open.remove(r.getAttributeValue(null, "i"))).as("ept after its bpt").isTrue();
                        assertThat(r.getAttributeValue(null, "x")).as("ept has no x in TMX 1.4b").isNull();
                    }
                    case "it" -> assertThat(r.getAttributeValue(null, "pos")).isIn("begin", "end");
                    default -> { }
                }
            } else if (ev == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
                String n = r.getLocalName();
                if (List.of("bpt", "ept", "ph", "it").contains(n)) codeDepth--;
                if (n.equals("seg")) assertThat(open).as("every bpt closed in its seg").isEmpty();
            }
        }
        assertThat(segs).isPositive();
    }

    @Test
    void malformedInlineCodesGiveLineNumberedWarningsNotACrash() throws Exception {
        Path f = tmp.resolve("bad-codes.tmx");
        Files.writeString(f, new Tmx().raw("""
                <tu tuid="ok">
                  <tuv xml:lang="en"><seg>Good <bpt i="1">&lt;b></bpt>unit<ept i="1">&lt;/b></ept>.</seg></tuv>
                  <tuv xml:lang="ru"><seg>Хорошая <bpt i="1">&lt;b></bpt>единица<ept i="1">&lt;/b></ept>.</seg></tuv>
                </tu>
                <tu tuid="orphan">
                  <tuv xml:lang="en"><seg>An orphan end tag here.</seg></tuv>
                  <tuv xml:lang="ru"><seg>Сирота <ept i="7">&lt;/b></ept>здесь <bpt>**</bpt>жирный.</seg></tuv>
                </tu>
                <tu tuid="nested">
                  <tuv xml:lang="en"><seg>Nested <bpt i="1">&lt;a href="x"><ph>&lt;br></ph></bpt>codes<ept i="1">&lt;/a></ept>.</seg></tuv>
                  <tuv xml:lang="ru"><seg>Вложенные коды.</seg></tuv>
                </tu>""").text(), StandardCharsets.UTF_8);
        ImportReport r = tm.importTmx(f, Progress.NONE);
        assertThat(r.added()).isEqualTo(3);
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).startsWith(f + ":11: unit tuid=orphan: inline codes of the ru segment are malformed")
                .contains("<ept i=\"7\"> without its <bpt>");
        assertThat(r.warnings().get(1)).startsWith(f + ":14: unit tuid=nested: inline codes of the en segment are malformed")
                .contains("<ph> inside <bpt>");
        TmMatch m = tm.lookup(new TmQuery("An orphan end tag here.", "", "en", "ru", null, 50, 5)).get(0);
        assertThat(MarkdownCodes.markdown(m.target())).isEqualTo("Сирота здесь жирный.");
    }
}
