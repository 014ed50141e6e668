package org.diptych.ui;

import org.diptych.Progress;
import org.diptych.model.Alignment;
import org.diptych.model.DocumentVersion;

/**
 * How the desk (re-)aligns a pair: the seam to the alignment engine, wired in {@link Services#standard()}.
 * Same contract as the engine's {@code align}: the result is valid for the two versions and keeps every
 * confirmed bead of {@code previous}. Runs on a background thread; checks {@code progress} for cancel.
 */
@FunctionalInterface
public interface Realigner {
    /**
     * @param previous the current alignment, or {@code null} for a pair not aligned yet
     */
    Alignment align(String statementId, DocumentVersion source, DocumentVersion target, Alignment previous,
                    Progress progress);
}
