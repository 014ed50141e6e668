package org.diptych.tm.solr;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.diptych.DiptychException;
import org.diptych.project.AtomicFiles;
import org.diptych.project.Project;

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

    /** The project's team TM settings file. */
    public static final String FILE = "team.json";

    /** The team TM a project names, or {@code null}. */
    public static TeamTmConfig load(Path projectDir) {
        Path f = projectDir.resolve(FILE);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) throw new DiptychException(f + ": not a regular file; not read");
        try {
            JsonNode n = Project.json().readTree(f.toFile());
            if (n == null || !n.hasNonNull("solr") || !n.hasNonNull("collection")) {
                throw new DiptychException(f + ": names no Solr URL and collection");
            }
            return new TeamTmConfig(n.get("solr").asText(), n.get("collection").asText(),
                    n.hasNonNull("user") ? n.get("user").asText() : null);
        } catch (IOException e) {
            throw new DiptychException(f + ": not readable team TM settings (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the settings into the project (atomically); never a password. */
    public void save(Path projectDir) {
        Path f = projectDir.resolve(FILE);
        if (Files.isSymbolicLink(f)) throw new DiptychException(f + ": is a symbolic link; not written");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("solr", solrUrl);
        m.put("collection", collection);
        if (user != null) m.put("user", user);
        try {
            AtomicFiles.write(f, Project.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(m), null);
        } catch (IOException e) {
            throw new DiptychException(f + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Removes the project's team TM (the local TM stays as it is). */
    public static boolean remove(Path projectDir) {
        try {
            return Files.deleteIfExists(projectDir.resolve(FILE));
        } catch (IOException e) {
            throw new DiptychException(projectDir.resolve(FILE) + ": cannot remove (" + e.getMessage() + ")", e);
        }
    }

    /** {@code http://host:8983/solr collection tm}, for messages. */
    public String describe() {
        return solrUrl + " collection " + collection;
    }
}
