package org.diptych.tm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text cut into the tokens match scoring works on: words (letters, digits and marks, with inner
 * apostrophes and hyphens), numbers ({@code 17}, {@code 1,000.5}, {@code 12.05.2019}) and single
 * punctuation characters. Whitespace only separates.
 */
final class Tokens {
    enum Type { WORD, NUMBER, PUNCT }

    record Token(String text, Type type, int start, int end) {}

    final String text;
    final String tags;
    final List<Token> all;
    /** Words and numbers, lower case: what the word edit distance counts. */
    final String[] words;
    /** Like {@link #words} with every number replaced by {@code #}. */
    final String[] masked;
    /** Words and numbers as written. */
    final String[] cased;
    /** The punctuation tokens in order. */
    final String punct;
    /** Sorted character trigrams of the lower-case words joined by single spaces. */
    private long[] trigrams;
    /** {@link #collapse} of the text, computed once (a query's is compared with every candidate's). */
    private String collapsed;

    private Tokens(String text, String tags, List<Token> all) {
        this.text = text;
        this.tags = tags; // null: not known (a plain-text query), never counted as a difference
        this.all = all;
        int n = 0;
        for (Token t : all) if (t.type != Type.PUNCT) n++;
        words = new String[n];
        masked = new String[n];
        cased = new String[n];
        StringBuilder p = new StringBuilder();
        int i = 0;
        for (Token t : all) {
            if (t.type == Type.PUNCT) {
                p.append(t.text);
                continue;
            }
            cased[i] = t.text;
            words[i] = t.text.toLowerCase(Locale.ROOT);
            masked[i] = t.type == Type.NUMBER ? "#" : words[i];
            i++;
        }
        punct = p.toString();
    }

