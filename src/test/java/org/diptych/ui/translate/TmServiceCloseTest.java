package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.tm.TmUnit;
import org.diptych.tm.TmVariant;
import org.diptych.tm.TranslationMemory;
import org.diptych.tm.solr.PushQueue;
import org.diptych.tm.solr.SolrTmBackend;
import org.diptych.tm.solr.TeamTm;
import org.diptych.tm.solr.TeamTmConfig;

/**
 * Closing the desk with a team TM whose server accepts connections and never answers (a socket nobody
 * reads): the last push is left running on its own thread instead of holding the closing desk for the
 * client's request timeout, and the unit stays in the project's queue for the next run.
 */
class TmServiceCloseTest {
    @TempDir
    Path tmp;

    @Test
    void aSilentServerDoesNotHoldTheClosingDesk() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TeamTmConfig config = new TeamTmConfig("http://127.0.0.1:" + silent.getLocalPort() + "/solr", "team", null);
            Path queue = tmp.resolve("project/team/outbox.log");
            try (TranslationMemory local = TranslationMemory.open(tmp.resolve("tm"))) {
                PushQueue q = PushQueue.open(queue);
                TeamTm team = new TeamTm(local, config, () -> SolrTmBackend.connect(config, null), q, System::currentTimeMillis);
                q.add(List.of(new TmUnit("k:s|ru|en|p1", Map.of("creationid", "olga"), List.of(),
                        List.of(TmVariant.plain("ru", "Хлеб и мир."), TmVariant.plain("en", "Bread and peace.")))));
                TmService.pushAndClose(team, 300);
                Thread push = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("diptych-team-push") && t.isAlive()).findFirst().orElse(null);
                assertThat(push).as("the push waits on the silent server, the desk does not").isNotNull();
                assertThat(PushQueue.open(queue).size()).isEqualTo(1);
            }
        }
    }
}
