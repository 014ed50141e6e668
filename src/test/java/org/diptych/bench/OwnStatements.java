package org.diptych.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.diptych.align.AlignedBead;
import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * The project's own test statements ({@code src/test/resources/align/statements}): markdown posts in ru, en
 * and pt written for Diptych, with deliberate differences between the versions (split and merged paragraphs,
 * translator's notes, dropped passages, {@code ###} headings turned into {@code **Question:**} lines, a list
 * of signatories in one paragraph against one line each) and their gold alignments ({@code <id>.<src>-<tgt>.tsv},
 * one bead per line as {@code diptych align --lines} prints them, without the confidence).
 */
public final class OwnStatements {
    public static final List<String> IDS = List.of("strike", "solidarity");
    private static final String DIR = "/align/statements/";

    private OwnStatements() {}

    public static String read(String name) {
        try (InputStream in = OwnStatements.class.getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + DIR + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body paragraphs of a statement's version (front matter skipped; one paragraph per list item). */
    public static List<Paragraph> paragraphs(String id, String lang) {
        return parse(read(id + "." + lang + ".md"));
    }

    /** A minimal markdown block reader for the test posts (the real importer lives in {@code formats}). */
    public static List<Paragraph> parse(String markdown) {
        List<String> lines = new ArrayList<>(List.of(markdown.replace("\r", "").split("\n", -1)));
        int start = 0;
        if (!lines.isEmpty() && lines.get(0).equals("---")) {
            start = 1;
            while (start < lines.size() && !lines.get(start).equals("---")) start++;
            start++;
        }
        List<Paragraph> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (int k = start; k <= lines.size(); k++) {
            String line = k < lines.size() ? lines.get(k) : "";
            if (!line.isBlank()) {
                block.add(line);
                continue;
            }
            if (block.isEmpty()) continue;
            boolean list = block.stream().allMatch(l -> l.matches("(?:[-*+]|\\d+\\.)\\s+.*"));
            if (list) {
                for (String l : block) {
                    out.add(new Paragraph("p" + (out.size() + 1), BlockKind.LIST_ITEM, 1, l,
                            plain(l.replaceFirst("^(?:[-*+]|\\d+\\.)\\s+", ""))));
                }
            } else if (block.get(0).startsWith("#")) {
                String h = String.join(" ", block);
                int level = 0;
                while (level < h.length() && h.charAt(level) == '#') level++;
                out.add(new Paragraph("p" + (out.size() + 1), BlockKind.HEADING, level, h, plain(h.substring(level).strip())));
            } else {
                String m = String.join("\n", block);
                out.add(new Paragraph("p" + (out.size() + 1), BlockKind.PARAGRAPH, 0, m, plain(String.join(" ", block))));
            }
            block.clear();
        }
        return out;
    }

    private static String plain(String s) {
        return s.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("**", "").replaceAll("(^|\\s)\\*([^*]+)\\*", "$1$2");
    }

    /** Gold beads from a TSV resource; {@code reversed} swaps the sides (for the opposite direction). */
    public static List<AlignedBead> gold(String name, boolean reversed) {
        return goldFrom(read(name), name, reversed);
    }

    /** Gold beads from TSV text ({@code srcIdxs<TAB>tgtIdxs} per line). */
    public static List<AlignedBead> goldFrom(String tsv, String name) {
        return goldFrom(tsv, name, false);
    }

    static List<AlignedBead> goldFrom(String tsv, String name, boolean reversed) {
        List<AlignedBead> out = new ArrayList<>();
        int s = 0, t = 0;
        for (String line : tsv.split("\n")) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            int[] a = range(f[reversed ? 1 : 0]), b = range(f[reversed ? 0 : 1]);
            int as = a[1] == 0 ? s : a[0], bs = b[1] == 0 ? t : b[0];
            if (as != s || bs != t) throw new IllegalStateException(name + ": gold not contiguous at " + line);
            out.add(new AlignedBead(as, as + a[1], bs, bs + b[1], 1));
            s = as + a[1];
            t = bs + b[1];
        }
        return out;
    }

    /** {start, size} of a comma-separated index list ({0, 0} if empty). */
    private static int[] range(String field) {
        if (field.isBlank()) return new int[] {0, 0};
        String[] idx = field.split(",");
        return new int[] {Integer.parseInt(idx[0].strip()), idx.length};
    }
}
