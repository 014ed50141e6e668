package org.diptych.tm.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.diptych.tm.TmBackend;
import org.diptych.tm.TmBackendContract;
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
