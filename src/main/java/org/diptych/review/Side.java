package org.diptych.review;

import java.util.List;

import org.diptych.model.Bead;

/** One side of an alignment: the source version (left) or the target version (right). */
public enum Side {
    SOURCE, TARGET;

    /** The paragraph ids of this side of a bead. */
    public List<String> of(Bead bead) {
        return this == SOURCE ? bead.source() : bead.target();
    }

    public Side other() {
        return this == SOURCE ? TARGET : SOURCE;
    }
}
