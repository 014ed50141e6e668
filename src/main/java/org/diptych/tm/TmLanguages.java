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

    /** Region of a normalised code, upper case, or "" ({@code pt-BR} → {@code BR}). */
    static String region(String normalized) {
        int dash = normalized.indexOf('-');
        return dash < 0 ? "" : normalized.substring(dash + 1).toUpperCase(Locale.ROOT);
    }
}
