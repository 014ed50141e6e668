package org.diptych.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.diptych.Progress;
import org.diptych.bench.BenchDoc;
import org.diptych.bench.Metrics;
import org.diptych.bench.OwnStatements;
import org.diptych.model.Paragraph;

/**
 * Fits the confidence calibration of {@link CostModel} ({@code TEMPERATURE}, {@code CALIBRATION})
 * on seeded perturbations of the project's own test statements — never on the benchmark's evaluation texts.
 * For each candidate temperature it collects the raw posterior of every bead Diptych proposes, whether the
 * bead is right (gold by construction), fits the logistic map of {@link CostModel#calibrationFeatures} and
 * prints the log-loss; the line of the chosen temperature is what CostModel holds. Wrong beads count
 * {@link #WRONG_WEIGHT} times (3; {@code -DwrongWeight=1} for a plain fit).
 *
 * <pre>java -cp … org.diptych.align.AlignCalibration [variants per pair, default 60]</pre>
 */
public final class AlignCalibration {
    /** How many times a wrong bead counts in the fit (see {@link #fit(List, double)}). */
    static final double WRONG_WEIGHT = Double.parseDouble(System.getProperty("wrongWeight", "3"));

    /** Whether one variant in three has a replaced paragraph ({@link BenchDoc#replaced}); {@code -Dreplaced=false}: none. */
    static final boolean REPLACED = Boolean.parseBoolean(System.getProperty("replaced", "true"));

    /**
     * Whether one variant in three has a glued line or a paragraph split at every sentence ({@link BenchDoc#glued},
     * {@link BenchDoc#splitAtSentences}); {@code -Dphenomena=false}: none.
     */
    static final boolean PHENOMENA = Boolean.parseBoolean(System.getProperty("phenomena", "true"));

    public static void main(String[] args) {
        int variants = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<BenchDoc[]> pairs = data(variants);
        System.out.println("pairs of documents: " + pairs.size());
        double[] temps = args.length > 1 ? new double[] {Double.parseDouble(args[1])} : new double[] {1.0, 1.5, 2.0, 3.0, 4.0, 6.0};
        for (double t : temps) {
            List<double[]> xy = collect(pairs, t);
            if (args.length > 2 && args[2].equals("simple")) {
                // the two-parameter map σ(A·logit(p) + B): bead-kind features zeroed
                for (double[] v : xy) for (int f = 2; f < v.length - 1; f++) v[f] = 0;
            }
            double[] w = fit(xy, WRONG_WEIGHT);
            int right = 0;
            for (double[] v : xy) right += (int) v[v.length - 1];
            System.out.printf(Locale.ROOT, "T=%.1f beads=%d right=%.1f%% weights=%s logloss=%.4f%n", t, xy.size(),
                    100.0 * right / xy.size(), java.util.Arrays.toString(round(w)), logLoss(xy, w));
            table(xy, w);
            if (Boolean.getBoolean("featureTable")) features(xy);
            if (Boolean.getBoolean("rivalTable")) {
                double[] edges = {0, 1e-9, 0.5, 1, 2, 3, 4.0001};
                int rival = java.util.Arrays.asList(CostModel.FEATURES).indexOf(System.getProperty("rivalTable.feature", "rival"));
                for (int k = 0; k + 1 < edges.length; k++) {
                    int n = 0, r = 0, n1 = 0, r1 = 0;
                    for (double[] v : xy) {
                        if (v[rival] < edges[k] || v[rival] >= edges[k + 1]) continue;
                        n++; r += (int) v[v.length - 1];
                        if (v[3] == 1) { n1++; r1 += (int) v[v.length - 1]; }
                    }
                    System.out.printf(Locale.ROOT, "  %s [%.1f,%.1f): %d beads, %d right; multi: %d, %d right%n", CostModel.FEATURES[rival], edges[k], edges[k + 1], n, r, n1, r1);
                }
            }
        }
    }

