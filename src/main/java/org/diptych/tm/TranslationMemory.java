package org.diptych.tm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import org.diptych.DiptychException;
import org.diptych.Progress;

/**
 * The embedded translation memory, kept in a folder (a project's {@code tm/}, or any folder named with
 * {@code --tm}); the default {@link TmBackend}.
 *
 * <pre>
 * memory.tmx       the record: every unit, TMX 1.4b; its header prop x-diptych-generation counts rewrites
 * seg-G-N.tmx      units added by imports since (one file per import), named by the journal
 * journal.log      every change since the record was written, in steps: feeds, deletions, segments
 *                  (see {@link Journal}); its first line holds the record's generation, length and CRC
 * index/           Lucene index, derived: rebuilt from record + segments + journal when it does not match
 * tm.lock          the OS lock of the process that has the TM open (never deleted)
 * </pre>
 *
 * <p><b>Crash safety.</b> Nothing is changed before the lock is held ({@link TmStore}). Files are written
 * whole beside their name and renamed into place once forced; the journal step that names a new segment,
 * or carries a feed, is the point of no return, and a step cut short (crash, full disk) is dropped whole.
 * The index's commit carries the record generation and the last journal step it contains; at open the
 * index is brought up to date by replaying the journal, or rebuilt when its generation differs. An import
 * adds its units to the index without committing while it writes the segment, and commits once the
 * journal names it. So a process killed at any point leaves the TM before or after the import, never in
 * between. A record cut short or changed outside Diptych does not match the length (at open) or CRC (when
 * read whole) in the journal's header: the TM refuses to open with one line rather than take it as the
 * new record, and {@link #repair} writes it again from the index. The segments are folded into a new
 * record by {@link #compact} (on demand, or after {@value TmStore#MERGE_AFTER_SEGMENTS} imports).
 *
 * <p>The parts: storage and import (lock, record, segments, journal, index) in {@link TmStore}, ranking
 * in {@link TmLookup}, concordance in {@link TmConcordance}, statistics in {@link TmStatistics}; this
 * class is the {@link TmBackend} over them, with export and the changes. Methods are thread-safe.
 */
public final class TranslationMemory implements TmBackend {
    public static final String RECORD = "memory.tmx";
    public static final String JOURNAL = "journal.log";
    public static final String INDEX = "index";
    static final String GENERATION_PROP = "x-diptych-generation";
    static final int COMPACT_AFTER = 20_000;

    private final TmStore store;
    private final TmLookup lookup;

    private TranslationMemory(TmStore store) {
        this.store = store;
        this.lookup = new TmLookup(store);
    }

    /**
     * Opens the TM in {@code tmDir}, creating an empty one if the folder has none. Takes the TM's lock
     * first; then brings the index up to date with the record (replaying the journal, or rebuilding it).
     *
     * @throws DiptychException if the TM is open in another process, its record is damaged or its files
     *                          cannot be read
     */
    public static TranslationMemory open(Path tmDir) {
        return new TranslationMemory(TmStore.open(tmDir));
    }

    /** True if a folder holds a TM (a record, a journal or an index). */
    public static boolean exists(Path tmDir) {
        return Files.isRegularFile(tmDir.resolve(RECORD)) || Files.isRegularFile(tmDir.resolve(JOURNAL))
                || Files.isDirectory(tmDir.resolve(INDEX));
    }

    /**
     * Writes the record of a TM folder again from its index, after {@code memory.tmx} or a segment was
     * damaged (cut short, changed by hand); the damaged files are kept beside it as {@code *.damaged}.
     *
     * @return the number of units in the new record
     * @throws DiptychException if the TM is open elsewhere or no index matches the record
     */
    public static long repair(Path tmDir) {
        return TmStore.repair(tmDir);
    }

    public Path dir() {
        return store.dir();
    }

    /** True if opening had to rebuild the index from the record (first open, or after a crash). */
    public boolean wasRebuilt() {
        return store.rebuilt;
    }

    // ---------------------------------------------------------------- import and export

    /**
     * Imports a TMX file: its valid units are added (units already in the TM are counted as duplicates),
     * malformed units are skipped with line-numbered warnings. The new units are written as one segment
     * file beside the record (the cost is in proportion to the file, not to the TM) and named in the
     * journal in one forced step. All or nothing: if the file is not TMX, cannot be read, the disk is full
     * or the work is cancelled, the TM is left as it was and the message says so.
     *
     * @throws DiptychException if the file is not a readable TMX file or the import could not be saved
     */
    @Override
    public synchronized ImportReport importTmx(Path file, Progress progress) {
        return store.importTmx(file, progress);
    }

    /**
     * Writes the TM as TMX 1.4b to {@code out} (atomically). The header is the imported file's (its
     * attributes, props and notes) when the TM's units were imported from one file, else Diptych's with
     * the props and notes of every imported file's header.
     *
     * @param approvedOnly leave draft units out
     * @return the number of units written
     */
    @Override
    public synchronized long exportTmx(Path out, boolean approvedOnly) {
        Path parent = out.toAbsolutePath().getParent();
        RecordFiles.Written w = null;
        try {
            Files.createDirectories(parent);
            // The header of the imported file (one), or Diptych's with the props and notes of all of them.
            Map<String, String> attrs = null;
            List<TmMeta> meta = new ArrayList<>();
            List<String> sources = store.sourceHeaders();
            for (String x : sources) {
                TmxReader.Header h;
                try {
                    h = TmxReader.parseHeader(x, 0);
                } catch (javax.xml.stream.XMLStreamException e) {
                    continue; // written by this class: not expected
                }
                if (sources.size() == 1) attrs = h.attributes();
                for (TmMeta m : h.foreignMeta()) {
                    if (!meta.contains(m)) meta.add(m);
                }
            }
            w = RecordFiles.writeTmx(out, attrs, meta, tw -> {
                long[] n = new long[1];
                store.forEachUnit(u -> {
                    if (approvedOnly && u.isDraft()) return;
                    tw.write(u);
                    n[0]++;
                });
                return n[0];
            });
            RecordFiles.moveAtomically(w.tmp(), out);
            long n = w.units();
            w = null;
            return n;
        } catch (IOException e) {
            throw new DiptychException(out + ": cannot write TMX (" + e.getMessage() + ")", e);
        } finally {
            if (w != null) RecordFiles.deleteQuietly(w.tmp());
        }
    }

