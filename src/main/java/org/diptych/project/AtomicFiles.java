package org.diptych.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file replacement: the new content goes to a temporary file in the same folder, is forced to
 * disk, and is renamed over the target in one atomic step. A reader sees either the old file or the new
 * one, never a mix; a crash leaves the old file (and at worst a stray {@code .tmp} file) behind.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Writes {@code content} to {@code target} atomically. If {@code backup} is not null and the target
     * exists, the previous content is first copied there (itself atomically).
     */
    public static void write(Path target, byte[] content, Path backup) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (backup != null && Files.exists(target)) {
            writeRaw(backup, Files.readAllBytes(target));
        }
        writeRaw(target, content);
    }

    private static void writeRaw(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Forces a directory entry change (the rename) to disk where the platform allows it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not possible on every platform (Windows); the rename itself is still atomic.
        }
    }
}
