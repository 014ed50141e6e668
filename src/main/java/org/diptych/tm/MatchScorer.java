package org.diptych.tm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The match percentage, defined on word tokens the way translators know it.
 *
 * <ul>
 *   <li>100: the same text (whitespace aside) and the same inline tags.</li>
 *   <li>93–99: the same words, but numbers (−2 for one differing number, −3 for two, −4 for more),
 *       punctuation (−1), letter case (−1) or inline tags (−1) differ; {@link Difference} says which.</li>
 *   <li>Fuzzy: {@code floor(100 × (1 − d / max(n, m)))} where {@code d} is the word edit distance
 *       (insertions, deletions, substitutions of lower-case words and numbers) between a query of
 *       {@code n} words and a source of {@code m} words; at most 99.</li>
 *   <li>Reordered: the word edit distance punishes a moved clause twice; so when some shared words are
 *       in another order (fewer words in their longest common subsequence than shared) and
 *       {@code min(word bag Dice, character trigram Dice)} − 5 is higher than the fuzzy score, that is the
 *       score, at most 94. Words only added or left out (all shared words in the same order) stay fuzzy.</li>
 * </ul>
 *
 * In-context (101) and the draft penalty are decided by the TM, which knows the unit.
 */
final class MatchScorer {
    static final int REORDER_PENALTY = 5;

    private MatchScorer() {}

    record Scored(int score, MatchKind kind, Set<Difference> differences, String description) {}

    static Scored score(Tokens q, Tokens c) {
        // a query without tag information (plain text typed on the command line) matches any tags
        boolean sameTags = q.tags == null || c.tags == null || q.tags.equals(c.tags);
        if (sameTags && q.collapsed().equals(c.collapsed())) {
            return new Scored(100, MatchKind.EXACT, Set.of(), "exact match");
        }
        if (Arrays.equals(q.masked, c.masked) && q.masked.length > 0) {
            EnumSet<Difference> d = EnumSet.noneOf(Difference.class);
            List<String> numbers = new ArrayList<>();
            int numberCount = 0;
            for (int i = 0; i < q.words.length; i++) {
                if (!q.words[i].equals(c.words[i])) {
                    d.add(Difference.NUMBERS);
                    numberCount++;
                    if (numbers.size() < 3) numbers.add(c.cased[i] + " → " + q.cased[i]);
                } else if (!q.cased[i].equals(c.cased[i])) {
                    d.add(Difference.CASE);
                }
            }
            if (!q.punct.equals(c.punct)) d.add(Difference.PUNCTUATION);
            if (!sameTags) d.add(Difference.TAGS);
            if (d.isEmpty()) return new Scored(100, MatchKind.EXACT, Set.of(), "exact match");
            int score = 100;
            List<String> what = new ArrayList<>();
            for (Difference x : d) {
                score -= x == Difference.NUMBERS ? x.cost() + Math.min(2, numberCount - 1) : x.cost();
                what.add(switch (x) {
                    case NUMBERS -> "numbers (" + String.join(", ", numbers) + ")";
                    case PUNCTUATION -> "punctuation";
                    case CASE -> "letter case";
                    case TAGS -> "inline tags";
                });
            }
            return new Scored(score, MatchKind.NEAR_EXACT, d, "differs only in " + String.join(", ", what));
        }
        int n = Math.max(q.words.length, c.words.length);
        if (n == 0) return new Scored(0, MatchKind.FUZZY, Set.of(), "no words");
        int dist = editDistance(q.words, c.words);
        int fuzzy = Math.min(99, (int) Math.floor(100.0 * (n - dist) / n));
        double bag = bagDice(q.words, c.words);
        double tri = dice(q.trigrams(), c.trigrams());
        int reordered = Math.min(94, (int) Math.floor(100.0 * Math.min(bag, tri)) - REORDER_PENALTY);
        if (reordered > fuzzy && common(q.words, c.words) > lcs(q.words, c.words)) {
            return new Scored(reordered, MatchKind.REORDERED, Set.of(),
                    "words in another order (" + Math.round(bag * 100) + "% of the words shared)");
        }
        return new Scored(Math.max(0, fuzzy), MatchKind.FUZZY, Set.of(),
                "fuzzy: " + dist + " word edit" + (dist == 1 ? "" : "s") + " for " + n + " words");
    }

