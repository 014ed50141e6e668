package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;
import org.diptych.tm.ConcordanceHit;
import org.diptych.tm.MarkdownCodes;
import org.diptych.tm.TranslationMemory;
import org.diptych.tm.solr.PushQueue;
import org.diptych.tm.solr.SolrTeam;
import org.diptych.tm.solr.SolrTmBackend;
import org.diptych.tm.solr.TeamTm;
import org.diptych.tm.solr.TeamTmConfig;
import org.diptych.translate.Confirmation;
import org.diptych.ui.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's TM service with a team TM whose server cannot be reached (a real SolrJ client of a port nobody
 * listens on): lookups and concordance answer from the local TM, marked "local"; a reviewer's confirmation
 * is queued (a translator's draft is not); the desk is told once, not on every lookup; the queue outlives
 * the service. The server answering again is {@code TmServiceTeamCloudTest} (-Pteam).
 */
class TmServiceTeamTest {
    static final String DEAD = "http://127.0.0.1:9/solr";
    @TempDir
    Path tmp;

    static DocumentVersion version(String lang, String... texts) {
        List<Paragraph> ps = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) ps.add(Paragraph.plain("p" + (i + 1), texts[i]));
        return new DocumentVersion(lang, "2024-03-08-strike.md", "markdown", "UTF-8", FrontMatter.NONE, ps);
    }

    static final DocumentVersion RU = version("ru", "Забастовка портовых рабочих продолжается третий день.",
            "Профсоюз требует повышения зарплаты.");
    static final DocumentVersion EN = version("en", "The dock workers' strike goes on for a third day.",
            "The union demands a pay rise.");

    static Confirmation confirmed(int p, boolean reviewer) {
        Bead b = Bead.auto(List.of("p" + p), List.of("p" + p), 0.9).withStatus(BeadStatus.CONFIRMED, "olga",
                Instant.parse("2024-03-08T10:00:00Z"));
        return new Confirmation("2024-03-08-strike", RU, EN, b, !reviewer, "olga");
    }

    @Test
    void anUnreachableTeamTmLeavesTheDeskOnItsLocalTmWithOneStatusLine() throws Exception {
        TeamTmConfig config = new TeamTmConfig(DEAD, "team", null);
        AtomicInteger tries = new AtomicInteger();
        AtomicLong now = new AtomicLong(1_000);
        List<TmService.TeamStatus> said = new CopyOnWriteArrayList<>();
        Path queue = tmp.resolve("team/outbox.log");
        TmService service = new TmService(tmp.resolve("tm"), local -> new TeamTm(local, config, () -> {
            tries.incrementAndGet();
            SolrTmBackend b = new SolrTmBackend(SolrTeam.client(DEAD, null, null), "team", config.describe(), true);
            b.checkSchema();
            return b;
        }, PushQueue.open(queue), now::get), said::add);
        I18n en = new I18n(Locale.ENGLISH);
        try {
            service.write(confirmed(1, true)).get();
            service.write(confirmed(2, false)).get(); // a translator's confirmation: a draft, kept local
            assertThat(said).singleElement().satisfies(s -> {
                assertThat(s.problem()).contains("127.0.0.1:9").contains("unreachable");
                assertThat(s.waiting()).isEqualTo(1);
            });
            assertThat(TmService.statusText(said.get(0), en)).startsWith("Team TM not reachable (")
                    .contains("working on the local TM; 1 confirmed units queued").doesNotContain("\n");

            List<TmService.Suggestion> ms = service.lookup(MarkdownCodes.encode(RU.paragraphs().get(0)), null,
                    "ru", "en", 5, true).get();
            assertThat(ms).first().satisfies(s -> {
                assertThat(s.score()).isEqualTo(100);
                assertThat(s.origin()).isEqualTo(TeamTm.Origin.LOCAL);
                assertThat(TmService.originText(s, en)).isEqualTo("local");
                assertThat(TmService.originText(s, new I18n(Locale.forLanguageTag("ru")))).isEqualTo("локальная");
            });
            List<ConcordanceHit> hits = service.concordance("зарплаты", "ru", 10).get();
            assertThat(hits).singleElement().satisfies(h -> {
                assertThat(service.origin(h)).isEqualTo(TeamTm.Origin.LOCAL);
                assertThat(service.originText(h, en)).isEqualTo("local");
            });
            assertThat(tries).as("not asked again within the retry delay").hasValue(1);
            assertThat(said).as("one status line, not one per lookup").hasSize(1);

            now.addAndGet(TeamTm.RETRY_MS);
            service.lookup(MarkdownCodes.encode(RU.paragraphs().get(1)), null, "ru", "en", 5, true).get();
            assertThat(tries).as("tried again after the delay").hasValue(2);
            assertThat(said).as("still down: nothing new said").hasSize(1);
        } finally {
            service.close();
        }
        assertThat(PushQueue.open(queue).size()).as("the queue outlives the desk").isEqualTo(1);
        try (TranslationMemory local = TranslationMemory.open(tmp.resolve("tm"))) {
            assertThat(local.stats().units()).isEqualTo(2);
        }
    }

    @Test
    void withoutATeamTmMatchesHaveNoOrigin() throws Exception {
        TmService service = new TmService(tmp.resolve("tm"));
        try {
            service.write(confirmed(1, true)).get();
            List<TmService.Suggestion> ms = service.lookup(MarkdownCodes.encode(RU.paragraphs().get(0)), null,
                    "ru", "en", 5, true).get();
            assertThat(ms).first().satisfies(s -> {
                assertThat(s.origin()).isNull();
                assertThat(TmService.originText(s, new I18n(Locale.ENGLISH))).isNull();
                assertThat(TmService.withOrigin(null, "olga")).isEqualTo("olga");
            });
            assertThat(service.concordance("зарплаты", "ru", 10).get()).allSatisfy(h -> assertThat(service.origin(h)).isNull());
        } finally {
            service.close();
        }
    }
}
