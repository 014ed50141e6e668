package org.diptych.formats;

import java.util.ArrayList;
import java.util.List;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.plaintext.PlainTextFilter;
import net.sf.okapi.filters.plaintext.paragraphs.ParaPlainTextFilter;

import org.diptych.Progress;
import org.diptych.model.Paragraph;

/**
 * Reads plain text with Okapi's plain-text filters: format {@code text} with the paragraph filter (blank lines
 * separate paragraphs; the line breaks inside a paragraph are kept as {@code \n}), format {@code lines} with the
 * line filter (each non-blank line is a paragraph). Lines holding only white space count as blank. Markup and
 * text are the same: the paragraph with trailing white space of each line removed.
 */
public final class TextReader {
    private TextReader() {}

    /** Reads {@code text} (lines separated by {@code \n}); {@code perLine} selects the {@code lines} format. */
    public static List<Paragraph> read(String text, boolean perLine, String fileName) {
        return read(text, perLine, fileName, Progress.NONE);
    }

    /**
     * As {@link #read(String, boolean, String)}, telling {@code progress} after each paragraph how many
     * characters of the text are read (out of its length) and stopping with {@link Progress.Cancelled} once
     * it is cancelled (an 850,000-paragraph file takes seconds).
     */
    public static List<Paragraph> read(String text, boolean perLine, String fileName, Progress progress) {
        StringBuilder norm = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (norm.length() > 0) norm.append('\n');
            norm.append(line.isBlank() ? "" : line.stripTrailing());
        }
        IFilter filter = perLine ? new PlainTextFilter() : new ParaPlainTextFilter();
        long total = norm.length();
        List<Paragraph> out = new ArrayList<>();
        long[] read = {0};
        Okapi.forEach(filter, new RawDocument(norm.toString(), LocaleId.ENGLISH), fileName, "text", e -> {
            if (!e.isTextUnit()) return;
            String t = e.getTextUnit().getSource().getFirstContent().getText();
            read[0] = Math.min(total, read[0] + t.length() + (perLine ? 1 : 2));
            progress.checkCancelled();
            if ((out.size() & 255) == 0) progress.update(read[0], total, null);
            if (t.isBlank()) return;
            t = t.strip();
            out.add(Paragraph.plain("p" + (out.size() + 1), t));
        });
        progress.update(total, total, null);
        return out;
    }
}
