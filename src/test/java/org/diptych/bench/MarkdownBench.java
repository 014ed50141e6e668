package org.diptych.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.diptych.formats.ImportOptions;
import org.diptych.formats.Importer;
import org.diptych.markdown.Markdown;
import org.diptych.model.Paragraph;
import org.diptych.qa.QaRules;
import org.diptych.tm.MarkdownCodes;
import org.diptych.ui.InlineMarkdown;

/**
 * The markdown model's cost (docs/BENCHMARKS.md, "Markdown model"): every paragraph of the sample posts read
 * by each path that uses the model (the model itself, TM codes, QA counts, the desk's runs), in microseconds
 * per paragraph (median of rounds, CPU time of this thread); then one block of growing size (links, entities)
 * to show where flexmark stops being linear and what the {@link Markdown#MAX_BLOCK} limit bounds.
 * Run by {@code bench/markdown.sh}.
 */
public final class MarkdownBench {
    private MarkdownBench() {}

    public static void main(String[] args) throws IOException {
        List<Paragraph> paras = new ArrayList<>();
        List<String> posts = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("sample-projects/posts"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                paras.addAll(Importer.importFile(p, ImportOptions.DEFAULTS).version().paragraphs());
                posts.add(Files.readString(p));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "Markdown model benchmark — %s, %d cores, Java %s, %d paragraphs of the sample posts%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), paras.size());
        System.out.println("| path | µs per paragraph, median of 30 rounds (cpu) |");
        System.out.println("|---|---|");
        row(threads, "Markdown.block", paras, p -> Markdown.block(p.markup()));
        row(threads, "Markdown.plainText", paras, p -> Markdown.plainText(p.markup()));
        row(threads, "MarkdownCodes.encode (TM)", paras, MarkdownCodes::encode);
        row(threads, "QaRules.links + bold", paras, p -> {
            QaRules.Texts t = new QaRules.Texts(p.markup(), p.text(), p.markup(), p.text());
            QaRules.links(t);
            QaRules.bold(t);
        });
        row(threads, "InlineMarkdown.block (desk)", paras, p -> InlineMarkdown.block(p, true));
        row(threads, "MarkdownLinks.linkOnly (export's link lines)", paras, p -> org.diptych.export.MarkdownLinks.linkOnly(p.markup()));

        System.out.println();
        System.out.println("| path, whole posts | µs per post, median of 30 rounds (cpu) |");
        System.out.println("|---|---|");
        List<Paragraph> whole = posts.stream().map(t -> Paragraph.plain("post", t)).toList();
        row(threads, "MarkdownLinks.destinations (link check, " + posts.size() + " posts)", whole,
                p -> org.diptych.export.MarkdownLinks.destinations(p.markup()));

        System.out.println();
        System.out.println("| one block of | chars | Markdown.block ms (cpu) |");
        System.out.println("|---|---|---|");
        for (String unit : new String[] {"[l](u) ", "&amp; x ", "word **b** "}) {
            for (int n : new int[] {250, 500, 1000, 2000}) {
                String block = unit.repeat(n);
                long c0 = threads.getCurrentThreadCpuTime();
                Markdown.block(block);
                double ms = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                System.out.printf(Locale.ROOT, "| %d × `%s` | %,d | %.1f%s |%n", n, unit.strip(), block.length(), ms,
                        block.length() > Markdown.MAX_BLOCK ? " (over MAX_BLOCK: not parsed)" : "");
            }
        }
    }

    private static void row(ThreadMXBean threads, String name, List<Paragraph> paras, Consumer<Paragraph> path) {
        for (int w = 0; w < 10; w++) for (Paragraph p : paras) path.accept(p); // warm-up
        double[] cpu = new double[30];
        for (int r = 0; r < cpu.length; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (Paragraph p : paras) path.accept(p);
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / paras.size();
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "| %s | %.1f |%n", name, cpu[cpu.length / 2]);
    }
}
