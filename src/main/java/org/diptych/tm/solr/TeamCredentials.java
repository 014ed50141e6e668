package org.diptych.tm.solr;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;

import org.diptych.DiptychException;

/**
 * The translator's passwords for team TMs, one per Solr URL and user, in {@code team-credentials.properties}
 * in the app's config folder ({@code platform.Locations}): never in a project, which a team shares. On
 * POSIX systems the file is created readable and writable by its owner only (0600) and refused when it has
 * become readable by others; on Windows it lives in the user's own profile folder, which only the user can
 * read. No OS credential store (Secret Service, Keychain, Credential Manager) is used: Java has no standard
 * access to them, each would need a native library or an external tool per OS, and the CLI must work the
 * same over SSH on a machine without a desktop session; a 0600 file is what SSH and Git's credential
 * "store" helper use. Writes are atomic (a 0600 temporary file beside it, forced, renamed).
 */
public final class TeamCredentials {
    public static final String FILE = "team-credentials.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public TeamCredentials(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    private static String key(String solrUrl, String user) {
        return user + "@" + TeamTmConfig.checkUrl(solrUrl);
    }

    /** The stored password of a user at a Solr URL, or {@code null}. */
    public synchronized String password(String solrUrl, String user) {
        if (user == null) return null;
        return read().getProperty(key(solrUrl, user));
    }

    /** Stores (or with {@code null} removes) the password of a user at a Solr URL. */
    public synchronized void store(String solrUrl, String user, String password) {
        Properties p = read();
        if (password == null) p.remove(key(solrUrl, user));
        else p.setProperty(key(solrUrl, user), password);
        StringWriter w = new StringWriter();
        try {
            p.store(w, "Diptych team TM passwords (user@solr-url=password); readable by you only");
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path tmp = posix
                    ? Files.createTempFile(dir, "." + FILE + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, "." + FILE + ".", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(java.nio.ByteBuffer.wrap(w.toString().getBytes(StandardCharsets.ISO_8859_1)));
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot save the password (" + e.getMessage() + ")", e);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return p;
        try {
            if (Files.isSymbolicLink(file)) throw new DiptychException(file + ": is a symbolic link; not read");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                if (!OWNER_ONLY.containsAll(perms)) {
                    throw new DiptychException(file + ": readable by others (" + PosixFilePermissions.toString(perms)
                            + "); make it private with 'chmod 600 " + file + "'");
                }
            }
            p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            return p;
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
