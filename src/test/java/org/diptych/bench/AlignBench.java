package org.diptych.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.diptych.Progress;
import org.diptych.align.AlignedBead;
import org.diptych.align.Aligner;

/**
 * The alignment benchmark: Diptych against the Okapi Framework's Gale-Church aligner on the Universal
 * Declaration of Human Rights (fetched by {@code bench/align.sh}), plain, perturbed and long.
 *
 * <pre>
 * java -Xmx500m -cp … org.diptych.bench.AlignBench [DECLARATION_DIR]   (default bench-data/package/declaration)
 * </pre>
 *
 * Prints, per pair: link precision/recall/F1, exact-bead accuracy, time and peak heap of both aligners and
 * the ratios; then the calibration table of Diptych's confidences over all beads of the plain and perturbed
 * runs. The Okapi peer builds a full n×m matrix of objects, so on the long variant it runs on a prefix that
 * fits the heap (stated in the output).
 */
public final class AlignBench {
    static final String[][] PLAIN = {{"eng", "rus"}, {"eng", "por_BR"}, {"rus", "por_BR"}};
    static final String[][] EXTRA = {{"eng", "por_PT"}, {"rus", "por_PT"}, {"por_BR", "por_PT"}};
    static final int VARIANTS = 3;
    static final double RATE = 0.10;
    static final int LONG_UNITS = 18_000;
    static final int PEER_LONG_UNITS = 1_500;

