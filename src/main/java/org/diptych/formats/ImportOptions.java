package org.diptych.formats;

/**
 * What the user told the importer; every field may be {@code null}, meaning "detect it".
 *
 * @param lang     language of the file ({@code ru}, {@code en}, {@code pt-BR}…); otherwise taken from the front
 *                 matter's {@code lang}, the XLIFF header, or detected from the text
 * @param encoding character set name ({@code windows-1251}, {@code KOI8-R}, {@code UTF-8}…) for text formats;
 *                 otherwise detected
 * @param format   a {@link Format} id or extension; otherwise implied by the file's extension
 */
public record ImportOptions(String lang, String encoding, String format) {
    public static final ImportOptions DEFAULTS = new ImportOptions(null, null, null);

    public ImportOptions withLang(String newLang) {
        return new ImportOptions(newLang, encoding, format);
    }

    public ImportOptions withEncoding(String newEncoding) {
        return new ImportOptions(lang, newEncoding, format);
    }

    public ImportOptions withFormat(String newFormat) {
        return new ImportOptions(lang, encoding, newFormat);
    }
}
