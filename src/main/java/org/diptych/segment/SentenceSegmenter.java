package org.diptych.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.okapi.common.ISegmenter;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.Range;
import net.sf.okapi.lib.segmentation.SRXDocument;

import org.diptych.model.Languages;

/**
 * Splits paragraph text into sentences with Okapi's SRX segmenter and Diptych's rules for Russian, English and
 * Portuguese ({@code org/diptych/segment/diptych.srx}). The rules keep initials ("В. В. Путин", "J. R. Smith")
 * and common abbreviations ("т. е.", "т.е.", "г.", "гг.", "им.", "Dr.", "Sr.", "Sra.", "e.g.") inside their
 * sentence, and break after {@code . ! ? …} (with closing quotes or brackets) followed by white space that is
 * not followed by a lower-case letter, and at every line break.
 * <p>
 * Thread-safe: the rules are loaded and compiled once per language; calls for the same language are
 * serialised on that language's compiled segmenter (segmentation is fast: microseconds per paragraph).
 */
public final class SentenceSegmenter {
    /** A sentence as a half-open range {@code [start, end)} of the paragraph text, white space trimmed. */
    public record Span(int start, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    public static final String RULES = "/org/diptych/segment/diptych.srx";

    private static final SentenceSegmenter DEFAULT = new SentenceSegmenter();

    private final SRXDocument rules = load();
    private final Map<String, ISegmenter> compiled = new ConcurrentHashMap<>();

    /** The shared instance with Diptych's rules. */
    public static SentenceSegmenter get() {
        return DEFAULT;
    }

    /** The sentences of {@code text}, trimmed, in order; a text without any break is one sentence. */
    public List<String> split(String text, String lang) {
        List<String> out = new ArrayList<>();
        for (Span s : spans(text, lang)) out.add(s.of(text));
        return out;
    }

    /**
     * The sentences of {@code text} as ranges into it, trimmed of white space; blank text has none.
     *
     * @param lang a language code ({@code ru}, {@code en}, {@code pt}, {@code pt-BR}); others use only the common
     *             rules
     */
    public List<Span> spans(String text, String lang) {
        List<Span> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        ISegmenter seg = segmenter(lang);
        List<Range> ranges;
        synchronized (seg) {
            seg.computeSegments(text);
            ranges = seg.getRanges() == null ? List.of() : new ArrayList<>(seg.getRanges());
        }
        if (ranges.isEmpty()) {
            addTrimmed(text, 0, text.length(), out);
            return out;
        }
        for (Range r : ranges) addTrimmed(text, r.start, r.end, out);
        return out;
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end > start) out.add(new Span(start, end));
    }

    private ISegmenter segmenter(String lang) {
        String base;
        try {
            base = Languages.base(Languages.normalize(lang));
        } catch (IllegalArgumentException | NullPointerException e) {
            base = "und";
        }
        return compiled.computeIfAbsent(base, b -> {
            synchronized (rules) {
                return rules.compileLanguageRules(LocaleId.fromString(b), null);
            }
        });
    }

    private static SRXDocument load() {
        SRXDocument doc = new SRXDocument();
        try (InputStream in = SentenceSegmenter.class.getResourceAsStream(RULES)) {
            if (in == null) throw new IllegalStateException("missing segmentation rules " + RULES);
            doc.loadRules(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (doc.hasWarning()) throw new IllegalStateException("segmentation rules: " + doc.getWarning());
        return doc;
    }
}
