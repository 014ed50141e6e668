package org.diptych.tm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One language variant of a unit (a TMX {@code <tuv>}).
 *
 * @param lang       the language code as written in the file ({@code en-US}, {@code pt-br}, {@code ru})
 * @param attributes the other attributes of the {@code <tuv>} in file order ({@code xml:lang} excluded)
 * @param meta       the variant's props and notes in file order
 * @param segXml     the content of {@code <seg>} as XML, inline markup ({@code bpt/ept/ph/it/hi/ut/sub})
 *                   included; export writes it back as is
 * @param text       the plain text: text outside native codes, {@code hi} content included
 * @param tags       the inline element names in order, comma separated ({@code "bpt,ept,ph"}), empty if none
 */
public record TmVariant(String lang, Map<String, String> attributes, List<TmMeta> meta, String segXml,
                        String text, String tags) {
    public TmVariant {
        Objects.requireNonNull(lang);
        Objects.requireNonNull(segXml);
        Objects.requireNonNull(text);
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        meta = meta == null ? List.of() : List.copyOf(meta);
        tags = tags == null ? "" : tags;
    }

    /** A variant with plain text only (no inline markup, no attributes). */
    public static TmVariant plain(String lang, String text) {
        return new TmVariant(lang, Map.of(), List.of(), Xml.escape(text), text, "");
    }

    /** The normalised language ({@code en-US}), or {@code null} if the code is not a supported one. */
    public String normalizedLang() {
        return TmLanguages.normalizeOrNull(lang);
    }

    /** The base language ({@code en}), or {@code null} if unsupported. */
    public String base() {
        String n = normalizedLang();
        return n == null ? null : org.diptych.model.Languages.base(n);
    }

    /** The value of the first variant prop of that type, or {@code null}. */
    public String prop(String type) {
        for (TmMeta m : meta) {
            if (m.kind() == TmMeta.Kind.PROP && type.equals(m.type())) return m.text();
        }
        return null;
    }

    public TmVariant withMeta(List<TmMeta> newMeta) {
        return new TmVariant(lang, attributes, newMeta, segXml, text, tags);
    }
}
