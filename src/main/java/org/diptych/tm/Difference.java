package org.diptych.tm;

/** How a near-exact match differs from the query. Each costs points below 100. */
public enum Difference {
    /** Numbers differ (2 points for one, 3 for two, 4 for more: the translation must change). */
    NUMBERS(2),
    /** Punctuation differs (1 point). */
    PUNCTUATION(1),
    /** Letter case differs (1 point). */
    CASE(1),
    /** Inline tags (formatting, placeholders) differ (1 point). */
    TAGS(1);

    private final int cost;

    Difference(int cost) {
        this.cost = cost;
    }

    public int cost() {
        return cost;
    }
}
