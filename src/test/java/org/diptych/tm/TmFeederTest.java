package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.model.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeding rules: confirmed → approved, auto → draft (or nothing), rejected → never, edits update. */
class TmFeederTest {
    @TempDir
    Path tmp;
    TranslationMemory tm;

    static DocumentVersion version(String lang, String file, String... texts) {
        List<Paragraph> ps = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) ps.add(Paragraph.plain("p" + (i + 1), texts[i]));
        return new DocumentVersion(lang, file, "markdown", "UTF-8", FrontMatter.NONE, ps);
    }

    static final DocumentVersion EN = version("en", "2019-05-12-housing.md",
            "The tenants' union held its congress in Kazan.",
            "The delegates adopted a resolution on rents. They also elected a new council.",
            "The congress ended with a concert.",
            "Photos will be published later.");
    static final DocumentVersion RU = version("ru", "2019-05-12-housing.md",
            "Союз жильцов провёл свой съезд в Казани.",
            "Делегаты приняли резолюцию о квартплате. Они также избрали новый совет.",
            "Съезд завершился концертом.",
            "Фотографии будут опубликованы позже.");

    static Alignment alignment(BeadStatus... statuses) {
        List<Bead> beads = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            String id = "p" + (i + 1);
            Bead b = Bead.auto(List.of(id), List.of(id), 0.9);
            if (statuses[i] != BeadStatus.AUTO) b = b.withStatus(statuses[i], "olga", Instant.parse("2024-02-01T10:00:00Z"));
            beads.add(b);
        }
        return new Alignment("2019-05-12-housing", "en", "ru", beads, Instant.now());
    }

    @BeforeEach
    void setUp() {
        tm = TranslationMemory.open(tmp.resolve("tm"));
    }

    @AfterEach
    void tearDown() {
        tm.close();
    }

    private TmMatch only(String text) {
        List<TmMatch> m = tm.lookup(new TmQuery(text, "", "en", "ru", null, 100 - 1, 5));
        return m.isEmpty() ? null : m.get(0);
    }

    @Test
    void confirmedBeadsBecomeApprovedUnitsAutoBeadsDraftsRejectedNothing() {
        Statement st = new Statement("2019-05-12-housing", Map.of("en", EN, "ru", RU));
        TmFeeder feeder = new TmFeeder(tm, null, true);
        TmFeeder.FeedReport r = feeder.feed(st, alignment(BeadStatus.CONFIRMED, BeadStatus.AUTO, BeadStatus.REJECTED,
                BeadStatus.CONFIRMED), "anna");
        assertThat(r).isEqualTo(new TmFeeder.FeedReport(2, 1, 0, 0));

        TmMatch confirmed = only("The tenants' union held its congress in Kazan.");
        assertThat(confirmed.score()).isEqualTo(100);
        assertThat(confirmed.target().text()).isEqualTo("Союз жильцов провёл свой съезд в Казани.");
        Provenance p = confirmed.provenance();
        assertThat(p.status()).isEqualTo(Provenance.Status.APPROVED);
        assertThat(p.statement()).isEqualTo("2019-05-12-housing");
        assertThat(p.document()).contains("2019-05-12-housing.md");
        assertThat(p.creator()).isEqualTo("olga");
        assertThat(p.created()).isNotNull();

        TmMatch auto = only("The delegates adopted a resolution on rents. They also elected a new council.");
        assertThat(auto.unit().isDraft()).isTrue();
        assertThat(auto.score()).isEqualTo(99);
        assertThat(auto.provenance().creator()).isEqualTo("anna");

        assertThat(only("The congress ended with a concert.")).as("rejected bead").isNull();

        // In context: the fourth paragraph follows the (rejected) third one.
        List<TmMatch> ctx = tm.lookup(new TmQuery("Photos will be published later.", "", "en", "ru",
                "The congress ended with a concert.", 60, 1));
        assertThat(ctx.get(0).score()).isEqualTo(101);
    }

    @Test
    void aFeedWithoutAUserLeavesTheCreatorOutAndTheTmStillExports(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out)
            throws Exception {
        new TmFeeder(tm, null, true).feed("2019-05-12-housing", EN, RU,
                alignment(BeadStatus.AUTO, BeadStatus.AUTO, BeadStatus.AUTO, BeadStatus.AUTO), null);
        assertThat(tm.stats().units()).isPositive();
        java.nio.file.Path tmx = out.resolve("out.tmx");
        tm.exportTmx(tmx, false);
        assertThat(java.nio.file.Files.readString(tmx)).doesNotContain("creationid=").doesNotContain("null");
    }

    @Test
    void withoutDraftsAutoBeadsStayOut() {
        new TmFeeder(tm, null, false).feed("2019-05-12-housing", EN, RU,
                alignment(BeadStatus.AUTO, BeadStatus.AUTO, BeadStatus.CONFIRMED, BeadStatus.AUTO), "anna");
        assertThat(tm.stats().units()).isEqualTo(1);
        assertThat(tm.stats().draft()).isZero();
    }

    @Test
    void editingAConfirmedPairUpdatesItsUnitAndRejectingRemovesIt() throws Exception {
        TmFeeder feeder = new TmFeeder(tm, null, false);
        Alignment a = alignment(BeadStatus.CONFIRMED, BeadStatus.CONFIRMED, BeadStatus.AUTO, BeadStatus.AUTO);
        feeder.feed("2019-05-12-housing", EN, RU, a, "anna");
        String id = only("The tenants' union held its congress in Kazan.").unit().id();
        String created = tm.get(id).attributes().get("creationdate");
        tm.recordUse(id);

        assertThat(feeder.feed("2019-05-12-housing", EN, RU, a, "anna")).isEqualTo(new TmFeeder.FeedReport(0, 0, 0, 2));

        List<Paragraph> edited = new ArrayList<>(RU.paragraphs());
        edited.set(0, Paragraph.plain("p1", "Союз квартиросъёмщиков провёл свой съезд в Казани."));
        TmFeeder.FeedReport r = feeder.feed("2019-05-12-housing", EN, RU.withParagraphs(edited), a, "boris");
        // p1 changed; p2 too, in a way: its previous paragraph (its in-context key) is p1.
        assertThat(r).isEqualTo(new TmFeeder.FeedReport(2, 0, 0, 0));
        TmUnit u = tm.get(id);
        assertThat(u.variant("ru").text()).isEqualTo("Союз квартиросъёмщиков провёл свой съезд в Казани.");
        assertThat(u.attributes()).containsEntry("creationdate", created).containsKey("changedate");
        assertThat(u.usageCount()).isEqualTo(1);
        assertThat(tm.stats().units()).isEqualTo(2);

        Alignment rejected = a.withBeads(List.of(a.beads().get(0).withStatus(BeadStatus.REJECTED, "olga", Instant.now()),
                a.beads().get(1), a.beads().get(2), a.beads().get(3)));
        assertThat(feeder.feed("2019-05-12-housing", EN, RU, rejected, "olga").deleted()).isEqualTo(1);
        assertThat(tm.get(id)).isNull();
        assertThat(tm.stats().units()).isEqualTo(1);

        // The changes are durable: they survive reopening, and the export has them.
        tm.close();
        tm = TranslationMemory.open(tmp.resolve("tm"));
        assertThat(tm.wasRebuilt()).isFalse();
        assertThat(tm.stats().units()).isEqualTo(1);
        Path out = tmp.resolve("out.tmx");
        tm.exportTmx(out, false);
        assertThat(Files.readString(out)).contains("Они также избрали новый совет.").doesNotContain("квартиросъёмщиков")
                .contains("x-diptych-key");
    }

    @Test
    void sentencePairsOfConfirmedBeadsAreFedToo() {
        SentencePairer pairer = SentencePairer.of(
                (text, lang) -> Arrays.asList(text.split("(?<=\\.) ")),
                (s, t) -> {
                    List<int[]> links = new ArrayList<>();
                    for (int i = 0; i < Math.min(s.size(), t.size()); i++) links.add(new int[] {i, i});
                    return links;
                });
        TmFeeder feeder = new TmFeeder(tm, pairer, true);
        TmFeeder.FeedReport r = feeder.feed("2019-05-12-housing", EN, RU,
                alignment(BeadStatus.AUTO, BeadStatus.CONFIRMED, BeadStatus.REJECTED, BeadStatus.REJECTED), "anna");
        // p1 (one sentence: the paragraph unit only, as draft), p2 paragraph + 2 sentences approved.
        assertThat(r).isEqualTo(new TmFeeder.FeedReport(3, 1, 0, 0));
        TmMatch s = only("They also elected a new council.");
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.target().text()).isEqualTo("Они также избрали новый совет.");
        assertThat(s.unit().attributes()).containsEntry("segtype", "sentence");
        assertThat(s.unit().isDraft()).isFalse();
    }
}