    /**
     * A bound no candidate's {@link #score} goes above, from the words the two texts share alone (no edit
     * distance, no trigrams): a lookup passes over candidates that cannot reach its threshold. The word
     * edit distance is at least {@code max(n, m) − shared words}, and the reordered score is at most the
     * word bag Dice − 5; texts equal up to numbers are bounded by 101 (an exact match in context).
     */
    static int upperBound(Tokens q, Tokens c) {
        if (q.masked.length > 0 && Arrays.equals(q.masked, c.masked)) return 101;
        if (q.collapsed().equals(c.collapsed())) return 101;
        int n = Math.max(q.words.length, c.words.length);
        if (n == 0) return 0;
        int shared = common(q.words, c.words);
        int fuzzy = Math.min(99, (int) Math.floor(100.0 * shared / n));
        int reordered = Math.min(94, (int) Math.floor(100.0 * 2 * shared / (q.words.length + c.words.length)) - REORDER_PENALTY);
        return Math.max(0, Math.max(fuzzy, reordered));
    }

    /** Levenshtein distance over tokens. */
    static int editDistance(String[] a, String[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) prev[j] = j;
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int sub = prev[j - 1] + (a[i - 1].equals(b[j - 1]) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }

    /** Dice coefficient of two word multisets. */
    static double bagDice(String[] a, String[] b) {
        if (a.length + b.length == 0) return 0;
        return 2.0 * common(a, b) / (a.length + b.length);
    }

    /** How many words two texts share, as multisets. */
    static int common(String[] a, String[] b) {
        Map<String, Integer> count = new HashMap<>();
        for (String s : a) count.merge(s, 1, Integer::sum);
        int common = 0;
        for (String s : b) {
            Integer k = count.get(s);
            if (k != null && k > 0) {
                common++;
                count.put(s, k - 1);
            }
        }
        return common;
    }

    /** Length of the longest common subsequence of two word sequences: the shared words in the same order. */
    static int lcs(String[] a, String[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                cur[j] = a[i - 1].equals(b[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }

    /** Dice coefficient of two sorted multisets. */
    static double dice(long[] a, long[] b) {
        if (a.length + b.length == 0) return 0;
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }

    /** The word-level difference between the query and a match's source, for display. */
    static List<WordDiff> diff(Tokens q, Tokens m) {
        List<Tokens.Token> a = q.all;
        List<Tokens.Token> b = m.all;
        int[][] d = new int[a.size() + 1][b.size() + 1];
        for (int i = 0; i <= a.size(); i++) d[i][0] = i;
        for (int j = 0; j <= b.size(); j++) d[0][j] = j;
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                boolean eq = a.get(i - 1).text().equalsIgnoreCase(b.get(j - 1).text());
                d[i][j] = Math.min(eq ? d[i - 1][j - 1] : Integer.MAX_VALUE, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        // Walk back: EQUAL where tokens match, otherwise a deletion from the query or an insertion from the match.
        List<int[]> steps = new ArrayList<>(); // {op, index}
        int i = a.size();
        int j = b.size();
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && a.get(i - 1).text().equalsIgnoreCase(b.get(j - 1).text()) && d[i][j] == d[i - 1][j - 1]) {
                steps.add(new int[] {0, j - 1});
                i--;
                j--;
            } else if (j > 0 && (i == 0 || d[i][j] == d[i][j - 1] + 1)) {
                steps.add(new int[] {2, j - 1});
                j--;
            } else {
                steps.add(new int[] {1, i - 1});
                i--;
            }
        }
        java.util.Collections.reverse(steps);
        List<WordDiff> out = new ArrayList<>();
        int k = 0;
        while (k < steps.size()) {
            int op = steps.get(k)[0];
            int from = steps.get(k)[1];
            int to = from;
            int e = k + 1;
            while (e < steps.size() && steps.get(e)[0] == op) {
                to = steps.get(e)[1];
                e++;
            }
            Tokens side = op == 1 ? q : m;
            String text = side.text.substring(side.all.get(from).start(), side.all.get(to).end());
            out.add(new WordDiff(op == 0 ? WordDiff.Op.EQUAL : op == 1 ? WordDiff.Op.QUERY_ONLY : WordDiff.Op.MATCH_ONLY, text));
            k = e;
        }
        return out;
    }
}
