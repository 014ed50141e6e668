package org.diptych.formats;

import java.util.List;
import java.util.Objects;

import org.diptych.model.DocumentVersion;

/**
 * A file parsed for import, nothing written yet.
 *
 * @param version        the parsed version (paragraph ids {@code p1..pN}, {@code originalFile} = the file's name)
 * @param original       the file's bytes, exactly as read; stored unchanged next to the parsed form
 * @param encoding       the character set the text was read with ({@code null} for DOCX)
 * @param encodingReason how that character set was chosen, for the user ("byte order mark", "valid UTF-8"…)
 * @param lang           the version's language (same as {@code version.lang()})
 * @param langReason     how the language was chosen ("--lang", "front matter 'lang'", "detected: …")
 * @param warnings       things the user should know but that did not stop the import
 */
public record ImportResult(DocumentVersion version, byte[] original, String encoding, String encodingReason,
                           String lang, String langReason, List<String> warnings) {
    public ImportResult {
        Objects.requireNonNull(version);
        Objects.requireNonNull(original);
        warnings = List.copyOf(warnings);
    }

    /** A one-line summary: paragraphs, format, encoding and language with the reasons they were chosen. */
    public String summary() {
        return version.paragraphs().size() + " paragraphs, " + version.format()
                + (encoding == null ? "" : ", encoding " + encoding + " (" + encodingReason + ")")
                + ", language " + lang + " (" + langReason + ")";
    }
}
