package org.diptych.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diptych.Progress;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;

/**
 * Paragraph alignment of two language versions. The result is a monotone sequence of beads (1:1, 1:0,
 * 0:1, 2:1, 1:2, 2:2, and 1:n / n:1 up to 1:8 where one side is a list) in which every paragraph of both
 * versions appears exactly once, each with a confidence that behaves like a probability.
 *
 * <p>How: the evidence of {@link CostModel} (length, numbers, dates, URLs, names through transliteration,
 * cognates, lexicon, markdown structure, quotes) is scored by dynamic programming in two passes
 * ({@link BandDp}). Pass one finds a path in a band that follows its own best column (the whole lattice for
 * small documents), doubled while the path touches its edge; its 1:1 beads re-estimate the model's length
 * ratio and spread and the chance level of cognates and lexicon matches. Pass two runs Viterbi and
 * forward-backward in a narrow band around the first path: the final path, and a posterior for each bead,
 * which {@link CostModel} maps to the confidence. Memory and time are linear in the documents' length for a
 * fixed band width; two documents of 18,000 paragraphs align in about two seconds on two cores.
 *
 * <p>Re-alignment keeps the previous alignment's CONFIRMED beads exactly and aligns only the stretches
 * between them; a bead a reviewer REJECTED is never proposed again. Instances are immutable and
 * thread-safe.
 */
public final class Aligner {
    /** Lattices up to this many cells are searched whole in pass one. */
    static final long FULL_CELLS = 1_000_000;
    /** Pass one never grows its band beyond this many cells (about 9 bytes each). */
    static final long MAX_CELLS = 24_000_000;
    /** Initial half-width of pass one's band, doubled while the path touches its edge. */
    static final int GUIDE_WIDTH = 24;
    /** Half-width of pass two's band around the first path. */
    static final int REFINE_WIDTH = 6;

    private final Lexicon lexicon;
    private final boolean learn;

    public Aligner() {
        this(null);
    }

    /** @param lexicon bilingual evidence (glossary, TM, confirmed beads), or {@code null} */
    public Aligner(Lexicon lexicon) {
        this(lexicon, true);
    }

    /**
     * @param lexicon bilingual evidence (glossary, TM, confirmed beads), or {@code null}
     * @param learn   whether to learn a lexicon from the two documents between the passes ({@link PairLexicon});
     *                off only to measure what it brings
     */
    public Aligner(Lexicon lexicon, boolean learn) {
        this.lexicon = lexicon;
        this.learn = learn;
    }

