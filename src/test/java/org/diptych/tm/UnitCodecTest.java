package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteBuffersDataOutput;
import org.junit.jupiter.api.Test;

/**
 * The unit's stored form: the encoder writes, byte for byte, what Lucene's {@code DataOutput} wrote before
 * (units already in journals and indexes are read by the same decoder), and units come back whole.
 */
class UnitCodecTest {
    private static final List<String> TEXTS = List.of("", "Союз жильцов собрался 12 мая.", "O comitê reuniu-se à noite.",
            "A & B < C > D \"quoted\"", "𐐀 emoji 😀 and a lone high \uD83D surrogate", "lone low \uDE00 here",
            "ends high \uD83D", "日本語のテキスト", "x".repeat(300) + "ё".repeat(200));

    @Test
    void bytesAreThoseLuceneWrote() throws IOException {
        int n = 0;
        for (String t : TEXTS) {
            for (String o : List.of("Plain other side.", t)) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("tuid", "t" + n++);
                attrs.put("creationid", t);
                TmMeta prop = new TmMeta(TmMeta.Kind.PROP, Map.of("type", "x-note"), t);
                TmVariant a = new TmVariant("en-US", Map.of("creationid", "me"), List.of(prop), Xml.escape(t), t, "");
                TmVariant b = new TmVariant("ru-RU", Map.of(), List.of(),
                        "<ph x=\"1\">&lt;br/&gt;</ph>" + Xml.escape(o), o, "ph");
                TmUnit u = new TmUnit("h:00000000000000" + String.format("%02x", n), attrs, List.of(prop), List.of(a, b));
                byte[] bytes = UnitCodec.encode(u);
                assertThat(bytes).isEqualTo(reference(u));
                TmUnit back = UnitCodec.decode(bytes, 0, bytes.length);
                assertThat(back.variants().get(0).text()).isEqualTo(fixSurrogates(t));
                assertThat(back.variants().get(1).segXml()).isEqualTo(fixSurrogates(b.segXml()));
                assertThat(back.attributes().keySet()).containsExactly("tuid", "creationid");
                assertThat(back.attributes().get("creationid")).isEqualTo(fixSurrogates(t));
                assertThat(back.meta().get(0).text()).isEqualTo(fixSurrogates(t));
            }
        }
    }

    /** What an unpaired surrogate becomes in UTF-8: U+FFFD. */
    private static String fixSurrogates(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    /** The encoder as it was, on Lucene's {@code ByteBuffersDataOutput}. */
    private static byte[] reference(TmUnit u) throws IOException {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(256);
        out.writeByte((byte) 1);
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
        return out.toArrayCopy();
    }

    private static void map(ByteBuffersDataOutput out, Map<String, String> m) throws IOException {
        out.writeVInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            out.writeString(e.getKey());
            out.writeString(e.getValue());
        }
    }

    private static void meta(ByteBuffersDataOutput out, List<TmMeta> meta) throws IOException {
        out.writeVInt(meta.size());
        for (TmMeta m : meta) {
            out.writeByte((byte) m.kind().ordinal());
            map(out, m.attributes());
            out.writeString(m.text());
        }
    }
}
