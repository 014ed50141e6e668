package org.diptych.tm.solr;

import java.net.URI;
import java.net.URISyntaxException;

import org.diptych.DiptychException;

/**
 * Which team TM a project uses: a Solr base URL ({@code http://host:8983/solr}), a collection and the
 * translator's user name for Solr's basic authentication ({@code null}: none). Never a password: that is in
 * the user's own credentials file ({@link TeamCredentials}).
 */
public record TeamTmConfig(String solrUrl, String collection, String user) {
    public TeamTmConfig {
        solrUrl = checkUrl(solrUrl);
        if (collection == null || !collection.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new DiptychException("'" + collection + "' is not a Solr collection name (letters, digits, . _ -)");
        }
        if (user != null && user.isBlank()) user = null;
        if (user != null && (user.contains(":") || user.chars().anyMatch(Character::isISOControl))) {
            throw new DiptychException("'" + user + "' is not a user name for basic authentication (no ':')");
        }
    }

    /** The URL without a trailing slash; an error naming it when it is not an http(s) URL with a host. */
    static String checkUrl(String url) {
        if (url == null) throw new DiptychException("no Solr URL given (--solr http://host:8983/solr)");
        String u = url.trim();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        try {
            URI uri = new URI(u);
            String s = uri.getScheme();
            if (s == null || !(s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https")) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getQuery() != null) {
                throw new DiptychException("'" + url + "' is not a Solr URL (http://host:8983/solr; no user or password in it)");
            }
        } catch (URISyntaxException e) {
            throw new DiptychException("'" + url + "' is not a Solr URL (" + e.getReason() + ")");
        }
        return u;
    }

    /** {@code http://host:8983/solr collection tm}, for messages. */
    public String describe() {
        return solrUrl + " collection " + collection;
    }
}
