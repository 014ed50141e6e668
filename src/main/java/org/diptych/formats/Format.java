package org.diptych.formats;

import java.util.Locale;

/**
 * The file formats Diptych imports. The {@link #id()} is what {@code DocumentVersion.format()} stores and what
 * {@code --format} accepts.
 */
public enum Format {
    /** Markdown post (Jekyll/Hugo), optionally with YAML {@code ---} or TOML {@code +++} front matter. */
    MARKDOWN("markdown", true),
    /** Plain text; blank lines separate paragraphs. */
    TEXT("text", true),
    /** Plain text with one paragraph per line. */
    LINES("lines", true),
    /** HTML page; block elements become paragraphs. */
    HTML("html", true),
    /** Word document (Office Open XML). */
    DOCX("docx", false),
    /** XLIFF 1.2; the source or the target side, depending on the language asked for. */
    XLIFF("xliff", false);

    private final String id;
    private final boolean text;

    Format(String id, boolean text) {
        this.id = id;
        this.text = text;
    }

    public String id() {
        return id;
    }

    /** True for formats read as characters in some encoding that Diptych detects (not ZIP or XML). */
    public boolean isText() {
        return text;
    }

    /**
     * The format named by a {@code --format} value: an id ({@code markdown}, {@code text}, {@code lines},
     * {@code html}, {@code docx}, {@code xliff}) or a common extension ({@code md}, {@code txt}, {@code xlf}).
     *
     * @return the format, or {@code null} if the name is unknown
     */
    public static Format byName(String name) {
        if (name == null) return null;
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith(".")) n = n.substring(1);
        for (Format f : values()) {
            if (f.id.equals(n)) return f;
        }
        return byExtension(n);
    }

    /**
     * The format a file's extension implies: {@code .md}/{@code .markdown}, {@code .txt}, {@code .html}/{@code .htm},
     * {@code .docx}, {@code .xlf}/{@code .xliff}. ({@code lines} is never implied; ask for it with {@code --format}.)
     *
     * @return the format, or {@code null} for any other extension or none
     */
    public static Format byFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : byExtension(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Format byExtension(String ext) {
        return switch (ext) {
            case "md", "markdown" -> MARKDOWN;
            case "txt", "text" -> TEXT;
            case "html", "htm", "xhtml" -> HTML;
            case "docx" -> DOCX;
            case "xlf", "xliff" -> XLIFF;
            default -> null;
        };
    }

    public static String supportedList() {
        return ".md, .markdown, .txt, .html, .htm, .docx, .xlf, .xliff";
    }
}
