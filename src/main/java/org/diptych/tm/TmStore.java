package org.diptych.tm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.apache.lucene.util.Bits;

import org.diptych.DiptychException;
import org.diptych.Progress;

/**
 * Storage of the embedded TM: the lock, the record, the segments of imports, the journal and the Lucene
 * index derived from them (see {@link TranslationMemory} for the layout and the crash-safety argument).
 *
 * <p>Everything that changes a file happens after the TM's lock ({@code tm.lock}, an OS lock that is
 * never deleted) is held: a process that is refused the lock has read nothing and changed nothing.
 * Not thread-safe: {@link TranslationMemory} serialises the calls that change the store.
 */
final class TmStore implements AutoCloseable {
    static final String LOCK = "tm.lock";
    static final String SEGMENT_PREFIX = "seg-";
    /** Header prop of segments and the record: the header of an imported file, as XML. */
    static final String SOURCE_HEADER_PROP = "x-diptych-source-header";
    /**
     * Version of the index layout; an index of another version is rebuilt. 2: the word fields without
     * frequencies and norms (1 had both; Lucene refuses to mix the two in one field).
     */
    static final String INDEX_FORMAT = "2";
    /** Segments after which an import folds everything into a new record. */
    static final int MERGE_AFTER_SEGMENTS = 32;
    /** Units of an import checked against the TM at a time. */
    private static final int DUPLICATE_BATCH = 512;
    private static final Pattern GENERATION = Pattern.compile(
            "<prop type=\"" + TranslationMemory.GENERATION_PROP + "\">(\\d+)</prop>");

    private final Path dir;
    private final Path record;
    private final Path journalFile;
    private Directory lockDir;
    private Lock lock;
    private Directory indexDir;
    IndexWriter writer;
    SearcherManager searchers;
    Journal journal;
    long generation;
    boolean rebuilt;
    /** Journal sequence the index writer holds (committed or not), and the last committed one. */
    private long indexedSeq;
    private long committedSeq;

    private TmStore(Path dir) {
        this.dir = dir;
        this.record = dir.resolve(TranslationMemory.RECORD);
        this.journalFile = dir.resolve(TranslationMemory.JOURNAL);
    }

