package org.diptych.tm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One translation unit (a TMX {@code <tu>}): the same text in two or more languages, with everything the
 * TMX said about it. Units are immutable; updates make a new unit with the same {@link #id()}.
 *
 * <p>Provenance lives in standard TMX attributes where TMX has one ({@code creationid},
 * {@code creationdate}, {@code changeid}, {@code changedate}, {@code usagecount}, {@code lastusagedate},
 * {@code tuid}) and in Diptych props otherwise: {@value #PROP_STATUS} ({@code draft}; absent means
 * approved), {@value #PROP_STATEMENT}, {@value #PROP_KEY} (units fed from alignments), and on a variant
 * {@value #PROP_DOCUMENT} and {@value #PROP_PREVIOUS} (hash of the previous paragraph, for in-context
 * matches).
 *
 * @param id         the TM's identity of the unit: {@code k:<key>} for units fed from alignments,
 *                   {@code h:<hash of the variants>} for imported ones
 * @param attributes the {@code <tu>} attributes in file order
 * @param meta       the unit's props and notes in file order
 * @param variants   the language variants in file order
 */
public record TmUnit(String id, Map<String, String> attributes, List<TmMeta> meta, List<TmVariant> variants) {
    public static final String PROP_STATUS = "x-diptych-status";
    public static final String PROP_STATEMENT = "x-diptych-statement";
    public static final String PROP_KEY = "x-diptych-key";
    public static final String PROP_DOCUMENT = "x-diptych-document";
    public static final String PROP_PREVIOUS = "x-diptych-previous";
    public static final String DRAFT = "draft";

    /** TMX dates: {@code YYYYMMDDThhmmssZ}. */
    public static final DateTimeFormatter TMX_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public TmUnit {
        Objects.requireNonNull(id);
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        meta = meta == null ? List.of() : List.copyOf(meta);
        variants = List.copyOf(variants);
    }

    /** The TMX {@code tuid}, or {@code null}. */
    public String tuid() {
        return attributes.get("tuid");
    }

    /** The first unit-level prop of that type, or {@code null}. */
    public String prop(String type) {
        for (TmMeta m : meta) {
            if (m.kind() == TmMeta.Kind.PROP && type.equals(m.type())) return m.text();
        }
        return null;
    }

    public boolean isDraft() {
        return DRAFT.equals(prop(PROP_STATUS));
    }

    public int usageCount() {
        try {
            String u = attributes.get("usagecount");
            return u == null ? 0 : Integer.parseInt(u.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The first variant whose base language is {@code base}, preferring the exact {@code lang} region. */
    public TmVariant variant(String lang) {
        String base = org.diptych.model.Languages.base(lang);
        TmVariant first = null;
        for (TmVariant v : variants) {
            String n = v.normalizedLang();
            if (n == null || !org.diptych.model.Languages.base(n).equals(base)) continue;
            if (n.equals(lang)) return v;
            if (first == null) first = v;
        }
        return first;
    }

    /** Who made it, when, where it comes from, how often it was used. */
    public Provenance provenance() {
        String doc = null;
        Map<String, String> docs = new LinkedHashMap<>();
        for (TmVariant v : variants) {
            String d = v.prop(PROP_DOCUMENT);
            if (d != null) docs.put(v.lang(), d);
        }
        if (!docs.isEmpty()) doc = String.join(", ", docs.values());
        List<TmMeta> other = new ArrayList<>();
        for (TmMeta m : meta) {
            if (m.kind() == TmMeta.Kind.NOTE || m.type() == null || !m.type().startsWith("x-diptych-")) other.add(m);
        }
        return new Provenance(tuid(), prop(PROP_STATEMENT), doc, attributes.get("creationid"),
                parseDate(attributes.get("creationdate")), attributes.get("changeid"),
                parseDate(attributes.get("changedate")), usageCount(), parseDate(attributes.get("lastusagedate")),
                isDraft() ? Provenance.Status.DRAFT : Provenance.Status.APPROVED, other);
    }

    /** A TMX date, or {@code null} if absent or not in TMX format. */
    public static Instant parseDate(String s) {
        if (s == null) return null;
        try {
            return Instant.from(TMX_DATE.parse(s.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String formatDate(Instant t) {
        return TMX_DATE.format(t);
    }

    public TmUnit withAttributes(Map<String, String> newAttributes) {
        return new TmUnit(id, newAttributes, meta, variants);
    }
}
