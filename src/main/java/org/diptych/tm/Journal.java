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

/**
 * The TM's append-only journal: every change made since the TMX record ({@code memory.tmx}) was last
 * written, in order. Each line carries a sequence number and a CRC. Changes are appended in <em>steps</em>
 * (one feed, one import): every line of a step but the last has a lower-case kind, so a step cut short
 * by a crash or a full disk (its last line missing or torn) is dropped whole at the next open, and the
 * journal always holds a prefix of the steps that were acknowledged. The first line names the record the
 * journal applies to: its generation, and its length and CRC-32 as written, so that a record cut short or
 * changed outside Diptych is noticed when the TM is opened instead of silently becoming the new record.
 *
 * <pre>
 * DIPTYCH-TM-JOURNAL 2 base=&lt;generation&gt; length=&lt;bytes of memory.tmx, -1 if none&gt; crc=&lt;crc32 hex&gt;
 * P &lt;seq&gt; &lt;crc32&gt; &lt;base64 unit&gt;      put (insert or replace) a unit
 * D &lt;seq&gt; &lt;crc32&gt; &lt;base64 id&gt;        delete a unit
 * S &lt;seq&gt; &lt;crc32&gt; &lt;base64 segment&gt;   add the units of a segment file (an import): name, length, crc, units
 * p, d, s                             the same, more lines of the step follow
 * </pre>
 *
 * <p>Reading ({@link #read}) never changes the file; {@link #open} (recovery: cutting a torn tail) and
 * every write are only done by the process holding the TM's lock.
 */
final class Journal implements AutoCloseable {
    static final String MAGIC = "DIPTYCH-TM-JOURNAL ";
    static final String MAGIC_V1 = "DIPTYCH-TM-JOURNAL 1 base=";

    /** An import's segment file, as the journal names it. */
    record Segment(String name, long length, long crc, long units) {
        String encode() {
            return name + " " + length + " " + Long.toHexString(crc) + " " + units;
        }

        static Segment decode(String s) {
            String[] p = s.split(" ");
            if (p.length != 4 || !p[0].matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException(s);
            return new Segment(p[0], Long.parseLong(p[1]), Long.parseLong(p[2], 16), Long.parseLong(p[3]));
        }
    }

    /** One change: {@code unit} to put, {@code deleteId} to delete, or a {@code segment} to add. */
    record Op(long seq, TmUnit unit, String deleteId, Segment segment) {
        Op(long seq, TmUnit unit, String deleteId) {
            this(seq, unit, deleteId, null);
        }

        String id() {
            return unit != null ? unit.id() : deleteId;
        }
    }

    /** What the first line says about the record; {@code length} -1: no record. */
    record Header(long generation, long length, long crc, boolean checked) {
        String line() {
            return MAGIC + "2 base=" + generation + " length=" + length + " crc=" + Long.toHexString(crc);
        }
    }

    /** The content of a journal file as read: header (null if none or unreadable), complete steps, good bytes. */
    record Parsed(Header header, List<Op> ops, long goodBytes, long size) {}

    private final Path file;
    private final Header header;
    private final List<Op> ops;
    private FileChannel channel;
    private boolean broken;

    private Journal(Path file, Header header, List<Op> ops) {
        this.file = file;
        this.header = header;
        this.ops = ops;
    }

    /** Reads a journal without changing it; a missing file gives a null header. */
    static Parsed read(Path file) throws IOException {
        List<Op> ops = new ArrayList<>();
        if (!Files.exists(file)) return new Parsed(null, ops, 0, 0);
        long size = Files.size(file);
        long goodBytes = 0;
        Header header = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            header = parseHeader(first);
            if (header == null) return new Parsed(null, ops, 0, size);
            goodBytes = first.getBytes(StandardCharsets.UTF_8).length + 1;
            long pendingBytes = 0;
            List<Op> pending = new ArrayList<>();
            long lastSeq = 0;
            String line;
            while ((line = r.readLine()) != null) {
                Object[] parsed = parse(line);
                if (parsed == null) break;
                Op op = (Op) parsed[0];
                if (op.seq() != lastSeq + 1) break;
                lastSeq = op.seq();
                pending.add(op);
                pendingBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if ((Boolean) parsed[1]) { // the last line of a step
                    if (goodBytes + pendingBytes > size) break; // its newline was not written
                    ops.addAll(pending);
                    pending.clear();
                    goodBytes += pendingBytes;
                    pendingBytes = 0;
                }
            }
        }
        return new Parsed(header, ops, goodBytes, size);
    }

