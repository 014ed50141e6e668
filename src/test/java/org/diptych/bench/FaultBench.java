package org.diptych.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.diptych.faults.FaultCorpus;
import org.diptych.faults.FaultRunner;

/**
 * The fault-injection suite over every importer (docs/BENCHMARKS.md, "Fault injection"): the whole
 * {@link FaultCorpus} plus the symlink cases, each with a 10 s limit; prints every failed case and the figures
 * by importer and kind. Exit 1 if a case failed. Run by {@code bench/faults.sh [flips [seed]]}.
 */
public final class FaultBench {
    public static void main(String[] args) throws IOException {
        int flips = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        List<FaultCorpus.Case> cases = new ArrayList<>(FaultCorpus.all(seed, flips));
        for (FaultCorpus.Importer imp : FaultCorpus.Importer.values()) cases.addAll(FaultRunner.symlinkCases(imp));
        Path work = Files.createTempDirectory("diptych-faults");
        Map<String, int[]> byKind = new TreeMap<>(), byImporter = new TreeMap<>();
        Map<String, Integer> results = new TreeMap<>();
        int passed = 0;
        long t0 = System.nanoTime();
        long slowest = 0;
        String slowestId = "";
        try (FaultRunner runner = new FaultRunner(work)) {
            for (FaultCorpus.Case c : cases) {
                FaultRunner.Outcome o = runner.run(c, 10_000);
                if (o.passed()) passed++;
                else System.out.println("FAILED " + c.id() + ": " + o.result() + " (exit " + o.code() + "): "
                        + o.message().lines().limit(3).reduce((a, b) -> a + " | " + b).orElse(""));
                count(byKind, c.kind(), o.passed());
                count(byImporter, c.importer().name().toLowerCase(Locale.ROOT), o.passed());
                results.merge(o.passed() ? o.result() : "failed: " + o.result(), 1, Integer::sum);
                if (o.millis() > slowest) { slowest = o.millis(); slowestId = c.id(); }
            }
        }
        FaultRunner.deleteTree(work);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%nfault injection, %s, seed %d, %d flips per importer, %d cores%n", LocalDate.now(), seed, flips,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "cases %d, passed %d, failed %d, %.1f s (slowest %d ms: %s)%n", cases.size(), passed,
                cases.size() - passed, s, slowest, slowestId);
        System.out.println("| by kind | cases | passed |\n|---|---:|---:|");
        byKind.forEach((k, v) -> System.out.println("| " + k + " | " + v[0] + " | " + v[1] + " |"));
        System.out.println("| by importer | cases | passed |\n|---|---:|---:|");
        byImporter.forEach((k, v) -> System.out.println("| " + k + " | " + v[0] + " | " + v[1] + " |"));
        System.out.println("results: " + results);
        System.exit(passed == cases.size() ? 0 : 1);
    }

    private static void count(Map<String, int[]> m, String key, boolean passed) {
        int[] v = m.computeIfAbsent(key, k -> new int[2]);
        v[0]++;
        if (passed) v[1]++;
    }
}
