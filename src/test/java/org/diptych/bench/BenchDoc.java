package org.diptych.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.diptych.align.AlignedBead;
import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * A document for alignment experiments: paragraphs, each labelled with the "pieces" of meaning it carries.
 * Two documents' gold alignment follows from the labels: paragraphs that share a piece are in one bead
 * (connected components of the overlap graph, in order), a paragraph sharing nothing is a 1:0 or 0:1 bead.
 * Perturbations (drop, merge, split) keep the labels right, so the gold stays known by construction.
 */
public final class BenchDoc {
    public final String lang;
    public final List<Paragraph> paragraphs;
    public final List<Set<String>> pieces;

    public BenchDoc(String lang, List<Paragraph> paragraphs, List<Set<String>> pieces) {
        if (paragraphs.size() != pieces.size()) throw new IllegalArgumentException("labels");
        this.lang = lang;
        this.paragraphs = List.copyOf(paragraphs);
        this.pieces = List.copyOf(pieces);
    }

    public int size() {
        return paragraphs.size();
    }

    public List<String> texts() {
        List<String> t = new ArrayList<>();
        for (Paragraph p : paragraphs) t.add(p.text());
        return t;
    }

    /**
     * The gold alignment of two labelled documents: paragraphs sharing a piece (transitively) form one
     * bead, spanning every paragraph between its first and last on each side; the rest are 1:0 / 0:1.
     */
    public static List<AlignedBead> gold(BenchDoc s, BenchDoc t) {
        int n = s.size(), m = t.size();
        int[] parent = new int[n + m];
        for (int k = 0; k < parent.length; k++) parent[k] = k;
        Map<String, Integer> firstSource = new HashMap<>();
        for (int i = 0; i < n; i++) for (String p : s.pieces.get(i)) firstSource.putIfAbsent(p, i);
        for (int i = 0; i < n; i++) {
            for (String p : s.pieces.get(i)) union(parent, i, firstSource.get(p));
        }
        for (int j = 0; j < m; j++) {
            for (String p : t.pieces.get(j)) {
                Integer i = firstSource.get(p);
                if (i != null) union(parent, n + j, i);
            }
        }
        Map<Integer, int[]> span = new HashMap<>(); // root -> {smin, smax, tmin, tmax}
        for (int k = 0; k < n + m; k++) {
            int r = find(parent, k);
            int[] sp = span.computeIfAbsent(r, x -> new int[] {Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1});
            if (k < n) { sp[0] = Math.min(sp[0], k); sp[1] = Math.max(sp[1], k); }
            else { sp[2] = Math.min(sp[2], k - n); sp[3] = Math.max(sp[3], k - n); }
        }
        List<AlignedBead> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            boolean si = i < n && span.get(find(parent, i))[3] >= 0;
            boolean tj = j < m && span.get(find(parent, n + j))[1] >= 0;
            if (i < n && !si) { out.add(new AlignedBead(i, i + 1, j, j, 1)); i++; continue; }
            if (j < m && !tj) { out.add(new AlignedBead(i, i, j, j + 1, 1)); j++; continue; }
            if (i >= n || j >= m) throw new IllegalStateException("labels inconsistent");
            int iEnd = i + 1, jEnd = j + 1;
            boolean grown = true;
            while (grown) {
                grown = false;
                for (int x = i; x < iEnd; x++) {
                    int[] sp = span.get(find(parent, x));
                    if (sp[3] >= 0 && sp[3] + 1 > jEnd) { jEnd = sp[3] + 1; grown = true; }
                    if (sp[1] + 1 > iEnd) { iEnd = sp[1] + 1; grown = true; }
                    if (sp[3] >= 0 && sp[2] < j) throw new IllegalStateException("gold not monotone at source " + x);
                }
                for (int y = j; y < jEnd; y++) {
                    int[] sp = span.get(find(parent, n + y));
                    if (sp[1] >= 0 && sp[1] + 1 > iEnd) { iEnd = sp[1] + 1; grown = true; }
                    if (sp[3] + 1 > jEnd) { jEnd = sp[3] + 1; grown = true; }
                    if (sp[1] >= 0 && sp[0] < i) throw new IllegalStateException("gold not monotone at target " + y);
                }
            }
            out.add(new AlignedBead(i, iEnd, j, jEnd, 1));
            i = iEnd;
            j = jEnd;
        }
        return out;
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; }
        return x;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra != rb) p[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    // ------------------------------------------------------------------ perturbation

    /**
     * A copy with about {@code rate × size} random edits, a third each: a paragraph dropped, two neighbours
     * merged into one, one split in two at a sentence (or clause) boundary. Only running text and list items
     * are merged or split (as translators do); headings and link-only lines may be dropped.
     */
    public BenchDoc perturb(Random rnd, double rate) {
        return perturb(rnd, rate, Set.of());
    }

    /** As {@link #perturb(Random, double)}, leaving alone every paragraph that carries a {@code locked} piece. */
    public BenchDoc perturb(Random rnd, double rate, Set<String> locked) {
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        List<Set<String>> ls = new ArrayList<>(pieces);
        int edits = (int) Math.round(rate * ps.size());
        int next = 1_000_000 + rnd.nextInt(1000);
        for (int e = 0; e < edits && ps.size() > 2; e++) {
            int op = rnd.nextInt(3);
            int k = rnd.nextInt(ps.size());
            Paragraph p = ps.get(k);
            boolean heading = !text(ps.get(k));
            if (!java.util.Collections.disjoint(ls.get(k), locked)) continue;
            if (op == 0) {
                ps.remove(k);
                ls.remove(k);
            } else if (op == 1 && !heading && k + 1 < ps.size() && text(ps.get(k + 1))
                    && java.util.Collections.disjoint(ls.get(k + 1), locked)) {
                Paragraph q = ps.get(k + 1);
                String text = p.text() + " " + q.text();
                ps.set(k, new Paragraph("x" + (next++), p.kind(), p.level(), text, text));
                Set<String> u = new LinkedHashSet<>(ls.get(k));
                u.addAll(ls.get(k + 1));
                ls.set(k, u);
                ps.remove(k + 1);
                ls.remove(k + 1);
            } else if (op == 2 && !heading) {
                int cut = splitPoint(p.text(), rnd);
                if (cut <= 0) continue;
                String a = p.text().substring(0, cut).strip(), b = p.text().substring(cut).strip();
                ps.set(k, new Paragraph("x" + (next++), p.kind(), p.level(), a, a));
                ps.add(k + 1, new Paragraph("x" + (next++), p.kind(), p.level(), b, b));
                ls.add(k + 1, ls.get(k));
            }
        }
        return new BenchDoc(lang, ps, ls);
    }

    /**
     * A copy where {@code count} running-text paragraphs (not carrying a {@code locked} piece) are replaced by the
     * text of another paragraph of the same document, as real translations have them: a translator who pasted the
     * previous paragraph's translation in place of the next one (half of them), a passage that one version
     * rewrote (the text of a paragraph at least five away). A replaced paragraph translates nothing of the other
     * version: it gets a piece of its own, so the gold leaves it and its old counterpart unpaired. Used by the
     * confidence calibration only; the benchmark's perturbations are {@link #perturb}.
     */
    public BenchDoc replaced(Random rnd, int count, Set<String> locked) {
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        List<Set<String>> ls = new ArrayList<>(pieces);
        for (int e = 0; e < count && ps.size() > 7; e++) {
            int k = 1 + rnd.nextInt(ps.size() - 1);
            if (!text(ps.get(k)) || !java.util.Collections.disjoint(ls.get(k), locked)) continue;
            int from = k - 1;
            if (rnd.nextBoolean()) {
                do from = rnd.nextInt(ps.size()); while (Math.abs(from - k) < 5);
            }
            if (!text(ps.get(from))) continue;
            Paragraph p = ps.get(k), q = ps.get(from);
            ps.set(k, new Paragraph("y" + e + "." + k, p.kind(), p.level(), q.markup(), q.text()));
            ls.set(k, new LinkedHashSet<>(Set.of(lang + ":replaced" + e + "." + k)));
        }
        return new BenchDoc(lang, ps, ls);
    }

    /**
     * Lines that are the same in every language version (tags of a site's own components, rules, an address), for
     * {@link #glued}; written for these tests.
     */
    static final String[] SAME_LINES = {"<Aside>", "</Aside>", "<Callout kind=\"info\">", "</Callout>", "<Figure>", "---",
            "* * *", "https://example.org/greve/fundo", "<StrikeFund />"};

    /**
     * Two versions with a line that is the same in both ({@link #SAME_LINES}) after a paragraph that translates
     * one paragraph of the other version; in one version (either, at random) the line stands alone, in the other
     * the translator glued it to the paragraph before it, without a blank line. Gold: the two paragraphs with the
     * line alone against the glued one (2:1). Returns {x, y} unchanged if no such paragraph is found. Used by the
     * confidence calibration only.
     */
    public static BenchDoc[] glued(BenchDoc x, BenchDoc y, Random rnd, Set<String> locked) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int k = rnd.nextInt(x.size());
            Set<String> piece = x.pieces.get(k);
            if (!text(x.paragraphs.get(k)) || !java.util.Collections.disjoint(piece, locked)) continue;
            int j = -1, found = 0;
            for (int t = 0; t < y.size(); t++) if (y.pieces.get(t).equals(piece)) { j = t; found++; }
            if (found != 1 || !text(y.paragraphs.get(j))) continue;
            for (int t = 0; t < x.size(); t++) if (t != k && x.pieces.get(t).equals(piece)) found++;
            if (found != 1) continue;
            String line = SAME_LINES[rnd.nextInt(SAME_LINES.length)];
            String label = "same-line." + k;
            boolean glueInX = rnd.nextBoolean();
            return new BenchDoc[] {x.withLine(k, line, label, glueInX), y.withLine(j, line, label, !glueInX)};
        }
        return new BenchDoc[] {x, y};
    }

    /** A copy with {@code line} after paragraph k: a paragraph of its own, or glued to paragraph k's last line. */
    private BenchDoc withLine(int k, String line, String label, boolean glue) {
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        List<Set<String>> ls = new ArrayList<>(pieces);
        Paragraph p = ps.get(k);
        if (glue) {
            ps.set(k, new Paragraph("g" + k, p.kind(), p.level(), p.markup() + "\n" + line, p.text() + " " + line));
            Set<String> u = new LinkedHashSet<>(ls.get(k));
            u.add(label);
            ls.set(k, u);
        } else {
            ps.add(k + 1, new Paragraph("l" + k, BlockKind.PARAGRAPH, 0, line, line));
            ls.add(k + 1, new LinkedHashSet<>(Set.of(label)));
        }
        return new BenchDoc(lang, ps, ls);
    }

    /**
     * A copy where one running-text paragraph of three sentences or more (not carrying a {@code locked} piece) is
     * split at every sentence end, as a version that restructured a passage (a lead, items, a closing line) has it
     * against the other's one paragraph: gold 1:n with n ≥ 3, more than most bead shapes hold. Unchanged if no
     * paragraph has three sentences. Used by the confidence calibration only.
     */
    public BenchDoc splitAtSentences(Random rnd, Set<String> locked) {
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < size(); k++) {
            Paragraph p = paragraphs.get(k);
            if (text(p) && java.util.Collections.disjoint(pieces.get(k), locked) && sentenceEnds(p.text()).size() >= 2) candidates.add(k);
        }
        if (candidates.isEmpty()) return this;
        int k = candidates.get(rnd.nextInt(candidates.size()));
        Paragraph p = paragraphs.get(k);
        List<Paragraph> ps = new ArrayList<>(paragraphs);
        List<Set<String>> ls = new ArrayList<>(pieces);
        ps.remove(k);
        Set<String> label = ls.remove(k);
        int from = 0, at = k;
        List<Integer> cuts = new ArrayList<>(sentenceEnds(p.text()));
        cuts.add(p.text().length());
        for (int cut : cuts) {
            String piece = p.text().substring(from, cut).strip();
            ps.add(at, new Paragraph("s" + k + "." + at, p.kind(), p.level(), piece, piece));
            ls.add(at++, label);
            from = cut;
        }
        return new BenchDoc(lang, ps, ls);
    }

    /** Offsets just after each sentence end inside a text (a stop, a space, a capital). */
    private static List<Integer> sentenceEnds(String t) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 10; i + 2 < t.length() - 10; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && t.charAt(i + 1) == ' ' && Character.isUpperCase(t.charAt(i + 2))) ends.add(i + 1);
        }
        return ends;
    }

    /** Running text or a list item (not a heading, a link-only line or a bold heading-like line). */
    private static boolean text(Paragraph p) {
        if (p.kind() != BlockKind.PARAGRAPH && p.kind() != BlockKind.LIST_ITEM) return false;
        String m = p.markup().strip();
        return !(m.startsWith("[") && m.endsWith(")")) && !(m.startsWith("**") && m.length() < 100);
    }

    /** A sentence end near a random place, else a semicolon or comma; -1 if the text is too short. */
    static int splitPoint(String t, Random rnd) {
        if (t.length() < 60) return -1;
        List<Integer> sentences = new ArrayList<>(), clauses = new ArrayList<>();
        for (int i = 20; i < t.length() - 20; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && t.charAt(i + 1) == ' ' && Character.isUpperCase(t.charAt(i + 2))) {
                sentences.add(i + 1);
            } else if ((c == ';' || c == ',') && t.charAt(i + 1) == ' ') {
                clauses.add(i + 1);
            }
        }
        List<Integer> pick = sentences.isEmpty() ? clauses : sentences;
        return pick.isEmpty() ? -1 : pick.get(rnd.nextInt(pick.size()));
    }

    /** This document repeated: copy k gets {@code perturb(new Random(seed + k), rate)} and labels prefixed by k. */
    public BenchDoc repeat(int copies, long seed, double rate) {
        List<Paragraph> ps = new ArrayList<>();
        List<Set<String>> ls = new ArrayList<>();
        int id = 0;
        for (int k = 0; k < copies; k++) {
            BenchDoc d = rate > 0 ? perturb(new Random(seed + k), rate) : this;
            for (int x = 0; x < d.size(); x++) {
                Paragraph p = d.paragraphs.get(x);
                ps.add(new Paragraph("r" + (id++), p.kind(), p.level(), p.markup(), p.text()));
                Set<String> l = new LinkedHashSet<>();
                for (String piece : d.pieces.get(x)) l.add(k + "/" + piece);
                ls.add(l);
            }
        }
        return new BenchDoc(lang, ps, ls);
    }

    public static List<Set<String>> labels(String... each) {
        List<Set<String>> l = new ArrayList<>();
        for (String e : each) {
            Set<String> s = new LinkedHashSet<>();
            Collections.addAll(s, e.split("\\+"));
            l.add(s);
        }
        return l;
    }
}
