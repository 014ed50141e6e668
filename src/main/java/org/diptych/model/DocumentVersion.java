package org.diptych.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One language version of a statement as parsed at import.
 *
 * @param lang         normalised language code ({@code ru}, {@code pt-BR})
 * @param originalFile file name of the original inside the version's folder, stored byte for byte
 * @param format       the import format ({@code markdown}, {@code text}, {@code lines}, {@code html},
 *                     {@code docx}, {@code xliff})
 * @param encoding     the character set the original was read with (for text formats)
 * @param frontMatter  front matter, {@link FrontMatter#NONE} if the format has none
 * @param paragraphs   body paragraphs in document order
 * @param sitePath     for a version imported from a site checkout ({@code import-site}), the path of its file
 *                     relative to the site's folder, {@code /}-separated ({@code content/en/news/x.md}); export
 *                     writes the version back there (checked by {@code project.SafePaths} when it is used: never
 *                     outside the export folder); {@code null} otherwise (not stored then)
 */
public record DocumentVersion(String lang, String originalFile, String format, String encoding,
                              FrontMatter frontMatter, List<Paragraph> paragraphs,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String sitePath) {
    public DocumentVersion {
        Objects.requireNonNull(lang);
        Objects.requireNonNull(format);
        frontMatter = frontMatter == null ? FrontMatter.NONE : frontMatter;
        paragraphs = List.copyOf(paragraphs);
        if (sitePath != null && sitePath.isBlank()) sitePath = null;
    }

    /** A version that comes from no site checkout. */
    public DocumentVersion(String lang, String originalFile, String format, String encoding,
                           FrontMatter frontMatter, List<Paragraph> paragraphs) {
        this(lang, originalFile, format, encoding, frontMatter, paragraphs, null);
    }

    /** The same version, remembering (or, with {@code null}, forgetting) the site-relative path of its file. */
    public DocumentVersion withSitePath(String path) {
        return new DocumentVersion(lang, originalFile, format, encoding, frontMatter, paragraphs, path);
    }

    /** The same version with another front matter (the site path kept). */
    public DocumentVersion withFrontMatter(FrontMatter fm) {
        return new DocumentVersion(lang, originalFile, format, encoding, fm, paragraphs, sitePath);
    }

    public String title() {
        return frontMatter.title();
    }

    public DocumentVersion withParagraphs(List<Paragraph> newParagraphs) {
        return new DocumentVersion(lang, originalFile, format, encoding, frontMatter, newParagraphs, sitePath);
    }

    /** A fresh paragraph id, never used in this version: {@code p<max+1>}. */
    public String nextParagraphId() {
        int max = 0;
        for (Paragraph p : paragraphs) {
            if (p.id().matches("p\\d+")) max = Math.max(max, Integer.parseInt(p.id().substring(1)));
        }
        return "p" + (max + 1);
    }

    /** The paragraph with the given id, or {@code null}. */
    public Paragraph paragraph(String id) {
        for (Paragraph p : paragraphs) {
            if (p.id().equals(id)) return p;
        }
        return null;
    }

    /**
     * The paragraphs with the given ids, in the order given, one a line: their markup (as written in the
     * format) or their plain text. Ids not in this version are skipped.
     */
    public String join(List<String> ids, boolean markup) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            Paragraph p = paragraph(id);
            if (p == null) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append(markup ? p.markup() : p.text());
        }
        return sb.toString();
    }
}