    /**
     * Aligns two versions of a statement.
     *
     * @param previous the alignment so far, or {@code null}: its CONFIRMED beads are kept as they are (if their
     *                 paragraphs still exist, consecutive and in order), its REJECTED beads are not proposed
     *                 again, everything else is re-aligned
     * @return the new alignment, valid for the two versions ({@link Alignment#validate})
     */
    public Alignment align(String statementId, DocumentVersion source, DocumentVersion target, Alignment previous,
                           Progress progress) {
        List<Paragraph> sp = source.paragraphs(), tp = target.paragraphs();
        Map<String, Integer> si = index(sp), ti = index(tp);
        List<AlignedBead> fixed = new ArrayList<>();
        List<Bead> fixedBeads = new ArrayList<>();
        Set<Long> rejected = new HashSet<>();
        if (previous != null) {
            // positions of empty sides follow the previous alignment's order
            int sPos = 0, tPos = 0, sEnd = 0, tEnd = 0;
            for (Bead b : previous.beads()) {
                int[] s = range(b.source(), si, sPos), t = range(b.target(), ti, tPos);
                if (s == null || t == null) continue;
                sPos = Math.max(sPos, s[1]);
                tPos = Math.max(tPos, t[1]);
                if (b.status() == BeadStatus.REJECTED) {
                    rejected.add(BandDp.key(s[0], s[1] - s[0], t[0], t[1] - t[0]));
                } else if (b.isConfirmed() && s[0] >= sEnd && t[0] >= tEnd) {
                    fixed.add(new AlignedBead(s[0], s[1], t[0], t[1], b.confidence()));
                    fixedBeads.add(b);
                    sEnd = s[1];
                    tEnd = t[1];
                }
            }
        }
        List<AlignedBead> beads = alignUnits(sp, source.lang(), tp, target.lang(), fixed, rejected, progress);
        Map<Long, Bead> keep = new HashMap<>();
        for (int k = 0; k < fixed.size(); k++) {
            AlignedBead f = fixed.get(k);
            keep.put(BandDp.key(f.sourceStart(), f.sourceSize(), f.targetStart(), f.targetSize()), fixedBeads.get(k));
        }
        List<Bead> out = new ArrayList<>(beads.size());
        for (AlignedBead b : beads) {
            Bead kept = keep.get(BandDp.key(b.sourceStart(), b.sourceSize(), b.targetStart(), b.targetSize()));
            if (kept != null) {
                out.add(kept);
                continue;
            }
            List<String> s = new ArrayList<>(), t = new ArrayList<>();
            for (int x = b.sourceStart(); x < b.sourceEnd(); x++) s.add(sp.get(x).id());
            for (int y = b.targetStart(); y < b.targetEnd(); y++) t.add(tp.get(y).id());
            out.add(Bead.auto(s, t, b.confidence()));
        }
        Alignment a = previous != null && previous.statementId().equals(statementId)
                ? previous.withBeads(out)
                : new Alignment(statementId, source.lang(), target.lang(), out, java.time.Instant.now());
        if (!a.sourceLang().equals(source.lang()) || !a.targetLang().equals(target.lang())) {
            a = new Alignment(statementId, source.lang(), target.lang(), out, java.time.Instant.now());
        }
        return a;
    }