    static TmStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DiptychException(dir + ": cannot create the TM folder (" + e.getMessage() + ")", e);
        }
        TmStore s = new TmStore(dir);
        try {
            s.start();
        } catch (RuntimeException | IOException e) {
            s.close();
            if (e instanceof DiptychException de) throw de;
            throw new DiptychException(dir + ": cannot open the translation memory (" + e.getMessage() + ")", e);
        }
        return s;
    }

    Path dir() {
        return dir;
    }

    private DiptychException damaged(String why) {
        return new DiptychException(record + ": the TM record is damaged (" + why + "); nothing was changed. Restore "
                + TranslationMemory.RECORD + " from a copy, or run 'diptych tm repair' to write it again from the index");
    }

    private void start() throws IOException {
        lockDir = FSDirectory.open(dir);
        lock = obtainLock(dir, lockDir);
        // From here on this process holds the TM: recovery is allowed.
        removeTemporaryFiles();
        generation = readGeneration(record);
        Journal.Parsed parsed = Journal.read(journalFile);
        Journal.Header h = parsed.header();
        if (h != null && h.generation() == generation) {
            if (h.checked()) {
                if (h.length() >= 0 && !Files.exists(record)) throw damaged("the file is missing");
                long size = Files.exists(record) ? Files.size(record) : -1;
                if (h.length() >= 0 && size != h.length()) {
                    throw damaged(size + " bytes where " + h.length() + " were written: cut short or changed outside Diptych");
                }
            }
            journal = Journal.open(journalFile, parsed);
        } else {
            // No journal, or one of an older record: the record was replaced (a merge or a crash just after it),
            // and the changes of that journal are in it.
            journal = Journal.reset(journalFile, headerOf(record, generation));
        }
        for (Journal.Segment seg : journal.segments()) {
            Path p = dir.resolve(seg.name());
            long size = Files.exists(p) ? Files.size(p) : -1;
            if (size != seg.length()) {
                throw new DiptychException(p + ": a segment of the TM record is " + (size < 0 ? "missing" : "damaged ("
                        + size + " bytes where " + seg.length() + " were written)") + "; nothing was changed. Restore it"
                        + " from a copy, or run 'diptych tm repair' to write the record again from the index");
            }
        }
        removeOrphanSegments();
        openIndex();
        searchers = new SearcherManager(writer, null);
    }

    /** The TM folders (real paths) this JVM holds the lock of: a second opener is told it is this window. */
    private static final Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The TM's OS lock, or a one-line error saying who holds it: this Diptych window (the JVM holds it
     * already, Lucene refuses a second lock of a file in one JVM) or another Diptych process.
     */
    private static Lock obtainLock(Path dir, Directory lockDir) throws IOException {
        Path key = dir.toRealPath();
        try {
            Lock l = NativeFSLockFactory.INSTANCE.obtainLock(lockDir, LOCK);
            HELD_HERE.add(key);
            return new Lock() {
                @Override
                public void close() throws IOException {
                    try {
                        l.close();
                    } finally {
                        HELD_HERE.remove(key);
                    }
                }

                @Override
                public void ensureValid() throws IOException {
                    l.ensureValid();
                }
            };
        } catch (LockObtainFailedException e) {
            throw new DiptychException(dir + ": " + heldBy(dir));
        }
    }

    private static String heldBy(Path dir) {
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            key = dir.toAbsolutePath().normalize();
        }
        return HELD_HERE.contains(key)
                ? "the translation memory is already open in this Diptych window (close it there first)"
                : "the translation memory is open in another Diptych process";
    }

    /** The journal header for a record as it is on disk (its length and CRC computed now). */
    static Journal.Header headerOf(Path record, long generation) throws IOException {
        if (!Files.exists(record)) return new Journal.Header(generation, -1, 0, true);
        long[] c = RecordFiles.checksum(record);
        return new Journal.Header(generation, c[0], c[1], true);
    }

    private void openIndex() throws IOException {
        indexDir = FSDirectory.open(dir.resolve(TranslationMemory.INDEX));
        Map<String, String> committed = null;
        try {
            if (DirectoryReader.indexExists(indexDir)) committed = SegmentInfos.readLatestCommit(indexDir).getUserData();
            writer = newWriter();
        } catch (LockObtainFailedException e) {
            throw new DiptychException(dir + ": " + heldBy(dir));
        } catch (IOException e) {
            // A damaged index is derived data: start it afresh (under the lock).
            if (writer != null) writer.rollback();
            for (String f : indexDir.listAll()) {
                if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) indexDir.deleteFile(f);
            }
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
            indexedSeq = committedSeq = seq;
            if (catchUp(false)) commit();
        } else {
            rebuild();
        }
    }

    /**
     * Lucene's indexing buffer: documents are flushed into a new index segment when it is full. 256 MB, or a
     * quarter of the heap if that is less; {@code -Ddiptych.tm.ramBufferMB=N} for the import benchmarks. The
     * buffer is a ceiling, not an allocation: a desk's few units use a few kilobytes of it. A 1M-unit import
     * fits in it (two segments, one per indexing thread, written side by side at the end). With 64 MB, as before,
     * it flushed four segments in the middle of the import, and the server compiler compiled Lucene's flush
     * code (sorting the terms, the points, the postings) while the units were still being read: about 3 s of
     * compiler CPU, 25.7 s against 22.2 s of wall time on average (docs/BENCHMARKS.md, round 10).
     */
    static final double RAM_BUFFER_MB = ramBufferMB(Runtime.getRuntime().maxMemory(),
            System.getProperty("diptych.tm.ramBufferMB"));

    static double ramBufferMB(long maxHeapBytes, String property) {
        if (property != null) return Double.parseDouble(property);
        double quarter = maxHeapBytes == Long.MAX_VALUE ? 256 : maxHeapBytes / 4.0 / (1 << 20);
        return Math.max(16, Math.min(256, quarter));
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig c = new IndexWriterConfig(TmIndex.indexAnalyzer());
        c.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        c.setRAMBufferSizeMB(RAM_BUFFER_MB);
        c.setCommitOnClose(false);
        // No compound files: Lucene would copy every flushed segment into one .cfs file (a 1M-unit import
        // flushes four segments of ~53 MB: 212 MB written twice); a TM folder can hold the few more files.
        c.setUseCompoundFile(false);
        TieredMergePolicy mp = new TieredMergePolicy();
        mp.setNoCFSRatio(0.0);
        c.setMergePolicy(mp);
        return new IndexWriter(indexDir, c);
    }

    /** Re-derives the index from the record and the journal, checking the record's CRC on the way. */
    private void rebuild() throws IOException {
        rebuilt = true;
        writer.deleteAll();
        Journal.Header h = journal.header();
        if (Files.exists(record)) {
            if (h.checked() && h.length() >= 0) {
                long[] c = RecordFiles.checksum(record);
                if (c[1] != h.crc()) throw damaged("its checksum is not the one written: changed outside Diptych");
            }
            try (ParallelIndexer indexer = new ParallelIndexer(writer)) {
                readTmx(record, (u, line) -> indexer.add(u));
                indexer.finish();
            }
        }
        indexedSeq = committedSeq = 0;
        catchUp(true);
        commit();
    }

    /** Applies to the index writer the journal ops it does not hold yet; true if there were any. */
    private boolean catchUp(boolean verify) throws IOException {
        List<Journal.Op> pending = new ArrayList<>();
        for (Journal.Op op : journal.ops()) {
            if (op.seq() > indexedSeq) pending.add(op);
        }
        applyToIndex(pending, verify);
        return !pending.isEmpty();
    }

    /**
     * Applies journal ops to the index writer in order. Each run of unit ops (puts and deletes) is one
     * delete of all their ids (one point-set query, not one query per unit: Lucene resolves every buffered
     * delete query against every segment) followed by the documents of the last put of each id; a
     * segment op is read and indexed as a whole.
     */
    void applyToIndex(List<Journal.Op> ops, boolean verify) throws IOException {
        Map<String, Journal.Op> run = new LinkedHashMap<>();
        for (Journal.Op op : ops) {
            if (op.segment() != null) {
                applyUnits(run);
                applyToIndex(op, verify);
            } else {
                run.remove(op.id()); // the last op of an id wins, in the order of the last ops
                run.put(op.id(), op);
            }
        }
        applyUnits(run);
    }

    private void applyUnits(Map<String, Journal.Op> run) throws IOException {
        if (run.isEmpty()) return;
        long[] hashes = new long[run.size()];
        int i = 0;
        long last = indexedSeq;
        for (Journal.Op op : run.values()) {
            hashes[i++] = UnitIds.longOf(op.id());
            last = Math.max(last, op.seq());
        }
        writer.deleteDocuments(LongPoint.newSetQuery(TmIndex.ID, hashes));
        List<TmUnit> puts = new ArrayList<>(run.size());
        for (Journal.Op op : run.values()) {
            if (op.unit() != null) puts.add(op.unit());
        }
        if (puts.size() >= 256) {
            try (ParallelIndexer indexer = new ParallelIndexer(writer)) {
                for (TmUnit u : puts) indexer.add(u);
                indexer.finish();
            }
        } else {
            for (TmUnit u : puts) writer.addDocument(TmIndex.document(u));
        }
        indexedSeq = last;
        run.clear();
    }

    void applyToIndex(Journal.Op op, boolean verify) throws IOException {
        if (op.segment() != null) {
            Path p = dir.resolve(op.segment().name());
            if (verify && RecordFiles.checksum(p)[1] != op.segment().crc()) {
                throw new DiptychException(p + ": a segment of the TM record is damaged (its checksum is not the one"
                        + " written); nothing was changed. Restore it from a copy, or run 'diptych tm repair'");
            }
            try (ParallelIndexer indexer = new ParallelIndexer(writer)) {
                readTmx(p, (u, line) -> indexer.add(u));
                indexer.finish();
            }
        } else {
            writer.deleteDocuments(TmIndex.idQuery(op.id()));
            if (op.unit() != null) writer.addDocument(TmIndex.document(op.unit()));
        }
        indexedSeq = op.seq();
    }

    void commit() throws IOException {
        Map<String, String> ud = new LinkedHashMap<>();
        ud.put("format", INDEX_FORMAT);
        ud.put("generation", String.valueOf(generation));
        ud.put("seq", String.valueOf(indexedSeq));
        writer.setLiveCommitData(ud.entrySet());
        writer.commit();
        committedSeq = indexedSeq;
    }

    /**
     * After the journal took a step: commit the index. If that fails (a full disk), the step stays
     * acknowledged — it is in the journal, replayed at every open — and the writer is rolled back and
     * brought up to date from the journal in memory.
     */
    void commitOrCatchUp() {
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            try {
                rollbackIndex();
                catchUp(false);
            } catch (IOException | RuntimeException again) {
                // the index is behind the journal on disk: the next open replays it
            }
        }
        refresh();
    }

    void refresh() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException ignored) {
            // the next refresh
        }
    }

    /** Drops uncommitted index changes and reopens the writer; the last commit stays. */
    void rollbackIndex() throws IOException {
        if (searchers != null) searchers.close();
        searchers = null;
        try {
            writer.rollback();
        } catch (IOException | RuntimeException ignored) {
            // a writer closed by a failure: rolled back already
        }
        writer = newWriter();
        indexedSeq = committedSeq;
        searchers = new SearcherManager(writer, null);
    }

    private void removeTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) Files.deleteIfExists(p);
        }
    }

    /** Segment files the journal does not name: an import that died before its step, or a merged one. */
    private void removeOrphanSegments() throws IOException {
        Set<String> named = new HashSet<>();
        for (Journal.Segment s : journal.segments()) named.add(s.name());
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, SEGMENT_PREFIX + "*.tmx")) {
            for (Path p : ds) {
                if (!named.contains(p.getFileName().toString()) && !Files.isSymbolicLink(p)) Files.deleteIfExists(p);
            }
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

    static TmxReader.Result readTmx(Path file, TmxReader.Handler h) throws IOException {
        return new TmxReader(file, new TmxWarnings(file.toString())).read(h);
    }

    // ---------------------------------------------------------------- import

    /** See {@link TranslationMemory#importTmx}. */
    ImportReport importTmx(Path file, Progress progress) {
        if (!Files.isRegularFile(file)) throw new DiptychException(file + ": no such file");
        TmxWarnings warnings = new TmxWarnings(file.toString());
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        TmxReader.Header source;
        try {
            source = new TmxReader(file, new TmxWarnings(file.toString())).readHeader();
        } catch (IOException e) {
            throw new DiptychException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        List<TmMeta> segmentMeta = new ArrayList<>();
        segmentMeta.add(TmMeta.prop("x-diptych-segment-of", String.valueOf(generation)));
        if (source != null && !source.isEmpty()) segmentMeta.add(TmMeta.prop(SOURCE_HEADER_PROP, source.toXml()));
        String name = SEGMENT_PREFIX + generation + "-" + (journal.lastSeq() + 1) + ".tmx";
        Path segment = dir.resolve(name);
        RecordFiles.Written written = null;
        boolean placed = false;
        boolean stepTaken = false;
        long[] counts = new long[3]; // added, duplicates, read
        TmxReader.Result[] result = new TmxReader.Result[1];
        try {
            IndexSearcher s = searchers.acquire();
            try {
                boolean empty = s.getIndexReader().numDocs() == 0;
                LongSet ids = new LongSet();
                written = RecordFiles.writeTmx(segment, null, segmentMeta, out -> {
                    try (ParallelIndexer indexer = new ParallelIndexer(writer)) {
                        // Units already in the TM are looked up a batch at a time (one point-set query, not
                        // one search per unit: on a large TM that was most of a small import's time).
                        final class Adder implements TmxReader.Handler {
                            final List<TmUnit> pending = new ArrayList<>();

                            @Override
                            public void unit(TmUnit u, int line) throws IOException {
                                counts[2]++;
                                if (!ids.add(UnitIds.longOf(u.id()))) {
                                    counts[1]++;
                                } else if (empty) {
                                    add(u);
                                } else {
                                    pending.add(u);
                                    if (pending.size() >= DUPLICATE_BATCH) flush();
                                }
                            }

                            void flush() throws IOException {
                                if (pending.isEmpty()) return;
                                Set<String> there = existing(s, pending);
                                for (TmUnit u : pending) {
                                    if (there.contains(u.id())) counts[1]++;
                                    else add(u);
                                }
                                pending.clear();
                            }

                            private void add(TmUnit u) throws IOException {
                                out.write(u);
                                indexer.add(u);
                                counts[0]++;
                            }

                            @Override
                            public void progress(long bytesRead) {
                                progress.checkCancelled();
                                progress.update(bytesRead, fileSize, "importing " + file.getFileName());
                            }
                        }
                        Adder adder = new Adder();
                        result[0] = new TmxReader(file, warnings).read(adder);
                        adder.flush();
                        indexer.finish();
                    }
                    return counts[0];
                });
            } finally {
                searchers.release(s);
            }
            progress.checkCancelled();
            ImportReport report = new ImportReport(file.toString(), counts[2], counts[0], counts[1], result[0].skipped(),
                    warnings.list(), warnings.count());
            if (counts[0] == 0) return report;
            RecordFiles.moveAtomically(written.tmp(), segment);
            placed = true;
            // The point of no return: one forced journal step names the segment.
            journal.appendSegment(new Journal.Segment(name, written.length(), written.crc(), written.units()));
            stepTaken = true;
            indexedSeq = journal.lastSeq();
            commitOrCatchUp();
            if (journal.segments().size() > MERGE_AFTER_SEGMENTS) {
                try {
                    merge();
                } catch (DiptychException e) {
                    // the import stands; the segments are merged another time
                }
            }
            return report;
        } catch (IOException e) {
            throw new DiptychException(file + ": import failed, the TM is unchanged (" + e.getMessage() + ")", e);
        } finally {
            if (!stepTaken) {
                try {
                    rollbackIndex();
                } catch (IOException | RuntimeException ignored) {
                    // the last commit stays on disk
                }
                if (written != null) RecordFiles.deleteQuietly(written.tmp());
                if (placed) RecordFiles.deleteQuietly(segment);
            }
        }
    }

    /** The ids of those units that the index holds (one query for all of them). */
    private static Set<String> existing(IndexSearcher s, List<TmUnit> units) throws IOException {
        long[] hashes = new long[units.size()];
        for (int i = 0; i < hashes.length; i++) hashes[i] = UnitIds.longOf(units.get(i).id());
        var top = s.search(LongPoint.newSetQuery(TmIndex.ID, hashes), hashes.length * 2 + 8);
        Set<String> out = new HashSet<>();
        StoredFields sf = s.storedFields();
        for (var sd : top.scoreDocs) out.add(TranslationMemory.load(sf, sd.doc).id());
        return out;
    }

    // ---------------------------------------------------------------- units in order

    interface UnitConsumer {
        void accept(TmUnit u) throws IOException;
    }

    /** Every unit of the TM in record order (then the segments', then units put by feeding). */
    void forEachUnit(UnitConsumer c) throws IOException {
        Map<String, Long> lastChange = new HashMap<>();
        Map<String, TmUnit> puts = new LinkedHashMap<>();
        for (Journal.Op op : journal.ops()) {
            if (op.segment() != null) continue;
            lastChange.put(op.id(), op.seq());
            if (op.unit() != null) puts.put(op.id(), op.unit());
            else puts.remove(op.id());
        }
        if (Files.exists(record)) {
            readTmx(record, (u, line) -> {
                if (!lastChange.containsKey(u.id())) c.accept(u);
            });
        }
        for (Journal.Op op : journal.ops()) {
            if (op.segment() == null) continue;
            long seq = op.seq();
            readTmx(dir.resolve(op.segment().name()), (u, line) -> {
                if (lastChange.getOrDefault(u.id(), -1L) < seq) c.accept(u);
            });
        }
        for (TmUnit u : puts.values()) c.accept(u);
    }

    // ---------------------------------------------------------------- headers of imported files

    /**
     * The headers of the TMX files imported into the TM (attributes, props and notes, as {@code <header>}
     * elements), each once, oldest first: kept in the header of each import's segment
     * ({@value #SOURCE_HEADER_PROP} props) and carried into the record when segments are merged, so that
     * an export can write them back.
     */
    List<String> sourceHeaders() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.exists(record)) files.add(record);
        for (Journal.Segment seg : journal.segments()) files.add(dir.resolve(seg.name()));
        return sourceHeaders(files, false);
    }

    /**
     * The {@value #SOURCE_HEADER_PROP} props of those files' headers, each once, in order. With {@code
     * tolerant} (a repair: the files may be damaged), a file whose header cannot be read is passed over.
     */
    static List<String> sourceHeaders(List<Path> files, boolean tolerant) throws IOException {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Path p : files) {
            TmxReader.Header h;
            try {
                h = new TmxReader(p, new TmxWarnings(p.toString())).readHeader();
            } catch (IOException | RuntimeException e) {
                if (!tolerant) throw e;
                continue;
            }
            if (h == null) continue;
            for (TmMeta m : h.meta()) {
                if (m.kind() == TmMeta.Kind.PROP && SOURCE_HEADER_PROP.equals(m.type())) out.add(m.text());
            }
        }
        return new ArrayList<>(out);
    }

    // ---------------------------------------------------------------- merge

    /** Folds the segments and the journal into a new record (a full rewrite). */
    void merge() {
        Path journalTmp = null;
        RecordFiles.Written w = null;
        try {
            Journal.Header h = journal.header();
            if (Files.exists(record) && h.checked() && h.length() >= 0 && RecordFiles.checksum(record)[1] != h.crc()) {
                throw damaged("its checksum is not the one written: changed outside Diptych");
            }
            List<TmMeta> recordMeta = new ArrayList<>();
            recordMeta.add(TmMeta.prop(TranslationMemory.GENERATION_PROP, String.valueOf(generation + 1)));
            for (String x : sourceHeaders()) recordMeta.add(TmMeta.prop(SOURCE_HEADER_PROP, x));
            w = RecordFiles.writeTmx(record, null, recordMeta,
                    out -> {
                        long[] n = new long[1];
                        forEachUnit(u -> {
                            out.write(u);
                            n[0]++;
                        });
                        return n[0];
                    });
            Journal.Header next = new Journal.Header(generation + 1, w.length(), w.crc(), true);
            journalTmp = Journal.prepare(journalFile, next);
            List<Journal.Segment> old = journal.segments();
            // The point of no return: the new record; a crash before the journal's rename is recovered at open.
            RecordFiles.moveAtomically(w.tmp(), record);
            w = null;
            generation++;
            journal.close();
            RecordFiles.moveAtomically(journalTmp, journalFile);
            journalTmp = null;
            journal = Journal.open(journalFile);
            for (Journal.Segment s : old) RecordFiles.deleteQuietly(dir.resolve(s.name()));
            indexedSeq = 0;
            // The index holds the same units: only its commit data changes.
            commitOrCatchUp();
        } catch (IOException e) {
            throw new DiptychException(dir + ": cannot rewrite the TM record (" + e.getMessage() + ")"
                    + (w == null && journalTmp == null ? "" : "; the TM is unchanged"), e);
        } finally {
            if (w != null) RecordFiles.deleteQuietly(w.tmp());
            RecordFiles.deleteQuietly(journalTmp);
        }
    }

    // ---------------------------------------------------------------- repair

    /**
     * Writes the record again from the index (after {@code memory.tmx} or a segment was damaged): the
     * damaged files are kept beside it as {@code NAME.damaged}. Refused when the index is not usable.
     *
     * @return the units written
     */
    static long repair(Path dir) {
        Path record = dir.resolve(TranslationMemory.RECORD);
        Path journalFile = dir.resolve(TranslationMemory.JOURNAL);
        try (Directory lockDir = FSDirectory.open(dir)) {
            Lock lock = obtainLock(dir, lockDir);
            try (lock; Directory indexDir = FSDirectory.open(dir.resolve(TranslationMemory.INDEX))) {
                long generation = readGeneration(record);
                Journal.Parsed parsed = Journal.read(journalFile);
                Map<String, String> committed;
                try {
                    committed = DirectoryReader.indexExists(indexDir)
                            ? SegmentInfos.readLatestCommit(indexDir).getUserData() : null;
                } catch (IOException e) {
                    committed = null;
                }
                long base = parsed.header() == null ? -1 : parsed.header().generation();
                if (committed == null || !String.valueOf(base).equals(committed.get("generation"))) {
                    throw new DiptychException(dir + ": no index matching the record to repair it from; restore "
                            + TranslationMemory.RECORD + " and its segments from a copy");
                }
                long seq = Long.parseLong(committed.getOrDefault("seq", "0"));
                long next = Math.max(generation, base) + 1;
                IndexWriterConfig c = new IndexWriterConfig(TmIndex.indexAnalyzer());
                c.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
                c.setCommitOnClose(false);
                RecordFiles.Written w;
                try (IndexWriter iw = new IndexWriter(indexDir, c)) {
                    // What the index did not hold yet: the later steps of the journal, segments that are intact.
                    for (Journal.Op op : parsed.ops()) {
                        if (op.seq() <= seq) continue;
                        if (op.segment() != null) {
                            Path p = dir.resolve(op.segment().name());
                            if (!Files.exists(p) || Files.size(p) != op.segment().length()) continue;
                            readTmx(p, (u, line) -> iw.addDocument(TmIndex.document(u)));
                        } else {
                            iw.deleteDocuments(TmIndex.idQuery(op.id()));
                            if (op.unit() != null) iw.addDocument(TmIndex.document(op.unit()));
                        }
                    }
                    // The headers of the imported files, as far as the record and the segments still hold them.
                    List<Path> headerFiles = new ArrayList<>();
                    if (Files.exists(record)) headerFiles.add(record);
                    for (Journal.Op op : parsed.ops()) {
                        if (op.segment() != null && Files.exists(dir.resolve(op.segment().name()))) {
                            headerFiles.add(dir.resolve(op.segment().name()));
                        }
                    }
                    List<TmMeta> recordMeta = new ArrayList<>();
                    recordMeta.add(TmMeta.prop(TranslationMemory.GENERATION_PROP, String.valueOf(next)));
                    for (String x : sourceHeaders(headerFiles, true)) recordMeta.add(TmMeta.prop(SOURCE_HEADER_PROP, x));
                    try (DirectoryReader r = DirectoryReader.open(iw)) {
                        w = RecordFiles.writeTmx(record, null, recordMeta, out -> {
                            long n = 0;
                            for (var leaf : r.leaves()) {
                                StoredFields sf = leaf.reader().storedFields();
                                Bits live = leaf.reader().getLiveDocs();
                                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                                    if (live != null && !live.get(d)) continue;
                                    out.write(TranslationMemory.load(sf, d));
                                    n++;
                                }
                            }
                            return n;
                        });
                    }
                    Path journalTmp = Journal.prepare(journalFile, new Journal.Header(next, w.length(), w.crc(), true));
                    if (Files.exists(record)) Files.move(record, dir.resolve(TranslationMemory.RECORD + ".damaged"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    RecordFiles.moveAtomically(w.tmp(), record);
                    RecordFiles.moveAtomically(journalTmp, journalFile);
                    Map<String, String> ud = new LinkedHashMap<>();
                    ud.put("format", INDEX_FORMAT);
                    ud.put("generation", String.valueOf(next));
                    ud.put("seq", "0");
                    iw.setLiveCommitData(ud.entrySet());
                    iw.commit();
                }
                // The segments are in the new record now (a damaged one is kept under another name).
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, SEGMENT_PREFIX + "*.tmx")) {
                    for (Path p : ds) {
                        boolean intact = false;
                        for (Journal.Segment sg : new Journal.Parsed(null, parsed.ops(), 0, 0).ops().stream()
                                .map(Journal.Op::segment).filter(java.util.Objects::nonNull).toList()) {
                            intact |= sg.name().equals(p.getFileName().toString()) && Files.size(p) == sg.length();
                        }
                        if (intact) Files.delete(p);
                        else Files.move(p, dir.resolve(p.getFileName() + ".damaged"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return w.units();
            }
        } catch (IOException e) {
            throw new DiptychException(dir + ": cannot repair the TM record (" + e.getMessage() + ")", e);
        }
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
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
            if (indexDir != null) indexDir.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            if (lock != null) lock.close();
        } catch (IOException ignored) {
            // released with the process
        }
        try {
            if (lockDir != null) lockDir.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        searchers = null;
        writer = null;
        lock = null;
    }
}
