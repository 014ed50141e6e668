package org.diptych.model;

/** The structural role of a paragraph in its document; drives alignment anchors and export. */
public enum BlockKind {
    /** Ordinary running text. */
    PARAGRAPH,
    /** A heading; {@link Paragraph#level()} gives its level (1 for {@code #}, 3 for {@code ###}). */
    HEADING,
    /** One item of a bulleted or numbered list; level is the nesting depth starting at 1. */
    LIST_ITEM,
    /** A block quotation. */
    QUOTE,
    /** A fenced or indented code block, kept verbatim. */
    CODE,
    /** A table row or other block the importer could not classify further. */
    OTHER
}
