package org.diptych.review;

import java.util.List;
import java.util.Objects;

import org.diptych.model.Alignment;
import org.diptych.model.DocumentVersion;

/**
 * An immutable snapshot of what the review desk edits: the alignment of two versions, the two versions
 * themselves (text edits change them) and the log of text edits made to each version. Undo restores a
 * previous snapshot exactly.
 *
 * @param alignment   the alignment; always valid against {@code source} and {@code target}
 * @param source      the source-language version
 * @param target      the target-language version
 * @param sourceEdits text edits recorded on the source version, oldest first
 * @param targetEdits text edits recorded on the target version, oldest first
 */
public record ReviewState(Alignment alignment, DocumentVersion source, DocumentVersion target,
                          List<TextEdit> sourceEdits, List<TextEdit> targetEdits) {
    public ReviewState {
        Objects.requireNonNull(alignment);
        Objects.requireNonNull(source);
        Objects.requireNonNull(target);
        sourceEdits = List.copyOf(sourceEdits);
        targetEdits = List.copyOf(targetEdits);
    }

    public DocumentVersion version(Side side) {
        return side == Side.SOURCE ? source : target;
    }

    public List<TextEdit> edits(Side side) {
        return side == Side.SOURCE ? sourceEdits : targetEdits;
    }
}
