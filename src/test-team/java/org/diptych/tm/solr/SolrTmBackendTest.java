package org.diptych.tm.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.diptych.tm.TmBackend;
import org.diptych.tm.TmBackendContract;
import org.diptych.tm.TmUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backend contract on a team TM in a two-node SolrCloud: the collection (two shards, one replica each,
 * so every lookup is a distributed search) is made by {@link SolrTeam#setup}, as 'diptych tm solr-setup'
 * makes it, and emptied before each test.
 */
@ExtendWith(SolrCloudExtension.class)
class SolrTmBackendTest extends TmBackendContract {
    static final String COLLECTION = "contract";
    private static SolrClient client;

    @BeforeAll
    static void createCollection() {
        TeamTmConfig config = new TeamTmConfig(SolrCloudExtension.cloud().url(0), COLLECTION, null);
        assertThat(SolrTeam.setup(config, null, 2, 1)).isIn(SolrTeam.SetupResult.CREATED, SolrTeam.SetupResult.ALREADY_THERE);
        assertThat(SolrTeam.setup(config, null, 2, 1)).isEqualTo(SolrTeam.SetupResult.ALREADY_THERE);
        client = SolrTeam.client(SolrCloudExtension.cloud().url(1), null, null);
    }

    @AfterAll
    static void closeClient() throws Exception {
        if (client != null) client.close();
    }

    /** More ids than a URL holds (the server answered 414 to a GET of 1,000), ids with commas, one id alone. */
    @Test
    void getAllOfAThousandsIdsAndIdsWithCommas() throws Exception {
        SolrTmBackend b = (SolrTmBackend) openEmpty(null);
        List<TmUnit> units = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            units.add(PushQueueTest.unit("k:2024-03-08-strike|ru|en|p" + i + ",s" + i, "Забастовка, день " + i + ".",
                    "The strike, day " + i + "."));
        }
        b.update(units, List.of());
        List<String> ids = units.stream().map(TmUnit::id).toList();
        Map<String, TmUnit> got = b.getAll(ids);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(got.get(ids.get(1234))).isEqualTo(units.get(1234));
        assertThat(b.get(ids.get(7))).isEqualTo(units.get(7));
        assertThat(b.getAll(List.of("k:none"))).isEmpty();
    }

    @Override
    protected TmBackend openEmpty(Path dir) throws Exception {
        UpdateRequest clear = new UpdateRequest();
        clear.deleteByQuery("*:*");
        clear.setAction(UpdateRequest.ACTION.COMMIT, true, true, true);
        clear.process(client, COLLECTION);
        SolrTmBackend b = new SolrTmBackend(client, COLLECTION, "test collection " + COLLECTION, false);
        b.checkSchema();
        return b;
    }
}
