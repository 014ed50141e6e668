package org.diptych.align;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.diptych.model.Languages;
import org.diptych.tm.Analysis;

/**
 * The project's stored word model for one language pair, the file {@code lexicon.<a>-<b>.tsv} in the project
 * folder ({@code a}, {@code b} the two base languages in alphabetical order): IBM Model 1 (Brown et al. 1993)
 * trained by EM, both directions, on the Lucene stems ({@link Analysis}, stop words dropped) of what each
 * <em>source</em> of the project teaches — a statement's beads (confirmed ones weighted {@value #CONFIRMED},
 * the engine's sure unreviewed ones {@value #SURE_WEIGHT}), the TM's approved units ({@value #TM_WEIGHT}) — and
 * stored as the expected counts of its last E step per source. The model the aligner reads
 * ({@link WordTable}) is the sum of all sources' counts, normalised.
 *
 * <p>Each source is trained on its own (EM within the statement, so that a statement's contribution depends on
 * nothing else) and carries a fingerprint of the files it was read from; an update retrains only the sources whose
 * fingerprint changed and drops those that are gone. So an incremental update is, by construction, exactly the
 * table retrained from scratch on the union (counts are rounded to four decimals when trained, so even the file
 * read back is the same); what it is not is one EM over the union of all sources: a word pair is learned from
 * the statements that hold it, each explaining its own beads.
 *
 * <p>The file is readable: a comment header, then per source a line {@code @ kind id fingerprint pairs} and its
 * count lines {@code stem_a stem_b count(a→b) count(b→a)} (cells under {@value #MIN_COUNT} in both directions are
 * left out). It is derived data: written atomically (temp, fsync, rename) and without backup; a damaged or
 * hand-edited file is retrained, never trusted half.
 */
final class StoredLexicon {
    static final double CONFIRMED = 3, TM_WEIGHT = 2, SURE_WEIGHT = 1;
    /** Cells with expected counts under this in both directions are not stored. */
    static final double MIN_COUNT = 0.25;
    static final int ITERATIONS = 5;
    /** Words of a segment read at most (its first ones). */
    static final int MAX_WORDS = 60;
    static final String HEADER = "# Diptych lexicon";

    private StoredLexicon() {}

    /** What one source taught: counts oriented a→b (the file's language order), {@code {c(a→b), c(b→a)}}. */
    record Section(String kind, String id, String fingerprint, int pairs, Map<String, Map<String, double[]>> counts) {
        String key() {
            return kind + "\t" + id;
        }
    }

    /** The file name for a language pair: {@code lexicon.<a>-<b>.tsv}, base languages in alphabetical order. */
    static String fileName(String lang1, String lang2) {
        String[] ab = order(lang1, lang2);
        return "lexicon." + ab[0] + "-" + ab[1] + ".tsv";
    }

    /** The two base languages, alphabetical. */
    static String[] order(String lang1, String lang2) {
        String a = Languages.base(lang1), b = Languages.base(lang2);
        return a.compareTo(b) <= 0 ? new String[] {a, b} : new String[] {b, a};
    }

    /** Whether the TM's Lucene analysis knows the language. */
    static boolean analyzable(String lang) {
        String b = Languages.base(lang);
        return b.equals("en") || b.equals("ru") || b.equals("pt");
    }

