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

    /** The lexicon for {@code src}→{@code tgt}; null if the project has nothing to learn from. */
    public static Lexicon learn(Project p, String src, String tgt) {
        String key = p.dir().toAbsolutePath().normalize() + "\n" + src + "\n" + tgt;
        List<Long> fingerprint = fingerprint(p, src, tgt);
        synchronized (CACHE) {
            Cached c = CACHE.get(key);
            if (c != null && c.fingerprint().equals(fingerprint)) return c.lexicon();
        }
        Lexicon lexicon = compute(p, src, tgt);
        synchronized (CACHE) {
            CACHE.put(key, new Cached(fingerprint, lexicon));
        }
        return lexicon;
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
