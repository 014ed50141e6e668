package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's indexing threads: every unit reaches the writer, and the workers write its buffers out. */
class ParallelIndexerTest {
    @TempDir
    Path tmp;

    @Test
    void theWorkersFlushTheBuffersTheyFilled() throws Exception {
        try (Directory dir = FSDirectory.open(tmp);
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TmIndex.indexAnalyzer()).setCommitOnClose(false))) {
            try (ParallelIndexer indexer = new ParallelIndexer(w, 2)) {
                for (int i = 0; i < 3000; i++) {
                    indexer.add(new TmUnit("h:" + String.format("%016x", i), java.util.Map.of(), java.util.List.of(),
                            java.util.List.of(TmVariant.plain("en", "The tenants' council met on " + i + " May."),
                                    TmVariant.plain("ru", "Совет жильцов собрался " + i + " мая."))));
                }
                indexer.finish();
            }
            // written out by the workers, not left for the commit to write on one thread
            assertThat(w.numRamDocs()).isZero();
            w.commit();
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                assertThat(r.numDocs()).isEqualTo(3000);
            }
        }
    }
}
