package org.diptych.tm;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import org.diptych.DiptychException;
import org.diptych.Progress;
import org.diptych.model.Languages;

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
 * <p>The storage (lock, record, segments, journal, index) is {@link TmStore}; this class adds lookups,
 * concordance and statistics over its index. Methods are thread-safe.
 */
public final class TranslationMemory implements TmBackend {
    public static final String RECORD = "memory.tmx";
    public static final String JOURNAL = "journal.log";
    public static final String INDEX = "index";
    static final String GENERATION_PROP = "x-diptych-generation";
    static final int COMPACT_AFTER = 20_000;
    private static final int BM25_CANDIDATES = 30;
    /** Query terms used for BM25 candidates: the rarest ones. */
    static final int MAX_TERMS = 12;
    private static final int MASKED_CANDIDATES = 30;
    private static final int EXACT_CANDIDATES = 10;

    private final TmStore store;

    private TranslationMemory(TmStore store) {
        this.store = store;
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
     * Writes the TM as TMX 1.4b to {@code out} (atomically).
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
            w = RecordFiles.writeTmx(out, Map.of(), tw -> {
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
            for (Journal.Op op : step) store.applyToIndex(op, false);
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
     * language, best first (score, then approved before draft, then more used, then newer).
     * Candidates come from the index: units whose words are equal up to case, punctuation and tags, or up
     * to numbers (hash points), and the best BM25 hits on the query's rarest pairs of stems (then on its
     * rarest stems if that found fewer than {@code max} matches); each candidate is scored by
     * {@link MatchScorer}.
     */
    @Override
    public List<TmMatch> lookup(TmQuery q) {
        String src = normalize(q.sourceLang());
        String tgt = normalize(q.targetLang());
        String srcBase = Languages.base(src);
        String tgtBase = Languages.base(tgt);
        if (src.equals(tgt)) throw new DiptychException("source and target language are the same (" + src + ")");
        Tokens qt = Tokens.of(q.text(), q.tags());
        if (qt.words.length == 0 && qt.all.isEmpty()) return List.of();
        String context = q.previousText() == null ? null : contextHash(q.previousText());
        try {
            IndexSearcher s = store.searchers.acquire();
            try {
                // Most TMs have the target language in every unit; then filtering would only slow BM25 down.
                Query filter = everyUnitHas(s, tgtBase) ? null : new TermQuery(new Term(TmIndex.LANG, tgtBase));
                Set<Integer> docs = new LinkedHashSet<>();
                collect(s, LongPoint.newExactQuery(TmIndex.exact(srcBase), Tokens.hash(qt.words)), filter,
                        EXACT_CANDIDATES, docs);
                collect(s, LongPoint.newExactQuery(TmIndex.masked(srcBase), Tokens.hash(qt.masked)), filter,
                        MASKED_CANDIDATES, docs);
                int n = Math.max(BM25_CANDIDATES, q.max() * 3);
                Query pairs = termsQuery(s, srcBase, q.text(), true);
                if (pairs != null) collect(s, pairs, filter, n, docs);
                StoredFields sf = s.storedFields();
                List<Candidate> scored = new ArrayList<>();
                for (int doc : docs) {
                    Candidate c = score(load(sf, doc), qt, src, tgt, srcBase, tgtBase, context);
                    if (c != null && c.score >= q.minScore()) scored.add(c);
                }
                if (scored.size() < q.max()) {
                    // Edits can break most word pairs of a short text: then single words find the unit.
                    Query words = termsQuery(s, srcBase, q.text(), false);
                    Set<Integer> more = new LinkedHashSet<>();
                    if (words != null) collect(s, words, filter, n, more);
                    more.removeAll(docs);
                    for (int doc : more) {
                        Candidate c = score(load(sf, doc), qt, src, tgt, srcBase, tgtBase, context);
                        if (c != null && c.score >= q.minScore()) scored.add(c);
                    }
                }
                scored.sort(Candidate.ORDER);
                List<TmMatch> out = new ArrayList<>();
                for (Candidate c : scored.subList(0, Math.min(q.max(), scored.size()))) {
                    out.add(new TmMatch(c.score, c.kind, c.scored.differences(), c.description, c.source, c.target,
                            MatchScorer.diff(qt, c.tokens), c.unit, c.unit.provenance()));
                }
                return out;
            } finally {
                store.searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private volatile Object languageCacheReader;
    private final Map<String, Boolean> languageCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** True if every unit has a variant in that language (remembered per index reader). */
    private boolean everyUnitHas(IndexSearcher s, String base) throws IOException {
        if (languageCacheReader != s.getIndexReader()) {
            languageCache.clear();
            languageCacheReader = s.getIndexReader();
        }
        Boolean all = languageCache.get(base);
        if (all == null) {
            all = s.count(new TermQuery(new Term(TmIndex.LANG, base))) == s.getIndexReader().numDocs();
            languageCache.put(base, all);
        }
        return all;
    }

    private static void collect(IndexSearcher s, Query q, Query filter, int n, Set<Integer> docs) throws IOException {
        Query bq = filter == null ? q : new BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
        for (ScoreDoc sd : s.search(bq, n).scoreDocs) docs.add(sd.doc);
    }

    /**
     * A disjunction of the query's rarest word pairs, or stems (at most {@link #MAX_TERMS}, terms that no
     * unit has left out): BM25 over them ranks the candidates. Rare pairs are what tells a unit from its
     * many near-duplicates, and leaving out the common ones keeps the lookup fast on large TMs; single
     * stems are the fallback when the pairs found too little.
     */
    private static Query termsQuery(IndexSearcher s, String base, String text, boolean pairs) throws IOException {
        String field = TmIndex.words(base);
        Set<String> distinct = new LinkedHashSet<>();
        for (Object[] t : TmIndex.analyze(base, field, text, pairs)) distinct.add((String) t[0]);
        List<Term> terms = new ArrayList<>();
        Map<Term, Integer> df = new java.util.HashMap<>();
        for (String t : distinct) {
            Term term = new Term(field, t);
            int f = s.getIndexReader().docFreq(term);
            if (f > 0) {
                terms.add(term);
                df.put(term, f);
            }
        }
        if (terms.isEmpty()) return null;
        terms.sort(Comparator.comparingInt(df::get));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Term t : terms.subList(0, Math.min(MAX_TERMS, terms.size()))) {
            b.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private record Candidate(TmUnit unit, TmVariant source, TmVariant target, Tokens tokens,
                             MatchScorer.Scored scored, int score, MatchKind kind, String description, double fine) {
        /** Score, approved before draft, closer characters, more used, newer. */
        static final Comparator<Candidate> ORDER = Comparator.comparingInt((Candidate c) -> -c.score)
                .thenComparing(c -> c.unit.isDraft())
                .thenComparingDouble(c -> -c.fine)
                .thenComparingInt(c -> -c.unit.usageCount())
                .thenComparing((Candidate c) -> c.unit.attributes().getOrDefault("changedate",
                        c.unit.attributes().getOrDefault("creationdate", "")), Comparator.reverseOrder())
                .thenComparing(c -> c.unit.id());
    }

    private static Candidate score(TmUnit u, Tokens qt, String src, String tgt, String srcBase, String tgtBase,
                                   String context) {
        Candidate best = null;
        for (TmVariant v : u.variants()) {
            String n = v.normalizedLang();
            if (n == null || !Languages.base(n).equals(srcBase)) continue;
            TmVariant target = targetFor(u, v, tgt, tgtBase);
            if (target == null) continue;
            Tokens vt = Tokens.of(v.text(), v.tags());
            MatchScorer.Scored sc = MatchScorer.score(qt, vt);
            int score = sc.score();
            MatchKind kind = sc.kind();
            String desc = sc.description();
            if (score == 100 && context != null && context.equals(v.prop(TmUnit.PROP_PREVIOUS))) {
                score = 101;
                kind = MatchKind.IN_CONTEXT;
                desc = "in-context exact match (the previous paragraph matches too)";
            }
            if (u.isDraft()) {
                score -= 1;
                desc += "; draft (not approved)";
            }
            Candidate c = new Candidate(u, v, target, vt, sc, score, kind, desc,
                    MatchScorer.dice(qt.trigrams(), vt.trigrams()));
            if (best == null || c.score > best.score || (c.score == best.score && n.equals(src))) best = c;
        }
        return best;
    }

    private static TmVariant targetFor(TmUnit u, TmVariant source, String tgt, String tgtBase) {
        TmVariant first = null;
        for (TmVariant v : u.variants()) {
            if (v == source) continue;
            String n = v.normalizedLang();
            if (n == null || !Languages.base(n).equals(tgtBase)) continue;
            if (n.equals(tgt)) return v;
            if (first == null) first = v;
        }
        return first;
    }

    /** The value kept in {@link TmUnit#PROP_PREVIOUS} for a previous paragraph's text. */
    public static String contextHash(String previousText) {
        return TmIndex.hex(Tokens.hash(Tokens.of(previousText, "").words));
    }

    private static String normalize(String lang) {
        try {
            return Languages.normalize(lang);
        } catch (IllegalArgumentException e) {
            throw new DiptychException(e.getMessage());
        }
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
        String base = Languages.base(normalize(lang));
        String field = TmIndex.words(base);
        List<String> phrase = new ArrayList<>();
        for (Object[] t : TmIndex.analyze(base, field, text)) phrase.add((String) t[0]);
        if (phrase.isEmpty()) throw new DiptychException("'" + text + "' has only stop words; search for other words");
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : new LinkedHashSet<>(phrase)) b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.MUST);
        List<ConcordanceHit> out = new ArrayList<>();
        try {
            IndexSearcher s = store.searchers.acquire();
            try {
                StoredFields sf = s.storedFields();
                // The index has no positions: candidates have all the words, the phrase is checked here.
                for (ScoreDoc sd : s.search(b.build(), Math.max(max * 4, 50)).scoreDocs) {
                    TmUnit u = load(sf, sd.doc);
                    for (TmVariant v : u.variants()) {
                        if (!base.equals(v.base())) continue;
                        List<int[]> spans = phraseSpans(TmIndex.analyze(base, field, v.text()), phrase);
                        if (!spans.isEmpty()) {
                            out.add(new ConcordanceHit(v, spans, u, u.provenance()));
                            break;
                        }
                    }
                    if (out.size() >= max) break;
                }
            } finally {
                store.searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Offsets of each run of analysed tokens equal to the phrase's terms, in order. */
    private static List<int[]> phraseSpans(List<Object[]> tokens, List<String> phrase) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            boolean match = true;
            for (int k = 0; k < phrase.size() && match; k++) match = phrase.get(k).equals(tokens.get(i + k)[0]);
            if (!match) continue;
            for (int k = 0; k < phrase.size(); k++) {
                Object[] t = tokens.get(i + k);
                spans.add(new int[] {(Integer) t[1], (Integer) t[2]});
            }
            i += phrase.size() - 1;
        }
        return spans;
    }

    // ---------------------------------------------------------------- stats

    @Override
    public TmStats stats() {
        try {
            IndexSearcher s = store.searchers.acquire();
            try {
                long units = s.getIndexReader().numDocs();
                long draft = s.count(new TermQuery(new Term(TmIndex.DRAFT, "1")));
                Map<String, Long> per = new TreeMap<>();
                for (String b : Languages.SUPPORTED_BASES) {
                    long n = s.count(new TermQuery(new Term(TmIndex.LANG, b)));
                    if (n > 0) per.put(b, n);
                }
                long index = sizeOf(dir().resolve(INDEX));
                Path record = dir().resolve(RECORD);
                long recordBytes = Files.exists(record) ? Files.size(record) : 0;
                for (Journal.Segment seg : store.journal.segments()) recordBytes += seg.length();
                return new TmStats(units, units - draft, draft, per, recordBytes, index, store.generation,
                        store.journal.ops().size());
            } finally {
                store.searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path d) {
        long n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
            for (Path p : ds) {
                try {
                    n += Files.size(p);
                } catch (IOException ignored) {
                    // a file removed meanwhile
                }
            }
        } catch (IOException ignored) {
            // no index folder
        }
        return n;
    }

    @Override
    public synchronized void close() {
        store.close();
    }
}
