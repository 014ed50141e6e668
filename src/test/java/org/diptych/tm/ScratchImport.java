package org.diptych.tm;

import java.nio.file.Path;

public class ScratchImport {
    public static void main(String[] a) throws Exception {
        Path work = Path.of(a[1]);
        org.diptych.bench.TmBenchUtil.delete(work);
        long t0 = System.nanoTime();
        try (TranslationMemory tm = TranslationMemory.open(work)) {
            System.out.println(tm.importTmx(Path.of(a[0]), org.diptych.Progress.NONE).added());
        }
        System.out.println("import " + (System.nanoTime() - t0) / 1e6 + " ms");
    }
}
