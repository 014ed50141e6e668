package org.diptych.tm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

import org.diptych.model.Languages;

/** Statistics of the embedded TM: units, approved and draft, per language, sizes, generation, journal. */
final class TmStatistics {
    private TmStatistics() {}

    static TmStats of(TmStore store) {
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
                long index = sizeOf(store.dir().resolve(TranslationMemory.INDEX));
                Path record = store.dir().resolve(TranslationMemory.RECORD);
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
}
