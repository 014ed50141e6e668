package org.diptych.model;

/** Review state of an alignment bead. */
public enum BeadStatus {
    /** Proposed by the engine, not yet reviewed. */
    AUTO,
    /** Confirmed by a reviewer: never moved by re-alignment, fed to the TM as approved. */
    CONFIRMED,
    /** Rejected by a reviewer: never fed to the TM. */
    REJECTED
}
