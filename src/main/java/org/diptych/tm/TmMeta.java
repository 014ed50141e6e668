package org.diptych.tm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A TMX {@code <prop>} or {@code <note>} of a unit or of one of its variants, kept with all its attributes
 * in file order so that export writes it back unchanged.
 *
 * @param kind       prop or note
 * @param attributes the element's attributes in file order ({@code type}, {@code xml:lang},
 *                   {@code o-encoding}, …)
 * @param text       the element's text content
 */
public record TmMeta(Kind kind, Map<String, String> attributes, String text) {
    public enum Kind { PROP, NOTE }

    public TmMeta {
        Objects.requireNonNull(kind);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        text = text == null ? "" : text;
    }

    /** A {@code <prop type="…">value</prop>}. */
    public static TmMeta prop(String type, String value) {
        return new TmMeta(Kind.PROP, Map.of("type", type), value);
    }

    /** A {@code <note>text</note>}. */
    public static TmMeta note(String text) {
        return new TmMeta(Kind.NOTE, Map.of(), text);
    }

    /** The {@code type} attribute of a prop, or {@code null}. */
    public String type() {
        return attributes.get("type");
    }
}
