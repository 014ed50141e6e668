package org.diptych.translate;

import java.time.Instant;
import java.util.Objects;

/**
 * What the desk knows about one target paragraph it wrote or confirmed. The status holds while the
 * paragraph's markup is still {@code markup}; a later change makes it a draft again.
 *
 * @param status  the status given ({@link TranslationStatus#DRAFT}, {@code TRANSLATED} or {@code APPROVED})
 * @param markup  the paragraph's markup when the status was given
 * @param created true if the paragraph was created in Diptych (it had no counterpart)
 * @param by      who (the translator's name), or {@code null}
 * @param at      when
 */
public record TranslationRecord(TranslationStatus status, String markup, boolean created, String by, Instant at) {
    public TranslationRecord {
        Objects.requireNonNull(status);
        Objects.requireNonNull(markup);
    }
}
