package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link TmBackend} must do alike: the same lookups give the same matches and percentages,
 * concordance stems and checks phrases the same way, imports count the same, export and stats agree. Run on
 * the embedded TM in the default suite ({@code EmbeddedTmBackendTest}) and on a two-node SolrCloud in the
 * {@code team} profile ({@code SolrTmBackendTest}).
 */
public abstract class TmBackendContract {
    @TempDir
    protected Path tmp;
    protected TmBackend tm;

    /** A new, empty backend. */
    protected abstract TmBackend openEmpty(Path dir) throws Exception;

    @BeforeEach
    void fill() throws Exception {
        tm = openEmpty(tmp.resolve("tm"));
        Path f = new Tmx("en-US")
                .tu("rest", "en-US", "Everyone has the right to rest and leisure.",
                        "ru-RU", "Каждый человек имеет право на отдых и досуг.",
                        "pt-BR", "Todos têm direito ao repouso e ao lazer.")
                .tu("budget", "en", "The committee met on 12 May 2019 to discuss the budget.",
                        "ru", "Комитет собрался 12 мая 2019 года, чтобы обсудить бюджет.",
                        "pt-PT", "O comité reuniu-se a 12 de maio de 2019 para discutir o orçamento.",
                        "pt-BR", "O comitê se reuniu em 12 de maio de 2019 para discutir o orçamento.")
                .tu("march", "en", "The volunteers printed the posters for the march in Lisbon, while the students prepared the translation.",
                        "pt", "Os voluntários imprimiram os cartazes para a marcha em Lisboa, enquanto os estudantes preparavam a tradução.")
                .tu("rights", "en", "Workers defend their rights together.", "ru", "Рабочие вместе защищают свои права.",
                        "pt", "Os trabalhadores defendem juntos os seus direitos.")
                .tu("bold", "en", "<bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>Read<ept i=\"1\">&lt;/b&gt;</ept> the open letter.",
                        "ru", "<bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>Прочитайте<ept i=\"1\">&lt;/b&gt;</ept> открытое письмо.")
                .tu("unrelated", "en", "My grandmother grows sweet tomatoes in her small garden.",
                        "ru", "Моя бабушка выращивает сладкие помидоры в своём маленьком саду.")
                .raw("<tu tuid=\"broken\"><tuv xml:lang=\"en\"><seg>Only one language here.</seg></tuv></tu>")
                .write(tmp.resolve("a.tmx"));
        ImportReport r = tm.importTmx(f, Progress.NONE);
        assertThat(r.added()).isEqualTo(6);
        assertThat(r.read()).isEqualTo(6);
        assertThat(r.skipped()).isEqualTo(1);
    }

    @AfterEach
    void closeIt() {
        if (tm != null) tm.close();
    }

    private TmMatch best(String text, String src, String tgt) {
        List<TmMatch> m = tm.lookup(new TmQuery(text, "", src, tgt, null, 50, 5));
        assertThat(m).as("matches for " + text).isNotEmpty();
        return m.get(0);
    }

    @Test
    void exactMatchesInEveryDirectionWithRegions() {
        TmMatch m = best("Everyone has the right to rest and leisure.", "en", "ru");
        assertThat(m.score()).isEqualTo(100);
        assertThat(m.kind()).isEqualTo(MatchKind.EXACT);
        assertThat(m.target().text()).isEqualTo("Каждый человек имеет право на отдых и досуг.");
        assertThat(m.unit().tuid()).isEqualTo("rest");
        assertThat(best("Каждый человек имеет право на отдых и досуг.", "ru", "pt").target().text())
                .isEqualTo("Todos têm direito ao repouso e ao lazer.");
        assertThat(best("The committee met on 12 May 2019 to discuss the budget.", "en", "pt-PT").target().lang()).isEqualTo("pt-PT");
        assertThat(best("The committee met on 12 May 2019 to discuss the budget.", "en", "pt-BR").target().lang()).isEqualTo("pt-BR");
    }

    @Test
    void nearExactFuzzyAndReorderedScoreAsTheEmbeddedTm() {
        TmMatch n = best("The committee met on 14 May 2019 to discuss the budget.", "en", "ru");
        assertThat(n.score()).isEqualTo(98);
        assertThat(n.kind()).isEqualTo(MatchKind.NEAR_EXACT);
        assertThat(n.differences()).containsExactly(Difference.NUMBERS);
        assertThat(n.description()).contains("12 → 14");

        TmMatch tags = best("Read the open letter.", "en", "ru");
        assertThat(tags.score()).isEqualTo(99);
        assertThat(tags.differences()).containsExactly(Difference.TAGS);

        TmMatch f = best("Workers defend their pensions together.", "en", "pt");
        assertThat(f.kind()).isEqualTo(MatchKind.FUZZY);
        assertThat(f.score()).isEqualTo(80);
        assertThat(f.target().text()).isEqualTo("Os trabalhadores defendem juntos os seus direitos.");

        TmMatch r = best("Enquanto os estudantes preparavam a tradução, os voluntários imprimiram os cartazes para a marcha em Lisboa.",
                "pt", "en");
        assertThat(r.kind()).isEqualTo(MatchKind.REORDERED);
        assertThat(r.score()).isGreaterThanOrEqualTo(85);
        assertThat(r.unit().tuid()).isEqualTo("march");
    }

