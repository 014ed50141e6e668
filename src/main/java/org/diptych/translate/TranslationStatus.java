package org.diptych.translate;

/**
 * Where the translation of one row of the desk (a bead) stands, from nothing to approved. Ordered: a row
 * of several target paragraphs has the lowest status of them.
 */
public enum TranslationStatus {
    /** No target text yet (a source paragraph without counterpart, or an empty one). */
    UNTRANSLATED,
    /** Target text written or changed in Diptych and not confirmed since. */
    DRAFT,
    /** Confirmed by a translator (or imported as a published translation). */
    TRANSLATED,
    /** Confirmed by a reviewer (or its bead confirmed in the review desk). */
    APPROVED
}
