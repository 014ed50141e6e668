package org.diptych.tm.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.diptych.tm.TmQuery;
import org.diptych.tm.TmUnit;
import org.diptych.tm.TmVariant;
import org.diptych.tm.TranslationMemory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Desks with a team TM on a real two-node SolrCloud: merged lookups with provenance, the offline queue sent
 * once the server answers (and not again), a client killed with units queued, two clients confirming the
 * same unit.
 */
@ExtendWith(SolrCloudExtension.class)
class TeamTmTest {
    static final String COLLECTION = "team";
    static final String DEAD = "http://127.0.0.1:9/solr";
    private static SolrClient client;
    @TempDir
    Path tmp;

    @BeforeAll
    static void createCollection() {
        SolrTeam.setup(new TeamTmConfig(SolrCloudExtension.cloud().url(0), COLLECTION, null), null, 2, 1);
        client = SolrTeam.client(SolrCloudExtension.cloud().url(0), null, null);
    }

    @AfterAll
    static void closeClient() throws Exception {
        if (client != null) client.close();
    }

    @BeforeEach
    void empty() throws Exception {
        UpdateRequest clear = new UpdateRequest();
        clear.deleteByQuery("*:*");
        clear.setAction(UpdateRequest.ACTION.COMMIT, true, true, true);
        clear.process(client, COLLECTION);
    }

    static TmUnit unit(String id, String who, String ru, String en) {
        return new TmUnit(id, Map.of("creationid", who), List.of(), List.of(TmVariant.plain("ru", ru), TmVariant.plain("en", en)));
    }

    /** A desk whose server address can be changed (down: an address nobody listens on). */
    static TeamTm desk(TranslationMemory local, Path queue, AtomicReference<String> url) {
        return new TeamTm(local, new TeamTmConfig(SolrCloudExtension.cloud().url(0), COLLECTION, null), () -> {
            TeamTmConfig c = new TeamTmConfig(url.get(), COLLECTION, null);
            return SolrTmBackend.connect(c, null);
        }, PushQueue.open(queue), System::currentTimeMillis);
    }

    static SolrTmBackend server() {
        return new SolrTmBackend(client, COLLECTION, COLLECTION, false);
    }

    @Test
    void lookupsMergeBothTmsWithWhereEachMatchComesFrom() {
        server().update(List.of(unit("k:s|ru|en|p1", "joao", "Мы требуем освободить задержанных.", "We demand the release of the detained."),
                unit("k:s|ru|en|p2", "joao", "Свободу политзаключённым!", "Freedom for political prisoners!")), List.of());
        AtomicReference<String> url = new AtomicReference<>(SolrCloudExtension.cloud().url(1));
        try (TranslationMemory local = TranslationMemory.open(tmp.resolve("tm"));
             TeamTm team = desk(local, tmp.resolve("q.log"), url)) {
            local.update(List.of(unit("k:s|ru|en|p3", "ana", "Мы требуем освободить всех задержанных.", "We demand that all the detained be freed."),
                    // the same unit as the team's: counted once
                    unit("k:s|ru|en|p2", "joao", "Свободу политзаключённым!", "Freedom for political prisoners!")), List.of());
            assertThat(team.pushedCount()).as("pushed on confirmation; the team has p2 as it is, only p3 is sent").isEqualTo(1);
            assertThat(team.push()).isZero();

            List<TeamTm.Sourced> ms = team.lookupSourced(new TmQuery("Мы требуем освободить задержанных.", null, "ru", "en", null, 60, 5));
            assertThat(ms).extracting(s -> s.match().unit().id()).containsExactly("k:s|ru|en|p1", "k:s|ru|en|p3");
            assertThat(ms.get(0).origin()).isEqualTo(TeamTm.Origin.TEAM);
            assertThat(ms.get(0).member()).isEqualTo("joao");
            assertThat(ms.get(0).match().score()).isEqualTo(100);
            assertThat(ms.get(1).origin()).isEqualTo(TeamTm.Origin.LOCAL);
            assertThat(ms.get(1).member()).isEqualTo("ana");

            assertThat(team.lookupSourced(TmQuery.of("Свободу политзаключённым!", "ru", "en"))).singleElement()
                    .satisfies(s -> assertThat(s.origin()).isEqualTo(TeamTm.Origin.LOCAL));
            assertThat(team.concordance("задержанных", "ru", 10)).hasSize(2);
        }
    }

