package org.diptych.tm.solr;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real SolrCloud for the team tests of a run: two Solr nodes and an embedded ZooKeeper in this JVM
 * ({@code solr-test-framework}'s {@link MiniSolrCloudCluster}), started once, shut down at the end of the run.
 */
public final class SolrCloudExtension implements BeforeAllCallback {
    /** The running cluster and its folder. */
    public record Cloud(MiniSolrCloudCluster cluster, Path dir) implements ExtensionContext.Store.CloseableResource {
        public String url(int node) {
            return cluster.getJettySolrRunner(node).getBaseUrl().toString();
        }

        @Override
        public void close() throws Exception {
            cluster.shutdown();
        }
    }

    private static volatile Cloud cloud;

    public static Cloud cloud() {
        return cloud;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SolrCloudExtension.class) {
            if (cloud != null) return;
            Path dir = Files.createTempDirectory("diptych-solrcloud");
            System.setProperty("solr.allowPaths", "*");
            MiniSolrCloudCluster c = new MiniSolrCloudCluster.Builder(2, dir).build();
            cloud = new Cloud(c, dir);
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("diptych-solrcloud", cloud);
        }
    }
}
