package org.diptych.tm;

import java.util.Objects;

/**
 * A lookup request.
 *
 * @param text          the text to translate (plain text)
 * @param tags          its inline tags as {@link TmVariant#tags()} names them, "" for text without any, or
 *                      {@code null} when not known (plain text typed on the command line): tags are then not
 *                      compared
 * @param sourceLang    language of {@code text} ({@code en}, {@code pt-BR}); any region of it matches, the
 *                      same region first
 * @param targetLang    language wanted
 * @param previousText  the paragraph before {@code text} in its document, for in-context (101) matches, or
 *                      {@code null}
 * @param minScore      lowest score returned
 * @param max           most matches returned
 */
public record TmQuery(String text, String tags, String sourceLang, String targetLang, String previousText,
                      int minScore, int max) {
    public static final int DEFAULT_MIN_SCORE = 60;

    public TmQuery {
        Objects.requireNonNull(text);
        Objects.requireNonNull(sourceLang);
        Objects.requireNonNull(targetLang);
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
    }

    public static TmQuery of(String text, String sourceLang, String targetLang) {
        return new TmQuery(text, null, sourceLang, targetLang, null, DEFAULT_MIN_SCORE, 5);
    }

    public TmQuery withPrevious(String previous) {
        return new TmQuery(text, tags, sourceLang, targetLang, previous, minScore, max);
    }

    public TmQuery withLimits(int newMinScore, int newMax) {
        return new TmQuery(text, tags, sourceLang, targetLang, previousText, newMinScore, newMax);
    }
}
