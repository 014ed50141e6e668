package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups of every kind, in every direction, and concordance with stemming, through a real TM. */
class TranslationMemoryTest {
    @TempDir
    Path tmp;
    TranslationMemory tm;

    @BeforeEach
    void setUp() throws Exception {
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
                .write(tmp.resolve("a.tmx"));
        tm = TranslationMemory.open(tmp.resolve("tm"));
        ImportReport r = tm.importTmx(f, Progress.NONE);
        assertThat(r.added()).isEqualTo(6);
        assertThat(r.warningCount()).isZero();
    }

    @AfterEach
    void tearDown() {
        tm.close();
    }

    private TmMatch best(String text, String src, String tgt) {
        List<TmMatch> m = tm.lookup(new TmQuery(text, "", src, tgt, null, 50, 5));
        assertThat(m).as("matches for " + text).isNotEmpty();
        return m.get(0);
    }

    @Test
    void exactMatchInAnyDirection() {
        TmMatch m = best("Everyone has the right to rest and leisure.", "en", "ru");
        assertThat(m.score()).isEqualTo(100);
        assertThat(m.kind()).isEqualTo(MatchKind.EXACT);
        assertThat(m.target().text()).isEqualTo("Каждый человек имеет право на отдых и досуг.");
        assertThat(m.unit().tuid()).isEqualTo("rest");

        TmMatch back = best("Каждый человек имеет право на отдых и досуг.", "ru", "pt");
        assertThat(back.score()).isEqualTo(100);
        assertThat(back.target().text()).isEqualTo("Todos têm direito ao repouso e ao lazer.");
    }

    @Test
    void regionsMapToTheLanguageAndTheSameRegionIsPreferred() {
        // The unit says en-US and ru-RU; plain en and ru find it.
        assertThat(best("Everyone has the right to rest and leisure.", "en", "ru").source().lang()).isEqualTo("en-US");
        // Two Portuguese variants: the asked region wins, either serves plain pt.
        assertThat(best("The committee met on 12 May 2019 to discuss the budget.", "en", "pt-PT").target().lang()).isEqualTo("pt-PT");
        assertThat(best("The committee met on 12 May 2019 to discuss the budget.", "en", "pt-BR").target().lang()).isEqualTo("pt-BR");
        assertThat(best("The committee met on 12 May 2019 to discuss the budget.", "en", "pt").target().lang()).startsWith("pt");
    }

    @Test
    void numbersPunctuationCaseAndTagsGiveNearExactMatchesThatSayWhatDiffers() {
        TmMatch n = best("The committee met on 14 May 2019 to discuss the budget.", "en", "ru");
        assertThat(n.score()).isEqualTo(98);
        assertThat(n.kind()).isEqualTo(MatchKind.NEAR_EXACT);
        assertThat(n.differences()).containsExactly(Difference.NUMBERS);
        assertThat(n.description()).contains("12 → 14");
        assertThat(n.diff()).contains(new WordDiff(WordDiff.Op.QUERY_ONLY, "14"), new WordDiff(WordDiff.Op.MATCH_ONLY, "12"));

        TmMatch tags = best("Read the open letter.", "en", "ru");
        assertThat(tags.score()).isEqualTo(99);
        assertThat(tags.differences()).containsExactly(Difference.TAGS);
        assertThat(tags.target().segXml()).contains("<bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>");

        TmMatch pc = best("каждый человек имеет право на отдых и досуг!", "ru", "en");
        assertThat(pc.score()).isEqualTo(98);
        assertThat(pc.differences()).containsExactlyInAnyOrder(Difference.CASE, Difference.PUNCTUATION);
    }

