package org.diptych.model;

import java.util.Locale;
import java.util.Set;

/**
 * Language codes as Diptych uses them: BCP 47 tags with a lower-case language and an optional upper-case
 * region ({@code ru}, {@code en}, {@code pt}, {@code pt-BR}). Core support (segmentation rules, analyzers,
 * transliteration) exists for the base languages ru, en and pt.
 */
public final class Languages {
    public static final Set<String> SUPPORTED_BASES = Set.of("ru", "en", "pt");

    private Languages() {}

    /**
     * Normalises a user- or file-supplied code: {@code "PT_br"} → {@code "pt-BR"}, {@code "EN"} → {@code "en"}.
     *
     * @throws IllegalArgumentException if the code is not of the form {@code ll} or {@code ll-RR}
     *                                  or its base language is not supported
     */
    public static String normalize(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("empty language code");
        }
        String c = code.trim().replace('_', '-');
        String[] parts = c.split("-");
        if (parts.length > 2 || !parts[0].matches("[A-Za-z]{2,3}")
                || (parts.length == 2 && !parts[1].matches("[A-Za-z]{2}|[0-9]{3}"))) {
            throw new IllegalArgumentException("'" + code + "' is not a language code (use e.g. ru, en, pt, pt-BR)");
        }
        String base = parts[0].toLowerCase(Locale.ROOT);
        if (base.equals("rus")) base = "ru";
        if (base.equals("eng")) base = "en";
        if (base.equals("por")) base = "pt";
        if (!SUPPORTED_BASES.contains(base)) {
            throw new IllegalArgumentException("language '" + code + "' is not supported (supported: ru, en, pt with optional region)");
        }
        return parts.length == 2 ? base + "-" + parts[1].toUpperCase(Locale.ROOT) : base;
    }

    /** The base language of a normalised code: {@code pt-BR} → {@code pt}. */
    public static String base(String code) {
        int dash = code.indexOf('-');
        return (dash < 0 ? code : code.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
