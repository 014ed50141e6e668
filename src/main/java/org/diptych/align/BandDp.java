package org.diptych.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.diptych.Progress;

/**
 * Dynamic programming over a band of the alignment lattice of one stretch. Lattice point (i, j) means "the
 * first i source and j target units of the stretch are aligned"; a bead of shape a:b leads from (i, j) to
 * (i+a, j+b). A band gives, for every row i, the columns [lo[i], hi[i]] that may be visited. Memory and
 * time are O(cells of the band): linear in the documents' length for a fixed width.
 *
 * <ul>
 *   <li>{@link #guide} (pass one) finds a best path in a band that follows itself: row i spans ±w around the
 *       best column of row i−1, so the band bends with the alignment instead of the diagonal. Shapes 1:1,
 *       1:0, 0:1 only: a merge shows as a 1:1 next to a 1:0, close enough for pass two's band.</li>
 *   <li>{@link #refine} (pass two) takes a fixed band (around the guide), tabulates every bead score once
 *       (two threads), runs Viterbi with forward (one thread) and backward (the other) and returns the best
 *       path with each bead's posterior probability.</li>
 * </ul>
 */
final class BandDp {
    /** Shapes of the guide pass: the first three of {@link CostModel#SHAPES} (1:1, 1:0, 0:1). */
    private static final int GUIDE_SHAPES = 3;

    private BandDp() {}

    static long key(int i0, int a, int j0, int b) {
        return ((long) i0 << 36) | ((long) j0 << 8) | ((long) a << 4) | b;
    }

    private static double score(CostModel model, int s0, int t0, int i, int a, int j, int b, Set<Long> forbidden) {
        if ((a > 2 || b > 2) && !model.allowed(s0 + i, a, t0 + j, b)) return Double.NaN;
        if (!forbidden.isEmpty() && forbidden.contains(key(s0 + i, a, t0 + j, b))) return Double.NaN;
        return model.score(s0 + i, a, t0 + j, b);
    }

    // ------------------------------------------------------------------ pass one

    /** A guide path and the band it was found in. */
    record Guide(List<int[]> path, int[] lo, int[] hi, boolean touchesEdge) {}

    /**
     * Best path (beads {i0, a, j0, b} in stretch coordinates) in a band of half-width {@code w} that follows
     * the best column of the previous row (shifted by the expected slope m/n).
     */
    static Guide guide(CostModel model, int s0, int n, int t0, int m, int w, Set<Long> forbidden, Progress progress) {
        int[] lo = new int[n + 1], hi = new int[n + 1];
        double[][] best = new double[n + 1][];
        byte[][] back = new byte[n + 1][];
        double slope = n == 0 ? 0 : (double) m / n;
        int[][] shapes = CostModel.SHAPES;
        int bestCol = 0;
        for (int i = 0; i <= n; i++) {
            if ((i & 255) == 0) progress.checkCancelled();
            if (i == 0) {
                lo[0] = 0;
                hi[0] = Math.min(m, w + (int) Math.ceil(slope));
            } else {
                int centre = (int) Math.round(bestCol + slope);
                lo[i] = Math.max(lo[i - 1], Math.max(0, centre - w));
                hi[i] = Math.max(hi[i - 1], Math.min(m, centre + w));
                if (lo[i] > hi[i]) lo[i] = hi[i];
            }
            if (i == n) hi[i] = m;
            int width = hi[i] - lo[i] + 1;
            double[] row = best[i] = new double[width];
            byte[] brow = back[i] = new byte[width];
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
            double rowBest = Double.NEGATIVE_INFINITY;
            for (int j = lo[i]; j <= hi[i]; j++) {
                double bestHere = i == 0 && j == 0 ? 0 : Double.NEGATIVE_INFINITY;
                int arg = -1;
                if (i > 0 || j > 0) {
                    for (int k = 0; k < GUIDE_SHAPES; k++) {
                        int a = shapes[k][0], b = shapes[k][1], pi = i - a, pj = j - b;
                        if (pi < 0 || pj < lo[Math.max(pi, 0)] || pj > hi[pi]) continue;
                        double prev = best[pi][pj - lo[pi]];
                        if (prev == Double.NEGATIVE_INFINITY) continue;
                        double s = score(model, s0, t0, pi, a, pj, b, forbidden);
                        if (Double.isNaN(s)) continue;
                        if (prev + s > bestHere) {
                            bestHere = prev + s;
                            arg = k;
                        }
                    }
                }
                row[j - lo[i]] = bestHere;
                brow[j - lo[i]] = (byte) arg;
                if (bestHere > rowBest) {
                    rowBest = bestHere;
                    bestCol = j;
                }
            }
        }
        List<int[]> path = backtrack(n, m, (i, j) -> back[i][j - lo[i]]);
        boolean touches = false;
        for (int[] b : path) {
            int i = b[0], j = b[2];
            if (lo[i] > 0 && j - lo[i] < 2 || hi[i] < m && hi[i] - j < 2) {
                touches = true;
                break;
            }
        }
        return new Guide(path, lo, hi, touches);
    }

