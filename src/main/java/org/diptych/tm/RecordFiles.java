package org.diptych.tm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Files of the TM folder written whole: the record and the segments of imports. Each is written as a
 * temporary file beside its final name ({@code .NAME.*.tmp}), forced to disk with its length and CRC-32
 * known, then renamed into place; the journal names it with that length and CRC, which are checked when
 * it is read again.
 */
final class RecordFiles {
    private RecordFiles() {}

    /** A file written and forced, not yet in place. */
    record Written(Path tmp, long length, long crc, long units) {}

    interface Body {
        /** Writes the units; returns how many. */
        long write(TmxWriter w) throws IOException;
    }

    /** Writes a TMX file with the given header props as a temporary file beside {@code target}. */
    static Written writeTmx(Path target, Map<String, String> headerProps, Body body) throws IOException {
        List<TmMeta> meta = new ArrayList<>();
        for (Map.Entry<String, String> e : headerProps.entrySet()) meta.add(TmMeta.prop(e.getKey(), e.getValue()));
        return writeTmx(target, null, meta, body);
    }

    /**
     * Writes a TMX file with that header (attributes, or {@code null} for Diptych's; props and notes) as a
     * temporary file beside {@code target}.
     */
    static Written writeTmx(Path target, Map<String, String> headerAttributes, List<TmMeta> headerMeta, Body body)
            throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            CRC32 crc = new CRC32();
            CheckedOutputStream os = new CheckedOutputStream(Channels.newOutputStream(ch), crc);
            TmxWriter w = new TmxWriter(os, headerAttributes, headerMeta);
            long n = body.write(w);
            w.finish();
            os.flush();
            ch.force(true);
            return new Written(tmp, ch.size(), crc.getValue(), n);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Length and CRC-32 of a file, {length, crc}. */
    static long[] checksum(Path file) throws IOException {
        CRC32 crc = new CRC32();
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                crc.update(buf, 0, r);
                n += r;
            }
        }
        return new long[] {n, crc.getValue()};
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDir(to.toAbsolutePath().getParent());
    }

    static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // directories cannot be synced on every platform
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // removed under the lock at the next open
        }
    }
}
