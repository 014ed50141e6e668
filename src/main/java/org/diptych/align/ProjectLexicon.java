package org.diptych.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.glossary.Glossary;
import org.diptych.glossary.GlossaryStore;
import org.diptych.project.Project;
import org.diptych.tm.TmSample;
import org.diptych.tm.TranslationMemory;

/**
 * The lexicon a project gives the aligner: its glossary's term pairs, plus word pairs learned from every
 * bead confirmed anywhere in the project for one language pair (alignments stored in either direction) and
 * from the approved units of its translation memory that did not come from those beads (an imported TMX), then
 * from the unreviewed beads the engine is sure of ({@value #SURE} or more: the published translations of a site
 * import, aligned once). The CLI and the desk both align with it, so the engine gets better as a team uses it.
 *
 * <p>Learning reads the whole project, so the result is kept per project folder and language pair and
 * reused while none of the files it was learned from has changed (same files, sizes and modification times).
 */
public final class ProjectLexicon {
    /** TM units read at most ({@link Lexicon#learnFromPairs} reads at most 20,000 pairs in all). */
    static final int TM_UNITS = 10_000;
    private static final int CACHED_PAIRS = 16;

    private record Cached(List<Long> fingerprint, Lexicon lexicon) {}

    private static final Map<String, Cached> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHED_PAIRS;
        }
    };

    private ProjectLexicon() {}

    /**
     * The lexicon for {@code src}→{@code tgt}: glossary and learned entries, with the project's stored word model
     * ({@link #words}, brought up to date in memory; nothing is written) as its {@link Lexicon#words}; null if the
     * project has nothing to learn from.
     */
    public static Lexicon learn(Project p, String src, String tgt) {
        String key = p.dir().toAbsolutePath().normalize() + "\n" + src + "\n" + tgt;
        WordTable words = words(p, src, tgt);
        List<Long> fingerprint = fingerprint(p, src, tgt);
        Lexicon lexicon;
        synchronized (CACHE) {
            Cached c = CACHE.get(key);
            lexicon = c != null && c.fingerprint().equals(fingerprint) ? c.lexicon() : null;
            if (lexicon != null && lexicon.words(src, tgt) == (words == null ? null : words.oriented(src, tgt))) {
                return lexicon;
            }
        }
        Lexicon entries = lexicon != null ? lexicon : compute(p, src, tgt);
        Lexicon withWords = words == null ? entries : Lexicon.withWords(entries, words);
        synchronized (CACHE) {
            CACHE.put(key, new Cached(fingerprint, withWords));
        }
        return withWords;
    }

    // ------------------------------------------------------------------------------------------ the stored word model

    private static final class Stored {
        List<Long> stamp;
        Map<String, StoredLexicon.Section> sections;
        WordTable table;
        /** The sections differ from the file's. */
        boolean dirty;
    }

    private static final Map<Path, Stored> STORED = new java.util.HashMap<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProjectLexicon.class);
    static final String STATEMENT = "statement", TM = "tm";

    /**
     * The project's stored word model for the language pair ({@link StoredLexicon}, the file
     * {@code lexicon.<a>-<b>.tsv}), brought up to date first: the statements whose alignments or versions changed
     * since it was written (and the TM, if it changed) are retrained, the others' counts kept, in memory; the file
     * is written by {@link #store}. Oriented {@code src}→{@code tgt}; {@code null} when there is nothing to learn
     * from or a language has no analyzer.
     */
    public static WordTable words(Project p, String src, String tgt) {
        return words(p, src, tgt, false);
    }

    /**
     * Brings the stored word model of the language pair up to date ({@link #words}) and writes
     * {@code lexicon.<a>-<b>.tsv} if it changed (atomically; the project must be open for writing, else nothing is
     * written). Called after an alignment, a confirmation or an import has been saved; a command that changes
     * nothing does not call it, so the file changes only with the work it was learned from.
     *
     * @return the model, oriented {@code src}→{@code tgt}, or {@code null}
     */
    public static WordTable store(Project p, String src, String tgt) {
        return words(p, src, tgt, true);
    }

    private static WordTable words(Project p, String src, String tgt, boolean write) {
        if (!StoredLexicon.analyzable(src) || !StoredLexicon.analyzable(tgt)
                || org.diptych.model.Languages.base(src).equals(org.diptych.model.Languages.base(tgt))) {
            return null;
        }
        String[] ab = StoredLexicon.order(src, tgt);
        boolean swapped = !org.diptych.model.Languages.base(src).equals(ab[0]);
        String la = swapped ? tgt : src, lb = swapped ? src : tgt; // the project's tags, in the file's order
        Path file = p.dir().resolve(StoredLexicon.fileName(src, tgt));
        synchronized (STORED) {
            Path key = file.toAbsolutePath().normalize();
            Stored st = STORED.get(key);
            List<Long> stamp = new ArrayList<>();
            stat(stamp, file);
            if (st == null || !st.stamp.equals(stamp)) {
                st = new Stored();
                st.stamp = stamp;
                try {
                    st.sections = StoredLexicon.read(file, ab[0], ab[1]);
                } catch (IOException | StoredLexicon.Damaged e) {
                    LOG.warn("{}: not read, retrained ({})", file, e.getMessage());
                    st.sections = new LinkedHashMap<>();
                }
                STORED.put(key, st);
            }
            Map<String, StoredLexicon.Section> next = new LinkedHashMap<>();
            List<String[]> toTrain = new ArrayList<>(); // {kind, id, fingerprint}
            List<String> ids = p.statementIds();
            for (String id : ids) {
                List<Long> f = new ArrayList<>();
                stat(f, p.alignmentFile(id, la, lb));
                stat(f, p.alignmentFile(id, lb, la));
                stat(f, p.versionDir(id, la).resolve(Project.VERSION_FILE));
                stat(f, p.versionDir(id, lb).resolve(Project.VERSION_FILE));
                plan(st, next, toTrain, STATEMENT, id, hex(f));
            }
            List<Long> tmStamp = new ArrayList<>();
            stat(tmStamp, p.tmDir().resolve(TranslationMemory.RECORD));
            stat(tmStamp, p.tmDir().resolve(TranslationMemory.JOURNAL));
            plan(st, next, toTrain, TM, "memory", hex(tmStamp));
            boolean changed = !toTrain.isEmpty() || !st.sections.keySet().equals(next.keySet());
            if (!toTrain.isEmpty()) {
                List<StoredLexicon.Section> trained = toTrain.parallelStream()
                        .map(w -> train(p, w, la, lb)).toList();
                for (StoredLexicon.Section s : trained) next.put(s.key(), s);
                // keep the file in the project's order: statements as listed, the TM last
                Map<String, StoredLexicon.Section> ordered = new LinkedHashMap<>();
                for (String id : ids) ordered.put(STATEMENT + "\t" + id, next.get(STATEMENT + "\t" + id));
                ordered.put(TM + "\tmemory", next.get(TM + "\tmemory"));
                next = ordered;
            }
            if (changed) {
                st.sections = next;
                st.table = null;
                st.dirty = true;
            }
            if (write && st.dirty && p.writable()) {
                try {
                    org.diptych.project.SafePaths.requireInside(p.dir(), file, "lexicon");
                    org.diptych.project.AtomicFiles.write(file, StoredLexicon.format(ab[0], ab[1], st.sections.values()), null);
                    st.stamp = new ArrayList<>();
                    stat(st.stamp, file);
                    st.dirty = false;
                } catch (IOException | RuntimeException e) {
                    // derived data: the aligner still gets the model; the next store writes it again
                    LOG.warn("{}: not written ({})", file, e.getMessage());
                }
            }
            if (st.table == null) st.table = StoredLexicon.table(ab[0], ab[1], st.sections.values());
            return st.table == null ? null : st.table.oriented(src, tgt);
        }
    }

    /** Keeps the stored section of a source whose fingerprint is unchanged, or plans its training. */
    private static void plan(Stored st, Map<String, StoredLexicon.Section> next, List<String[]> toTrain, String kind,
                             String id, String fingerprint) {
        StoredLexicon.Section old = st.sections.get(kind + "\t" + id);
        if (old != null && old.fingerprint().equals(fingerprint)) next.put(old.key(), old);
        else {
            toTrain.add(new String[] {kind, id, fingerprint});
            next.put(kind + "\t" + id, null);
        }
    }

    /** Trains one source of the stored model, a→b being the file's language order. */
    private static StoredLexicon.Section train(Project p, String[] what, String la, String lb) {
        List<String[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (what[0].equals(TM)) {
            for (String[] u : TmSample.pairs(p.tmDir(), la, lb, TM_UNITS)) {
                pairs.add(u);
                weights.add(StoredLexicon.TM_WEIGHT);
            }
        } else {
            String id = what[1];
            DocumentVersion a = null, b = null;
            for (boolean swapped : new boolean[] {false, true}) {
                Alignment al;
                try {
                    al = swapped ? p.loadAlignment(id, lb, la).orElse(null) : p.loadAlignment(id, la, lb).orElse(null);
                    if (al == null || al.beads().isEmpty()) continue;
                    if (a == null) {
                        a = p.loadVersion(id, la).orElse(null);
                        b = p.loadVersion(id, lb).orElse(null);
                    }
                } catch (RuntimeException e) { // a damaged file: the statement teaches nothing until it is repaired
                    LOG.warn("lexicon: statement {} not read ({})", id, e.getMessage());
                    break;
                }
                if (a == null || b == null) break;
                DocumentVersion s = swapped ? b : a, t = swapped ? a : b;
                for (String[] pair : Lexicon.confirmedPairs(al, s, t)) {
                    pairs.add(swapped ? new String[] {pair[1], pair[0]} : pair);
                    weights.add(StoredLexicon.CONFIRMED);
                }
                for (String[] pair : surePairs(al, s, t)) {
                    pairs.add(swapped ? new String[] {pair[1], pair[0]} : pair);
                    weights.add(StoredLexicon.SURE_WEIGHT);
                }
            }
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        return StoredLexicon.train(what[0], what[1], what[2], la, lb, pairs, w);
    }

    private static String hex(List<Long> f) {
        long h = 1125899906842597L;
        for (long x : f) h = 31 * h + x;
        return Long.toHexString(h);
    }

    /** Sizes and modification times of every file the lexicon is learned from. */
    private static List<Long> fingerprint(Project p, String src, String tgt) {
        List<Long> f = new ArrayList<>();
        for (String id : p.statementIds()) {
            stat(f, p.alignmentFile(id, src, tgt));
            stat(f, p.alignmentFile(id, tgt, src));
            stat(f, p.versionDir(id, src).resolve(Project.VERSION_FILE));
            stat(f, p.versionDir(id, tgt).resolve(Project.VERSION_FILE));
        }
        stat(f, GlossaryStore.file(p));
        stat(f, p.tmDir().resolve(TranslationMemory.RECORD));
        stat(f, p.tmDir().resolve(TranslationMemory.JOURNAL)); // imports add segments named in the journal
        return f;
    }

    private static void stat(List<Long> f, Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            f.add(a.size());
            f.add(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
            // saves replace files by renaming: a new file, whatever its time stamp
            f.add(a.fileKey() == null ? 0L : a.fileKey().hashCode());
        } catch (IOException e) {
            f.add(-1L);
        }
    }

    /** Unreviewed beads the engine is at least this sure of are learned from too, after the reviewed material (a
     * wrong one rarely makes an entry: a pair needs two co-occurrences and the best Dice of its source word). */
    static final double SURE = 0.8;

    private static Lexicon compute(Project p, String src, String tgt) {
        List<String[]> pairs = new ArrayList<>();
        List<String[]> sure = new ArrayList<>(); // the engine's sure beads (a site import's published translations)
        for (String id : p.statementIds()) {
            DocumentVersion a = null, b = null;
            for (boolean swapped : new boolean[] {false, true}) {
                Alignment al = swapped ? p.loadAlignment(id, tgt, src).orElse(null) : p.loadAlignment(id, src, tgt).orElse(null);
                if (al == null || al.beads().isEmpty()) continue;
                if (a == null) {
                    a = p.loadVersion(id, src).orElse(null);
                    b = p.loadVersion(id, tgt).orElse(null);
                }
                if (a == null || b == null) break;
                for (String[] pair : Lexicon.confirmedPairs(al, swapped ? b : a, swapped ? a : b)) {
                    pairs.add(swapped ? new String[] {pair[1], pair[0]} : pair);
                }
                for (String[] pair : surePairs(al, swapped ? b : a, swapped ? a : b)) {
                    sure.add(swapped ? new String[] {pair[1], pair[0]} : pair);
                }
            }
        }
        pairs.addAll(TmSample.pairs(p.tmDir(), src, tgt, TM_UNITS));
        pairs.addAll(sure);
        Lexicon learned = pairs.isEmpty() ? null : Lexicon.learnFromPairs(src, tgt, pairs);
        List<Lexicon.Entry> terms = new ArrayList<>();
        for (Glossary.TermPair t : GlossaryStore.load(p).pairs(src, tgt)) {
            terms.add(new Lexicon.Entry(t.source(), t.target()));
        }
        if (terms.isEmpty()) return learned;
        Lexicon glossary = Lexicon.of(src, tgt, terms);
        return learned == null ? glossary : glossary.and(learned);
    }

    /** The texts of the unreviewed (AUTO) beads with both sides that the engine is {@link #SURE} of. */
    private static List<String[]> surePairs(Alignment al, DocumentVersion source, DocumentVersion target) {
        Map<String, String> src = new java.util.HashMap<>(), tgt = new java.util.HashMap<>();
        for (var x : source.paragraphs()) src.put(x.id(), x.text());
        for (var x : target.paragraphs()) tgt.put(x.id(), x.text());
        List<String[]> out = new ArrayList<>();
        for (Bead b : al.beads()) {
            if (b.status() != org.diptych.model.BeadStatus.AUTO || b.confidence() < SURE || b.source().isEmpty() || b.target().isEmpty()) continue;
            StringBuilder s = new StringBuilder(), t = new StringBuilder();
            for (String id : b.source()) if (src.containsKey(id)) s.append(src.get(id)).append('\n');
            for (String id : b.target()) if (tgt.containsKey(id)) t.append(tgt.get(id)).append('\n');
            if (s.length() > 0 && t.length() > 0) out.add(new String[] {s.toString(), t.toString()});
        }
        return out;
    }
}
