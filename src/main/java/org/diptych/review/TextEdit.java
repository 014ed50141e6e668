package org.diptych.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's correction of one paragraph's text, kept in the project next to the parsed version
 * ({@code statements/<id>/<lang>/edits.json}); the imported original file is never touched.
 *
 * @param paragraphId the edited paragraph
 * @param before      its markup before the edit
 * @param after       its markup after the edit
 * @param reviewer    who edited it ({@code null} if no reviewer name is set)
 * @param at          when
 */
public record TextEdit(String paragraphId, String before, String after, String reviewer, Instant at) {
    public TextEdit {
        Objects.requireNonNull(paragraphId);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
        Objects.requireNonNull(at);
    }
}
