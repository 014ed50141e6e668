package org.diptych.tm.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.diptych.DiptychException;
import org.diptych.tm.TmMeta;
import org.diptych.tm.TmQuery;
import org.diptych.tm.TmUnit;
import org.diptych.tm.TmVariant;
import org.diptych.tm.TranslationMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project with a team TM whose server cannot be reached: the local TM works on, confirmed units are
 * queued (drafts are not), the server is not asked again before the retry delay. Settings and credentials.
 */
class TeamTmOfflineTest {
    @TempDir
    Path tmp;

    @Test
    void theLocalTmWorksOnAndConfirmedUnitsWaitInTheQueue() {
        TeamTmConfig config = new TeamTmConfig("http://127.0.0.1:9/solr", "team", null);
        AtomicInteger tries = new AtomicInteger();
        AtomicLong now = new AtomicLong(1_000);
        try (TranslationMemory local = TranslationMemory.open(tmp.resolve("tm"));
             TeamTm team = new TeamTm(local, config, () -> {
                 tries.incrementAndGet();
                 // a real client of a port nobody listens on
                 SolrTmBackend b = new SolrTmBackend(SolrTeam.client(config.solrUrl(), null, null), config.collection(),
                         config.describe(), true);
                 b.checkSchema();
                 return b;
             }, PushQueue.open(tmp.resolve("team/outbox.log")), now::get)) {
            TmUnit confirmed = PushQueueTest.unit("k:s|ru|en|p1", "Мы требуем справедливости.", "We demand justice.");
            TmUnit draft = new TmUnit("k:s|ru|en|p2", Map.of(), List.of(TmMeta.prop(TmUnit.PROP_STATUS, TmUnit.DRAFT)),
                    List.of(TmVariant.plain("ru", "Забастовка продолжается."), TmVariant.plain("en", "The strike goes on.")));
            team.update(List.of(confirmed, draft), List.of());
            assertThat(tries).hasValue(1);
            assertThat(team.problem()).contains("127.0.0.1:9").contains("unreachable");
            assertThat(team.waiting()).isEqualTo(1);

            assertThat(team.lookupSourced(TmQuery.of("Мы требуем справедливости.", "ru", "en")))
                    .singleElement().satisfies(s -> {
                        assertThat(s.origin()).isEqualTo(TeamTm.Origin.LOCAL);
                        assertThat(s.member()).isEqualTo("ana");
                        assertThat(s.match().score()).isEqualTo(100);
                    });
            assertThat(tries).as("not asked again within the retry delay").hasValue(1);
            local.update(List.of(PushQueueTest.unit("k:s|ru|en|p3", "Хлеб и мир.", "Bread and peace.")), List.of());
            assertThat(team.waiting()).isEqualTo(2);
            assertThat(tries).hasValue(1);

            now.addAndGet(TeamTm.RETRY_MS);
            assertThat(team.push()).isZero();
            assertThat(tries).hasValue(2);
        }
        assertThat(PushQueue.open(tmp.resolve("team/outbox.log")).size()).as("the queue outlives the app").isEqualTo(2);
    }

    @Test
    void settingsLiveInTheProjectAndThePasswordOnlyInTheUsersPrivateFile() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        new TeamTmConfig("http://solr.example.org:8983/solr/", "manifestos", "ana").save(project);
        TeamTmConfig back = TeamTmConfig.load(project);
        assertThat(back).isEqualTo(new TeamTmConfig("http://solr.example.org:8983/solr", "manifestos", "ana"));
        assertThat(Files.readString(project.resolve(TeamTmConfig.FILE))).doesNotContain("password");

        TeamCredentials c = new TeamCredentials(tmp.resolve("config"));
        c.store(back.solrUrl(), "ana", "s3cret: with spaces=and signs");
        assertThat(new TeamCredentials(tmp.resolve("config")).password(back.solrUrl() + "/", "ana"))
                .isEqualTo("s3cret: with spaces=and signs");
        assertThat(c.password(back.solrUrl(), "rui")).isNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(c.file()))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(c.file(), PosixFilePermissions.fromString("rw-r--r--"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.password(back.solrUrl(), "ana"))
                .isInstanceOf(DiptychException.class).hasMessageContaining("readable by others");
    }

    @Test
    void badUrlsAndNamesAreOneLineErrors() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TeamTmConfig("ftp://x/solr", "a", null))
                .isInstanceOf(DiptychException.class).hasMessageContaining("not a Solr URL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TeamTmConfig("http://ana:pw@x/solr", "a", null))
                .isInstanceOf(DiptychException.class).hasMessageContaining("no user or password in it");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TeamTmConfig("http://x/solr", "a/../b", null))
                .isInstanceOf(DiptychException.class).hasMessageContaining("collection name");
    }
}
