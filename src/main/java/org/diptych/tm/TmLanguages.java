package org.diptych.tm;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import org.diptych.model.Languages;

/** Language codes as the TM reads them from TMX: {@code EN-us}, {@code pt_BR}, {@code rus} are accepted. */
final class TmLanguages {
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();
    private static final String NONE = "";

    private TmLanguages() {}

    /** The normalised code ({@code en-US}) or {@code null} when it is not a supported language. */
    static String normalizeOrNull(String code) {
        if (code == null) return null;
        String r = CACHE.computeIfAbsent(code, c -> {
            try {
                return Languages.normalize(c);
            } catch (IllegalArgumentException e) {
                return NONE;
            }
        });
        return r.isEmpty() ? null : r;
    }

    private static final java.util.regex.Pattern TAG =
            java.util.regex.Pattern.compile("(?i)([a-z]{2,3}|[ix])([-_][a-z0-9]{1,8})*");

    /**
     * True for a BCP 47 / ISO 639 language code as TMX files write them ({@code de-DE}, {@code fr},
     * {@code zh_Hant_TW}, {@code x-klingon}): kept in the TM though not one it looks up in.
     */
    static boolean isLanguageTag(String code) {
        return code != null && code.length() <= 35 && TAG.matcher(code).matches();
    }

    /** Region of a normalised code, upper case, or "" ({@code pt-BR} → {@code BR}). */
    static String region(String normalized) {
        int dash = normalized.indexOf('-');
        return dash < 0 ? "" : normalized.substring(dash + 1).toUpperCase(Locale.ROOT);
    }
}
