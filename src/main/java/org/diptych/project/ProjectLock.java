package org.diptych.project;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.diptych.DiptychException;

/**
 * Keeps a second process from writing the same project. The lock file {@code .diptych.lock} holds the
 * owner's pid, host and start time, and is also held with an OS file lock while the project is open. A
 * lock file whose process is gone (OS lock free and pid not alive on this host) is stale and is taken
 * over.
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
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            // We hold the OS lock, so whoever wrote the file before us is gone: a stale lock is taken over.
            String me = ProcessHandle.current().pid() + " " + hostName() + " " + Instant.now();
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new ProjectLock(file, ch, fl);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            HELD.remove(file);
            if (e instanceof DiptychException de) throw de;
            throw new DiptychException(file + ": cannot lock project (" + e.getMessage() + ")", e);
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
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover lock file is stale and taken over next time
        }
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
