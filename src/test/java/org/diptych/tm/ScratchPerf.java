package org.diptych.tm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;

public class ScratchPerf {
    public static void main(String[] a) throws Exception {
        Path f = Path.of(a[0]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long[] n = new long[1];
            new TmxReader(f, new TmxWarnings("x")).read((u, line) -> n[0]++);
            long c1 = mx.getCurrentThreadCpuTime();
            long[] m = new long[1];
            new TmxReader(f, new TmxWarnings("x")).read((u, line) -> { m[0] += UnitIds.longOf(u.id()); });
            long c2 = mx.getCurrentThreadCpuTime();
            new TmxReader(f, new TmxWarnings("x")).read((u, line) -> { m[0] += TmIndex.document(u).getFields().size(); });
            long c3 = mx.getCurrentThreadCpuTime();
            TmxWriter w = new TmxWriter(java.io.OutputStream.nullOutputStream(), java.util.Map.of());
            new TmxReader(f, new TmxWarnings("x")).read((u, line) -> w.write(u));
            long c4 = mx.getCurrentThreadCpuTime();
            IndexWriterConfig c = new IndexWriterConfig(TmIndex.indexAnalyzer());
            c.setRAMBufferSizeMB(64);
            try (IndexWriter iw = new IndexWriter(new ByteBuffersDirectory(), c)) {
                new TmxReader(f, new TmxWarnings("x")).read((u, line) -> iw.addDocument(TmIndex.document(u)));
            }
            long c5 = mx.getCurrentThreadCpuTime();
            System.out.printf("parse %.0f  +id %.0f  +doc %.0f  +write %.0f  +index(add) %.0f ms cpu%n",
                    (c1 - c0) / 1e6, (c2 - c1) / 1e6, (c3 - c2) / 1e6, (c4 - c3) / 1e6, (c5 - c4) / 1e6);
        }
    }
}
