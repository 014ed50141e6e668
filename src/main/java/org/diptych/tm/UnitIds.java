package org.diptych.tm;

import java.util.HexFormat;
import java.util.List;

/**
 * Identity of units: a unit fed from an alignment is {@code k:<key>} (its key survives edits of its text);
 * any other unit is {@code h:<16 hex digits>}, a hash of its variants' languages and segment content, so
 * that importing the same unit twice stores it once.
 */
final class UnitIds {
    private UnitIds() {}

    static String keyId(String key) {
        return "k:" + key;
    }

    static String hashId(long hash) {
        return "h:" + HexFormat.of().toHexDigits(hash);
    }

    /** The id a unit read from TMX gets: its Diptych key when it has one, else its content hash. */
    static String idFor(List<org.diptych.tm.TmMeta> meta, List<TmVariant> variants) {
        for (TmMeta m : meta) {
            if (m.kind() == TmMeta.Kind.PROP && TmUnit.PROP_KEY.equals(m.type()) && !m.text().isBlank()) {
                return keyId(m.text());
            }
        }
        return hashId(contentHash(variants));
    }

    /**
     * A 64-bit hash of the variants (normalised language and segment XML), independent of their order:
     * two rounds of FNV-1a with a final avalanche per variant, combined by sum. Collisions among a million
     * units have a probability near 10^-8.
     */
    static long contentHash(List<TmVariant> variants) {
        long sum = 0;
        long mix = 0;
        for (TmVariant v : variants) {
            String lang = v.normalizedLang();
            long h = fnv(fnv(0xcbf29ce484222325L, lang == null ? v.lang() : lang), v.segXml());
            h = avalanche(h);
            sum += h;
            mix ^= avalanche(h + 0x9e3779b97f4a7c15L);
        }
        return avalanche(sum ^ Long.rotateLeft(mix, 31)) ^ variants.size();
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ 0xFFFF) * 0x100000001b3L;
    }

    private static long avalanche(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** The 64-bit value of an {@code h:} id, or a hash of the id string for other ids. */
    static long longOf(String id) {
        if (id.startsWith("h:") && id.length() == 18) return HexFormat.fromHexDigitsToLong(id, 2, 18);
        return avalanche(fnv(0x84222325cbf29ce4L, id));
    }
}