    @Test
    void minimumScoreUnrelatedTextAndBadLanguages() {
        assertThat(tm.lookup(new TmQuery("The fisherman repairs wooden boats near the old bridge.", "", "en", "ru", null, 60, 5)))
                .isEmpty();
        assertThat(tm.lookup(new TmQuery("Workers defend their pensions together.", "", "en", "pt", null, 81, 5))).isEmpty();
        assertThatThrownBy(() -> tm.lookup(TmQuery.of("x", "en", "en"))).isInstanceOf(DiptychException.class);
        assertThatThrownBy(() -> tm.lookup(TmQuery.of("x", "de", "en"))).isInstanceOf(DiptychException.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void inContextDraftPenaltyAndOrder() {
        String prev = "The meeting opened at ten.";
        TmVariant en = TmVariant.plain("en", "The agenda was adopted.")
                .withMeta(List.of(TmMeta.prop(TmUnit.PROP_PREVIOUS, TranslationMemory.contextHash(prev))));
        TmUnit approved = new TmUnit("k:approved", Map.of(), List.of(), List.of(en, TmVariant.plain("ru", "Повестка дня принята.")));
        TmUnit draft = new TmUnit("k:draft", Map.of(), List.of(TmMeta.prop(TmUnit.PROP_STATUS, TmUnit.DRAFT)),
                List.of(TmVariant.plain("en", "The agenda was adopted."), TmVariant.plain("ru", "Повестку приняли.")));
        tm.update(List.of(draft, approved), List.of());

        List<TmMatch> in = tm.lookup(new TmQuery("The agenda was adopted.", "", "en", "ru", prev, 60, 5));
        assertThat(in).extracting(TmMatch::score).containsExactly(101, 99);
        assertThat(in.get(0).kind()).isEqualTo(MatchKind.IN_CONTEXT);
        assertThat(in.get(1).provenance().status()).isEqualTo(Provenance.Status.DRAFT);

        List<TmMatch> out = tm.lookup(new TmQuery("The agenda was adopted.", "", "en", "ru", "Something else.", 60, 5));
        assertThat(out).extracting(m -> m.unit().id()).containsExactly("k:approved", "k:draft");
    }

    @Test
    void putGetReplaceAndDelete() {
        TmUnit u = new TmUnit("k:s1|ru|en|p1", Map.of("creationid", "marta"), List.of(),
                List.of(TmVariant.plain("ru", "Мы требуем освободить задержанных."), TmVariant.plain("en", "We demand the release of the detained.")));
        tm.update(List.of(u), List.of());
        assertThat(tm.get(u.id())).isEqualTo(u);
        assertThat(best("Мы требуем освободить задержанных.", "ru", "en").provenance().creator()).isEqualTo("marta");

        TmUnit edited = new TmUnit(u.id(), Map.of("creationid", "marta", "changeid", "joao"), List.of(),
                List.of(TmVariant.plain("ru", "Мы требуем освободить задержанных."), TmVariant.plain("en", "We demand that the detained be freed.")));
        tm.update(List.of(edited), List.of("h:0000000000000001"));
        assertThat(best("Мы требуем освободить задержанных.", "ru", "en").target().text()).isEqualTo("We demand that the detained be freed.");
        assertThat(tm.stats().units()).isEqualTo(7);

        tm.update(List.of(), List.of(u.id()));
        assertThat(tm.get(u.id())).isNull();
        assertThat(tm.lookup(new TmQuery("Мы требуем освободить задержанных.", "", "ru", "en", null, 60, 5))).isEmpty();
        assertThat(tm.stats().units()).isEqualTo(6);
    }

    @Test
    void concordanceStemsChecksPhrasesAndRefusesStopWords() {
        assertThat(tm.concordance("право", "ru", 10)).extracting(h -> h.marked("[", "]")).containsExactlyInAnyOrder(
                "Каждый человек имеет [право] на отдых и досуг.", "Рабочие вместе защищают свои [права].");
        assertThat(tm.concordance("right", "en", 10)).extracting(h -> h.marked("[", "]")).containsExactlyInAnyOrder(
                "Everyone has the [right] to rest and leisure.", "Workers defend their [rights] together.");
        assertThat(tm.concordance("direitos", "pt", 10)).extracting(h -> h.marked("[", "]")).containsExactlyInAnyOrder(
                "Todos têm [direito] ao repouso e ao lazer.", "Os trabalhadores defendem juntos os seus [direitos].");
        List<ConcordanceHit> phrase = tm.concordance("discuss the budget", "en", 10);
        assertThat(phrase).extracting(h -> h.marked("<", ">"))
                .containsExactly("The committee met on 12 May 2019 to <discuss> the <budget>.");
        assertThat(tm.concordance("budget discuss", "en", 10)).as("a phrase in its order").isEmpty();
        assertThat(tm.concordance("право", "ru", 1)).hasSize(1);
        assertThatThrownBy(() -> tm.concordance("the", "en", 10)).isInstanceOf(DiptychException.class)
                .hasMessageContaining("stop words");
    }

    @Test
    void importCountsDuplicatesAndANonTmxFileChangesNothing() throws Exception {
        ImportReport again = tm.importTmx(tmp.resolve("a.tmx"), Progress.NONE);
        assertThat(again.added()).isZero();
        assertThat(again.duplicates()).isEqualTo(6);

        Path more = new Tmx("en")
                .tu(null, "en", "Solidarity knows no borders.", "pt", "A solidariedade não conhece fronteiras.")
                .tu(null, "en", "Solidarity knows no borders.", "pt", "A solidariedade não conhece fronteiras.")
                .write(tmp.resolve("b.tmx"));
        ImportReport b = tm.importTmx(more, Progress.NONE);
        assertThat(b.added()).isEqualTo(1);
        assertThat(b.duplicates()).isEqualTo(1);

        Path notTmx = Files.writeString(tmp.resolve("c.tmx"), "<html><body>not a memory</body></html>");
        assertThatThrownBy(() -> tm.importTmx(notTmx, Progress.NONE)).isInstanceOf(DiptychException.class)
                .hasMessageContaining("c.tmx");
        assertThat(tm.stats().units()).isEqualTo(7);
        String whole = new Tmx("en")
                .tu(null, "en", "Bread, peace and land.", "ru", "Хлеб, мир и земля.")
                .tu(null, "en", "All power to the councils.", "ru", "Вся власть советам.").text();
        Path cut = Files.writeString(tmp.resolve("d.tmx"), whole.substring(0, whole.indexOf("All power")));
        ImportReport c = tm.importTmx(cut, Progress.NONE);
        assertThat(c.added()).as("a file cut short keeps its complete units").isEqualTo(1);
        assertThat(c.warningCount()).isPositive();
        assertThat(tm.lookup(new TmQuery("Bread, peace and land.", "", "en", "ru", null, 60, 5))).hasSize(1);
        assertThat(tm.stats().units()).isEqualTo(8);
    }

    @Test
    void exportWritesEveryUnitOrTheApprovedOnesAndStatsAgree() throws Exception {
        TmUnit draft = new TmUnit("k:d", Map.of(), List.of(TmMeta.prop(TmUnit.PROP_STATUS, TmUnit.DRAFT)),
                List.of(TmVariant.plain("pt", "A greve continua amanhã."), TmVariant.plain("ru", "Забастовка продолжится завтра.")));
        tm.update(List.of(draft), List.of());
        TmStats s = tm.stats();
        assertThat(s.units()).isEqualTo(7);
        assertThat(s.draft()).isEqualTo(1);
        assertThat(s.approved()).isEqualTo(6);
        assertThat(s.perLanguage()).containsEntry("en", 6L).containsEntry("ru", 6L).containsEntry("pt", 5L);

        assertThat(tm.exportTmx(tmp.resolve("out/all.tmx"), false)).isEqualTo(7);
        assertThat(tm.exportTmx(tmp.resolve("out/approved.tmx"), true)).isEqualTo(6);
        String all = Files.readString(tmp.resolve("out/all.tmx"));
        assertThat(all).contains("<tmx version=\"1.4\"").contains("Забастовка продолжится завтра.")
                .contains("&lt;b&gt;</bpt>Read");
        assertThat(Files.readString(tmp.resolve("out/approved.tmx"))).doesNotContain("Забастовка");

        // what was exported comes back whole
        TranslationMemory fresh = TranslationMemory.open(tmp.resolve("fresh"));
        try {
            assertThat(fresh.importTmx(tmp.resolve("out/all.tmx"), Progress.NONE).added()).isEqualTo(7);
            assertThat(fresh.lookup(new TmQuery("Read the open letter.", "", "en", "ru", null, 60, 1)).get(0).score()).isEqualTo(99);
        } finally {
            fresh.close();
        }
    }
}
