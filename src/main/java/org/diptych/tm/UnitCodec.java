package org.diptych.tm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;

/**
 * Compact binary form of a unit, stored in the index (so a lookup needs no TMX parsing) and in the
 * journal. Versioned by its first byte.
 */
final class UnitCodec {
    private static final int FORMAT = 1;

    private UnitCodec() {}

    static byte[] encode(TmUnit u) {
        return write(u).toArray();
    }

    /**
     * The same bytes as {@link #encode}, in the encoder's own array (not copied: what the index stores of
     * every unit at an import).
     */
    static BytesRef encodeRef(TmUnit u) {
        Out out = write(u);
        return new BytesRef(out.buf, 0, out.len);
    }

    private static Out write(TmUnit u) {
        // room for the texts in UTF-8 (Cyrillic: two bytes a char) and what is around them, so that the
        // array is seldom grown
        int chars = 64 + u.id().length();
        for (TmVariant v : u.variants()) chars += 48 + v.text().length() + v.tags().length() + v.lang().length();
        Out out = new Out(chars * 2 + 64);
        out.writeByte(FORMAT);
        out.writeString(u.id());
        map(out, u.attributes());
        meta(out, u.meta());
        out.writeVInt(u.variants().size());
        for (TmVariant v : u.variants()) {
            out.writeString(v.lang());
            map(out, v.attributes());
            meta(out, v.meta());
            out.writeString(v.text());
            boolean plainSeg = Xml.isEscaped(v.text(), v.segXml());
            out.writeByte(plainSeg ? 1 : 0);
            if (!plainSeg) out.writeString(v.segXml());
            out.writeString(v.tags());
        }
        return out;
    }

    /**
     * The bytes Lucene's {@code DataOutput} would write ({@code writeVInt}; {@code writeString}: the UTF-8
     * length as a vInt, then the UTF-8 bytes), into one growing array: a million units are encoded at an
     * import, and this encoder allocates only the array (UnitCodecTest checks the bytes against Lucene's).
     */
    static final class Out {
        private byte[] buf;
        private int len;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int more) {
            if (len + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }

        void writeByte(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        void writeVInt(int i) {
            ensure(5);
            while ((i & ~0x7F) != 0) {
                buf[len++] = (byte) ((i & 0x7F) | 0x80);
                i >>>= 7;
            }
            buf[len++] = (byte) i;
        }

        /** UTF-8 as Lucene's {@code UnicodeUtil.UTF16toUTF8}: an unpaired surrogate becomes U+FFFD. */
        void writeString(String s) {
            int n = s.length();
            int bytes = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    bytes++;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            writeVInt(bytes);
            ensure(bytes);
            byte[] b = buf;
            int o = len;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[o++] = (byte) c;
                } else if (c < 0x800) {
                    b[o++] = (byte) (0xC0 | (c >> 6));
                    b[o++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[o++] = (byte) (0xF0 | (cp >> 18));
                    b[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[o++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    if (Character.isSurrogate(c)) c = '\uFFFD';
                    b[o++] = (byte) (0xE0 | (c >> 12));
                    b[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[o++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            len = o;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(buf, len);
        }
    }

    static TmUnit decode(BytesRef b) {
        return decode(b.bytes, b.offset, b.length);
    }

    static TmUnit decode(byte[] bytes, int offset, int length) {
        try {
            return read(new ByteArrayDataInput(bytes, offset, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TmUnit read(ByteArrayDataInput in) throws IOException {
        int format = in.readByte();
        if (format != FORMAT) throw new IllegalStateException("unknown unit format " + format);
        String id = in.readString();
        Map<String, String> attrs = map(in);
        List<TmMeta> meta = meta(in);
        int n = in.readVInt();
        List<TmVariant> vs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String lang = in.readString();
            Map<String, String> va = map(in);
            List<TmMeta> vm = meta(in);
            String text = in.readString();
            boolean plainSeg = in.readByte() == 1;
            String seg = plainSeg ? Xml.escape(text) : in.readString();
            String tags = in.readString();
            vs.add(new TmVariant(lang, va, vm, seg, text, tags));
        }
        return new TmUnit(id, attrs, meta, vs);
    }

    private static void map(Out out, Map<String, String> m) {
        out.writeVInt(m.size());
        m.forEach((k, v) -> {
            out.writeString(k);
            out.writeString(v);
        });
    }

    private static Map<String, String> map(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) m.put(in.readString(), in.readString());
        return m;
    }

    private static void meta(Out out, List<TmMeta> meta) {
        out.writeVInt(meta.size());
        for (TmMeta m : meta) {
            out.writeByte(m.kind().ordinal());
            map(out, m.attributes());
            out.writeString(m.text());
        }
    }

    private static List<TmMeta> meta(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        List<TmMeta> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TmMeta.Kind k = TmMeta.Kind.values()[in.readByte()];
            out.add(new TmMeta(k, map(in), in.readString()));
        }
        return out;
    }
}