    static Tokens of(String text, String tags) {
        List<Token> out = new ArrayList<>();
        int len = text.length();
        int i = 0;
        while (i < len) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                int start = i;
                int scan = scanWord(text, i);
                int j = scan >>> 1;
                boolean letters = (scan & 1) != 0;
                out.add(new Token(text.substring(start, j), letters ? Type.WORD : Type.NUMBER, start, j));
                i = j;
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += Character.charCount(cp);
            } else {
                int e = i + Character.charCount(cp);
                out.add(new Token(text.substring(i, e), Type.PUNCT, i, e));
                i = e;
            }
        }
        return new Tokens(text, tags, out);
    }

    /**
     * Scans the word that starts at {@code start} (a word character): word characters, joined across a
     * joiner between two digits ({@code 1.5}, {@code 10:30}) or an apostrophe/hyphen between two word
     * characters. Returns {@code end << 1 | letters}: the end index (exclusive) shifted left by one, with
     * the low bit set when the word holds a non-digit (a word rather than a number). Packed into one int so
     * that {@link #hashes} allocates nothing.
     */
    private static int scanWord(String text, int start) {
        int len = text.length();
        boolean letters = false;
        int j = start;
        while (j < len) {
            int c = text.codePointAt(j);
            if (isWordChar(c)) {
                if (!Character.isDigit(c)) letters = true;
                j += Character.charCount(c);
                continue;
            }
            if (j + 1 < len && isJoiner(c)) {
                int prev = text.codePointBefore(j);
                int next = text.codePointAt(j + 1);
                boolean digits = Character.isDigit(prev) && Character.isDigit(next);
                boolean wordJoin = (c == '\'' || c == '\u2019' || c == '-' || c == '\u2011')
                        && isWordChar(prev) && isWordChar(next);
                if (digits || wordJoin) {
                    j += Character.charCount(c);
                    continue;
                }
            }
            break;
        }
        return j << 1 | (letters ? 1 : 0);
    }

    private static boolean isWordChar(int c) {
        if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isJoiner(int c) {
        return c == '\'' || c == '\u2019' || c == '-' || c == '\u2011' || c == '.' || c == ',' || c == ':' || c == '/';
    }

    /** The text with whitespace runs collapsed and trimmed: texts equal in this form are identical. */
    static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    String collapsed() {
        if (collapsed == null) collapsed = collapse(text);
        return collapsed;
    }

    long[] trigrams() {
        if (trigrams == null) {
            String j = " " + String.join(" ", words) + " ";
            int n = Math.max(0, j.length() - 2);
            long[] t = new long[n];
            for (int k = 0; k < n; k++) {
                t[k] = ((long) j.charAt(k) << 32) | ((long) j.charAt(k + 1) << 16) | j.charAt(k + 2);
            }
            Arrays.sort(t);
            trigrams = t;
        }
        return trigrams;
    }

    /** Classes of the chars (no surrogates) for {@link #hashes}: one table look-up a char instead of Character's. */
    private static final byte WORD = 1;
    private static final byte DIGIT = 2;
    private static final byte JOINER = 4;
    /** An apostrophe or hyphen: joins two word characters. */
    private static final byte WORD_JOINER = 8;
    /** A char whose lower case {@link #simpleCase} does not allow: a surrogate, İ, Σ. */
    private static final byte SPECIAL = 16;
    private static final byte[] CLASS = new byte[1 << 16];

    static {
        for (int c = 0; c < CLASS.length; c++) {
            int f = 0;
            if (Character.isSurrogate((char) c)) {
                f = SPECIAL;
            } else {
                if (isWordChar(c)) f |= WORD;
                if (Character.isDigit(c)) f |= DIGIT;
                if (isJoiner(c)) f |= JOINER;
                if (c == '\'' || c == '\u2019' || c == '-' || c == '\u2011') f |= WORD_JOINER;
                if (c == 0x0130 || c == 0x03A3) f |= SPECIAL;
            }
            CLASS[c] = (byte) f;
        }
    }

    /**
     * {@code {hash(words), hash(masked)}} of a text without building its tokens: the same values as
     * {@code hash(Tokens.of(text, "").words)} and {@code hash(….masked)}, computed in one pass over the
     * chars with a table of their classes (the index computes them for every variant it stores). A text
     * with a surrogate pair, a capital I with dot or a capital sigma goes the way of {@link #hashesByCodePoint}.
     */
    static long[] hashes(String text) {
        long hw = 0xcbf29ce484222325L;
        long hm = hw;
        boolean first = true;
        int len = text.length();
        int i = 0;
        while (i < len) {
            int f = CLASS[text.charAt(i)];
            if ((f & SPECIAL) != 0) return hashesByCodePoint(text);
            if ((f & WORD) == 0) {
                i++;
                continue;
            }
            int start = i;
            boolean letters = false;
            int j = i;
            while (j < len) {
                int g = CLASS[text.charAt(j)];
                if ((g & SPECIAL) != 0) return hashesByCodePoint(text);
                if ((g & WORD) != 0) {
                    if ((g & DIGIT) == 0) letters = true;
                    j++;
                    continue;
                }
                if ((g & JOINER) != 0 && j + 1 < len) {
                    int p = CLASS[text.charAt(j - 1)];
                    int n = CLASS[text.charAt(j + 1)];
                    if ((n & SPECIAL) != 0) return hashesByCodePoint(text);
                    boolean digits = (p & DIGIT) != 0 && (n & DIGIT) != 0;
                    boolean wordJoin = (g & WORD_JOINER) != 0 && (p & WORD) != 0 && (n & WORD) != 0;
                    if (digits || wordJoin) {
                        j++;
                        continue;
                    }
                }
                break;
            }
            if (!first) {
                hw = (hw ^ ' ') * 0x100000001b3L;
                hm = (hm ^ ' ') * 0x100000001b3L;
            }
            first = false;
            for (int k = start; k < j; k++) {
                char c = text.charAt(k);
                c = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
                hw = (hw ^ c) * 0x100000001b3L;
                if (letters) hm = (hm ^ c) * 0x100000001b3L;
            }
            if (!letters) hm = (hm ^ '#') * 0x100000001b3L;
            i = j;
        }
        return new long[] {hw, hm};
    }

    /** {@link #hashes} code point by code point, for any text (surrogate pairs, İ, Σ). */
    static long[] hashesByCodePoint(String text) {
        long hw = 0xcbf29ce484222325L;
        long hm = hw;
        boolean first = true;
        int len = text.length();
        int i = 0;
        while (i < len) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int scan = scanWord(text, i);
            int j = scan >>> 1;
            boolean letters = (scan & 1) != 0;
            if (!first) {
                hw = (hw ^ ' ') * 0x100000001b3L;
                hm = (hm ^ ' ') * 0x100000001b3L;
            }
            first = false;
            if (simpleCase(text, start, j)) {
                // char by char, as String.toLowerCase does for these characters, without a copy of the word
                for (int k = start; k < j; k++) {
                    char c = Character.toLowerCase(text.charAt(k));
                    hw = (hw ^ c) * 0x100000001b3L;
                    if (letters) hm = (hm ^ c) * 0x100000001b3L;
                }
            } else {
                String lower = text.substring(start, j).toLowerCase(Locale.ROOT);
                for (int k = 0; k < lower.length(); k++) hw = (hw ^ lower.charAt(k)) * 0x100000001b3L;
                if (letters) {
                    for (int k = 0; k < lower.length(); k++) hm = (hm ^ lower.charAt(k)) * 0x100000001b3L;
                }
            }
            if (!letters) hm = (hm ^ '#') * 0x100000001b3L;
            i = j;
        }
        return new long[] {hw, hm};
    }

    /**
     * True if {@code String.toLowerCase(Locale.ROOT)} maps each char of that range on its own, to one char
     * ({@link Character#toLowerCase(char)}): no surrogate, no capital I with dot (two chars in lower case),
     * no capital sigma (final form depends on the context).
     */
    private static boolean simpleCase(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c >= 0x0130 && (c == 0x0130 || c == 0x03A3 || Character.isSurrogate(c))) return false;
        }
        return true;
    }

    /** 64-bit FNV-1a of the words joined by spaces: equal for texts equal up to case, punctuation and tags. */
    static long hash(String[] w) {
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < w.length; k++) {
            if (k > 0) h = (h ^ ' ') * 0x100000001b3L;
            String s = w[k];
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
        }
        return h;
    }
}
