package org.diptych.tm;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Adds pairs of consecutive terms ({@code "deleg approv"}) to a stream of stems, or replaces the stems by
 * them. Stop words removed upstream are skipped over, so a pair joins the two words around them. A text
 * of a single term gives that term even in pairs-only mode. A lighter stand-in for Lucene's
 * {@code ShingleFilter}, which costs several times more at import.
 */
final class WordPairFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final boolean words;
    private char[] prev = new char[64];
    private int prevLen = -1;
    private char[] pair = new char[128];
    private int pairLen;
    private boolean pendingPair;
    private int seen;
    private boolean emitted;

    /** @param words also keep the single terms */
    WordPairFilter(TokenStream in, boolean words) {
        super(in);
        this.words = words;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingPair) {
            pendingPair = false;
            term.copyBuffer(pair, 0, pairLen);
            posInc.setPositionIncrement(0);
            emitted = true;
            return true;
        }
        while (input.incrementToken()) {
            seen++;
            int len = term.length();
            boolean hasPair = prevLen >= 0;
            if (hasPair) {
                int need = prevLen + 1 + len;
                if (pair.length < need) pair = new char[need * 2];
                System.arraycopy(prev, 0, pair, 0, prevLen);
                pair[prevLen] = ' ';
                System.arraycopy(term.buffer(), 0, pair, prevLen + 1, len);
                pairLen = need;
            }
            if (prev.length < len) prev = new char[len * 2];
            System.arraycopy(term.buffer(), 0, prev, 0, len);
            prevLen = len;
            if (words) {
                pendingPair = hasPair;
                emitted = true;
                return true;
            }
            if (hasPair) {
                term.copyBuffer(pair, 0, pairLen);
                emitted = true;
                return true;
            }
        }
        if (!words && !emitted && seen == 1) {
            clearAttributes();
            term.copyBuffer(prev, 0, prevLen);
            emitted = true;
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        prevLen = -1;
        pendingPair = false;
        seen = 0;
        emitted = false;
    }
}
