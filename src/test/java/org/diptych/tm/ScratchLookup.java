package org.diptych.tm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class ScratchLookup {
    public static void main(String[] a) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(a[1]));
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        try (TranslationMemory tm = TranslationMemory.open(Path.of(a[0]))) {
            for (int r = 0; r < 4; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (String l : lines) tm.lookup(new TmQuery(l.split("\t", -1)[1], "", "en", "ru", null, 60, 1));
                System.out.printf("%d queries: wall %.2f ms/q, cpu %.2f ms/q%n", lines.size(),
                        (System.nanoTime() - t0) / 1e6 / lines.size(), (mx.getCurrentThreadCpuTime() - c0) / 1e6 / lines.size());
            }
        }
    }
}
