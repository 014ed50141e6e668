package org.diptych.model;

import java.util.List;
import java.util.Objects;

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
 */
public record DocumentVersion(String lang, String originalFile, String format, String encoding,
                              FrontMatter frontMatter, List<Paragraph> paragraphs) {
    public DocumentVersion {
        Objects.requireNonNull(lang);
        Objects.requireNonNull(format);
        frontMatter = frontMatter == null ? FrontMatter.NONE : frontMatter;
        paragraphs = List.copyOf(paragraphs);
    }

    public String title() {
        return frontMatter.title();
    }

    public DocumentVersion withParagraphs(List<Paragraph> newParagraphs) {
        return new DocumentVersion(lang, originalFile, format, encoding, frontMatter, newParagraphs);
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