    private static Header parseHeader(String line) {
        if (line == null || !line.startsWith(MAGIC)) return null;
        try {
            if (line.startsWith(MAGIC_V1)) {
                return new Header(Long.parseLong(line.substring(MAGIC_V1.length()).trim()), -1, 0, false);
            }
            String[] p = line.substring(MAGIC.length()).split(" ");
            if (p.length != 4 || !p[0].equals("2") || !p[1].startsWith("base=") || !p[2].startsWith("length=")
                    || !p[3].startsWith("crc=")) return null;
            return new Header(Long.parseLong(p[1].substring(5)), Long.parseLong(p[2].substring(7)),
                    Long.parseLong(p[3].substring(4), 16), true);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Opens a journal that was read (under the TM's lock): cuts off a step that was not completely written
     * and opens the file for appending.
     */
    static Journal open(Path file, Parsed parsed) throws IOException {
        if (parsed.header() == null) throw new IllegalArgumentException("no journal header");
        if (parsed.goodBytes() < parsed.size()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(parsed.goodBytes());
                ch.force(true);
            }
        }
        Journal j = new Journal(file, parsed.header(), new ArrayList<>(parsed.ops()));
        j.openChannel();
        return j;
    }

    /** Reads and opens (under the TM's lock). */
    static Journal open(Path file) throws IOException {
        return open(file, read(file));
    }

    /** Writes an empty journal for a record as a temporary file beside {@code file}, forced to disk. */
    static Path prepare(Path file, Header header) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap((header.line() + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** Replaces the journal by an empty one for the given record (atomically). */
    static Journal reset(Path file, Header header) throws IOException {
        Path tmp = prepare(file, header);
        RecordFiles.moveAtomically(tmp, file);
        Journal j = new Journal(file, header, new ArrayList<>());
        j.openChannel();
        return j;
    }

    private void openChannel() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    Header header() {
        return header;
    }

    long base() {
        return header.generation();
    }

    /** The changes in order. */
    List<Op> ops() {
        return java.util.Collections.unmodifiableList(ops);
    }

    long lastSeq() {
        return ops.isEmpty() ? 0 : ops.get(ops.size() - 1).seq();
    }

    /** The segments the journal names, in order. */
    List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (Op op : ops) if (op.segment() != null) out.add(op.segment());
        return out;
    }

    /**
     * Appends one step (puts, then deletes) and forces it to disk before returning; the ops get consecutive
     * sequence numbers. If the write fails (a full disk), what was written of the step is cut off again, so
     * the journal is as it was, and the failure is thrown.
     *
     * @return the ops as appended (with their numbers)
     */
    List<Op> append(List<TmUnit> puts, List<String> deletes) throws IOException {
        List<Op> added = new ArrayList<>();
        long seq = lastSeq();
        for (TmUnit u : puts) added.add(new Op(++seq, u, null));
        for (String id : deletes) added.add(new Op(++seq, null, id));
        return write(added);
    }

    /** Appends the step of an import: one segment. */
    Op appendSegment(Segment s) throws IOException {
        return write(List.of(new Op(lastSeq() + 1, null, null, s))).get(0);
    }

    private List<Op> write(List<Op> step) throws IOException {
        if (step.isEmpty()) return step;
        if (broken) throw new IOException("the journal could not be restored after a failed write; open the TM again");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < step.size(); i++) {
            Op op = step.get(i);
            boolean last = i == step.size() - 1;
            char kind = op.unit() != null ? 'P' : op.segment() != null ? 'S' : 'D';
            byte[] payload = op.unit() != null ? UnitCodec.encode(op.unit())
                    : op.segment() != null ? op.segment().encode().getBytes(StandardCharsets.UTF_8)
                    : op.deleteId().getBytes(StandardCharsets.UTF_8);
            sb.append(line(last ? kind : Character.toLowerCase(kind), op.seq(), payload)).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        long before = channel.size();
        try {
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.force(false);
            } catch (IOException again) {
                broken = true; // the torn step is dropped at the next open all the same
            }
            throw e;
        }
        ops.addAll(step);
        return step;
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

    /** {op, last line of its step} or null. */
    private static Object[] parse(String line) {
        String[] p = line.split(" ", 4);
        if (p.length != 4 || p[0].length() != 1) return null;
        try {
            char kind = p[0].charAt(0);
            long seq = Long.parseLong(p[1]);
            if (!HexFormat.of().toHexDigits((int) crc(kind, seq, p[3])).equals(p[2])) return null;
            byte[] payload = Base64.getDecoder().decode(p[3]);
            boolean last = Character.isUpperCase(kind);
            Op op = switch (Character.toUpperCase(kind)) {
                case 'P' -> new Op(seq, UnitCodec.decode(payload, 0, payload.length), null);
                case 'D' -> new Op(seq, null, new String(payload, StandardCharsets.UTF_8));
                case 'S' -> new Op(seq, null, null, Segment.decode(new String(payload, StandardCharsets.UTF_8)));
                default -> null;
            };
            return op == null ? null : new Object[] {op, last};
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
    }
}
