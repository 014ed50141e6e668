package org.diptych.align;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word model's evidence for beads ({@link CostModel}'s Model 1 term): how much of a bead's words the other
 * side translates under the project's IBM Model 1 probabilities ({@link WordTable}).
 *
 * <p>For a bead of source units A and target units B, each target word {@code f} of B that the model knows is
 * covered by {@code min(1, Σ_{e∈A} t(f|e))} — Model 1's expected number of its translations among A's words,
 * at most one — and each known source word {@code e} of A by {@code min(1, Σ_{f∈B} t(e|f))}; the coverage is
 * their sum over the number of known words of both sides. Words the model does not know say nothing. Per unit,
 * the sums {@code Σ_{e∈x} t(f|e)} are made once for every target word of the documents, so a bead costs a
 * look-up per known word and unit of the other side.
 */
final class WordEvidence {
    /** Per source unit, its distinct known source word ids; per target unit likewise. */
    private final int[][] srcKnown, tgtKnown;
    /** Per source unit: sorted target word ids f with Σ_{e∈x} t(f|e) (in {@link #srcP}). */
    private final int[][] srcF;
    private final float[][] srcP;
    /** Per target unit: sorted source word ids e with Σ_{f∈y} t(e|f). */
    private final int[][] tgtE;
    private final float[][] tgtP;

    private WordEvidence(int[][] srcKnown, int[][] tgtKnown, int[][] srcF, float[][] srcP, int[][] tgtE, float[][] tgtP) {
        this.srcKnown = srcKnown;
        this.tgtKnown = tgtKnown;
        this.srcF = srcF;
        this.srcP = srcP;
        this.tgtE = tgtE;
        this.tgtP = tgtP;
    }

    /** The evidence of {@code table} (oriented source→target) for units with these stems; null if it knows none of them. */
    static WordEvidence of(WordTable table, PairLexicon.Tokens s, PairLexicon.Tokens t) {
        // per vocabulary word, its translations among the other side's words
        int[][] fOf = new int[s.vocabulary().size()][];
        float[][] pOf = new float[s.vocabulary().size()][];
        int[][] eOf = new int[t.vocabulary().size()][];
        float[][] qOf = new float[t.vocabulary().size()][];
        translations(s.vocabulary(), t.vocabulary(), table, true, fOf, pOf);
        translations(t.vocabulary(), s.vocabulary(), table, false, eOf, qOf);
        int[][] sk = new int[s.ids().length][], tk = new int[t.ids().length][];
        int[][] sf = new int[sk.length][], tf = new int[tk.length][];
        float[][] sp = new float[sk.length][], tp = new float[tk.length][];
        boolean anyS = sums(s, fOf, pOf, t.vocabulary().size(), sk, sf, sp);
        boolean anyT = sums(t, eOf, qOf, s.vocabulary().size(), tk, tf, tp);
        return anyS && anyT ? new WordEvidence(sk, tk, sf, sp, tf, tp) : null;
    }

    /** {@code out[w]}: the ids of the other side's words that translate word w, with their probabilities; null if w is unknown. */
    private static void translations(List<String> words, List<String> other, WordTable table, boolean forward,
                                     int[][] ids, float[][] probs) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 1; k < other.size(); k++) index.put(other.get(k), k);
        for (int w = 1; w < words.size(); w++) {
            Map<String, Double> tr = forward ? table.translations(words.get(w)) : table.sources(words.get(w));
            if (tr.isEmpty()) continue;
            int[] id = new int[tr.size()];
            float[] p = new float[tr.size()];
            int n = 0;
            for (Map.Entry<String, Double> e : tr.entrySet()) {
                Integer k = index.get(e.getKey());
                if (k == null) continue;
                id[n] = k;
                p[n++] = (float) (double) e.getValue();
            }
            ids[w] = Arrays.copyOf(id, n); // known, even with no translation in these documents
            probs[w] = Arrays.copyOf(p, n);
        }
    }

    /** Per unit: its known words and the sums of their translations' probabilities. Whether any unit knows a word. */
    private static boolean sums(PairLexicon.Tokens tok, int[][] tr, float[][] pr, int otherSize, int[][] known,
                                int[][] ids, float[][] probs) {
        float[] acc = new float[otherSize];
        int[] touched = new int[otherSize];
        int[] seen = new int[tok.vocabulary().size()];
        boolean any = false;
        for (int x = 0; x < tok.ids().length; x++) {
            int[] words = tok.ids()[x];
            int[] kn = new int[words.length];
            int k = 0, nt = 0;
            for (int w : words) {
                if (tr[w] == null || seen[w] == x + 1) continue;
                seen[w] = x + 1;
                kn[k++] = w;
                for (int z = 0; z < tr[w].length; z++) {
                    int f = tr[w][z];
                    if (acc[f] == 0) touched[nt++] = f;
                    acc[f] += pr[w][z];
                }
            }
            known[x] = Arrays.copyOf(kn, k);
            any |= k > 0;
            int[] t = Arrays.copyOf(touched, nt);
            Arrays.sort(t);
            float[] p = new float[nt];
            for (int z = 0; z < nt; z++) {
                p[z] = acc[t[z]];
                acc[t[z]] = 0;
            }
            ids[x] = t;
            probs[x] = p;
        }
        return any;
    }

    private static float lookup(int[] ids, float[] probs, int w) {
        int k = Arrays.binarySearch(ids, w);
        return k < 0 ? 0 : probs[k];
    }

    /** Known words of the source units [i0, i0+a) and of the target units [j0, j0+b). */
    int sourceKnown(int i0, int a) {
        int n = 0;
        for (int x = i0; x < i0 + a; x++) n += srcKnown[x].length;
        return n;
    }

    int targetKnown(int j0, int b) {
        int n = 0;
        for (int y = j0; y < j0 + b; y++) n += tgtKnown[y].length;
        return n;
    }

    /** Covered known words of source unit x alone by the target units [j0, j0+b) (one side of {@link #covered}). */
    double sourceCovered(int x, int j0, int b) {
        double c = 0;
        for (int e : srcKnown[x]) {
            double s = 0;
            for (int y = j0; y < j0 + b && s < 1; y++) s += lookup(tgtE[y], tgtP[y], e);
            c += Math.min(1, s);
        }
        return c;
    }

    /** Covered known words of target unit y alone by the source units [i0, i0+a). */
    double targetCovered(int y, int i0, int a) {
        double c = 0;
        for (int f : tgtKnown[y]) {
            double s = 0;
            for (int x = i0; x < i0 + a && s < 1; x++) s += lookup(srcF[x], srcP[x], f);
            c += Math.min(1, s);
        }
        return c;
    }

    /** Covered words of the bead, both sides together (see the class comment). */
    double covered(int i0, int a, int j0, int b) {
        double c = 0;
        for (int y = j0; y < j0 + b; y++) {
            for (int f : tgtKnown[y]) {
                double s = 0;
                for (int x = i0; x < i0 + a && s < 1; x++) s += lookup(srcF[x], srcP[x], f);
                c += Math.min(1, s);
            }
        }
        for (int x = i0; x < i0 + a; x++) {
            for (int e : srcKnown[x]) {
                double s = 0;
                for (int y = j0; y < j0 + b && s < 1; y++) s += lookup(tgtE[y], tgtP[y], e);
                c += Math.min(1, s);
            }
        }
        return c;
    }
}