    private static Map<String, Integer> index(List<Paragraph> ps) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < ps.size(); i++) m.put(ps.get(i).id(), i);
        return m;
    }

    /** [start, end) of ids that are consecutive paragraphs in order, or null; an empty list is an empty range at {@code at}. */
    private static int[] range(List<String> ids, Map<String, Integer> index, int at) {
        if (ids.isEmpty()) return new int[] {at, at};
        Integer first = index.get(ids.get(0));
        if (first == null) return null;
        for (int k = 1; k < ids.size(); k++) {
            Integer x = index.get(ids.get(k));
            if (x == null || x != first + k) return null;
        }
        return new int[] {first, first + ids.size()};
    }

    /** Paragraph alignment of two lists of paragraphs; see {@link #alignUnits(List, String, List, String, List, List, Progress)}. */
    public List<AlignedBead> alignUnits(List<Paragraph> source, String sourceLang, List<Paragraph> target,
                                        String targetLang, Progress progress) {
        return alignUnits(source, sourceLang, target, targetLang, List.of(), List.of(), progress);
    }

    /**
     * Aligns paragraphs by index: the result covers every index of both lists exactly once, in order.
     *
     * @param fixed    beads to keep exactly (e.g. confirmed ones), in order and not overlapping; an empty side
     *                 of a fixed bead may carry any start index (it is placed where the other side says)
     * @param rejected beads never to propose (e.g. ones a reviewer rejected)
     * @throws Progress.Cancelled if {@code progress} asks to stop
     */
    public List<AlignedBead> alignUnits(List<Paragraph> source, String sourceLang, List<Paragraph> target,
                                        String targetLang, List<AlignedBead> fixed, List<AlignedBead> rejected,
                                        Progress progress) {
        Set<Long> keys = new HashSet<>();
        for (AlignedBead r : rejected) keys.add(BandDp.key(r.sourceStart(), r.sourceSize(), r.targetStart(), r.targetSize()));
        return alignUnits(source, sourceLang, target, targetLang, fixed, keys, progress);
    }

    private List<AlignedBead> alignUnits(List<Paragraph> source, String sourceLang, List<Paragraph> target,
                                         String targetLang, List<AlignedBead> fixed, Set<Long> rejected,
                                         Progress progress) {
        CostModel model = model(source, sourceLang, target, targetLang, progress);
        return alignUnits(model.src, model.tgt, model, fixed, rejected, learn, progress);
    }

    /** The cost model of two lists of paragraphs with this aligner's lexicon (features extracted on two threads). */
    CostModel model(List<Paragraph> source, String sourceLang, List<Paragraph> target, String targetLang,
                    Progress progress) {
        LexiconIndex lex = LexiconIndex.of(lexicon, sourceLang, targetLang);
        Units[] tgtHolder = new Units[1];
        Thread t = new Thread(() -> tgtHolder[0] = Units.of(target, lex == null ? null : lex.target), "align-features");
        t.setDaemon(true);
        t.start();
        Units src = Units.of(source, lex == null ? null : lex.source);
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Progress.Cancelled();
        }
        if (tgtHolder[0] == null) throw new IllegalStateException("feature extraction failed");
        progress.checkCancelled();
        CostModel model = new CostModel(src, tgtHolder[0], sourceLang, targetLang);
        WordTable words = lexicon == null ? null : lexicon.words(sourceLang, targetLang);
        if (words != null) model.useWords(words);
        return model;
    }

    /** Whether this aligner learns a lexicon from the two documents between the passes. */
    boolean learns() {
        return learn;
    }

    /** The engine: pass one per stretch, estimation from its 1:1 beads, pass two per stretch. */
    static List<AlignedBead> alignUnits(Units src, Units tgt, CostModel model, List<AlignedBead> fixed,
                                        Set<Long> rejected, Progress progress) {
        return alignUnits(src, tgt, model, fixed, rejected, true, progress);
    }

    /** The engine: pass one per stretch, learning and estimation from its 1:1 beads, pass two per stretch. */
    static List<AlignedBead> alignUnits(Units src, Units tgt, CostModel model, List<AlignedBead> fixed,
                                        Set<Long> rejected, boolean learn, Progress progress) {
        // stretches between fixed beads
        List<int[]> stretches = new ArrayList<>();
        List<AlignedBead> fixedPlaced = new ArrayList<>();
        int s = 0, t = 0;
        for (AlignedBead f : fixed) {
            int fs = f.sourceSize() == 0 ? Math.max(s, Math.min(src.n, f.sourceStart())) : f.sourceStart();
            int ft = f.targetSize() == 0 ? Math.max(t, Math.min(tgt.n, f.targetStart())) : f.targetStart();
            if (fs < s || ft < t || fs + f.sourceSize() > src.n || ft + f.targetSize() > tgt.n) {
                throw new IllegalArgumentException("fixed beads overlap or leave the documents: " + f);
            }
            stretches.add(new int[] {s, fs, t, ft});
            fixedPlaced.add(new AlignedBead(fs, fs + f.sourceSize(), ft, ft + f.targetSize(), f.confidence()));
            s = fs + f.sourceSize();
            t = ft + f.targetSize();
        }
        stretches.add(new int[] {s, src.n, t, tgt.n});

        long total = src.n + (long) tgt.n, done = 0;
        // pass one
        List<List<int[]>> first = new ArrayList<>();
        List<int[]> ones = new ArrayList<>();
        for (int[] st : stretches) {
            List<int[]> path = firstPass(model, st, rejected, progress);
            first.add(path);
            for (int[] b : path) if (b[1] == 1 && b[3] == 1) ones.add(new int[] {st[0] + b[0], st[2] + b[2]});
            done += (st[1] - st[0]) + (st[3] - st[2]);
            progress.update(done, 2 * total, "aligning");
        }
        for (AlignedBead f : fixedPlaced) {
            if (f.sourceSize() == 1 && f.targetSize() == 1) ones.add(new int[] {f.sourceStart(), f.targetStart()});
        }
        // the realign: a word model trained on pass one's good 1:1 beads (confirmed ones included) reads pass two
        if (learn) PairLexicon.learnAndApply(model, ones, model.sourceLang, model.targetLang);
        progress.checkCancelled();
        model.estimate(ones);
        // pass two
        List<AlignedBead> out = secondPasses(model, stretches, first, fixedPlaced, rejected, progress);
        done += total;
        progress.update(done, 2 * total, "aligning");
        return out;
    }

    private static List<AlignedBead> secondPasses(CostModel model, List<int[]> stretches, List<List<int[]>> guides,
                                                  List<AlignedBead> fixedPlaced, Set<Long> rejected, Progress progress) {
        List<AlignedBead> out = new ArrayList<>();
        // beads whose confidence is the map of their posterior (the others: fixed, or trivially alone)
        List<Boolean> mapped = new ArrayList<>();
        for (int k = 0; k < stretches.size(); k++) {
            int[] st = stretches.get(k);
            secondPass(model, st, guides.get(k), rejected, progress, out);
            while (mapped.size() < out.size()) mapped.add(st[1] > st[0] && st[3] > st[2]);
            if (k < fixedPlaced.size()) {
                out.add(fixedPlaced.get(k));
                mapped.add(false);
            }
        }
        // the map reads the bead's neighbours on the path, so it runs once the path is whole
        for (int k = 0; k < out.size(); k++) {
            if (!mapped.get(k)) continue;
            AlignedBead b = out.get(k);
            out.set(k, new AlignedBead(b.sourceStart(), b.sourceEnd(), b.targetStart(), b.targetEnd(),
                    model.confidence(b.confidence(), out, k)));
        }
        return out;
    }

    private static List<int[]> firstPass(CostModel model, int[] st, Set<Long> rejected, Progress progress) {
        int n = st[1] - st[0], m = st[3] - st[2];
        if (n == 0 || m == 0) return trivial(n, m);
        boolean small = (n + 1L) * (m + 1L) <= FULL_CELLS;
        int w = small ? Math.max(n, m) + 1 : GUIDE_WIDTH;
        while (true) {
            BandDp.Guide g = BandDp.guide(model, st[0], n, st[2], m, w, rejected, progress);
            if (!g.touchesEdge() || w > Math.max(n, m) || (long) (n + 1) * (4L * w + 1) > MAX_CELLS) return g.path();
            w *= 2;
        }
    }

    private static void secondPass(CostModel model, int[] st, List<int[]> first, Set<Long> rejected,
                                   Progress progress, List<AlignedBead> out) {
        int n = st[1] - st[0], m = st[3] - st[2];
        if (n == 0 || m == 0) {
            for (int[] b : trivial(n, m)) out.add(toBead(st, b, 1.0));
            return;
        }
        int w = REFINE_WIDTH;
        BandDp.Refined r;
        while (true) {
            int[][] band = BandDp.around(first, n, m, w);
            r = BandDp.refine(model, st[0], n, st[2], m, band[0], band[1], rejected, model.temperature, progress);
            if (!r.touchesEdge() || w >= 4 * REFINE_WIDTH) break;
            w *= 2;
        }
        for (int k = 0; k < r.path().size(); k++) {
            int[] b = r.path().get(k);
            // the raw posterior for now; secondPasses maps it to the confidence
            out.add(toBead(st, b, r.posterior()[k]));
        }
    }

    private static AlignedBead toBead(int[] st, int[] b, double confidence) {
        return new AlignedBead(st[0] + b[0], st[0] + b[0] + b[1], st[2] + b[2], st[2] + b[2] + b[3], confidence);
    }

    private static List<int[]> trivial(int n, int m) {
        List<int[]> p = new ArrayList<>();
        for (int i = 0; i < n; i++) p.add(new int[] {i, 1, 0, 0});
        for (int j = 0; j < m; j++) p.add(new int[] {n, 0, j, 1});
        return p;
    }

}
