package org.diptych.tm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Compact binary form of a unit, stored in the index (so a lookup needs no TMX parsing) and in the
 * journal. Versioned by its first byte.
 */
final class UnitCodec {
    private static final int FORMAT = 1;

    private UnitCodec() {}

    static byte[] encode(TmUnit u) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(256);
        try {
            out.writeByte((byte) FORMAT);
            out.writeString(u.id());
            map(out, u.attributes());
            meta(out, u.meta());
            out.writeVInt(u.variants().size());
            for (TmVariant v : u.variants()) {
                out.writeString(v.lang());
                map(out, v.attributes());
                meta(out, v.meta());
                out.writeString(v.text());
                boolean plainSeg = v.segXml().equals(Xml.escape(v.text()));
                out.writeByte((byte) (plainSeg ? 1 : 0));
                if (!plainSeg) out.writeString(v.segXml());
                out.writeString(v.tags());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArrayCopy();
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

    private static void map(ByteBuffersDataOutput out, Map<String, String> m) throws IOException {
        out.writeVInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            out.writeString(e.getKey());
            out.writeString(e.getValue());
        }
    }

    private static Map<String, String> map(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) m.put(in.readString(), in.readString());
        return m;
    }

    private static void meta(ByteBuffersDataOutput out, List<TmMeta> meta) throws IOException {
        out.writeVInt(meta.size());
        for (TmMeta m : meta) {
            out.writeByte((byte) m.kind().ordinal());
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
