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
 * Fits the confidence calibration of {@link CostModel} ({@code TEMPERATURE}, {@code CAL_A}, {@code CAL_B})
 * on seeded perturbations of the project's own test statements — never on the benchmark's evaluation texts.
 * For each candidate temperature it collects the raw posterior of every bead Diptych proposes, whether the
 * bead is right (gold by construction), fits {@code σ(A·logit(p) + B)} by logistic regression and prints the
 * log-loss; the best line is what CostModel holds.
 *
 * <pre>java -cp … org.diptych.align.AlignCalibration [variants per pair, default 60]</pre>
 */
public final class AlignCalibration {
    public static void main(String[] args) {
        int variants = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<BenchDoc[]> pairs = data(variants);
        System.out.println("pairs of documents: " + pairs.size());
        double[] temps = args.length > 1 ? new double[] {Double.parseDouble(args[1])} : new double[] {1.0, 1.5, 2.0, 3.0, 4.0, 6.0};
        for (double t : temps) {
            List<double[]> xy = collect(pairs, t);
            double[] ab = fit(xy);
            double loss = logLoss(xy, ab);
            int right = 0;
            for (double[] v : xy) right += (int) v[1];
            System.out.printf(Locale.ROOT, "T=%.1f beads=%d right=%.1f%% A=%.3f B=%.3f logloss=%.4f%n", t, xy.size(),
                    100.0 * right / xy.size(), ab[0], ab[1], loss);
            table(xy, ab);
        }
    }

    /** Own statements in all six directions, each perturbed with rates 0 to 0.2 on both sides. */
    static List<BenchDoc[]> data(int variants) {
        List<BenchDoc[]> out = new ArrayList<>();
        for (String id : OwnStatements.IDS) {
            Set<String> locked = new HashSet<>();
            Map<String, BenchDoc> docs = labelled(id, locked);
            String[] langs = {"ru", "en", "pt"};
            for (String a : langs) {
                for (String b : langs) {
                    if (a.equals(b)) continue;
                    for (int v = 0; v < variants; v++) {
                        Random r = new Random(id.hashCode() * 31L + a.hashCode() * 7L + b.hashCode() + v * 1_000_003L);
                        double rate = 0.2 * v / Math.max(1, variants - 1);
                        out.add(new BenchDoc[] {docs.get(a).perturb(r, rate, locked), docs.get(b).perturb(r, rate, locked)});
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

    /** {raw posterior, right} of every proposed bead, at temperature t (calibration map off). */
    static List<double[]> collect(List<BenchDoc[]> pairs, double t) {
        List<double[]> xy = new ArrayList<>();
        for (BenchDoc[] p : pairs) {
            Units s = Units.of(p[0].paragraphs, null), u = Units.of(p[1].paragraphs, null);
            CostModel m = new CostModel(s, u, p[0].lang, p[1].lang);
            m.temperature = t;
            m.calA = 1;
            m.calB = 0;
            List<AlignedBead> got = Aligner.alignUnits(s, u, m, List.of(), Set.of(), Progress.NONE);
            Set<String> gold = new HashSet<>();
            for (AlignedBead b : BenchDoc.gold(p[0], p[1])) gold.add(Metrics.key(b));
            for (AlignedBead b : got) xy.add(new double[] {b.confidence(), gold.contains(Metrics.key(b)) ? 1 : 0});
        }
        return xy;
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

    /** Logistic regression of right on logit(posterior), by Newton's method. */
    static double[] fit(List<double[]> xy) {
        double a = 1, b = 0;
        for (int it = 0; it < 50; it++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (double[] v : xy) {
                double x = logit(v[0]);
                double p = 1 / (1 + Math.exp(-(a * x + b)));
                double r = p - v[1], w = Math.max(1e-9, p * (1 - p));
                ga += r * x;
                gb += r;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) break;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) break;
        }
        return new double[] {a, b};
    }

    static double logLoss(List<double[]> xy, double[] ab) {
        double l = 0;
        for (double[] v : xy) {
            double p = 1 / (1 + Math.exp(-(ab[0] * logit(v[0]) + ab[1])));
            p = Math.min(1 - 1e-9, Math.max(1e-9, p));
            l -= v[1] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return l / xy.size();
    }

    static void table(List<double[]> xy, double[] ab) {
        double[] edges = {0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 1.0000001};
        StringBuilder sb = new StringBuilder("   ");
        int wrong = 0, wrongLow = 0, hi = 0, hiRight = 0;
        for (int k = 0; k + 1 < edges.length; k++) {
            int n = 0, r = 0;
            for (double[] v : xy) {
                double c = 1 / (1 + Math.exp(-(ab[0] * logit(v[0]) + ab[1])));
                if (c >= edges[k] && c < edges[k + 1]) {
                    n++;
                    r += (int) v[1];
                }
            }
            sb.append(String.format(Locale.ROOT, " [%.2f,%.2f):%d/%d", edges[k], Math.min(1, edges[k + 1]), r, n));
        }
        for (double[] v : xy) {
            double c = 1 / (1 + Math.exp(-(ab[0] * logit(v[0]) + ab[1])));
            if (c >= 0.9) { hi++; hiRight += (int) v[1]; }
            if (v[1] == 0) { wrong++; if (c < 0.5) wrongLow++; }
        }
        System.out.println(sb);
        System.out.printf(Locale.ROOT, "    >=0.9: %.1f%% right of %d; wrong below 0.5: %d of %d%n",
                hi == 0 ? 0 : 100.0 * hiRight / hi, hi, wrongLow, wrong);
    }
}