    @Test
    void fuzzyAndReorderedMatches() {
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
    void minimumScoreAndNothingForUnrelatedText() {
        assertThat(tm.lookup(new TmQuery("The fisherman repairs wooden boats near the old bridge.", "", "en", "ru", null, 60, 5)))
                .isEmpty();
        assertThat(tm.lookup(new TmQuery("Workers defend their pensions together.", "", "en", "pt", null, 81, 5))).isEmpty();
        assertThatThrownBy(() -> tm.lookup(TmQuery.of("x", "en", "en"))).isInstanceOf(DiptychException.class);
        assertThatThrownBy(() -> tm.lookup(TmQuery.of("x", "de", "en"))).isInstanceOf(DiptychException.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void inContextMatchAndDraftPenalty() {
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
        assertThat(in.get(1).unit().isDraft()).isTrue();
        assertThat(in.get(1).description()).contains("draft");

        List<TmMatch> out = tm.lookup(new TmQuery("The agenda was adopted.", "", "en", "ru", "Something else was said first.", 60, 5));
        assertThat(out).extracting(TmMatch::score).containsExactly(100, 99);
        assertThat(out.get(0).unit().id()).isEqualTo("k:approved");
        assertThat(out.get(1).provenance().status()).isEqualTo(Provenance.Status.DRAFT);
    }

    @Test
    void provenanceAndUsage() {
        TmMatch m = best("Workers defend their rights together.", "en", "ru");
        assertThat(m.provenance().tuid()).isEqualTo("rights");
        assertThat(m.provenance().usageCount()).isZero();
        tm.recordUse(m.unit().id());
        tm.recordUse(m.unit().id());
        TmMatch again = best("Workers defend their rights together.", "en", "ru");
        assertThat(again.provenance().usageCount()).isEqualTo(2);
        assertThat(again.provenance().lastUsed()).isNotNull();
        assertThat(again.provenance().status()).isEqualTo(Provenance.Status.APPROVED);
    }

    @Test
    void concordanceStemsAndHighlightsInAllThreeLanguages() {
        List<ConcordanceHit> ru = tm.concordance("право", "ru", 10);
        assertThat(ru).extracting(h -> h.marked("[", "]")).containsExactlyInAnyOrder(
                "Каждый человек имеет [право] на отдых и досуг.", "Рабочие вместе защищают свои [права].");

        List<ConcordanceHit> en = tm.concordance("right", "en", 10);
        assertThat(en).extracting(h -> h.marked("[", "]")).containsExactlyInAnyOrder(
                "Everyone has the [right] to rest and leisure.", "Workers defend their [rights] together.");

        List<ConcordanceHit> pt = tm.concordance("direitos", "pt", 10);
        assertThat(pt).extracting(h -> h.marked("[", "]")).containsExactlyInAnyOrder(
                "Todos têm [direito] ao repouso e ao lazer.", "Os trabalhadores defendem juntos os seus [direitos].");

        List<ConcordanceHit> phrase = tm.concordance("discuss the budget", "en", 10);
        assertThat(phrase).hasSize(1);
        assertThat(phrase.get(0).marked("<", ">")).isEqualTo("The committee met on 12 May 2019 to <discuss> the <budget>.");
        assertThat(tm.concordance("budget discuss", "en", 10)).as("a phrase in its order").isEmpty();

        assertThatThrownBy(() -> tm.concordance("the", "en", 10)).isInstanceOf(DiptychException.class)
                .hasMessageContaining("stop words");
    }

    @Test
    void statsCountUnitsAndLanguages() {
        TmStats s = tm.stats();
        assertThat(s.units()).isEqualTo(6);
        assertThat(s.perLanguage()).containsEntry("en", 6L).containsEntry("ru", 5L).containsEntry("pt", 4L);
        assertThat(s.generation()).as("imports add segments; the record is not rewritten").isZero();
        assertThat(s.recordBytes()).isPositive();
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws Exception {
        ImportReport again = tm.importTmx(tmp.resolve("a.tmx"), Progress.NONE);
        assertThat(again.added()).isZero();
        assertThat(again.duplicates()).isEqualTo(6);
        assertThat(tm.stats().units()).isEqualTo(6);
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedNamingThisWindow() {
        assertThatThrownBy(() -> TranslationMemory.open(tmp.resolve("tm"))).isInstanceOf(DiptychException.class)
                .hasMessage(tmp.resolve("tm") + ": the translation memory is already open in this Diptych window"
                        + " (close it there first)");
    }

    @Test
    void theIndexHasNoCompoundFiles() throws Exception {
        // a compound file is a second copy of each flushed segment written at import (212 MB at 1M units)
        try (var files = java.nio.file.Files.list(tmp.resolve("tm").resolve("index"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.endsWith(".si")).noneMatch(n -> n.endsWith(".cfs"));
        }
        tm.close();
        tm = TranslationMemory.open(tmp.resolve("tm"));
        assertThat(best("Workers defend their rights together.", "en", "ru").target().text())
                .isEqualTo("Рабочие вместе защищают свои права.");
    }

    @Test
    void theIndexingBufferHoldsAMillionUnitsUnlessTheHeapIsSmall() {
        long mb = 1L << 20;
        // 256 MB: a 1M-unit import flushes once per indexing thread, at the end
        assertThat(TmStore.ramBufferMB(2048 * mb, null)).isEqualTo(256.0);
        assertThat(TmStore.ramBufferMB(Long.MAX_VALUE, null)).isEqualTo(256.0);
        // a quarter of a small heap, never below Lucene's 16 MB default
        assertThat(TmStore.ramBufferMB(512 * mb, null)).isEqualTo(128.0);
        assertThat(TmStore.ramBufferMB(32 * mb, null)).isEqualTo(16.0);
        // the benchmarks' knob wins
        assertThat(TmStore.ramBufferMB(2048 * mb, "64")).isEqualTo(64.0);
    }
}
