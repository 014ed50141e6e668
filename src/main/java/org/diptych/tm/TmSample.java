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
 * from are read directly — and so are drafts. Changes still in the journal wait for its next compaction.
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
        if (max <= 0 || !Files.isRegularFile(record)) return out;
        try {
            new TmxReader(record, new TmxWarnings(record.toString())).read((unit, line) -> {
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
