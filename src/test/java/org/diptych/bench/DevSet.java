package org.diptych.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.diptych.align.AlignedBead;
import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * The development set of real published translations ({@code bench/devset.sh} materializes the texts into
 * {@code target/devset/<doc>/<lang>.md}; the gold is {@code bench/devset/gold/<doc>.<src>-<tgt>.txt}).
 *
 * <p>Paragraphs are read by one fixed rule of this class, independent of the importer (so that the gold's
 * indices stay valid whatever the importer learns): front matter dropped; a fenced code block is one
 * paragraph; otherwise blocks separated by blank lines, where every heading line and every list item (with
 * its continuation lines) is a paragraph of its own.
 *
 * <p>Gold files: one bead per line, {@code s1,s2 t1,t2} as 0-based paragraph indices of source and target,
 * {@code -} for an empty side; {@code #} starts a comment. Every paragraph of both sides is in exactly one bead.
 */
public final class DevSet {
    private static final Pattern LIST = Pattern.compile("^\\s{0,3}(?:[-*+]|\\d{1,3}[.)])\\s+\\S.*");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+\\S.*");

    private DevSet() {}

    public record Doc(String lang, List<Paragraph> paragraphs) {}

    public static Doc load(Path file, String lang) throws IOException {
        return new Doc(lang, paragraphs(Files.readString(file, StandardCharsets.UTF_8)));
    }

    public static List<Paragraph> paragraphs(String md) {
        String[] lines = md.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            for (int k = 1; k < lines.length; k++) {
                if (lines[k].strip().equals("---")) {
                    i = k + 1;
                    break;
                }
            }
        }
        List<String> blocks = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (; i < lines.length; i++) {
            String l = lines[i];
            String s = l.strip();
            if (s.startsWith("```")) {
                flush(blocks, cur);
                StringBuilder code = new StringBuilder(l);
                for (i++; i < lines.length; i++) {
                    code.append('\n').append(lines[i]);
                    if (lines[i].strip().startsWith("```")) break;
                }
                blocks.add(code.toString());
                continue;
            }
            if (s.isEmpty()) {
                flush(blocks, cur);
                continue;
            }
            if (HEADING.matcher(s).matches()) {
                flush(blocks, cur);
                blocks.add(s);
                continue;
            }
            if (LIST.matcher(l).matches()) flush(blocks, cur);
            if (cur.length() > 0) cur.append('\n');
            cur.append(l);
        }
        flush(blocks, cur);
        List<Paragraph> out = new ArrayList<>();
        for (String b : blocks) {
            String id = "p" + (out.size() + 1);
            String t = b.strip();
            if (t.startsWith("```")) {
                out.add(new Paragraph(id, BlockKind.CODE, 0, t, t));
            } else if (HEADING.matcher(t).matches()) {
                int level = 0;
                while (t.charAt(level) == '#') level++;
                out.add(new Paragraph(id, BlockKind.HEADING, level, t, plain(t.substring(level).strip())));
            } else if (LIST.matcher(t).matches()) {
                out.add(new Paragraph(id, BlockKind.LIST_ITEM, 1, t, plain(t.replaceFirst("^(?:[-*+]|\\d{1,3}[.)])\\s+", ""))));
            } else if (t.startsWith(">")) {
                out.add(new Paragraph(id, BlockKind.QUOTE, 0, t, plain(t.replaceAll("(?m)^>\\s?", ""))));
            } else {
                out.add(new Paragraph(id, BlockKind.PARAGRAPH, 0, t, plain(t)));
            }
        }
        return out;
    }

    private static void flush(List<String> blocks, StringBuilder cur) {
        if (cur.length() > 0) blocks.add(cur.toString());
        cur.setLength(0);
    }

    /** Plain text of markdown: link targets, emphasis markers and heading ids dropped. */
    static String plain(String s) {
        String t = s.replaceAll("\\{/\\*.*?\\*/\\}", "");
        t = t.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("**", "").replace("__", "").replace("`", "");
        t = t.replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? s : t;
    }

    /** Reads a gold file; checks it covers both sides exactly once, in order. */
    public static List<AlignedBead> gold(Path file, int n, int m) throws IOException {
        List<AlignedBead> out = new ArrayList<>();
        int s = 0, t = 0, lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (l.isEmpty()) continue;
            String[] f = l.split("\\s+");
            if (f.length != 2) throw new IOException(file + ":" + lineNo + ": expected 'sources targets'");
            int[] a = range(f[0], s), b = range(f[1], t);
            if (a[0] != s || b[0] != t) throw new IOException(file + ":" + lineNo + ": bead does not follow the previous one");
            out.add(new AlignedBead(a[0], a[1], b[0], b[1], 1.0));
            s = a[1];
            t = b[1];
        }
        if (s != n || t != m) throw new IOException(file + ": covers " + s + "/" + n + " source and " + t + "/" + m + " target paragraphs");
        return out;
    }

    private static int[] range(String f, int at) {
        if (f.equals("-")) return new int[] {at, at};
        String[] p = f.split(",");
        int a = Integer.parseInt(p[0]), b = Integer.parseInt(p[p.length - 1]);
        return new int[] {a, b + 1};
    }

    /** One gold line for a bead. */
    public static String line(AlignedBead b) {
        return side(b.sourceStart(), b.sourceEnd()) + " " + side(b.targetStart(), b.targetEnd());
    }

    private static String side(int a, int b) {
        if (a == b) return "-";
        if (b == a + 1) return Integer.toString(a);
        StringBuilder sb = new StringBuilder();
        for (int x = a; x < b; x++) sb.append(x > a ? "," : "").append(x);
        return sb.toString();
    }
}
