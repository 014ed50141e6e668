package org.diptych.tm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, without opening the TM, the first approved units of a language pair from a TM folder's record
 * ({@link TranslationMemory#RECORD}): what the aligner's lexicon learns from. Units the desk fed from a
 * project's own beads (they carry {@link TmUnit#PROP_STATEMENT}) are left out — the confirmed beads they come
 * from are read directly — and so are drafts. The segments of imports named by the journal are read after
 * the record (the journal is only read, never changed: no lock is needed).
 */
public final class TmSample {
    private TmSample() {}

    /** Stops the reader once enough units are in. */
    private static final class Enough extends IOException {
        Enough() {
            super("enough units");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * Up to {@code max} {source text, target text} pairs; an empty list if there is no record or it cannot be
     * read (the lexicon is a help, not a requirement).
     */
    public static List<String[]> pairs(Path tmDir, String sourceLang, String targetLang, int max) {
        Path record = tmDir.resolve(TranslationMemory.RECORD);
        List<String[]> out = new ArrayList<>();
        if (max <= 0) return out;
        try {
            List<Path> files = new ArrayList<>();
            if (Files.isRegularFile(record)) files.add(record);
            for (Journal.Op op : Journal.read(tmDir.resolve(TranslationMemory.JOURNAL)).ops()) {
                if (op.segment() != null) files.add(tmDir.resolve(op.segment().name()));
            }
            for (Path f : files) new TmxReader(f, new TmxWarnings(f.toString())).read((unit, line) -> {
                if (unit.isDraft() || unit.prop(TmUnit.PROP_STATEMENT) != null) return;
                TmVariant s = unit.variant(sourceLang), t = unit.variant(targetLang);
                if (s == null || t == null || s.text().isBlank() || t.text().isBlank()) return;
                out.add(new String[] {s.text(), t.text()});
                if (out.size() >= max) throw new Enough();
            });
        } catch (Enough e) {
            // as many as asked for
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }
}