    @Test
    void unitsConfirmedOfflineArePushedOnceWhenTheServerAnswers() {
        AtomicReference<String> url = new AtomicReference<>(DEAD);
        try (TranslationMemory local = TranslationMemory.open(tmp.resolve("tm"));
             TeamTm team = desk(local, tmp.resolve("q.log"), url)) {
            local.update(List.of(unit("k:s|ru|en|p1", "ana", "Хлеб, мир и земля.", "Bread, peace and land.")), List.of());
            local.update(List.of(unit("k:s|ru|en|p1", "ana", "Хлеб, мир и земля!", "Bread, peace and land!"),
                    unit("k:s|ru|en|p2", "ana", "Вся власть советам.", "All power to the councils.")), List.of());
            assertThat(team.problem()).contains("unreachable");
            assertThat(team.waiting()).isEqualTo(2);
            assertThat(team.lookup(TmQuery.of("Хлеб, мир и земля!", "ru", "en"))).hasSize(1);

            url.set(SolrCloudExtension.cloud().url(1));
            assertThat(team.push(true)).isEqualTo(2);
            assertThat(team.waiting()).isZero();
            assertThat(team.push(true)).isZero();
            assertThat(server().stats().units()).isEqualTo(2);
            assertThat(server().get("k:s|ru|en|p1").variant("en").text()).isEqualTo("Bread, peace and land!");
        }
        assertThat(PushQueue.open(tmp.resolve("q.log")).size()).isZero();
    }

    @Test
    void aClientKilledWithUnitsQueuedPushesThemAfterItsRestartAndNothingTwice() throws Exception {
        Path tm = tmp.resolve("tm");
        Path queue = tmp.resolve("q.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OfflineDesk.class.getName(), tm.toString(), queue.toString()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int confirmed = 0;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("confirmed ")) confirmed = Integer.parseInt(line.substring(10));
            if (confirmed >= 5) break;
        }
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(confirmed).isEqualTo(5);

        AtomicReference<String> url = new AtomicReference<>(SolrCloudExtension.cloud().url(0));
        try (TranslationMemory local = TranslationMemory.open(tm); TeamTm team = desk(local, queue, url)) {
            int waiting = team.waiting();
            assertThat(waiting).isGreaterThanOrEqualTo(5);
            assertThat(team.push(true)).isEqualTo(waiting);
            assertThat(team.push(true)).isZero();
            assertThat(server().stats().units()).isEqualTo(waiting);
            for (int i = 0; i < waiting; i++) {
                assertThat(local.get("k:s|ru|en|p" + i)).as("the local TM has what was queued").isNotNull();
                assertThat(server().get("k:s|ru|en|p" + i)).isEqualTo(local.get("k:s|ru|en|p" + i));
            }
        }
    }

    /** A desk whose server is down, confirming a unit after another until it is killed. */
    public static final class OfflineDesk {
        public static void main(String[] args) {
            TranslationMemory local = TranslationMemory.open(Path.of(args[0]));
            TeamTm team = new TeamTm(local, new TeamTmConfig(DEAD, COLLECTION, null),
                    () -> SolrTmBackend.connect(new TeamTmConfig(DEAD, COLLECTION, null), null),
                    PushQueue.open(Path.of(args[1])), System::currentTimeMillis);
            for (int i = 0; ; i++) {
                team.update(List.of(unit("k:s|ru|en|p" + i, "ana", "Абзац номер " + i + " нашего заявления.",
                        "Paragraph number " + i + " of our statement.")), List.of());
                System.out.println("confirmed " + (i + 1));
                System.out.flush();
            }
        }
    }

    @Test
    void twoClientsConfirmingTheSameUnitEndWithOneUnit() {
        AtomicReference<String> url0 = new AtomicReference<>(SolrCloudExtension.cloud().url(0));
        AtomicReference<String> url1 = new AtomicReference<>(SolrCloudExtension.cloud().url(1));
        try (TranslationMemory ana = TranslationMemory.open(tmp.resolve("ana"));
             TranslationMemory rui = TranslationMemory.open(tmp.resolve("rui"));
             TeamTm deskA = desk(ana, tmp.resolve("qa.log"), url0);
             TeamTm deskR = desk(rui, tmp.resolve("qr.log"), url1)) {
            TmUnit same = unit("k:decl|ru|en|p7", "ana", "Мы не отступим.", "We will not back down.");
            ana.update(List.of(same), List.of());
            rui.update(List.of(same), List.of());
            assertThat(deskA.pushedCount() + deskR.pushedCount()).as("the second finds it there and sends nothing")
                    .isEqualTo(1);
            TmUnit ruis = unit("k:decl|ru|en|p7", "rui", "Мы не отступим.", "We shall not retreat.");
            rui.update(List.of(ruis), List.of());
            assertThat(server().stats().units()).isEqualTo(1);
            assertThat(server().get("k:decl|ru|en|p7")).isEqualTo(ruis);
            assertThat(deskA.lookupSourced(TmQuery.of("Мы не отступим.", "ru", "en")))
                    .extracting(s -> s.match().target().text()).containsExactly("We will not back down.");
        }
    }
}
