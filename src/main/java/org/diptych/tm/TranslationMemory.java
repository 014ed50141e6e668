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
 * A translation memory kept in a folder (a project's {@code tm/}, or any folder named with {@code --tm}).
 *
 * <pre>
 * memory.tmx     the record: every unit, TMX 1.4b; its header prop x-diptych-generation counts rewrites
 * journal.log    changes since the record was written (see {@link Journal})
 * index/         Lucene index, derived: rebuilt from record + journal whenever it does not match them
 * </pre>
 *
 * <p><b>Crash safety.</b> The record is only ever replaced whole and atomically (a new file written
 * beside it, forced to disk, renamed over it), with its generation number raised. Small changes go to
 * the journal first (forced), then to the index. The index's commit carries the record generation and
 * the last journal sequence it contains; at open the index is brought up to date by replaying the
 * journal, or rebuilt when its generation differs. An import writes the new record (old units + new
 * ones) while it adds the new units to the index without committing; it commits only once the new
 * record is in place. So a process killed at any point leaves the previous record, or the new one,
 * and at the next open an index matching it: never a half-imported TM.
 *
 * <p>One process at a time: the index's write lock is held while the TM is open.
 * Methods are thread-safe.
 */
public final class TranslationMemory implements Closeable {
    public static final String RECORD = "memory.tmx";
    public static final String JOURNAL = "journal.log";
    public static final String INDEX = "index";
    static final String GENERATION_PROP = "x-diptych-generation";
    /** Version of the index layout; an index of another version is rebuilt. */
    static final String INDEX_FORMAT = "1";
    static final int COMPACT_AFTER = 20_000;
    private static final Pattern GENERATION = Pattern.compile(
            "<prop type=\"" + GENERATION_PROP + "\">(\\d+)</prop>");
    private static final int BM25_CANDIDATES = 30;
    /** Query terms used for BM25 candidates: the rarest ones. */
    static final int MAX_TERMS = 12;
    private static final int MASKED_CANDIDATES = 30;
    private static final int EXACT_CANDIDATES = 10;

    private final Path dir;
    private final Directory indexDir;
    private IndexWriter writer;
    private SearcherManager searchers;
    private Journal journal;
    private long generation;
    private boolean rebuilt;

    private TranslationMemory(Path dir, Directory indexDir) {
        this.dir = dir;
        this.indexDir = indexDir;
    }

    /**
     * Opens the TM in {@code tmDir}, creating an empty one if the folder has none. Brings the index up to
     * date with the record (replaying the journal, or rebuilding it).
     *
     * @throws DiptychException if the TM is open in another process or its files cannot be read
     */
    public static TranslationMemory open(Path tmDir) {
        try {
            Files.createDirectories(tmDir);
        } catch (IOException e) {
            throw new DiptychException(tmDir + ": cannot create the TM folder (" + e.getMessage() + ")", e);
        }
        Directory d;
        try {
            d = FSDirectory.open(tmDir.resolve(INDEX));
        } catch (IOException e) {
            throw new DiptychException(tmDir + ": cannot open the TM index (" + e.getMessage() + ")", e);
        }
        TranslationMemory tm = new TranslationMemory(tmDir, d);
        try {
            tm.start();
        } catch (RuntimeException | IOException e) {
            tm.closeQuietly();
            if (e instanceof DiptychException de) throw de;
            throw new DiptychException(tmDir + ": cannot open the translation memory (" + e.getMessage() + ")", e);
        }
        return tm;
    }

    /** True if a folder holds a TM (a record or an index). */
    public static boolean exists(Path tmDir) {
        return Files.isRegularFile(tmDir.resolve(RECORD)) || Files.isDirectory(tmDir.resolve(INDEX));
    }

    public Path dir() {
        return dir;
    }

    /** True if opening had to rebuild the index from the record (first open, or after a crash). */
    public boolean wasRebuilt() {
        return rebuilt;
    }

    private void start() throws IOException {
        removeTemporaryFiles();
        generation = readGeneration(dir.resolve(RECORD));
        journal = Journal.open(dir.resolve(JOURNAL), generation);
        Map<String, String> committed = null;
        boolean usable;
        try {
            if (DirectoryReader.indexExists(indexDir)) committed = SegmentInfos.readLatestCommit(indexDir).getUserData();
            writer = newWriter();
            usable = true;
        } catch (LockObtainFailedException e) {
            throw new DiptychException(dir + ": the translation memory is open in another Diptych process");
        } catch (IOException e) {
            // A damaged index is derived data: start it afresh.
            usable = false;
        }
        if (!usable) {
            if (writer != null) writer.rollback();
            deleteIndexFiles();
            writer = newWriter();
            committed = null;
        }
        long seq = -1;
        if (committed != null && INDEX_FORMAT.equals(committed.get("format"))
                && String.valueOf(generation).equals(committed.get("generation"))) {
            try {
                seq = Long.parseLong(committed.getOrDefault("seq", "-1"));
            } catch (NumberFormatException e) {
                seq = -1;
            }
        }
        if (seq >= 0 && seq <= journal.lastSeq()) {
            boolean changed = false;
            for (Journal.Op op : journal.ops()) {
                if (op.seq() > seq) {
                    applyToIndex(op);
                    changed = true;
                }
            }
            if (changed) commit();
        } else {
            rebuild();
        }
        searchers = new SearcherManager(writer, null);
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig c = new IndexWriterConfig(TmIndex.indexAnalyzer());
        c.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        c.setRAMBufferSizeMB(64);
        c.setCommitOnClose(false);
        return new IndexWriter(indexDir, c);
    }

    private void deleteIndexFiles() throws IOException {
        for (String f : indexDir.listAll()) {
            if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) indexDir.deleteFile(f);
        }
    }

    /** Re-derives the index from the record and the journal. */
    private void rebuild() throws IOException {
        rebuilt = true;
        writer.deleteAll();
        Path record = dir.resolve(RECORD);
        if (Files.exists(record)) {
            try (ParallelIndexer indexer = new ParallelIndexer(writer)) {
                new TmxReader(record, new TmxWarnings(record.toString())).read((u, line) -> indexer.add(u));
                indexer.finish();
            }
        }
        for (Journal.Op op : journal.ops()) applyToIndex(op);
        commit();
    }

    private void applyToIndex(Journal.Op op) throws IOException {
        writer.deleteDocuments(TmIndex.idQuery(op.id()));
        if (op.unit() != null) writer.addDocument(TmIndex.document(op.unit()));
    }

    private void commit() throws IOException {
        Map<String, String> ud = new LinkedHashMap<>();
        ud.put("format", INDEX_FORMAT);
        ud.put("generation", String.valueOf(generation));
        ud.put("seq", String.valueOf(journal.lastSeq()));
        writer.setLiveCommitData(ud.entrySet());
        writer.commit();
    }

    private void removeTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) Files.deleteIfExists(p);
        }
    }

    /** The generation in a record's header, 0 if there is no record. */
    static long readGeneration(Path record) throws IOException {
        if (!Files.exists(record)) return 0;
        byte[] head;
        try (InputStream in = Files.newInputStream(record)) {
            head = in.readNBytes(1 << 16);
        }
        String s = new String(head, StandardCharsets.UTF_8);
        int body = s.indexOf("<body");
        Matcher m = GENERATION.matcher(body < 0 ? s : s.substring(0, body));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    // ---------------------------------------------------------------- import and export

    /**
     * Imports a TMX file: its valid units are added (units already in the TM are counted as duplicates),
     * malformed units are skipped with line-numbered warnings. All or nothing: if the file is not TMX,
     * cannot be read, or the work is cancelled, the TM is left as it was.
     *
     * @throws DiptychException if the file is not a readable TMX file
     */
    public synchronized ImportReport importTmx(Path file, Progress progress) {
        if (!Files.isRegularFile(file)) throw new DiptychException(file + ": no such file");
        TmxWarnings warnings = new TmxWarnings(file.toString());
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        Path tmp = null;
        boolean done = false;
        try {
            tmp = Files.createTempFile(dir, "." + RECORD + ".", ".tmp");
            long[] counts = new long[3]; // added, duplicates, read
            TmxReader.Result result;
            LongSet ids = new LongSet();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream os = Channels.newOutputStream(ch);
                 ParallelIndexer indexer = new ParallelIndexer(writer)) {
                TmxWriter out = new TmxWriter(os, Map.of(GENERATION_PROP, String.valueOf(generation + 1)));
                forEachUnit(u -> {
                    ids.add(UnitIds.longOf(u.id()));
                    out.write(u);
                });
                result = new TmxReader(file, warnings).read(new TmxReader.Handler() {
                    @Override
                    public void unit(TmUnit u, int line) throws IOException {
                        counts[2]++;
                        if (!ids.add(UnitIds.longOf(u.id()))) {
                            counts[1]++;
                            return;
                        }
                        out.write(u);
                        indexer.add(u);
                        counts[0]++;
                    }

                    @Override
                    public void progress(long bytesRead) {
                        progress.checkCancelled();
                        progress.update(bytesRead, fileSize, "importing " + file.getFileName());
                    }
                });
                out.finish();
                os.flush();
                ch.force(true);
                indexer.finish();
            }
            progress.checkCancelled();
            // The point of no return: the new record replaces the old one in one step.
            moveAtomically(tmp, dir.resolve(RECORD));
            generation++;
            journal.close();
            journal = Journal.reset(dir.resolve(JOURNAL), generation);
            commit();
            searchers.maybeRefresh();
            done = true;
            return new ImportReport(file.toString(), counts[2], counts[0], counts[1], result.skipped(),
                    warnings.list(), warnings.count());
        } catch (IOException e) {
            throw new DiptychException(file + ": import failed (" + e.getMessage() + ")", e);
        } finally {
            if (!done) {
                rollback();
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // removed at the next open
                    }
                }
            }
        }
    }

    /** Drops uncommitted index changes and reopens the writer; the last commit stays. */
    private void rollback() {
        try {
            if (searchers != null) searchers.close();
            writer.rollback();
            writer = newWriter();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel ch = FileChannel.open(to.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // directories cannot be synced on every platform
        }
    }

    interface UnitConsumer {
        void accept(TmUnit u) throws IOException;
    }

    /** Every unit of the TM in record order (journal changes applied, new units last). */
    private void forEachUnit(UnitConsumer c) throws IOException {
        Map<String, TmUnit> puts = new LinkedHashMap<>();
        Set<String> deletes = new HashSet<>();
        for (Journal.Op op : journal.ops()) {
            if (op.unit() != null) {
                puts.put(op.id(), op.unit());
                deletes.remove(op.id());
            } else {
                puts.remove(op.id());
                deletes.add(op.id());
            }
        }
        Path record = dir.resolve(RECORD);
        if (Files.exists(record)) {
            new TmxReader(record, new TmxWarnings(record.toString())).read((u, line) -> {
                if (deletes.contains(u.id())) return;
                TmUnit changed = puts.remove(u.id());
                c.accept(changed != null ? changed : u);
            });
        }
        for (TmUnit u : puts.values()) c.accept(u);
    }

    /**
     * Writes the TM as TMX 1.4b to {@code out} (atomically).
     *
     * @param approvedOnly leave draft units out
     * @return the number of units written
     */
    public synchronized long exportTmx(Path out, boolean approvedOnly) {
        Path parent = out.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, "." + out.getFileName() + ".", ".tmp");
            long[] n = new long[1];
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream os = Channels.newOutputStream(ch)) {
                TmxWriter w = new TmxWriter(os, Map.of());
                forEachUnit(u -> {
                    if (approvedOnly && u.isDraft()) return;
                    w.write(u);
                    n[0]++;
                });
                w.finish();
                os.flush();
                ch.force(true);
            }
            moveAtomically(tmp, out);
            tmp = null;
            return n[0];
        } catch (IOException e) {
            throw new DiptychException(out + ": cannot write TMX (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file
                }
            }
        }
    }

    /**
     * Folds the journal into a new record (a full rewrite). Done automatically when the journal grows past
     * {@value #COMPACT_AFTER} changes.
     */
    public synchronized void compact() {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + RECORD + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream os = Channels.newOutputStream(ch)) {
                TmxWriter w = new TmxWriter(os, Map.of(GENERATION_PROP, String.valueOf(generation + 1)));
                forEachUnit(w::write);
                w.finish();
                os.flush();
                ch.force(true);
            }
            moveAtomically(tmp, dir.resolve(RECORD));
            tmp = null;
            generation++;
            journal.close();
            journal = Journal.reset(dir.resolve(JOURNAL), generation);
            commit();
        } catch (IOException e) {
            throw new DiptychException(dir + ": cannot rewrite the TM record (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // removed at the next open
                }
            }
        }
    }

    // ---------------------------------------------------------------- changes

    /**
     * Puts units (inserting or replacing by id) and deletes units by id, durably: the changes are in the
     * journal on disk before this returns, and in the index.
     */
    public synchronized void update(List<TmUnit> puts, List<String> deleteIds) {
        if (puts.isEmpty() && deleteIds.isEmpty()) return;
        try {
            for (Journal.Op op : journal.append(puts, deleteIds)) applyToIndex(op);
            commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new DiptychException(dir + ": cannot update the translation memory (" + e.getMessage() + ")", e);
        }
        if (journal.ops().size() > COMPACT_AFTER) compact();
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
            IndexSearcher s = searchers.acquire();
            try {
                int n = Math.max(1, Math.min(max, s.count(q)));
                List<TmUnit> out = new ArrayList<>();
                StoredFields sf = s.storedFields();
                for (ScoreDoc sd : s.search(q, n).scoreDocs) out.add(load(sf, sd.doc));
                return out;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TmUnit load(StoredFields sf, int doc) throws IOException {
        return UnitCodec.decode(sf.document(doc, Set.of(TmIndex.UNIT)).getBinaryValue(TmIndex.UNIT));
    }

    // ---------------------------------------------------------------- lookup

    /** {@link #lookup(TmQuery)} with the default minimum score and at most {@code max} matches. */
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
            IndexSearcher s = searchers.acquire();
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
                searchers.release(s);
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
            IndexSearcher s = searchers.acquire();
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
                searchers.release(s);
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

    public TmStats stats() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                long units = s.getIndexReader().numDocs();
                long draft = s.count(new TermQuery(new Term(TmIndex.DRAFT, "1")));
                Map<String, Long> per = new TreeMap<>();
                for (String b : Languages.SUPPORTED_BASES) {
                    long n = s.count(new TermQuery(new Term(TmIndex.LANG, b)));
                    if (n > 0) per.put(b, n);
                }
                long index = 0;
                for (String f : indexDir.listAll()) {
                    try {
                        index += indexDir.fileLength(f);
                    } catch (IOException ignored) {
                        // a file removed meanwhile
                    }
                }
                Path record = dir.resolve(RECORD);
                long recordBytes = Files.exists(record) ? Files.size(record) : 0;
                return new TmStats(units, units - draft, draft, per, recordBytes, index, generation, journal.ops().size());
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (searchers != null) searchers.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            if (writer != null) writer.close();
        } catch (IOException | RuntimeException ignored) {
            // uncommitted changes are discarded by design
        }
        try {
            if (journal != null) journal.close();
        } catch (IOException ignored) {
            // nothing pending: appends are forced when made
        }
        try {
            indexDir.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        searchers = null;
        writer = null;
    }
}
