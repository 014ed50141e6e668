package org.diptych.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Crash-safe file replacement: the new content goes to a temporary file in the same folder, is forced to
 * disk, and is renamed over the target in one atomic step. A reader sees either the old file or the new
 * one, never a mix; a crash leaves the old file (and at worst a stray {@code .<name>.<n>.tmp} file, removed
 * by {@link #cleanTemps} under the project lock) behind. A target that is a symbolic link is refused, never
 * followed.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Names of the temporary files this class makes: {@code .<target name>.<digits or hex>.tmp}. */
    static final Pattern TEMP = Pattern.compile("\\..+\\.[0-9a-f]{6,20}\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Writes {@code content} to {@code target} atomically. If {@code backup} is not null and the target
     * exists, the previous content is first copied there (itself atomically).
     */
    public static void write(Path target, byte[] content, Path backup) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        refuseLink(target);
        if (backup != null && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            writeRaw(backup, Files.readAllBytes(target));
        }
        writeRaw(target, content);
    }

    private static void writeRaw(Path target, byte[] content) throws IOException {
        refuseLink(target);
        Path tmp = writeTemp(target, content);
        try {
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes {@code content} to a new temporary file beside {@code target}, forced to disk, and returns it.
     * On failure (a full disk) the temporary file is removed again.
     */
    static Path writeTemp(Path target, byte[] content) throws IOException {
        return writeTemp(target, content, true);
    }

    /**
     * As {@link #writeTemp(Path, byte[])}; without {@code force} the caller forces the file itself
     * ({@link #force}), so that a batch of files is written first and then forced one after the other.
     */
    static Path writeTemp(Path target, byte[] content, boolean force) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            byte[] r = new byte[6];
            RANDOM.nextBytes(r);
            Path t = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(r) + ".tmp");
            try {
                Faults.charge(0);
                Files.createFile(t);
                tmp = t;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) throw e;
            }
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                int allowed = Faults.charge(content.length);
                if (allowed < content.length) {
                    ch.write(ByteBuffer.wrap(content, 0, allowed));
                    throw new FileSystemException(tmp.toString(), null, "No space left on device");
                }
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (force) ch.force(true);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Forces a file written by {@link #writeTemp(Path, byte[], boolean)} to disk. */
    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ch.force(true);
        }
    }

    /** Renames a temporary file from {@link #writeTemp} over {@code target} (atomically where possible). */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        moveIntoPlace(tmp, target, true);
    }

    /**
     * As {@link #moveIntoPlace(Path, Path)}; without {@code syncDir} the caller forces the target's folder
     * itself ({@link #syncDirectory}) once after all the renames of a batch into it.
     */
    static void moveIntoPlace(Path tmp, Path target, boolean syncDir) throws IOException {
        refuseLink(target);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (syncDir) syncDirectory(target.toAbsolutePath().getParent());
    }

    private static void refuseLink(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new FileSystemException(target.toString(), null, "is a symbolic link; not followed");
        }
    }

    /**
     * Removes the temporary files a crash left in {@code dir} and its sub-folders (without following links,
     * skipping the folders named in {@code skip}); returns how many. Call it only while holding the lock
     * that guards {@code dir}, so that no running write loses its temporary file.
     */
    public static int cleanTemps(Path dir, Set<String> skip) {
        int[] n = {0};
        clean(dir, skip, n, 0);
        return n[0];
    }

    private static void clean(Path dir, Set<String> skip, int[] n, int depth) {
        if (depth > 8) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (SafePaths.isDirectory(p)) {
                    if (!skip.contains(name)) clean(p, Set.of(), n, depth + 1);
                } else if (TEMP.matcher(name).matches() && SafePaths.isRegularFile(p)) {
                    try {
                        Files.delete(p);
                        n[0]++;
                    } catch (IOException ignored) {
                        // left for next time
                    }
                }
            }
        } catch (IOException ignored) {
            // unreadable folder: nothing to clean there
        }
    }

    /** Forces a directory entry change (the rename) to disk where the platform allows it. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not possible on every platform (Windows); the rename itself is still atomic.
        }
    }

    /**
     * Fault injection for tests and the fault benchmark: after {@link #failAfterBytes(long)} the writes of
     * this class behave like a disk that fills up after that many more bytes ("No space left on device").
     * Off unless a test turns it on.
     */
    public static final class Faults {
        private static final AtomicLong BUDGET = new AtomicLong(-1);

        private Faults() {}

        /** The disk is full after {@code bytes} more bytes (each new file costs one byte of directory space). */
        public static void failAfterBytes(long bytes) {
            BUDGET.set(bytes);
        }

        /** Writes succeed again. */
        public static void clear() {
            BUDGET.set(-1);
        }

        /** How many of {@code bytes} (plus one for a new file when 0) fit; throws when nothing does. */
        static int charge(int bytes) throws IOException {
            long b = BUDGET.get();
            if (b < 0) return bytes;
            long cost = Math.max(bytes, 1);
            long left = BUDGET.addAndGet(-cost);
            if (left >= 0) return bytes;
            BUDGET.set(0);
            int allowed = (int) Math.max(0, b);
            if (bytes == 0 || allowed == 0) throw new FileSystemException(null, null, "No space left on device");
            return Math.min(bytes, allowed);
        }
    }
}