    private final List<double[]> calibration = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench-data/package/declaration");
        if (!Files.isRegularFile(dir.resolve("eng.html"))) {
            System.err.println("AlignBench: " + dir + " has no eng.html; run bench/align.sh (it fetches the texts)");
            System.exit(1);
        }
        new AlignBench().run(dir);
    }

    void run(Path dir) throws Exception {
        System.out.printf(Locale.ROOT, "Alignment benchmark — %s, %d cores, max heap %d MB, Java %s%n",
                java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        // warm-up (JIT) on a pair not measured
        for (int k = 0; k < 3; k++) {
            BenchDoc a = Udhr.load(dir, "eng"), b = Udhr.load(dir, "por_PT");
            new Aligner(null, !Boolean.getBoolean("diptych.noLearn")).alignUnits(a.paragraphs, a.lang, b.paragraphs, b.lang, Progress.NONE);
        }
        header();
        for (String[] p : PLAIN) {
            BenchDoc a = Udhr.load(dir, p[0]), b = Udhr.load(dir, p[1]);
            compare(p[0] + "-" + p[1], a, b, true, true);
        }
        for (String[] p : EXTRA) {
            BenchDoc a = Udhr.load(dir, p[0]), b = Udhr.load(dir, p[1]);
            compare(p[0] + "-" + p[1], a, b, true, true);
        }
        for (String[] p : PLAIN) {
            for (int v = 1; v <= VARIANTS; v++) {
                BenchDoc a = Udhr.load(dir, p[0]).perturb(new Random(100L * v + 1), RATE);
                BenchDoc b = Udhr.load(dir, p[1]).perturb(new Random(100L * v + 2), RATE);
                compare(p[0] + "-" + p[1] + " perturbed#" + v, a, b, true, true);
            }
        }
        // long variant: differently perturbed copies of the declaration, ~18,000 units per side
        BenchDoc eng = Udhr.load(dir, "eng"), rus = Udhr.load(dir, "rus");
        int copies = (LONG_UNITS + eng.size() - 1) / eng.size();
        BenchDoc la = eng.repeat(copies, 7_000, 0.05), lb = rus.repeat(copies, 9_000, 0.05);
        compare("eng-rus long (best of 3 wall, best of 3 cpu)", la, lb, false, false, 3);
        int peerCopies = Math.max(1, PEER_LONG_UNITS / eng.size());
        BenchDoc pa = eng.repeat(peerCopies, 7_000, 0.05), pb = rus.repeat(peerCopies, 9_000, 0.05);
        compare("eng-rus long prefix", pa, pb, true, false);
        printCalibration();
    }

    private static void header() {
        System.out.println();
        System.out.println("| pair | units | Diptych P / R / F1 | bead acc | time ms (cpu) | peak MB | Okapi P / R / F1 | bead acc | time ms | peak MB | Okapi time / Diptych time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    }

    private void compare(String name, BenchDoc a, BenchDoc b, boolean peer, boolean calibrate) {
        compare(name, a, b, peer, calibrate, 1);
    }

    private void compare(String name, BenchDoc a, BenchDoc b, boolean peer, boolean calibrate, int runs) {
        List<AlignedBead> gold = BenchDoc.gold(a, b);
        Measured<List<AlignedBead>> d = null;
        long minCpu = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            Measured<List<AlignedBead>> m = measure(() -> new Aligner(null, !Boolean.getBoolean("diptych.noLearn")).alignUnits(a.paragraphs, a.lang, b.paragraphs, b.lang, Progress.NONE));
            if (d == null || m.millis < d.millis) d = m;
            minCpu = Math.min(minCpu, m.cpuMillis);
        }
        if (runs > 1) d = new Measured<>(d.value, d.millis, minCpu, d.peakMb);
        Metrics md = Metrics.of(d.value, gold);
        if (calibrate) {
            Set<String> g = new HashSet<>();
            for (AlignedBead x : gold) g.add(Metrics.key(x));
            for (AlignedBead x : d.value) calibration.add(new double[] {x.confidence(), g.contains(Metrics.key(x)) ? 1 : 0});
        }
        String peerCols = "n/a | | | | ";
        String ratio = "";
        if (peer) {
            Measured<List<AlignedBead>> o = measure(() -> OkapiPeer.align(a.texts(), b.texts(), a.lang, b.lang));
            Metrics mo = Metrics.of(o.value, gold);
            peerCols = String.format(Locale.ROOT, "%.3f / %.3f / %.3f | %.3f | %d | %d", mo.precision(), mo.recall(), mo.f1(),
                    mo.beadAccuracy(), o.millis, o.peakMb);
            ratio = String.format(Locale.ROOT, "%.2f", o.millis / (double) Math.max(1, d.millis));
            if (md.f1() < mo.f1()) ratio += " **F1 below peer**";
        }
        System.out.printf(Locale.ROOT, "| %s | %d×%d | %.3f / %.3f / %.3f | %.3f | %d (%d) | %d | %s | %s |%n", name, a.size(), b.size(),
                md.precision(), md.recall(), md.f1(), md.beadAccuracy(), d.millis, d.cpuMillis, d.peakMb, peerCols, ratio);
    }

    private void printCalibration() {
        System.out.println();
        System.out.println("Calibration of Diptych's confidence (all beads of the plain and perturbed runs):");
        System.out.println();
        System.out.println("| confidence | beads | right | share right |");
        System.out.println("|---|---|---|---|");
        double[] edges = {0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 1.0000001};
        for (int k = 0; k + 1 < edges.length; k++) {
            int n = 0, r = 0;
            for (double[] c : calibration) {
                if (c[0] >= edges[k] && c[0] < edges[k + 1]) {
                    n++;
                    r += (int) c[1];
                }
            }
            System.out.printf(Locale.ROOT, "| [%.2f, %.2f) | %d | %d | %s |%n", edges[k], Math.min(1, edges[k + 1]), n, r,
                    n == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * r / n));
        }
        int hi = 0, hiRight = 0, wrong = 0, wrongLow = 0;
        for (double[] c : calibration) {
            if (c[0] >= 0.9) { hi++; hiRight += (int) c[1]; }
            if (c[1] == 0) { wrong++; if (c[0] < 0.5) wrongLow++; }
        }
        System.out.printf(Locale.ROOT, "%nconfidence ≥ 0.9: %d beads, %.1f%% right; wrong beads: %d, %.0f%% of them below 0.5%n",
                hi, hi == 0 ? 0 : 100.0 * hiRight / hi, wrong, wrong == 0 ? 100 : 100.0 * wrongLow / wrong);
    }

    record Measured<T>(T value, long millis, long cpuMillis, long peakMb) {}

    static <T> Measured<T> measure(Supplier<T> work) {
        System.gc();
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
                pools.add(p);
            }
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        T v = work.get();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long peak = 0;
        for (MemoryPoolMXBean p : pools) peak += p.getPeakUsage().getUsed();
        return new Measured<>(v, (t1 - t0) / 1_000_000, (cpu1 - cpu0) / 1_000_000, peak >> 20);
    }
}
