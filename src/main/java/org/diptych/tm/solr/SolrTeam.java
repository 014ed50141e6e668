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
    /**
     * Request timeout of a project's team TM ({@link TeamTm}: the desk's lookups, pushes of at most 1,000
     * units): a server that accepts connections and does not answer holds the TM thread this long at most,
     * then the desk works on the local TM and tries again after {@link TeamTm#RETRY_MS}.
     */
    public static final long TEAM_REQUEST_TIMEOUT_MS = 10_000;

    private SolrTeam() {}

    /** A client of a Solr base URL, with basic authentication when a user is given. */
    public static SolrClient client(String solrUrl, String user, String password) {
        return client(solrUrl, user, password, REQUEST_TIMEOUT_MS);
    }

    /** {@link #client(String, String, String)} with its own request timeout. */
    public static SolrClient client(String solrUrl, String user, String password, long requestTimeoutMs) {
        HttpJdkSolrClient.Builder b = new HttpJdkSolrClient.Builder(TeamTmConfig.checkUrl(solrUrl))
                .withConnectionTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .withRequestTimeout(requestTimeoutMs, TimeUnit.MILLISECONDS)
                .useHttp1_1(true);
        if (user != null) b.withBasicAuthCredentials(user, password == null ? "" : password);
        return b.build();
    }

    /** The schema name of a collection (Schema API). */
    static String schemaName(SolrClient client, String collection, String where, String user) {
        try {
            return new SchemaRequest.SchemaName().process(client, collection).getSchemaName();
        } catch (SolrServerException | IOException | SolrException e) {
            throw failure(where, user, e);
        }
    }

    /**
     * Tries a team TM as a project would use it (the collection is there with Diptych's schema) and returns
     * its number of units; throws a one-line {@link DiptychException} (a {@link TeamUnavailableException}
     * when the server cannot be reached) otherwise. Bounded by the client's timeouts: run it off the FX thread.
     */
    public static long testConnection(TeamTmConfig config, String password) {
        try (SolrTmBackend b = SolrTmBackend.connect(config, password, TEAM_REQUEST_TIMEOUT_MS)) {
            return b.stats().units();
        }
    }

    /** {@link #failure(String, String, Exception)} of a client without a user. */
    static DiptychException failure(String where, Exception e) {
        return failure(where, null, e);
    }

    /**
     * One line for a failure talking to the server: {@link TeamUnavailableException} when it cannot be
     * reached or failed on its side (try again later), a {@link DiptychException} when it refused the request
     * (authentication, no such collection).
     *
     * @param user the user the client authenticates as, or {@code null} (none): a 401 then means the
     *             password (or the user) is wrong, else that the server wants one
     */
    static DiptychException failure(String where, String user, Exception e) {
        if (e instanceof SolrException se) {
            int code = se.code();
            if (code == 401) {
                return user != null
                        ? new DiptychException("401: wrong user or password for " + user + " at " + where, e)
                        : new DiptychException("401: " + where + " wants a user and password; "
                        + "connect with --user and give the password", e);
            }
            if (code == 403) {
                return new DiptychException("403: " + (user == null ? "an anonymous user" : user)
                        + " may not do that at " + where, e);
            }
            if (code == 404) return new DiptychException(where + ": no such collection or Solr URL (HTTP 404)", e);
            if (code >= 500 || code <= 0) {
                return new TeamUnavailableException(where + ": the server failed (" + firstLine(se.getMessage()) + ")", e);
            }
            return new DiptychException(where + ": the server refused the request (" + firstLine(se.getMessage()) + ")", e);
        }
        // the JDK's client wraps a refused connection in a ConnectException around a ClosedChannelException:
        // the first cause in the chain that says what happened, else the innermost one's message
        String why = null;
        Throwable root = e;
        for (Throwable t = e; t != null && why == null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            why = t instanceof ConnectException ? "connection refused"
                    : t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException ? "timed out"
                    : t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException ? "unknown host"
                    : null;
        }
        if (why == null) why = firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
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
                String name = schemaName(c, config.collection(), where, config.user());
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
            throw failure(where, config.user(), e);
        }
    }
}
