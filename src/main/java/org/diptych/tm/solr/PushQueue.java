package org.diptych.tm.solr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.diptych.DiptychException;
import org.diptych.tm.TmBackendSupport;
import org.diptych.tm.TmUnit;

/**
 * The units a desk must still push to its team TM, kept in one append-only file ({@code team/outbox.log} of
 * the project) so that they survive a server that is down, a closed app and a killed process.
 *
 * <pre>
 * P &lt;unit, base64 of the embedded TM's binary form&gt; &lt;crc32 hex&gt;   a unit to push
 * A &lt;n&gt; &lt;crc32 hex&gt;                                            the first n P records are on the server
 * </pre>
 *
 * <p>Each append is one write of whole lines, forced before it returns; a line cut short by a crash (no
 * newline, or a CRC that does not match) ends the file: it is dropped, with anything after it, when the
 * file is next opened. Records are acknowledged only after the server took them; one acknowledged but not
 * marked (a crash in between) is sent again, which the server takes as the same unit (units are identified
 * by id), and {@link TeamTm} skips units the server already has as they are. When every record is
 * acknowledged the file is replaced by an empty one (a new file renamed over it). Thread-safe.
 */
public final class PushQueue {
    private final Path file;
    private final List<TmUnit> records = new ArrayList<>();
    private int acked;

    private PushQueue(Path file) {
        this.file = file;
    }

    /** Opens (creating the folder) the queue file, dropping a torn last line. */
    public static PushQueue open(Path file) {
        PushQueue q = new PushQueue(file);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) q.read();
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read the team TM's queue (" + e.getMessage() + ")", e);
        }
        return q;
    }

    public Path file() {
        return file;
    }

    private void read() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int pos = 0;
        int good = 0;
        while (pos < all.length) {
            int nl = -1;
            for (int i = pos; i < all.length; i++) {
                if (all[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) break;
            String line = new String(all, pos, nl - pos, StandardCharsets.US_ASCII);
            if (!apply(line)) break;
            pos = nl + 1;
            good = pos;
        }
        if (good < all.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(good);
                ch.force(true);
            }
        }
    }

    private boolean apply(String line) {
        String[] p = line.split(" ");
        if (p.length != 3) return false;
        String body = p[0] + " " + p[1];
        if (!crc(body).equals(p[2])) return false;
        try {
            if (p[0].equals("P")) {
                records.add(TmBackendSupport.decode(Base64.getDecoder().decode(p[1])));
                return true;
            }
            if (p[0].equals("A")) {
                int n = Integer.parseInt(p[1]);
                if (n < acked || n > records.size()) return false;
                acked = n;
                return true;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private static String crc(String body) {
        CRC32 c = new CRC32();
        c.update(body.getBytes(StandardCharsets.US_ASCII));
        return Long.toHexString(c.getValue());
    }

    private static String line(String kind, String value) {
        String body = kind + " " + value;
        return body + " " + crc(body) + "\n";
    }

    /** Adds units to push, durably (one forced append). */
    public synchronized void add(List<TmUnit> units) {
        if (units.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (TmUnit u : units) sb.append(line("P", Base64.getEncoder().encodeToString(TmBackendSupport.encode(u))));
        append(sb.toString());
        records.addAll(units);
    }

    /** The units not yet on the server: the latest of each id, in the order they were queued. */
    public synchronized Pending pending() {
        Map<String, TmUnit> latest = new LinkedHashMap<>();
        for (TmUnit u : records.subList(acked, records.size())) {
            latest.remove(u.id());
            latest.put(u.id(), u);
        }
        return new Pending(List.copyOf(latest.values()), records.size());
    }

    /**
     * Units to push and the mark that acknowledges them.
     *
     * @param units the latest unit of each id
     * @param upTo  pass to {@link #ack} once the server has them
     */
    public record Pending(List<TmUnit> units, int upTo) {}

    /** Marks the records up to {@code upTo} as on the server (durably); empties the file when all are. */
    public synchronized void ack(int upTo) {
        if (upTo <= acked) return;
        append(line("A", String.valueOf(upTo)));
        acked = upTo;
        if (acked == records.size()) {
            try {
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".tmp");
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                records.clear();
                acked = 0;
            } catch (IOException e) {
                // the acknowledged records stay in the file; they are skipped when it is read
            }
        }
    }

    /** How many queued units are not yet on the server (counting each id once). */
    public synchronized int size() {
        return pending().units().size();
    }

    private void append(String text) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            long before = ch.size();
            try {
                ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            } catch (IOException e) {
                // a full disk: no half line may stay in front of later records
                ch.truncate(before);
                throw e;
            }
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot write the team TM's queue (" + e.getMessage() + ")", e);
        }
    }
}
