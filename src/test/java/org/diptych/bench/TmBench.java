package org.diptych.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.diptych.Progress;
import org.diptych.tm.ImportReport;
import org.diptych.tm.TmMatch;
import org.diptych.tm.TmQuery;
import org.diptych.tm.TmStats;
import org.diptych.tm.TranslationMemory;

/**
 * The translation-memory benchmark (run by {@code bench/tm.sh}).
 *
 * <pre>
 * TmBench generate SEED UNITS PER-CLASS DIR          data (see {@link TmBenchData})
 * TmBench diptych TMX QUERIES SRC TGT WORKDIR OUT    import into a fresh TM, answer every query (top 1,
 *                                                    min score 60), write OUT.tsv and OUT.properties
 * TmBench import TMX WORKDIR                        import only (into a fresh TM): wall and process CPU
 *                                                    time, the load average before and after, one line
 * TmBench lookups QUERIES SRC TGT WORKDIR OUT       answer the queries again on the TM a diptych run left in
 *                                                    WORKDIR (after a change to lookups only); keeps OUT's
 *                                                    import figures
 * TmBench report LABEL OUT...                        compare runs: import time, units/s, index size,
 *                                                    lookup p50/p95, recall@1 per class, peak heap
 * </pre>
 *
 * A result line is {@code class TAB right tuids TAB top tuid TAB score TAB nanoseconds [TAB CPU nanoseconds of
 * the querying thread]} (the CPU time says what a lookup costs when the machine is shared). The first 200
 * queries are run once unmeasured (warm-up), as the Pensieve peer does.
 */
