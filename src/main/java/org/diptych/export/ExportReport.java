package org.diptych.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export did, for the CLI to print and the export dialog to show.
 *
 * @param statementId the statement exported
 * @param outDir      the export folder
 * @param files       every file written (or found already identical), in order
 * @param links       the link check: every link in an exported post that points at a post of the site
 * @param warnings    things the user should know (a version without a site profile, formatting that could
 *                    not be kept, …), one line each; with {@code --allow-incomplete} every untranslated row
 * @param check       what was counted before writing (untranslated rows, drafts, QA errors per language)
 */
public record ExportReport(String statementId, Path outDir, List<ExportedFile> files, List<LinkCheck> links,
                           List<String> warnings, ExportCheck check) {
    public ExportReport {
        files = List.copyOf(files);
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
        check = check == null ? new ExportCheck(java.util.Map.of()) : check;
    }

    public ExportReport(String statementId, Path outDir, List<ExportedFile> files, List<LinkCheck> links,
                        List<String> warnings) {
        this(statementId, outDir, files, links, warnings, null);
    }

    /** The kind of an exported file. */
    public enum Kind { POST, DOCUMENT, BUNDLE }

    /**
     * One file of the export.
     *
     * @param path    absolute path written
     * @param lang    the version's language ({@code null} for a bundle)
     * @param url     the post's URL from the site profile, or {@code null}
     * @param kind    post (markdown), document (HTML, DOCX, text) or bundle
     * @param sha256  checksum of the content, lower-case hex
     * @param changed false if the file already had exactly this content (it was left untouched)
     */
    public record ExportedFile(Path path, String lang, String url, Kind kind, String sha256, boolean changed) {}

    /**
     * One checked link.
     *
     * @param from       the exported file (relative to the export folder) that contains the link
     * @param url        the link's destination as written
     * @param targetLang the language whose URL pattern it matches
     * @param expected   the file that URL is published from (relative to the export folder); when the URL
     *                   does not give every part of the path and no file fits, the path pattern with the parts
     *                   it gives ({@code en/_posts/2019-:month-:day-may-day.md})
     * @param ok         true if that file was written by this export or already exists in the export folder
     */
    public record LinkCheck(String from, String url, String targetLang, String expected, boolean ok, boolean inProject) {
        public LinkCheck(String from, String url, String targetLang, String expected, boolean ok) {
            this(from, url, targetLang, expected, ok, false);
        }
    }

    /** Links to posts of the site that are neither in the project nor in the folder: warnings, not errors. */
    public List<LinkCheck> brokenLinks() {
        return links.stream().filter(l -> !l.ok()).toList();
    }

    public boolean linksOk() {
        return brokenLinks().isEmpty();
    }
}
