package org.diptych.tm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import org.diptych.project.AtomicFiles;

/**
 * The TM's append-only journal of small changes (units put or deleted by feeding, usage counts) made since
 * the TMX record was last written. Each line carries a sequence number and a CRC; a line cut short by a
 * crash fails its CRC and is dropped with everything after it, so the journal always holds a prefix of
 * the changes that were made. The first line names the TMX generation the journal applies to: once a
 * new record that already contains the changes is in place, an older journal is recognised and dropped.
 *
 * <pre>
 * DIPTYCH-TM-JOURNAL 1 base=&lt;generation&gt;
 * P &lt;seq&gt; &lt;crc32&gt; &lt;base64 unit&gt;      put (insert or replace) a unit
 * D &lt;seq&gt; &lt;crc32&gt; &lt;base64 id&gt;        delete a unit
 * </pre>
 */
final class Journal implements AutoCloseable {
    static final String MAGIC = "DIPTYCH-TM-JOURNAL 1 base=";

    /** One change: {@code unit} to put, or {@code deleteId} to delete. */
    record Op(long seq, TmUnit unit, String deleteId) {
        String id() {
            return unit != null ? unit.id() : deleteId;
        }
    }

    private final Path file;
    private final long base;
    private final List<Op> ops;
    private FileChannel channel;

    private Journal(Path file, long base, List<Op> ops) {
        this.file = file;
        this.base = base;
        this.ops = ops;
    }

    /**
     * Opens the journal of a record of the given generation, creating or resetting it as needed (a journal
     * of another generation is already folded into the record, or belongs to a record that is gone).
     */
    static Journal open(Path file, long generation) throws IOException {
        if (Files.exists(file)) {
            List<Op> ops = new ArrayList<>();
            long goodBytes = 0;
            Long base = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                String header = r.readLine();
                if (header != null && header.startsWith(MAGIC)) {
                    try {
                        base = Long.parseLong(header.substring(MAGIC.length()).trim());
                        goodBytes = header.getBytes(StandardCharsets.UTF_8).length + 1;
                    } catch (NumberFormatException e) {
                        base = null;
                    }
                }
                if (base != null && base == generation) {
                    String line;
                    long lastSeq = 0;
                    while ((line = r.readLine()) != null) {
                        Op op = parse(line);
                        if (op == null || op.seq() != lastSeq + 1) break;
                        ops.add(op);
                        lastSeq = op.seq();
                        goodBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                    }
                }
            }
            if (base != null && base == generation) {
                if (goodBytes < Files.size(file)) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.truncate(goodBytes);
                        ch.force(true);
                    }
                }
                Journal j = new Journal(file, generation, ops);
                j.openChannel();
                return j;
            }
        }
        return reset(file, generation);
    }

    /** Replaces the journal by an empty one for the given record generation (atomically). */
    static Journal reset(Path file, long generation) throws IOException {
        AtomicFiles.write(file, (MAGIC + generation + "\n").getBytes(StandardCharsets.UTF_8), null);
        Journal j = new Journal(file, generation, new ArrayList<>());
        j.openChannel();
        return j;
    }

    private void openChannel() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    long base() {
        return base;
    }

    /** The changes in order. */
    List<Op> ops() {
        return java.util.Collections.unmodifiableList(ops);
    }

    long lastSeq() {
        return ops.isEmpty() ? 0 : ops.get(ops.size() - 1).seq();
    }

    /**
     * Appends changes and forces them to disk before returning; they get consecutive sequence numbers.
     *
     * @return the ops as appended (with their numbers)
     */
    List<Op> append(List<TmUnit> puts, List<String> deletes) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Op> added = new ArrayList<>();
        long seq = lastSeq();
        for (TmUnit u : puts) {
            Op op = new Op(++seq, u, null);
            sb.append(line('P', op.seq(), UnitCodec.encode(u))).append('\n');
            added.add(op);
        }
        for (String id : deletes) {
            Op op = new Op(++seq, null, id);
            sb.append(line('D', op.seq(), id.getBytes(StandardCharsets.UTF_8))).append('\n');
            added.add(op);
        }
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) channel.write(buf);
        channel.force(false);
        ops.addAll(added);
        return added;
    }

    private static String line(char kind, long seq, byte[] payload) {
        String b64 = Base64.getEncoder().encodeToString(payload);
        return kind + " " + seq + " " + HexFormat.of().toHexDigits((int) crc(kind, seq, b64)) + " " + b64;
    }

    private static long crc(char kind, long seq, String b64) {
        CRC32 c = new CRC32();
        c.update((kind + " " + seq + " " + b64).getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    private static Op parse(String line) {
        String[] p = line.split(" ", 4);
        if (p.length != 4 || p[0].length() != 1) return null;
        try {
            char kind = p[0].charAt(0);
            long seq = Long.parseLong(p[1]);
            if (!HexFormat.of().toHexDigits((int) crc(kind, seq, p[3])).equals(p[2])) return null;
            byte[] payload = Base64.getDecoder().decode(p[3]);
            return switch (kind) {
                case 'P' -> new Op(seq, UnitCodec.decode(payload, 0, payload.length), null);
                case 'D' -> new Op(seq, null, new String(payload, StandardCharsets.UTF_8));
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
    }
}
