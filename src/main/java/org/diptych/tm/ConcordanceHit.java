package org.diptych.tm;

import java.util.List;

/**
 * A unit that contains the searched word or phrase.
 *
 * @param variant    the variant in the searched language
 * @param highlights the hits in {@code variant.text()}: {start, end} character offsets, in order
 * @param unit       the whole unit (its other variants are the translations)
 * @param provenance where it comes from
 */
public record ConcordanceHit(TmVariant variant, List<int[]> highlights, TmUnit unit, Provenance provenance) {
    /** The variant's text with each hit wrapped in {@code open} and {@code close}. */
    public String marked(String open, String close) {
        StringBuilder sb = new StringBuilder();
        String t = variant.text();
        int last = 0;
        for (int[] h : highlights) {
            sb.append(t, last, h[0]).append(open).append(t, h[0], h[1]).append(close);
            last = h[1];
        }
        return sb.append(t.substring(last)).toString();
    }
}
