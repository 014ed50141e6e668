package org.diptych.tm.solr;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.ContentStreamBase;

import org.diptych.DiptychException;

/**
 * Talking to a team's SolrCloud: the HTTP client (SolrJ's {@code HttpJdkSolrClient} on the JDK's own
 * {@code java.net.http}, so the app carries no Jetty, no ZooKeeper client), Solr's errors as one-line
 * messages, and {@link #setup}: the configset upload and the collection's creation through Solr's
 * Configsets and Collections APIs.
 */
public final class SolrTeam {
    /** Connection timeout: an unreachable server must not hold the desk long. */
    public static final long CONNECT_TIMEOUT_MS = 3_000;
    public static final long REQUEST_TIMEOUT_MS = 60_000;

    private SolrTeam() {}

    /** A client of a Solr base URL, with basic authentication when a user is given. */
    public static SolrClient client(String solrUrl, String user, String password) {
        HttpJdkSolrClient.Builder b = new HttpJdkSolrClient.Builder(TeamTmConfig.checkUrl(solrUrl))
                .withConnectionTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .withRequestTimeout(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .useHttp1_1(true);
        if (user != null) b.withBasicAuthCredentials(user, password == null ? "" : password);
        return b.build();
    }

    /** The schema name of a collection (Schema API). */
    static String schemaName(SolrClient client, String collection, String where) {
        try {
            return new SchemaRequest.SchemaName().process(client, collection).getSchemaName();
        } catch (SolrServerException | IOException | SolrException e) {
            throw failure(where, e);
        }
    }

    /**
     * One line for a failure talking to the server: {@link TeamUnavailableException} when it cannot be
     * reached or failed on its side (try again later), a {@link DiptychException} when it refused the request
     * (authentication, no such collection).
     */
    static DiptychException failure(String where, Exception e) {
        if (e instanceof SolrException se) {
            int code = se.code();
            if (code == 401) return new DiptychException(where + ": the server wants a user and password (HTTP 401); "
                    + "connect with --user and give the password", e);
            if (code == 403) return new DiptychException(where + ": this user may not do that (HTTP 403)", e);
            if (code == 404) return new DiptychException(where + ": no such collection or Solr URL (HTTP 404)", e);
            if (code >= 500 || code <= 0) {
                return new TeamUnavailableException(where + ": the server failed (" + firstLine(se.getMessage()) + ")", e);
            }
            return new DiptychException(where + ": the server refused the request (" + firstLine(se.getMessage()) + ")", e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String why = root instanceof ConnectException ? "connection refused"
                : root instanceof java.net.http.HttpTimeoutException || root instanceof java.net.SocketTimeoutException ? "timed out"
                : root instanceof java.nio.channels.UnresolvedAddressException || root instanceof java.net.UnknownHostException ? "unknown host"
                : firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        return new TeamUnavailableException(where + ": unreachable (" + why + ")", e);
    }

    private static String firstLine(String s) {
        if (s == null) return "no message";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** What {@link #setup} did. */
    public enum SetupResult { CREATED, ALREADY_THERE }

    /**
     * Creates the team TM collection: uploads the configset {@value SolrTmSchema#NAME} (once per cluster;
     * Configsets API) and creates the collection with it (Collections API). A collection of that name that is
     * already a Diptych TM of this schema is left as it is; one of another schema is refused.
     */
    public static SetupResult setup(TeamTmConfig config, String password, int shards, int replicas) {
        if (shards < 1 || replicas < 1) throw new DiptychException("--shards and --replicas must be at least 1");
        String where = config.describe();
        try (SolrClient c = client(config.solrUrl(), config.user(), password)) {
            List<String> collections = CollectionAdminRequest.listCollections(c);
            if (collections.contains(config.collection())) {
                String name = schemaName(c, config.collection(), where);
                if (SolrTmSchema.NAME.equals(name)) return SetupResult.ALREADY_THERE;
                throw new DiptychException(where + ": the collection exists and is not a Diptych team TM (schema '"
                        + name + "'); choose another name");
            }
            List<String> configSets = new ConfigSetAdminRequest.List().process(c).getConfigSets();
            if (!configSets.contains(SolrTmSchema.NAME)) {
                new ConfigSetAdminRequest.Upload()
                        .setConfigSetName(SolrTmSchema.NAME)
                        .setUploadStream(new ContentStreamBase.ByteArrayStream(SolrTmSchema.zip(),
                                SolrTmSchema.NAME + ".zip", "application/zip"))
                        .process(c);
            }
            CollectionAdminRequest.createCollection(config.collection(), SolrTmSchema.NAME, shards, replicas)
                    .process(c);
            return SetupResult.CREATED;
        } catch (SolrServerException | IOException | SolrException e) {
            throw failure(where, e);
        }
    }
}
