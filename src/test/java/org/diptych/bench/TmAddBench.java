package org.diptych.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.diptych.Progress;
import org.diptych.tm.ImportReport;
import org.diptych.tm.TranslationMemory;

/**
 * Issue 17, "an import costs in proportion to what it adds": imports a large TMX into a new TM, then a
 * small one (units the large one does not have) into it, and prints both times. Run by {@code bench/tm.sh}
 * ({@code ADD=1}) or alone:
 *
 * <pre>java -Xmx1g -cp CP org.diptych.bench.TmAddBench BIG.tmx WORK-DIR [ADDED-UNITS [FIRST-NUMBER]]</pre>
 *
 * With a TM folder instead of {@code BIG.tmx} (the one a {@code TmBench diptych} run left), that TM is
 * opened and the units are added to it (no import of the large file first); a second run adds nothing
 * new (the units are duplicates then), so each run is given a fresh copy or a new ADDED-UNITS offset.
 */
public final class TmAddBench {
    public static void main(String[] a) throws Exception {
        Path big = Path.of(a[0]);
        Path work = Path.of(a[1]);
        int added = a.length > 2 ? Integer.parseInt(a[2]) : 1000;
        int from = a.length > 3 ? Integer.parseInt(a[3]) : 0;
        if (Files.exists(work)) TmBenchUtil.delete(work);
        Files.createDirectories(work);
        Path small = work.resolve("added.tmx");
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
                + "<header srclang=\"en-US\" datatype=\"plaintext\" segtype=\"sentence\" o-tmf=\"bench\" adminlang=\"en\""
                + " creationtool=\"bench\" creationtoolversion=\"1\"/>\n<body>\n");
        for (int i = from; i < from + added; i++) {
            sb.append("<tu tuid=\"add").append(i).append("\"><tuv xml:lang=\"en-US\"><seg>Added resolution ").append(i)
                    .append(" of the regional assembly was published on time.</seg></tuv><tuv xml:lang=\"ru-RU\"><seg>")
                    .append("Добавленная резолюция ").append(i).append(" областного собрания опубликована вовремя.</seg></tuv></tu>\n");
        }
        Files.writeString(small, sb.append("</body></tmx>\n"));
        boolean reuse = Files.isDirectory(big);
        Path dir = reuse ? big : work.resolve("tm");
        long t0 = System.nanoTime();
        ImportReport r1 = null;
        if (!reuse) {
            try (TranslationMemory tm = TranslationMemory.open(dir)) {
                r1 = tm.importTmx(big, Progress.NONE);
            }
        }
        long t1 = System.nanoTime();
        ImportReport r2;
        long t2;
        long cpu0;
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            t2 = System.nanoTime();
            cpu0 = cpu();
            r2 = tm.importTmx(small, Progress.NONE);
        }
        long t3 = System.nanoTime();
        long cpu1 = cpu();
        if (r1 != null) System.out.printf("import %d units into a new TM: %.1f s%n", r1.added(), (t1 - t0) / 1e9);
        else System.out.printf("existing TM %s%n", dir);
        System.out.printf("open the TM again: %.2f s%n", (t2 - t1) / 1e9);
        System.out.printf("import %d more units into it: %.2f s (close included), process CPU %.2f s%n", r2.added(),
                (t3 - t2) / 1e9, (cpu1 - cpu0) / 1e9);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