public final class TmBench {
    private TmBench() {}

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "generate" -> TmBenchData.generate(Long.parseLong(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), Path.of(a[4]));
            case "diptych" -> diptych(Path.of(a[1]), Path.of(a[2]), a[3], a[4], Path.of(a[5]), a[6]);
            case "import" -> importOnly(Path.of(a[1]), Path.of(a[2]));
            case "lookups" -> lookups(Path.of(a[1]), a[2], a[3], Path.of(a[4]), a[5]);
            case "report" -> report(a[1], Arrays.asList(a).subList(2, a.length));
            default -> throw new IllegalArgumentException("unknown mode " + a[0]);
        }
    }

    private static void importOnly(Path tmx, Path work) throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String load0 = load();
        long t0 = System.nanoTime();
        long cpu0 = cpu();
        ImportReport r;
        try (TranslationMemory tm = TranslationMemory.open(work)) {
            r = tm.importTmx(tmx, Progress.NONE);
        }
        System.out.printf("import %d units: %.1f s wall, %.1f s CPU, load %s -> %s, heap peak %d MB%n", r.added(),
                (System.nanoTime() - t0) / 1e9, (cpu() - cpu0) / 1e9, load0, load(), peakHeap() / (1 << 20));
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void diptych(Path tmx, Path queries, String src, String tgt, Path work, String out) throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        long t0 = System.nanoTime();
        long cpu0 = cpu();
        ImportReport r;
        try (TranslationMemory tm = TranslationMemory.open(work)) {
            r = tm.importTmx(tmx, Progress.NONE);
        }
        long importNanos = System.nanoTime() - t0;
        long importCpu = cpu() - cpu0;
        List<String> lines = Files.readAllLines(queries, StandardCharsets.UTF_8);
        TmStats stats;
        try (TranslationMemory tm = TranslationMemory.open(work)) {
            stats = tm.stats();
            answer(tm, lines, src, tgt, out);
        }
        Files.writeString(Path.of(out + ".properties"), "system=Diptych\nunits=" + r.added() + "\nimport_ms="
                + importNanos / 1_000_000 + "\nimport_cpu_ms=" + importCpu / 1_000_000 + "\nindex_bytes=" + stats.indexBytes() + "\ntmx_bytes=" + Files.size(tmx)
                + "\nheap_peak_mb=" + peakHeap() / (1 << 20) + "\n");
    }

    /** CPU time of the whole process (all threads), nanoseconds. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void lookups(Path queries, String src, String tgt, Path work, String out) throws IOException {
        List<String> lines = Files.readAllLines(queries, StandardCharsets.UTF_8);
        try (TranslationMemory tm = TranslationMemory.open(work)) {
            answer(tm, lines, src, tgt, out);
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of(out + ".properties"))) {
            p.load(in);
        }
        long heap = Math.max(Long.parseLong(p.getProperty("heap_peak_mb", "0")), peakHeap() / (1 << 20));
        String text = Files.readString(Path.of(out + ".properties")).replaceAll("heap_peak_mb=\\d+", "heap_peak_mb=" + heap);
        Files.writeString(Path.of(out + ".properties"), text);
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static void answer(TranslationMemory tm, List<String> lines, String src, String tgt, String out) throws IOException {
        for (int i = 0; i < Math.min(200, lines.size()); i++) {
            tm.lookup(new TmQuery(lines.get(i).split("\t", -1)[1], "", src, tgt, null, 60, 1));
        }
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                long q0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                List<TmMatch> m = tm.lookup(new TmQuery(f[1], "", src, tgt, null, 60, 1));
                long ns = System.nanoTime() - q0;
                long cpuNs = THREADS.getCurrentThreadCpuTime() - c0;
                String top = m.isEmpty() ? "" : m.get(0).unit().tuid();
                String score = m.isEmpty() ? "" : String.valueOf(m.get(0).score());
                w.write(f[0] + "\t" + f[2] + "\t" + top + "\t" + score + "\t" + ns + "\t" + cpuNs + "\n");
            }
        }
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        return peak;
    }

    private static void report(String label, List<String> outs) throws IOException {
        System.out.println("### " + label);
        System.out.println();
        List<String> classes = List.of("exact", "edit1", "edit3", "number", "swapped", "unrelated");
        StringBuilder head = new StringBuilder("| system | units | import s | units/s | import CPU s | index MB | TMX MB | lookup p50 ms | p95 ms | CPU p50 ms | CPU p95 ms |");
        StringBuilder sep = new StringBuilder("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String c : classes) {
            head.append(' ').append(c).append(" |");
            sep.append("---:|");
        }
        head.append(" heap peak MB |");
        sep.append("---:|");
        System.out.println(head);
        System.out.println(sep);
        for (String out : outs) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(Path.of(out + ".properties"))) {
                p.load(in);
            }
            List<long[]> lat = new ArrayList<>();
            List<Long> cpuLat = new ArrayList<>();
            Map<String, int[]> perClass = new LinkedHashMap<>();
            long units = 0;
            for (String line : Files.readAllLines(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                lat.add(new long[] {Long.parseLong(f[4])});
                if (f.length > 5) cpuLat.add(Long.parseLong(f[5]));
                int[] c = perClass.computeIfAbsent(f[0], k -> new int[2]);
                c[1]++;
                boolean right = f[1].isEmpty() ? f[2].isEmpty() : Arrays.asList(f[1].split(",")).contains(f[2]);
                if (right) c[0]++;
            }
            long[] ns = lat.stream().mapToLong(x -> x[0]).sorted().toArray();
            long[] cns = cpuLat.stream().mapToLong(Long::longValue).sorted().toArray();
            double importS = Long.parseLong(p.getProperty("import_ms")) / 1000.0;
            String u = p.getProperty("units", String.valueOf(unitsHint(out)));
            units = u == null ? -1 : Long.parseLong(u);
            StringBuilder row = new StringBuilder("| " + p.getProperty("system") + " | " + (units < 0 ? "" : units) + " | "
                    + String.format("%.1f", importS) + " | " + (units < 0 ? "" : String.format("%.0f", units / importS)) + " | "
                    + (p.getProperty("import_cpu_ms") == null ? "" : String.format("%.1f", Long.parseLong(p.getProperty("import_cpu_ms")) / 1000.0)) + " | "
                    + mb(p.getProperty("index_bytes")) + " | " + mb(p.getProperty("tmx_bytes")) + " | "
                    + String.format("%.1f", ns[ns.length / 2] / 1e6) + " | "
                    + String.format("%.1f", ns[(int) Math.min(ns.length - 1, Math.ceil(ns.length * 0.95) - 1)] / 1e6) + " | "
                    + (cns.length == 0 ? "" : String.format("%.1f", cns[cns.length / 2] / 1e6)) + " | "
                    + (cns.length == 0 ? "" : String.format("%.1f", cns[(int) Math.min(cns.length - 1,
                            Math.ceil(cns.length * 0.95) - 1)] / 1e6)) + " |");
            for (String c : classes) {
                int[] x = perClass.get(c);
                row.append(' ').append(x == null ? "" : String.format("%.3f", (double) x[0] / x[1])).append(" |");
            }
            row.append(' ').append(p.getProperty("heap_peak_mb")).append(" |");
            System.out.println(row);
        }
        System.out.println();
    }

    /** Units of a run without a count (the peer): the number in its name ({@code …-100000}). */
    private static long unitsHint(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)$").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String mb(String bytes) {
        return String.format("%.0f", Long.parseLong(bytes) / 1048576.0);
    }
}
