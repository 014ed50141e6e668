package org.diptych.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to export.
 *
 * @param statementId the statement
 * @param outDir      the export folder, usually a checkout of the site's repository: posts go to
 *                    {@code outDir/<path pattern>}, bundles to {@code outDir/<id>.<src>-<tgt>.zip}
 * @param bundle      write bilingual bundles (one zip per language pair) instead of the posts
 * @param pair        {@code SRC-TGT} (e.g. {@code ru-en}, {@code ru-pt-BR}) to restrict the export to these two
 *                    versions (posts) or this pair (bundle); {@code null} for all versions / every aligned pair
 * @param allowIncomplete export even when {@link ExportCheck} finds untranslated rows, drafts or QA errors
 */
public record ExportOptions(String statementId, Path outDir, boolean bundle, String pair, boolean allowIncomplete) {
    public ExportOptions {
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(outDir, "outDir");
    }

    /** Options that refuse an incomplete version ({@link ExportCheck}). */
    public ExportOptions(String statementId, Path outDir, boolean bundle, String pair) {
        this(statementId, outDir, bundle, pair, false);
    }

    /** The same options, exporting incomplete versions too (each untranslated row named in the report). */
    public ExportOptions allowingIncomplete(boolean allow) {
        return new ExportOptions(statementId, outDir, bundle, pair, allow);
    }

    /** All versions of a statement as posts. */
    public static ExportOptions posts(String statementId, Path outDir) {
        return new ExportOptions(statementId, outDir, false, null);
    }

    /** Bilingual bundles of every aligned pair. */
    public static ExportOptions bundles(String statementId, Path outDir) {
        return new ExportOptions(statementId, outDir, true, null);
    }

    public ExportOptions withPair(String newPair) {
        return new ExportOptions(statementId, outDir, bundle, newPair, allowIncomplete);
    }
}
