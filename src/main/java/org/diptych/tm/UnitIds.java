package org.diptych.tm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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

    /** 64 bits of SHA-256 over the variants (normalised language and segment XML), in sorted order. */
    static long contentHash(List<TmVariant> variants) {
        List<String> parts = new ArrayList<>(variants.size());
        for (TmVariant v : variants) {
            String lang = v.normalizedLang();
            parts.add((lang == null ? v.lang() : lang) + '\u0000' + v.segXml());
        }
        parts.sort(null);
        MessageDigest md = sha256();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 1);
        }
        byte[] d = md.digest();
        long h = 0;
        for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xFF);
        return h;
    }

    /** The 64-bit value of an {@code h:} id, or a hash of the id string for other ids. */
    static long longOf(String id) {
        if (id.startsWith("h:") && id.length() == 18) return HexFormat.fromHexDigitsToLong(id, 2, 18);
        MessageDigest md = sha256();
        byte[] d = md.digest(id.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xFF);
        return h;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
