package org.diptych.project;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

import org.diptych.DiptychException;

/**
 * Keeps a second process from writing the same project. The lock file {@code .diptych.lock} holds the
 * owner's pid, host and start time, and is also held with an OS file lock while the project is open. A
 * lock file whose process is gone (OS lock free and pid not alive on this host) is stale and is taken
 * over. The file is never deleted (see {@link #close()}), never followed when it is a symbolic link, and a
 * holder checks after locking that the path still names the file it locked.
 */
public final class ProjectLock implements AutoCloseable {
    public static final String FILE = ".diptych.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Lock files held by this JVM. POSIX releases all of a process's locks on a file when any descriptor
     * of it is closed, so a second attempt from this JVM must be refused before a channel is opened.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static ProjectLock acquire(Path projectDir) {
        Path file = projectDir.resolve(FILE).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            throw new DiptychException(projectDir + ": project is already open for writing in this Diptych window");
        }
        FileChannel ch = null;
        try {
            for (int attempt = 0; ; attempt++) {
                if (Files.isSymbolicLink(file)) {
                    // a cloned project: opening it would write into whatever the link names
                    throw new DiptychException(file + ": is a symbolic link; remove it (a lock file is never followed)");
                }
                boolean created = false;
                Object before;
                try {
                    ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    created = true;
                    before = fileKey(file);
                } catch (FileAlreadyExistsException e) {
                    before = fileKey(file);
                    ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                }
                FileLock fl;
                try {
                    fl = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    fl = null; // held by this very JVM
                }
                if (fl == null) {
                    String owner = describeOwner(file);
                    ch.close();
                    HELD.remove(file);
                    throw new DiptychException(projectDir + ": project is open in another Diptych process (" + owner + ")");
                }
                // The file we locked must still be the one at the path: a lock file removed (by hand, or by an
                // older Diptych that deleted it on close) between our open and our lock is an orphan that the
                // next process would not see. The path must name the same file (inode) before the open and
                // after the lock; otherwise try again. (A stat, not an open: closing a second descriptor of the
                // file would drop our POSIX lock.)
                Object after = fileKey(file);
                if (before == null || !before.equals(after)) {
                    fl.release();
                    ch.close();
                    ch = null;
                    if (attempt > 50) throw new IOException("the lock file keeps changing");
                    continue;
                }
                // We hold the OS lock, so whoever wrote the file before us is gone: a stale lock is taken over.
                String me = ProcessHandle.current().pid() + " " + hostName() + " " + Instant.now();
                byte[] mine = me.getBytes(StandardCharsets.UTF_8);
                try {
                    ch.truncate(0);
                    ch.write(java.nio.ByteBuffer.wrap(mine), 0);
                    ch.force(true);
                } catch (IOException e) {
                    // a full disk: leave no empty lock file behind (removed while we still hold it; anyone who
                    // opened it meanwhile finds it is no longer the file at the path and tries again)
                    if (created || ch.size() == 0) Files.deleteIfExists(file);
                    throw e;
                }
                return new ProjectLock(file, ch, fl);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            HELD.remove(file);
            if (e instanceof DiptychException de) throw de;
            throw new DiptychException(file + ": cannot lock project (" + Messages.oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    /** The file's identity (inode) at the path, without following a link; {@code null} if it is gone. */
    private static Object fileKey(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) throw new IOException("not a regular file");
            // no inode on some platforms (Windows, where an open file cannot be deleted anyway)
            return a.fileKey() != null ? a.fileKey() : "no-key";
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static String describeOwner(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            String[] parts = s.split(" ");
            return parts.length >= 2 ? "pid " + parts[0] + " on " + parts[1] : "unknown owner";
        } catch (IOException e) {
            return "unknown owner";
        }
    }

    static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "localhost";
            }
        }
        return h.replace(' ', '_');
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // channel close below releases it anyway
        }
        // The lock file is never deleted: another process may have it open and be about to lock it, and it
        // would then hold a lock on a file nobody else sees. Left in place, it is stale and taken over.
        closeQuietly(channel);
        HELD.remove(file);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