    /**
     * Trains one source: Model 1 by EM in both directions over its weighted {a text, b text} pairs.
     *
     * @param weights per pair, or {@code null} for 1
     */
    static Section train(String kind, String id, String fingerprint, String langA, String langB, List<String[]> pairs,
                         double[] weights) {
        Map<String, Integer> va = new HashMap<>(), vb = new HashMap<>();
        List<String> wa = new ArrayList<>(), wb = new ArrayList<>();
        wa.add(null);
        wb.add(null);
        List<int[]> es = new ArrayList<>(), fs = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        Analyzer aa = Analysis.stems(Languages.base(langA), true), ab = Analysis.stems(Languages.base(langB), true);
        try {
            for (int k = 0; k < pairs.size(); k++) {
                int[] e = ids(aa, pairs.get(k)[0], va, wa), f = ids(ab, pairs.get(k)[1], vb, wb);
                if (e.length == 0 || f.length == 0) continue;
                es.add(e);
                fs.add(f);
                ws.add(weights == null ? 1.0 : weights[k]);
            }
        } finally {
            aa.close();
            ab.close();
        }
        Map<String, Map<String, double[]>> counts = new TreeMap<>();
        if (!es.isEmpty()) {
            double[] w = ws.stream().mapToDouble(Double::doubleValue).toArray();
            WordModel fwd = WordModel.train(es, fs, w, ITERATIONS);
            WordModel bwd = WordModel.train(fs, es, w, ITERATIONS);
            Map<Long, double[]> cells = new HashMap<>();
            fwd.forEachCell((e, f, p, c) -> cells.computeIfAbsent(((long) e << 32) | f, x -> new double[2])[0] = c);
            bwd.forEachCell((f, e, p, c) -> cells.computeIfAbsent(((long) e << 32) | f, x -> new double[2])[1] = c);
            for (Map.Entry<Long, double[]> cell : cells.entrySet()) {
                double[] c = {round(cell.getValue()[0]), round(cell.getValue()[1])};
                if (c[0] < MIN_COUNT && c[1] < MIN_COUNT) continue;
                String e = wa.get((int) (cell.getKey() >>> 32)), f = wb.get((int) (long) cell.getKey());
                counts.computeIfAbsent(e, x -> new TreeMap<>()).put(f, c);
            }
        }
        return new Section(kind, id, fingerprint, es.size(), counts);
    }

    private static double round(double c) {
        return Math.round(c * 1e4) / 1e4;
    }

