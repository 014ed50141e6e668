package org.diptych.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the long variant of the alignment benchmark (the 18,000 × 18,000 paragraph run of {@link AlignBench}:
 * differently perturbed copies of the English and Russian UDHR) as two text files of one paragraph per line,
 * for timing the whole CLI process ({@code diptych align --lines}) in {@code bench/align-cli.sh}.
 * Usage: {@code LongLines DECLARATION_DIR OUT_DIR}.
 */
public final class LongLines {
    private LongLines() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]), out = Path.of(args[1]);
        BenchDoc eng = Udhr.load(dir, "eng"), rus = Udhr.load(dir, "rus");
        int copies = (AlignBench.LONG_UNITS + eng.size() - 1) / eng.size();
        Files.createDirectories(out);
        write(out.resolve("eng.txt"), eng.repeat(copies, 7_000, 0.05));
        write(out.resolve("rus.txt"), rus.repeat(copies, 9_000, 0.05));
    }

    private static void write(Path file, BenchDoc d) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String t : d.texts()) lines.add(t.replaceAll("\\s*\\R\\s*", " ").strip());
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println(file + ": " + lines.size() + " lines");
    }
}