    /** Own statements in the four directions with a gold, each perturbed with rates 0 to 0.2 on both sides. */
    static List<BenchDoc[]> data(int variants) {
        List<BenchDoc[]> out = new ArrayList<>();
        for (String id : OwnStatements.IDS) {
            Set<String> locked = new HashSet<>();
            Map<String, BenchDoc> docs = labelled(id, locked);
            String[] langs = {"ru", "en", "pt"};
            for (String a : langs) {
                for (String b : langs) {
                    // only pairs with a hand-made gold (ru with en or pt): a gold composed through Russian can
                    // be coarser than the truth where both translations restructured the same passage
                    if (a.equals(b) || !a.equals("ru") && !b.equals("ru")) continue;
                    for (int v = 0; v < variants; v++) {
                        Random r = new Random(id.hashCode() * 31L + a.hashCode() * 7L + b.hashCode() + v * 1_000_003L);
                        double rate = 0.2 * v / Math.max(1, variants - 1);
                        BenchDoc x = docs.get(a).perturb(r, rate, locked), y = docs.get(b).perturb(r, rate, locked);
                        // one variant in three: a paragraph of one side replaced (a pasted duplicate, a rewrite)
                        if (REPLACED && v % 3 == 2) {
                            if (r.nextBoolean()) x = x.replaced(r, 1, locked);
                            else y = y.replaced(r, 1, locked);
                        }
                        // one variant in three: a line the same in both versions glued to a paragraph in one of
                        // them (BenchDoc.glued), or a paragraph split at every sentence in one (splitAtSentences)
                        if (PHENOMENA && v % 3 == 1) {
                            if (v % 2 == 0) {
                                BenchDoc[] g = BenchDoc.glued(x, y, r, locked);
                                x = g[0];
                                y = g[1];
                            } else if (r.nextBoolean()) {
                                x = x.splitAtSentences(r, locked);
                            } else {
                                y = y.splitAtSentences(r, locked);
                            }
                        }
                        out.add(new BenchDoc[] {x, y});
                    }
                }
            }
        }
        return out;
    }

    /**
     * Labels every unit with the ids of the Russian units it translates (via the ru-en and ru-pt gold); the
     * labels of beads other than 1:1 go to {@code locked}, so that perturbations keep to clean regions
     * where the gold by construction is exact.
     */
    static Map<String, BenchDoc> labelled(String id, Set<String> locked) {
        Map<String, BenchDoc> out = new HashMap<>();
        List<Paragraph> ru = OwnStatements.paragraphs(id, "ru");
        List<Set<String>> ruLabels = new ArrayList<>();
        for (int i = 0; i < ru.size(); i++) ruLabels.add(new LinkedHashSet<>(Set.of("r" + i)));
        out.put("ru", new BenchDoc("ru", ru, ruLabels));
        for (String lang : new String[] {"en", "pt"}) {
            List<Paragraph> ps = OwnStatements.paragraphs(id, lang);
            List<Set<String>> labels = new ArrayList<>();
            for (int j = 0; j < ps.size(); j++) labels.add(new LinkedHashSet<>());
            for (AlignedBead b : OwnStatements.gold(id + ".ru-" + lang + ".tsv", false)) {
                if (b.sourceSize() != 1 || b.targetSize() != 1) {
                    for (int i = b.sourceStart(); i < b.sourceEnd(); i++) locked.add("r" + i);
                    for (int j = b.targetStart(); j < b.targetEnd(); j++) locked.add(lang + j);
                }
                for (int j = b.targetStart(); j < b.targetEnd(); j++) {
                    if (b.sourceSize() == 0) labels.get(j).add(lang + j);
                    for (int i = b.sourceStart(); i < b.sourceEnd(); i++) labels.get(j).add("r" + i);
                }
            }
            out.put(lang, new BenchDoc(lang, ps, labels));
        }
        return out;
    }

    /**
     * Per proposed bead: the calibration features ({@link CostModel#calibrationFeatures}) and, last, 1 if
     * the bead is right; at temperature t. The identity map is installed so that confidence = posterior.
     */
    static List<double[]> collect(List<BenchDoc[]> pairs, double t) {
        List<double[]> xy = new ArrayList<>();
        for (BenchDoc[] p : pairs) {
            Units s = Units.of(p[0].paragraphs, null), u = Units.of(p[1].paragraphs, null);
            CostModel m = new CostModel(s, u, p[0].lang, p[1].lang);
            m.temperature = t;
            m.calibration = new double[CostModel.CALIBRATION.length];
            m.calibration[1] = 1;
            List<AlignedBead> got = Aligner.alignUnits(s, u, m, List.of(), Set.of(), Progress.NONE);
            Set<String> gold = new HashSet<>();
            for (AlignedBead b : BenchDoc.gold(p[0], p[1])) gold.add(Metrics.key(b));
            for (int k = 0; k < got.size(); k++) {
                AlignedBead b = got.get(k);
                double[] x = m.calibrationFeatures(b.confidence(), got, k);
                double[] row = java.util.Arrays.copyOf(x, x.length + 1);
                row[x.length] = gold.contains(Metrics.key(b)) ? 1 : 0;
                xy.add(row);
            }
        }
        return xy;
    }