    private interface Back {
        int at(int i, int j);
    }

    private static List<int[]> backtrack(int n, int m, Back back) {
        List<int[]> path = new ArrayList<>();
        int i = n, j = m;
        while (i > 0 || j > 0) {
            int k = back.at(i, j);
            if (k < 0) throw new IllegalStateException("no path through the band at " + i + "," + j);
            int a = CostModel.SHAPES[k][0], b = CostModel.SHAPES[k][1];
            path.add(new int[] {i - a, a, j - b, b});
            i -= a;
            j -= b;
        }
        Collections.reverse(path);
        return path;
    }

    /** A band of half-width {@code w} around a path (beads {i0, a, j0, b} in order); bounds never decrease. */
    static int[][] around(List<int[]> path, int n, int m, int w) {
        int[] lo = new int[n + 1], hi = new int[n + 1];
        Arrays.fill(lo, Integer.MAX_VALUE);
        Arrays.fill(hi, Integer.MIN_VALUE);
        lo[0] = 0;
        hi[0] = 0;
        for (int[] b : path) {
            int i0 = b[0], i1 = b[0] + b[1], j0 = b[2], j1 = b[2] + b[3];
            for (int i = i0; i <= i1; i++) {
                lo[i] = Math.min(lo[i], j0);
                hi[i] = Math.max(hi[i], j1);
            }
        }
        for (int i = 0; i <= n; i++) {
            lo[i] = Math.max(0, lo[i] - w);
            hi[i] = Math.min(m, hi[i] + w);
        }
        for (int i = n - 1; i >= 0; i--) lo[i] = Math.min(lo[i], lo[i + 1]);
        for (int i = 1; i <= n; i++) hi[i] = Math.max(hi[i], hi[i - 1]);
        lo[0] = 0;
        hi[n] = m;
        return new int[][] {lo, hi};
    }

    // ------------------------------------------------------------------ pass two

    /** The refined path, each bead's posterior, and whether the path came near the band's edge. */
    record Refined(List<int[]> path, double[] posterior, boolean touchesEdge) {}

