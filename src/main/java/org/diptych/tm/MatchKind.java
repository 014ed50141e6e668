package org.diptych.tm;

/** What kind of match a TM lookup found, best first. */
public enum MatchKind {
    /** Identical text, and the previous paragraph matches too (101). */
    IN_CONTEXT,
    /** Identical text (100). */
    EXACT,
    /** The same words; only numbers, punctuation, letter case or inline tags differ (93–99). */
    NEAR_EXACT,
    /** Some words differ (percentage from the word edit distance). */
    FUZZY,
    /** The same words or nearly, in another order, e.g. swapped clauses. */
    REORDERED
}
