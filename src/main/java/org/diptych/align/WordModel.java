package org.diptych.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IBM Model 1 (Brown et al. 1993) word translation probabilities {@code t(f|e)}, trained by
 * expectation-maximisation over weighted sentence (bead) pairs of word ids, with the NULL word (id 0) on the
 * source side; and its symmetrised links: pairs {@code (e, f)} for which both directions' models, trained
 * separately, give at least a threshold (the intersection heuristic of Och and Ney 2003), seen together in at
 * least two pairs.
 *
 * <p>Word ids are positive ({@code 0} is NULL). Each pair's cells are looked up once; the EM iterations then
 * run over flat arrays, so training costs O(iterations × Σ |e|·|f|).
 */
final class WordModel {
    /** One link of the symmetrised model: ids, both probabilities, co-occurrence count (weighted). */
    record Link(int e, int f, double pFgivenE, double pEgivenF, double count) {}

    private final CellMap cell;
    private final double[] t;
    private final double[] cooc;
    /** Expected counts of each cell in the last E step (weighted): the model's sufficient statistics. */
    private final double[] expected;

    /** Open-addressing map of (e, f) keys to cell numbers, without boxing (training looks up every cell of every pair). */
    static final class CellMap {
        private long[] keys = new long[1 << 12];
        private int[] vals = new int[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;

        int get(long k) {
            int mask = keys.length - 1;
            for (int h = mix(k) & mask; used[h]; h = (h + 1) & mask) if (keys[h] == k) return vals[h];
            return -1;
        }

        /** The cell of {@code k}, numbered {@code next} if new. */
        int getOrPut(long k, int next) {
            if (2 * (size + 1) > keys.length) grow();
            int mask = keys.length - 1;
            int h = mix(k) & mask;
            for (; used[h]; h = (h + 1) & mask) if (keys[h] == k) return vals[h];
            used[h] = true;
            keys[h] = k;
            vals[h] = next;
            size++;
            return next;
        }

        int size() {
            return size;
        }

        long[] keys() {
            long[] out = new long[size];
            int w = 0;
            for (int h = 0; h < keys.length; h++) if (used[h]) out[w++] = keys[h];
            return out;
        }

        private void grow() {
            long[] ok = keys;
            int[] ov = vals;
            boolean[] ou = used;
            keys = new long[ok.length * 2];
            vals = new int[ok.length * 2];
            used = new boolean[ok.length * 2];
            size = 0;
            for (int h = 0; h < ok.length; h++) if (ou[h]) getOrPut(ok[h], ov[h]);
        }

        private static int mix(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }

    private WordModel(CellMap cell, double[] t, double[] cooc, double[] expected) {
        this.cell = cell;
        this.t = t;
        this.cooc = cooc;
        this.expected = expected;
    }

    /** What {@link #forEachCell} hands over per cell. */
    interface CellVisitor {
        void visit(int e, int f, double prob, double expectedCount);
    }

    /** Every cell with a source word (NULL left out): ids, {@code t(f|e)} and the last E step's expected count. */
    void forEachCell(CellVisitor v) {
        for (long k : cell.keys()) {
            int e = (int) (k >>> 32), f = (int) k;
            if (e == 0) continue;
            int c = cell.get(k);
            v.visit(e, f, t[c], expected[c]);
        }
    }

    private static long key(int e, int f) {
        return ((long) e << 32) | (f & 0xffffffffL);
    }

    /** {@code t(f|e)}; {@code e = 0} is NULL. Zero for a pair never seen together. */
    double prob(int e, int f) {
        int c = cell.get(key(e, f));
        return c < 0 ? 0 : t[c];
    }

    /** Weighted number of training pairs in which {@code e} and {@code f} occur together. */
    double cooccurrences(int e, int f) {
        int c = cell.get(key(e, f));
        return c < 0 ? 0 : cooc[c];
    }

    /**
     * Trains {@code t(f|e)}.
     *
     * @param src        per pair, the source word ids (positive; repetitions count)
     * @param tgt        per pair, the target word ids
     * @param weight     per pair, its weight (a reviewer's confirmed bead counts more), or {@code null} for 1
     * @param iterations EM iterations (5 is usual for Model 1)
     */
    static WordModel train(List<int[]> src, List<int[]> tgt, double[] weight, int iterations) {
        int pairs = src.size();
        CellMap cell = new CellMap();
        int[] cellE = new int[1 << 12];
        int[][] cells = new int[pairs][];
        for (int k = 0; k < pairs; k++) {
            int[] e = src.get(k), f = tgt.get(k);
            int[] ids = new int[(e.length + 1) * f.length];
            int w = 0;
            for (int j = 0; j < f.length; j++) {
                for (int i = -1; i < e.length; i++) {
                    int ei = i < 0 ? 0 : e[i];
                    int next = cell.size();
                    int c = cell.getOrPut(key(ei, f[j]), next);
                    if (c == next) {
                        if (next == cellE.length) cellE = Arrays.copyOf(cellE, 2 * next);
                        cellE[next] = ei;
                    }
                    ids[w++] = c;
                }
            }
            cells[k] = ids;
        }
        int nc = cell.size();
        int[] eOf = Arrays.copyOf(cellE, nc);
        int maxE = 0;
        for (int c = 0; c < nc; c++) maxE = Math.max(maxE, eOf[c]);
        double[] cooc = new double[nc];
        // each cell counted once per pair: the last pair that counted it, instead of sorting each pair's cells
        int[] counted = new int[nc];
        Arrays.fill(counted, -1);
        for (int k = 0; k < pairs; k++) {
            double wk = weight == null ? 1 : weight[k];
            for (int c : cells[k]) {
                if (counted[c] != k) {
                    counted[c] = k;
                    cooc[c] += wk;
                }
            }
        }
        double[] t = new double[nc];
        Arrays.fill(t, 1.0); // uniform start: every t(f|e) equal, normalised by the first M step
        double[] count = new double[nc];
        double[] total = new double[maxE + 1];
        for (int it = 0; it < iterations; it++) {
            Arrays.fill(count, 0);
            Arrays.fill(total, 0);
            for (int k = 0; k < pairs; k++) {
                double wk = weight == null ? 1 : weight[k];
                int[] ids = cells[k];
                int row = src.get(k).length + 1;
                for (int start = 0; start < ids.length; start += row) {
                    double z = 0;
                    for (int x = start; x < start + row; x++) z += t[ids[x]];
                    if (z <= 0) continue;
                    double s = wk / z;
                    for (int x = start; x < start + row; x++) count[ids[x]] += t[ids[x]] * s;
                }
            }
            for (int c = 0; c < nc; c++) total[eOf[c]] += count[c];
            for (int c = 0; c < nc; c++) t[c] = total[eOf[c]] > 0 ? count[c] / total[eOf[c]] : 0;
        }
        return new WordModel(cell, t, cooc, count);
    }

    /**
     * The links of the two directions' models: {@code (e, f)} with {@code t(f|e) ≥ threshold} in
     * {@code forward} and {@code t(e|f) ≥ threshold} in {@code backward} (trained on the same pairs swapped),
     * seen together with a weight of at least {@code minCount}. Sorted by decreasing weight, then ids.
     */
    static List<Link> links(WordModel forward, WordModel backward, double threshold, double minCount) {
        List<Link> out = new ArrayList<>();
        for (long k : forward.cell.keys()) {
            int e = (int) (k >>> 32), f = (int) k;
            if (e == 0) continue;
            int c = forward.cell.get(k);
            double pf = forward.t[c];
            if (pf < threshold) continue;
            double n = forward.cooc[c];
            if (n < minCount) continue;
            double pe = backward.prob(f, e);
            if (pe < threshold) continue;
            out.add(new Link(e, f, pf, pe, n));
        }
        out.sort((a, b) -> a.count() != b.count() ? Double.compare(b.count(), a.count())
                : a.e() != b.e() ? Integer.compare(a.e(), b.e()) : Integer.compare(a.f(), b.f()));
        return out;
    }
}
