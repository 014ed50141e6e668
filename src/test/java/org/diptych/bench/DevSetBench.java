package org.diptych.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.diptych.Progress;
import org.diptych.align.AlignedBead;
import org.diptych.align.Aligner;
import org.diptych.model.Paragraph;

/**
 * Link F1 per document pair of the development set of real published translations (texts materialized by
 * {@code bench/devset.sh} into {@code target/devset/}, gold in {@code bench/devset/gold/}), Diptych beside the
 * Okapi Gale-Church aligner; then macro F1 and the calibration of Diptych's confidences. A text that is
 * absent is reported and its pairs skipped.
 * <pre>java … DevSetBench [GOLD_DIR] [TEXT_DIR]</pre>
 */
public final class DevSetBench {
    public static void main(String[] args) throws Exception {
        Path goldDir = Path.of(args.length > 0 ? args[0] : "bench/devset/gold");
        Path textDir = Path.of(args.length > 1 ? args[1] : "target/devset");
        List<Path> golds;
        try (Stream<Path> s = Files.list(goldDir)) {
            golds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        System.out.println();
        System.out.println("Development set (real published translations, gold by hand):");
        System.out.println();
        System.out.println("| pair | paragraphs | Diptych F1 | Okapi F1 |");
        System.out.println("|---|---|---|---|");
        double sumD = 0, sumO = 0, minD = 1;
        int pairs = 0, missing = 0, paragraphs = 0;
        List<double[]> calibration = new ArrayList<>();
        // -Ddiptych.stored=true: each pair aligned with the project's stored word model trained, as confirmed beads,
        // on the gold of every other document of its language pair (leave one document out)
        boolean stored = Boolean.getBoolean("diptych.stored");
        java.util.Map<String, Object> sections = new java.util.LinkedHashMap<>();
        if (stored) {
            long t0 = System.nanoTime();
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            int trainingPairs = 0;
            for (Path g : golds) {
                String name = g.getFileName().toString().replaceFirst("\\.txt$", "");
                int dot = name.lastIndexOf('.');
                String doc = name.substring(0, dot), pair = name.substring(dot + 1);
                String sl = pair.substring(0, pair.indexOf('-')), tl = pair.substring(pair.indexOf('-') + 1);
                Path sf = textDir.resolve(doc).resolve(sl + ".md"), tf = textDir.resolve(doc).resolve(tl + ".md");
                if (!Files.isRegularFile(sf) || !Files.isRegularFile(tf)) continue;
                List<Paragraph> a = DevSet.load(sf, sl).paragraphs(), b = DevSet.load(tf, tl).paragraphs();
                List<String[]> texts = new ArrayList<>();
                for (AlignedBead x : DevSet.gold(g, a.size(), b.size())) {
                    if (x.sourceSize() == 0 || x.targetSize() == 0) continue;
                    StringBuilder s1 = new StringBuilder(), s2 = new StringBuilder();
                    for (int i = x.sourceStart(); i < x.sourceEnd(); i++) s1.append(a.get(i).text()).append('\n');
                    for (int j = x.targetStart(); j < x.targetEnd(); j++) s2.append(b.get(j).text()).append('\n');
                    texts.add(new String[] {s1.toString(), s2.toString()});
                }
                trainingPairs += texts.size();
                sections.put(name, org.diptych.align.DevSetWords.train(doc, sl, tl, texts));
            }
            System.out.printf(Locale.ROOT, "(stored word model: %d sources, %d confirmed beads, read and trained in %d ms wall, %d ms CPU, one thread)%n%n",
                    sections.size(), trainingPairs, (System.nanoTime() - t0) / 1_000_000, (mx.getCurrentThreadCpuTime() - c0) / 1_000_000);
        }
        for (Path g : golds) {
            String name = g.getFileName().toString().replaceFirst("\\.txt$", "");
            int dot = name.lastIndexOf('.');
            String doc = name.substring(0, dot), pair = name.substring(dot + 1);
            String sl = pair.substring(0, pair.indexOf('-')), tl = pair.substring(pair.indexOf('-') + 1);
            Path sf = textDir.resolve(doc).resolve(sl + ".md"), tf = textDir.resolve(doc).resolve(tl + ".md");
            if (!Files.isRegularFile(sf) || !Files.isRegularFile(tf)) {
                System.out.println("| " + name + " | missing (run bench/devset.sh) | | |");
                missing++;
                continue;
            }
            List<Paragraph> a = DevSet.load(sf, sl).paragraphs(), b = DevSet.load(tf, tl).paragraphs();
            List<AlignedBead> gold = DevSet.gold(g, a.size(), b.size());
            org.diptych.align.Lexicon lexicon = null;
            if (stored) {
                List<Object> others = new ArrayList<>();
                for (var e : sections.entrySet()) {
                    if (e.getKey().endsWith("." + pair) && !e.getKey().equals(name)) others.add(e.getValue());
                }
                lexicon = org.diptych.align.DevSetWords.lexicon(sl, tl, others);
            }
            Aligner aligner = new Aligner(lexicon, !Boolean.getBoolean("diptych.noLearn"));
            List<AlignedBead> d = aligner.alignUnits(a, sl, b, tl, Progress.NONE);
            List<AlignedBead> o = OkapiPeer.align(texts(a), texts(b), sl, tl);
            double fd = Metrics.of(d, gold).f1(), fo = Metrics.of(o, gold).f1();
            Set<String> keys = new HashSet<>();
            for (AlignedBead x : gold) keys.add(Metrics.key(x));
            for (AlignedBead x : d) calibration.add(new double[] {x.confidence(), keys.contains(Metrics.key(x)) ? 1 : 0});
            // -Ddiptych.showWrong=true: every wrong bead, its confidence and the gold beads it overlaps, then its
            // calibration features and score parts (org.diptych.align.BeadFeatures)
            if (Boolean.getBoolean("diptych.showWrong")) {
                List<String> features = org.diptych.align.BeadFeatures.describe(aligner, a, sl, b, tl, x -> !keys.contains(Metrics.key(x)));
                int shown = 0;
                for (AlignedBead x : d) {
                    if (keys.contains(Metrics.key(x))) continue;
                    StringBuilder over = new StringBuilder();
                    for (AlignedBead y : gold) {
                        boolean os = x.sourceStart() < y.sourceEnd() && y.sourceStart() < x.sourceEnd();
                        boolean ot = x.targetStart() < y.targetEnd() && y.targetStart() < x.targetEnd();
                        if (os || ot) over.append(' ').append(Metrics.key(y));
                    }
                    System.out.printf(Locale.ROOT, "  wrong %s %s conf %.3f; gold:%s%n", name, Metrics.key(x), x.confidence(), over);
                    if (shown < features.size()) System.out.println("    " + features.get(shown++));
                }
            }
            // -Ddiptych.showBelow=C: every bead (right or wrong) below confidence C with its features
            String below = System.getProperty("diptych.showBelow");
            if (below != null) {
                double c = Double.parseDouble(below);
                for (String line : org.diptych.align.BeadFeatures.describe(aligner, a, sl, b, tl, x -> x.confidence() < c)) {
                    System.out.println("  below " + c + " " + name + " " + line);
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %d×%d | %.3f | %.3f |%n", name, a.size(), b.size(), fd, fo);
            sumD += fd;
            sumO += fo;
            minD = Math.min(minD, fd);
            pairs++;
            paragraphs += a.size() + b.size();
        }
        if (pairs == 0) {
            System.out.println("(no pair available: run bench/devset.sh)");
            return;
        }
        System.out.printf(Locale.ROOT, "%n%d pairs (%d paragraphs, both sides), %d missing: macro F1 Diptych %.4f (lowest pair %.3f), Okapi %.4f%n",
                pairs, paragraphs, missing, sumD / pairs, minD, sumO / pairs);
        int hi = 0, hiRight = 0, wrong = 0, wrongLow = 0;
        for (double[] c : calibration) {
            if (c[0] >= 0.9) { hi++; hiRight += (int) c[1]; }
            if (c[1] == 0) { wrong++; if (c[0] < 0.5) wrongLow++; }
        }
        System.out.printf(Locale.ROOT, "calibration: confidence >= 0.9: %d beads, %.1f%% right; wrong beads: %d, %.0f%% of them below 0.5%n",
                hi, hi == 0 ? 0 : 100.0 * hiRight / hi, wrong, wrong == 0 ? 100 : 100.0 * wrongLow / wrong);
        // the calibration table: per confidence bin, right beads of all beads
        double[] edges = {0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 1.0000001};
        StringBuilder table = new StringBuilder("calibration table (right/beads):");
        for (int k = 0; k + 1 < edges.length; k++) {
            int n = 0, r = 0;
            for (double[] c : calibration) {
                if (c[0] >= edges[k] && c[0] < edges[k + 1]) { n++; r += (int) c[1]; }
            }
            table.append(String.format(Locale.ROOT, " [%.2f,%.2f) %d/%d", edges[k], Math.min(1, edges[k + 1]), r, n));
        }
        System.out.println(table);
    }

    private static List<String> texts(List<Paragraph> ps) {
        List<String> t = new ArrayList<>();
        for (Paragraph p : ps) t.add(p.text());
        return t;
    }
}