    /**
     * Viterbi and forward-backward in the band [lo, hi] (bounds non-decreasing, (0,0) and (n,m) inside).
     * Posteriors are for the distribution over paths ∝ exp(score / temperature).
     */
    static Refined refine(CostModel model, int s0, int n, int t0, int m, int[] lo, int[] hi, Set<Long> forbidden,
                          double temperature, Progress progress) {
        int[] rowStart = new int[n + 2];
        long total = 0;
        for (int i = 0; i <= n; i++) {
            rowStart[i] = (int) total;
            total += hi[i] - lo[i] + 1;
        }
        rowStart[n + 1] = (int) total;
        int cells = (int) total;
        int[][] shapes = CostModel.SHAPES;
        int k = shapes.length;
        // scores[c * k + s]: score of the bead of shape s ending at cell c (NaN: impossible)
        float[] scores = new float[cells * k];
        parallel(n + 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = lo[i]; j <= hi[i]; j++) {
                    int c = rowStart[i] + j - lo[i];
                    for (int s = 0; s < k; s++) {
                        int a = shapes[s][0], b = shapes[s][1], pi = i - a, pj = j - b;
                        double v = Double.NaN;
                        if (pi >= 0 && pj >= 0 && pj >= lo[pi] && pj <= hi[pi]) {
                            v = score(model, s0, t0, pi, a, pj, b, forbidden);
                        }
                        scores[c * k + s] = (float) v;
                    }
                }
            }
        });
        progress.checkCancelled();
        double[] alpha = new double[cells], beta = new double[cells], vit = new double[cells];
        byte[] back = new byte[cells];
        Runnable forward = () -> {
            Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
            Arrays.fill(vit, Double.NEGATIVE_INFINITY);
            alpha[0] = 0;
            vit[0] = 0;
            double[] terms = new double[k];
            for (int i = 0; i <= n; i++) {
                for (int j = lo[i]; j <= hi[i]; j++) {
                    if (i == 0 && j == 0) continue;
                    int c = rowStart[i] + j - lo[i];
                    int count = 0, arg = -1;
                    double max = Double.NEGATIVE_INFINITY, vbest = Double.NEGATIVE_INFINITY;
                    for (int s = 0; s < k; s++) {
                        float sc = scores[c * k + s];
                        if (Float.isNaN(sc)) continue;
                        int pi = i - shapes[s][0], pj = j - shapes[s][1];
                        int pc = rowStart[pi] + pj - lo[pi];
                        double pv = vit[pc];
                        if (pv != Double.NEGATIVE_INFINITY && pv + sc > vbest) {
                            vbest = pv + sc;
                            arg = s;
                        }
                        double pa = alpha[pc];
                        if (pa == Double.NEGATIVE_INFINITY) continue;
                        double v = pa + sc / temperature;
                        terms[count++] = v;
                        if (v > max) max = v;
                    }
                    vit[c] = vbest;
                    back[c] = (byte) arg;
                    alpha[c] = logSumExp(terms, count, max);
                }
            }
        };
        Runnable backward = () -> {
            Arrays.fill(beta, Double.NEGATIVE_INFINITY);
            beta[cells - 1] = 0;
            double[] terms = new double[k];
            for (int i = n; i >= 0; i--) {
                for (int j = hi[i]; j >= lo[i]; j--) {
                    if (i == n && j == m) continue;
                    int count = 0;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int s = 0; s < k; s++) {
                        int ni = i + shapes[s][0], nj = j + shapes[s][1];
                        if (ni > n || nj < lo[ni] || nj > hi[ni]) continue;
                        int nc = rowStart[ni] + nj - lo[ni];
                        float sc = scores[nc * k + s];
                        if (Float.isNaN(sc)) continue;
                        double nb = beta[nc];
                        if (nb == Double.NEGATIVE_INFINITY) continue;
                        double v = nb + sc / temperature;
                        terms[count++] = v;
                        if (v > max) max = v;
                    }
                    beta[rowStart[i] + j - lo[i]] = logSumExp(terms, count, max);
                }
            }
        };
        runBoth(forward, backward);
        progress.checkCancelled();
        List<int[]> path = backtrack(n, m, (i, j) -> back[rowStart[i] + j - lo[i]]);
        double z = alpha[cells - 1];
        double[] post = new double[path.size()];
        boolean touches = false;
        for (int p = 0; p < post.length; p++) {
            int[] b = path.get(p);
            int i1 = b[0] + b[1], j1 = b[2] + b[3];
            int start = rowStart[b[0]] + b[2] - lo[b[0]], end = rowStart[i1] + j1 - lo[i1];
            int s = shapeIndex(b[1], b[3]);
            double lp = alpha[start] + scores[end * k + s] / temperature + beta[end] - z;
            post[p] = Double.isNaN(lp) ? 0 : Math.min(1, Math.exp(lp));
            int i = b[0], j = b[2];
            if (lo[i] > 0 && j - lo[i] < 2 || hi[i] < m && hi[i] - j < 2) touches = true;
        }
        return new Refined(path, post, touches);
    }

    static int shapeIndex(int a, int b) {
        for (int s = 0; s < CostModel.SHAPES.length; s++) {
            if (CostModel.SHAPES[s][0] == a && CostModel.SHAPES[s][1] == b) return s;
        }
        throw new IllegalArgumentException(a + ":" + b);
    }

    private interface Rows {
        void run(int from, int to);
    }

    /** Runs rows [0, count) in two halves, one in a helper thread, when there is enough work. */
    private static void parallel(int count, Rows rows) {
        if (count < 512) {
            rows.run(0, count);
            return;
        }
        int half = count / 2;
        runBoth(() -> rows.run(0, half), () -> rows.run(half, count));
    }

    private static void runBoth(Runnable first, Runnable second) {
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = new Thread(first, "align-dp");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> failure[0] = e instanceof RuntimeException r ? r : new IllegalStateException(e));
        t.start();
        second.run();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Progress.Cancelled();
        }
        if (failure[0] != null) throw failure[0];
    }

    private static double logSumExp(double[] v, int count, double max) {
        if (count == 0) return Double.NEGATIVE_INFINITY;
        double s = 0;
        for (int x = 0; x < count; x++) s += Math.exp(v[x] - max);
        return max + Math.log(s);
    }
}