    /** The stem ids of a text (its first {@link #MAX_WORDS}); stems of one letter or without letters left out. */
    private static int[] ids(Analyzer a, String text, Map<String, Integer> vocab, List<String> words) {
        int[] buf = new int[16];
        int w = 0;
        try (TokenStream ts = a.tokenStream("", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && w < MAX_WORDS) {
                if (term.length() < 2 || !hasLetter(term)) continue;
                String s = term.toString();
                Integer id = vocab.get(s);
                if (id == null) {
                    id = words.size();
                    vocab.put(s, id);
                    words.add(s);
                }
                if (w == buf.length) buf = java.util.Arrays.copyOf(buf, 2 * w);
                buf[w++] = id;
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
        return java.util.Arrays.copyOf(buf, w);
    }

    /** The stems of a text as the model reads them (its first {@link #MAX_WORDS}). */
    static List<String> stems(String lang, String text) {
        Map<String, Integer> vocab = new HashMap<>();
        List<String> words = new ArrayList<>();
        words.add(null);
        int[] ids;
        try (Analyzer a = Analysis.stems(Languages.base(lang), true)) {
            ids = ids(a, text, vocab, words);
        }
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) out.add(words.get(id));
        return out;
    }

    private static boolean hasLetter(CharTermAttribute t) {
        for (int i = 0; i < t.length(); i++) if (Character.isLetter(t.charAt(i))) return true;
        return false;
    }

    /** The table of the sources' summed counts, oriented a→b; {@code null} when they hold nothing. */
    static WordTable table(String langA, String langB, Iterable<Section> sections) {
        Map<String, Map<String, double[]>> sum = new HashMap<>();
        for (Section s : sections) {
            for (Map.Entry<String, Map<String, double[]>> row : s.counts().entrySet()) {
                Map<String, double[]> out = sum.computeIfAbsent(row.getKey(), x -> new HashMap<>());
                for (Map.Entry<String, double[]> cell : row.getValue().entrySet()) {
                    double[] c = out.computeIfAbsent(cell.getKey(), x -> new double[2]);
                    c[0] += cell.getValue()[0];
                    c[1] += cell.getValue()[1];
                }
            }
        }
        return sum.isEmpty() ? null : WordTable.fromCounts(langA, langB, sum);
    }

    // ------------------------------------------------------------------------------------------ the file

    /** The file's text: header, then the sections in the given order. */
    static byte[] format(String langA, String langB, Iterable<Section> sections) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append(HEADER).append(' ').append(langA).append('-').append(langB).append(", format 1\n");
        sb.append("# IBM Model 1 trained by EM (").append(ITERATIONS).append(" iterations, both directions) on the stems of each source:\n");
        sb.append("# a statement's beads (confirmed x").append((int) CONFIRMED).append(", sure unreviewed x").append((int) SURE_WEIGHT)
                .append("), the TM's approved units (x").append((int) TM_WEIGHT).append(").\n");
        sb.append("# @ <kind> <id> <fingerprint> <pairs>, then <").append(langA).append(" stem> <").append(langB)
                .append(" stem> <expected count ").append(langA).append("->").append(langB).append("> <count ")
                .append(langB).append("->").append(langA).append(">\n");
        sb.append("# t(").append(langB).append('|').append(langA).append(") = the pair's summed count / the ").append(langA)
                .append(" stem's total. Rewritten by Diptych; counts under ").append(MIN_COUNT).append(" are left out.\n");
        for (Section s : sections) {
            sb.append("@\t").append(s.kind()).append('\t').append(s.id()).append('\t').append(s.fingerprint()).append('\t')
                    .append(s.pairs()).append('\n');
            for (Map.Entry<String, Map<String, double[]>> row : new TreeMap<>(s.counts()).entrySet()) {
                for (Map.Entry<String, double[]> cell : new TreeMap<>(row.getValue()).entrySet()) {
                    sb.append(row.getKey()).append('\t').append(cell.getKey()).append('\t')
                            .append(String.format(Locale.ROOT, "%.4f", cell.getValue()[0])).append('\t')
                            .append(String.format(Locale.ROOT, "%.4f", cell.getValue()[1])).append('\n');
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Why a file was not read. */
    static final class Damaged extends Exception {
        Damaged(String why) {
            super(why);
        }
    }

    /**
     * The sections of a file, by {@link Section#key}; empty if there is no file.
     *
     * @throws Damaged if it is not a lexicon of this pair in format 1 or a line does not parse
     */
    static Map<String, Section> read(Path file, String langA, String langB) throws IOException, Damaged {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new Damaged("not UTF-8");
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + " " + langA + "-" + langB + ", format 1")) {
            throw new Damaged("not a " + langA + "-" + langB + " lexicon of format 1");
        }
        Map<String, Section> out = new LinkedHashMap<>();
        String[] head = null;
        Map<String, Map<String, double[]>> counts = null;
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f[0].equals("@")) {
                if (head != null) put(out, head, counts);
                if (f.length != 5) throw new Damaged("line " + (n + 1) + ": a section line has 5 fields");
                head = f;
                counts = new TreeMap<>();
                continue;
            }
            if (head == null || f.length != 4) throw new Damaged("line " + (n + 1) + ": expected 4 fields in a section");
            try {
                double[] c = {Double.parseDouble(f[2]), Double.parseDouble(f[3])};
                if (!(c[0] >= 0) || !(c[1] >= 0) || Double.isInfinite(c[0]) || Double.isInfinite(c[1])) {
                    throw new Damaged("line " + (n + 1) + ": a count is negative or not finite");
                }
                counts.computeIfAbsent(f[0], x -> new TreeMap<>()).put(f[1], c);
            } catch (NumberFormatException e) {
                throw new Damaged("line " + (n + 1) + ": a count is no number");
            }
        }
        if (head != null) put(out, head, counts);
        return out;
    }

    private static void put(Map<String, Section> out, String[] head, Map<String, Map<String, double[]>> counts)
            throws Damaged {
        try {
            Section s = new Section(head[1], head[2], head[3], Integer.parseInt(head[4]), counts);
            out.put(s.key(), s);
        } catch (NumberFormatException e) {
            throw new Damaged("section " + head[2] + ": pairs is no number");
        }
    }
}
