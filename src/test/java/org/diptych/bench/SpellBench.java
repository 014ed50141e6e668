package org.diptych.bench;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.diptych.spell.SpellChecker;
import org.diptych.spell.SpellFinding;

/**
 * Time to the first check per language, cold (a paragraph with one misspelt word) (docs/BENCHMARKS.md, "Spell checking"): one JVM per run, each
 * language's checker made and asked about one paragraph, then the same paragraph again (warm). Prints wall
 * and CPU time of the process (all its threads, the JIT's and GC's included). Usage: bench/spell.sh [ru|en|pt|pt-BR|en-GB]...
 */
public final class SpellBench {
    private static final String RU = "Профсоюз докеров потребовал безопасных условий труда и справедливой зарплты, "
            + "а администрация порта обещала ответить до понедельника.";
    private static final String EN = "The dockers' union demanded safe working conditons and a fair wage, and the "
            + "port authority promised to answer by Monday.";
    private static final String PT = "O sindicato dos estivadores exigiu condiçoes de trabalho seguras e um salário "
            + "justo, e a administração do porto prometeu responder até segunda-feira.";

    public static void main(String[] args) {
        List<String> langs = args.length == 0 ? List.of("ru", "en", "pt") : List.of(args);
        for (String lang : langs) {
            String text = switch (lang.substring(0, 2)) {
                case "ru" -> RU;
                case "pt" -> PT;
                default -> EN;
            };
            long cpu0 = cpu(), t0 = System.nanoTime();
            SpellChecker c = SpellChecker.create(lang).orElseThrow();
            long t1 = System.nanoTime(), cpu1 = cpu();
            c.warmUp(); // what Spelling does on its loader thread before the checker is handed out
            long t2 = System.nanoTime(), cpu2 = cpu();
            List<SpellFinding> first = c.check(text, w -> false);
            long t3 = System.nanoTime(), cpu3 = cpu();
            c.check(text + " ", w -> false);
            long t4 = System.nanoTime();
            System.out.printf("%s (%s): create %.2f s wall %.2f s cpu, warm-up %.2f s wall %.2f s cpu, first paragraph "
                            + "%.0f ms wall %.0f ms cpu, second %.0f ms, findings %d%n", lang, c.languageName(),
                    (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9, (t3 - t2) / 1e6,
                    (cpu3 - cpu2) / 1e6, (t4 - t3) / 1e6, first.size());
            for (SpellFinding f : first) System.out.println("  " + f);
        }
        System.out.printf("heap used %d MB%n", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    /** CPU time of every live thread of the process, in ns. */
    private static long cpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return 0;
    }
}
