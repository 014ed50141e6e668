package org.diptych.tm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.diptych.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written in the layout before this one (format 1: word fields with frequencies and norms) is not
 * used: the TM is rebuilt from its record, and units imported afterwards go into the new layout (Lucene
 * refuses to mix the two in one field, so an index left as it was would fail the next import).
 */
class TmIndexFormatTest {
    @TempDir
    Path tmp;

    @Test
    void anIndexOfTheFormerLayoutIsRebuiltFromTheRecord() throws Exception {
        Path dir = tmp.resolve("tm");
        Path first = new Tmx("en-US")
                .tu("strike", "en-US", "The dockers voted for a strike on Monday.", "ru-RU", "Докеры проголосовали за забастовку в понедельник.")
                .write(tmp.resolve("first.tmx"));
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.importTmx(first, Progress.NONE).added()).isEqualTo(1);
        }
        // the index as the former layout wrote it, with a stale unit the record does not hold
        FieldType former = new FieldType();
        former.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        former.setTokenized(true);
        former.freeze();
        TmUnit stale = new TmUnit("h:00000000000000aa", Map.of(), List.of(), List.of(
                TmVariant.plain("en-US", "The bakers closed their shops for a week."),
                TmVariant.plain("ru-RU", "Пекари закрыли свои лавки на неделю.")));
        try (Directory d = FSDirectory.open(dir.resolve(TranslationMemory.INDEX));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(TmIndex.indexAnalyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            Document doc = new Document();
            doc.add(new Field("w_en", "The bakers closed their shops for a week.", former));
            doc.add(new Field("w_ru", "Пекари закрыли свои лавки на неделю.", former));
            doc.add(new StoredField(TmIndex.UNIT, new BytesRef(UnitCodec.encode(stale))));
            w.addDocument(doc);
            w.setLiveCommitData(Map.of("format", "1", "generation", "0", "seq", "1").entrySet());
            w.commit();
        }
        Path second = new Tmx("en-US")
                .tu("march", "en-US", "The nurses marched to the city hall at noon.", "ru-RU", "Медсёстры прошли маршем к мэрии в полдень.")
                .write(tmp.resolve("second.tmx"));
        try (TranslationMemory tm = TranslationMemory.open(dir)) {
            assertThat(tm.lookup("The bakers closed their shops for a week.", "en-US", "ru-RU", 1)).isEmpty();
            assertThat(tm.lookup("The dockers voted for a strike on Monday.", "en-US", "ru-RU", 1))
                    .extracting(m -> m.target().text()).containsExactly("Докеры проголосовали за забастовку в понедельник.");
            assertThat(tm.importTmx(second, Progress.NONE).added()).isEqualTo(1);
            assertThat(tm.lookup("The nurses marched to the city hall at noon.", "en-US", "ru-RU", 1)).hasSize(1);
            assertThat(tm.concordance("забастовка", "ru", 5)).hasSize(1);
        }
    }
}
