package org.diptych.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diptych.Progress;
import org.diptych.tm.TmMeta;
import org.diptych.tm.TmUnit;
import org.diptych.tm.TmVariant;
import org.diptych.tm.TranslationMemory;

/**
 * A site import's TM feed: {@code update()} with a batch of fed units (keyed as the feeder keys them),
 * first new units, then the same keys with changed text (each put replaces a unit), into a TM that
 * already holds {@code BASE} imported units. Prints the time of each update (journal step, index changes,
 * commit). Run alone:
 *
 * <pre>java -Xmx1g -cp CP org.diptych.bench.TmFeedBench WORK-DIR [BASE-UNITS] [PUTS] [ROUNDS]</pre>
 */
public final class TmFeedBench {
    public static void main(String[] a) throws Exception {
        Path work = Path.of(a[0]);
        int base = a.length > 1 ? Integer.parseInt(a[1]) : 100_000;
        int puts = a.length > 2 ? Integer.parseInt(a[2]) : 2000;
        int rounds = a.length > 3 ? Integer.parseInt(a[3]) : 4;
        if (Files.exists(work)) TmBenchUtil.delete(work);
        Files.createDirectories(work);
        Path big = work.resolve("base.tmx");
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
                + "<header srclang=\"en-US\" datatype=\"plaintext\" segtype=\"sentence\" o-tmf=\"bench\" adminlang=\"en\""
                + " creationtool=\"bench\" creationtoolversion=\"1\"/>\n<body>\n");
        for (int i = 0; i < base; i++) {
            sb.append("<tu><tuv xml:lang=\"en-US\"><seg>Base resolution ").append(i)
                    .append(" of the assembly was read aloud.</seg></tuv><tuv xml:lang=\"ru-RU\"><seg>")
                    .append("Базовая резолюция ").append(i).append(" собрания зачитана вслух.</seg></tuv></tu>\n");
        }
        Files.writeString(big, sb.append("</body></tmx>\n"));
        Path dir = work.resolve("tm");
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            tm.importTmx(big, Progress.NONE);
        }
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            for (int r = 0; r < rounds; r++) {
                List<TmUnit> batch = new ArrayList<>(puts);
                for (int i = 0; i < puts; i++) {
                    String key = "stmt" + (i / 50) + "|en|ru|p" + (i % 50) + "|p" + (i % 50);
                    batch.add(new TmUnit("k:" + key, Map.of("creationid", "bench"),
                            List.of(TmMeta.prop(TmUnit.PROP_KEY, key)),
                            List.of(TmVariant.plain("en", "Fed paragraph " + i + " of round " + r + " was confirmed."),
                                    TmVariant.plain("ru", "Абзац " + i + " круга " + r + " подтверждён."))));
                }
                long t0 = System.nanoTime();
                tm.update(batch, List.of());
                long t1 = System.nanoTime();
                System.out.printf("update of %d fed units (%s) into a TM of %d: %.3f s%n", puts,
                        r == 0 ? "new" : "replacing", base, (t1 - t0) / 1e9);
            }
        }
    }
}