    static double predict(double[] w, double[] row) {
        double z = 0;
        for (int k = 0; k < w.length; k++) z += w[k] * row[k];
        return 1 / (1 + Math.exp(-z));
    }

    /** Logistic regression (Newton's method, a little ridge for stability). */
    static double[] fit(List<double[]> xy) {
        return fit(xy, 1);
    }

    /**
     * Logistic regression where every wrong bead counts {@code wrongWeight} times: the map then errs on the side
     * of doubt, as a coordinator's review does (a wrong pair called sure is worse than a right pair reviewed).
     */
    static double[] fit(List<double[]> xy, double wrongWeight) {
        int k = xy.get(0).length - 1;
        double[] w = new double[k];
        w[1] = 1;
        for (int it = 0; it < 60; it++) {
            double[] g = new double[k];
            double[][] h = new double[k][k];
            for (double[] v : xy) {
                double c = v[k] == 1 ? 1 : wrongWeight;
                double p = predict(w, v), r = c * (p - v[k]), q = c * Math.max(1e-9, p * (1 - p));
                for (int a = 0; a < k; a++) {
                    g[a] += r * v[a];
                    for (int b = 0; b < k; b++) h[a][b] += q * v[a] * v[b];
                }
            }
            for (int a = 0; a < k; a++) {
                g[a] += 1e-3 * w[a];
                h[a][a] += 1e-3;
            }
            double[] d = solve(h, g);
            double step = 0;
            for (int a = 0; a < k; a++) {
                w[a] -= d[a];
                step += Math.abs(d[a]);
            }
            if (step < 1e-9) break;
        }
        return w;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            double[] tmp = m[c];
            m[c] = m[piv];
            m[piv] = tmp;
            for (int r = 0; r < n; r++) {
                if (r == c || m[c][c] == 0) continue;
                double f = m[r][c] / m[c][c];
                for (int x = c; x <= n; x++) m[r][x] -= f * m[c][x];
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        return out;
    }

    static double[] round(double[] w) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) r[i] = Math.round(w[i] * 1000) / 1000.0;
        return r;
    }

    static double logLoss(List<double[]> xy, double[] w) {
        double l = 0;
        int k = w.length;
        for (double[] v : xy) {
            double p = Math.min(1 - 1e-9, Math.max(1e-9, predict(w, v)));
            l -= v[k] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return l / xy.size();
    }

    /** Per feature after the first two: how many right and wrong beads have it (non-zero), and its mean there. */
    static void features(List<double[]> xy) {
        int k = xy.get(0).length - 1;
        for (int f = 2; f < k; f++) {
            int nr = 0, nw = 0;
            double sr = 0, sw = 0;
            for (double[] v : xy) {
                if (v[f] == 0) continue;
                if (v[k] == 1) { nr++; sr += v[f]; } else { nw++; sw += v[f]; }
            }
            System.out.printf(Locale.ROOT, "    %-10s right beads with it %5d (mean %.2f), wrong %4d (mean %.2f)%n", CostModel.FEATURES[f],
                    nr, nr == 0 ? 0 : sr / nr, nw, nw == 0 ? 0 : sw / nw);
        }
    }

    static void table(List<double[]> xy, double[] ab) {
        double[] edges = {0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 1.0000001};
        StringBuilder sb = new StringBuilder("   ");
        int wrong = 0, wrongLow = 0, hi = 0, hiRight = 0;
        for (int k = 0; k + 1 < edges.length; k++) {
            int n = 0, r = 0;
            for (double[] v : xy) {
                double c = predict(ab, v);
                if (c >= edges[k] && c < edges[k + 1]) {
                    n++;
                    r += (int) v[ab.length];
                }
            }
            sb.append(String.format(Locale.ROOT, " [%.2f,%.2f):%d/%d", edges[k], Math.min(1, edges[k + 1]), r, n));
        }
        for (double[] v : xy) {
            double c = predict(ab, v);
            if (c >= 0.9) { hi++; hiRight += (int) v[ab.length]; }
            if (v[ab.length] == 0) { wrong++; if (c < 0.5) wrongLow++; }
        }
        System.out.println(sb);
        System.out.printf(Locale.ROOT, "    >=0.9: %.1f%% right of %d; wrong below 0.5: %d of %d%n",
                hi == 0 ? 0 : 100.0 * hiRight / hi, hi, wrongLow, wrong);
    }
}
