package org.diptych.tm;

/**
 * One piece of the word-level difference between a query and a match's source, in reading order.
 *
 * @param op   {@code EQUAL}: in both; {@code QUERY_ONLY}: in the query, not in the match (to delete from the
 *             match's translation); {@code MATCH_ONLY}: in the match, not in the query
 * @param text the words (with their punctuation and inner spacing) as written on that side
 */
public record WordDiff(Op op, String text) {
    public enum Op { EQUAL, QUERY_ONLY, MATCH_ONLY }
}
