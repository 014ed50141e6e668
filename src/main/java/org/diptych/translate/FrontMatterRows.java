package org.diptych.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diptych.export.FrontMatterKeys;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.FrontMatter;
import org.diptych.model.Paragraph;

/**
 * The front matter of a translation as rows of the desk: one row per text key of the source
 * ({@link FrontMatterDraft#textKeys}), with the target's value and a status computed like a paragraph's
 * from the translation records (kept under {@code fm:<key>} beside the paragraphs' records).
 */
public final class FrontMatterRows {
    /**
     * One front-matter row.
     *
     * @param key    the front-matter key ({@code title})
     * @param source the source version's value
     * @param target the target version's value ({@code null} if it has none)
     * @param status where its translation stands
     */
    public record Row(String key, String source, String target, TranslationStatus status) {
        /** The record and edit-log id of the row: {@code fm:title}. */
        public String id() {
            return FrontMatterDraft.ROW_PREFIX + key;
        }
    }

    private FrontMatterRows() {}

    public static List<Row> rows(DocumentVersion source, DocumentVersion target, Map<String, TranslationRecord> records) {
        List<Row> out = new ArrayList<>();
        for (String k : FrontMatterDraft.textKeys(source.frontMatter())) {
            String s = FrontMatterKeys.scalar(source.frontMatter(), k);
            String t = FrontMatterKeys.scalar(target.frontMatter(), k);
            out.add(new Row(k, s, t, status(s, t, records.get(FrontMatterDraft.ROW_PREFIX + k))));
        }
        return out;
    }

    /**
     * Untranslated while the target has no value or still the source's (and nobody confirmed it as it is);
     * draft when written in Diptych and not confirmed since; else the record's status (translated for a value
     * of an imported version).
     */
    static TranslationStatus status(String source, String target, TranslationRecord r) {
        if (target == null || target.isBlank()) return TranslationStatus.UNTRANSLATED;
        boolean copied = target.equals(source);
        if (r == null) return copied ? TranslationStatus.UNTRANSLATED : TranslationStatus.TRANSLATED;
        if (copied && !r.markup().equals(target)) return TranslationStatus.UNTRANSLATED; // an edit undone
        if (!r.markup().equals(target) || r.status() == TranslationStatus.DRAFT) return TranslationStatus.DRAFT;
        return r.status();
    }

    /** The version with one front-matter key set (every other line of the block kept). */
    public static DocumentVersion withValue(DocumentVersion v, String key, String value) {
        FrontMatter fm = FrontMatterKeys.set(v.frontMatter(), key, value);
        return v.withFrontMatter(fm);
    }

    /**
     * A front-matter row as a one-paragraph pair of versions and a 1:1 bead, so that a confirmed row goes
     * into the TM like any other ({@link Confirmation}), and a lookup encodes it like a paragraph.
     */
    static Confirmation confirmation(String statementId, DocumentVersion source, DocumentVersion target, Row row,
                                     boolean draft, String user) {
        String id = row.id();
        DocumentVersion s = new DocumentVersion(source.lang(), null, "text", "UTF-8", FrontMatter.NONE,
                List.of(Paragraph.plain(id, row.source())));
        DocumentVersion t = new DocumentVersion(target.lang(), null, "text", "UTF-8", FrontMatter.NONE,
                List.of(Paragraph.plain(id, row.target())));
        return new Confirmation(statementId, s, t, Bead.auto(List.of(id), List.of(id), 1.0), draft, user);
    }

    /** The source value of a row as a paragraph (for TM lookups). */
    public static Paragraph sourceParagraph(Row row) {
        return Paragraph.plain(row.id(), row.source());
    }
}