    /**
     * Folds the segments of imports and the journal into a new record (a full rewrite). Done automatically
     * when the journal grows past {@value #COMPACT_AFTER} changes or {@value TmStore#MERGE_AFTER_SEGMENTS}
     * segments; {@code diptych tm compact} asks for it.
     */
    public synchronized void compact() {
        store.merge();
    }

    // ---------------------------------------------------------------- changes

    /**
     * Puts units (inserting or replacing by id) and deletes units by id, durably and as one step: the
     * changes are in the journal on disk before this returns (all of them, or none if it throws), and in
     * the index.
     */
    @Override
    public synchronized void update(List<TmUnit> puts, List<String> deleteIds) {
        if (puts.isEmpty() && deleteIds.isEmpty()) return;
        try {
            List<Journal.Op> step = store.journal.append(puts, deleteIds);
            store.applyToIndex(step, false);
        } catch (IOException e) {
            throw new DiptychException(dir() + ": cannot update the translation memory, it is unchanged ("
                    + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            // The step is in the journal: the index catches up from it.
            store.commitOrCatchUp();
            throw e;
        }
        store.commitOrCatchUp();
        java.util.function.Consumer<List<TmUnit>> listener = updateListener;
        if (listener != null && !puts.isEmpty()) listener.accept(puts);
        if (store.journal.ops().size() > COMPACT_AFTER) {
            try {
                compact();
            } catch (DiptychException e) {
                // the update stands; the journal is folded another time
            }
        }
    }

    private volatile java.util.function.Consumer<List<TmUnit>> updateListener;

    /**
     * Sets who is told of the units each {@link #update} put, once they are durable here (the team TM's push
     * queue, {@code tm.solr.TeamTm}); {@code null} for no one. Called under the TM's lock; must not throw.
     */
    public void onUpdate(java.util.function.Consumer<List<TmUnit>> listener) {
        updateListener = listener;
    }

    /** Counts one use of a unit (a translator took its translation): raises its usage count. */
    public synchronized void recordUse(String unitId) {
        TmUnit u = get(unitId);
        if (u == null) return;
        Map<String, String> a = new LinkedHashMap<>(u.attributes());
        a.put("usagecount", String.valueOf(u.usageCount() + 1));
        a.put("lastusagedate", TmUnit.formatDate(Instant.now()));
        update(List.of(u.withAttributes(a)), List.of());
    }

    /** The unit with that id, or {@code null}. */
    @Override
    public TmUnit get(String unitId) {
        for (TmUnit u : search(TmIndex.idQuery(unitId), 4)) {
            if (u.id().equals(unitId)) return u;
        }
        return null;
    }

    /** Units fed from one alignment ({@code statement|srcLang|tgtLang}). */
    List<TmUnit> unitsInScope(String scope) {
        return search(new TermQuery(new Term(TmIndex.SCOPE, scope)), Integer.MAX_VALUE);
    }

    private List<TmUnit> search(Query q, int max) {
        try {
            IndexSearcher s = store.searchers.acquire();
            try {
                int n = Math.max(1, Math.min(max, s.count(q)));
                List<TmUnit> out = new ArrayList<>();
                StoredFields sf = s.storedFields();
                for (ScoreDoc sd : s.search(q, n).scoreDocs) out.add(load(sf, sd.doc));
                return out;
            } finally {
                store.searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TmUnit load(StoredFields sf, int doc) throws IOException {
        return UnitCodec.decode(sf.document(doc, Set.of(TmIndex.UNIT)).getBinaryValue(TmIndex.UNIT));
    }

    // ---------------------------------------------------------------- lookup

    /** {@link #lookup(TmQuery)} with the default minimum score and at most {@code max} matches. */
    @Override
    public List<TmMatch> lookup(String text, String sourceLang, String targetLang, int max) {
        return lookup(TmQuery.of(text, sourceLang, targetLang).withLimits(TmQuery.DEFAULT_MIN_SCORE, max));
    }

    /**
     * Finds the units whose source-language text is most like the query and that have the target
     * language, best first (score, then approved before draft, then more used, then newer); see
     * {@link TmLookup}.
     */
    @Override
    public List<TmMatch> lookup(TmQuery q) {
        return lookup.lookup(q);
    }

    /** The value kept in {@link TmUnit#PROP_PREVIOUS} for a previous paragraph's text. */
    public static String contextHash(String previousText) {
        return TmIndex.hex(Tokens.hash(Tokens.of(previousText, "").words));
    }

    // ---------------------------------------------------------------- concordance

    /**
     * Finds the units whose {@code lang} text contains a word or phrase, stemmed as the language's analyzer
     * stems it ("право" finds "права"), with the hits marked.
     *
     * @throws DiptychException if the text has only stop words
     */
    @Override
    public List<ConcordanceHit> concordance(String text, String lang, int max) {
        return TmConcordance.find(store, text, lang, max);
    }

    // ---------------------------------------------------------------- stats

    @Override
    public TmStats stats() {
        return TmStatistics.of(store);
    }

    @Override
    public synchronized void close() {
        store.close();
    }
}
