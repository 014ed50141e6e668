package org.diptych.translate;

import java.util.Objects;

import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.tm.SentencePairer;
import org.diptych.tm.TmFeeder;
import org.diptych.tm.TranslationMemory;

/**
 * A confirmed row, ready to go into the translation memory.
 *
 * @param statementId the statement
 * @param source      the source version when confirmed
 * @param target      the target version when confirmed
 * @param bead        the row
 * @param draft       true for a translator's confirmation (a draft unit), false for a reviewer's (approved)
 * @param user        who confirmed it, or {@code null}
 */
public record Confirmation(String statementId, DocumentVersion source, DocumentVersion target, Bead bead,
                           boolean draft, String user) {
    public Confirmation {
        Objects.requireNonNull(statementId);
        Objects.requireNonNull(source);
        Objects.requireNonNull(target);
        Objects.requireNonNull(bead);
    }

    /**
     * Puts the row into the TM (durably, see {@link TranslationMemory#update}), with its sentence pairs when
     * a pairer is given.
     */
    public TmFeeder.FeedReport writeTo(TranslationMemory tm, SentencePairer pairer) {
        return new TmFeeder(tm, pairer, true).feedBead(statementId, source, target, bead, draft, user);
    }
}
