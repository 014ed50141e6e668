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
 * @param utf8        write edited posts in UTF-8 even when their original is in another encoding (windows-1251…);
 *                    without it an edited post keeps its original's encoding
 */
public record ExportOptions(String statementId, Path outDir, boolean bundle, String pair, boolean allowIncomplete, boolean utf8) {
    public ExportOptions {
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(outDir, "outDir");
    }

    public ExportOptions(String statementId, Path outDir, boolean bundle, String pair, boolean allowIncomplete) {
        this(statementId, outDir, bundle, pair, allowIncomplete, false);
    }

    /** Options that refuse an incomplete version ({@link ExportCheck}). */
    public ExportOptions(String statementId, Path outDir, boolean bundle, String pair) {
        this(statementId, outDir, bundle, pair, false);
    }

    /** The same options, exporting incomplete versions too (each untranslated row named in the report). */
    public ExportOptions allowingIncomplete(boolean allow) {
        return new ExportOptions(statementId, outDir, bundle, pair, allow, utf8);
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
        return new ExportOptions(statementId, outDir, bundle, newPair, allowIncomplete, utf8);
    }

    /** The same options, writing edited posts in UTF-8 ({@code true}) or in their original's encoding. */
    public ExportOptions inUtf8(boolean inUtf8) {
        return new ExportOptions(statementId, outDir, bundle, pair, allowIncomplete, inUtf8);
    }
}
