package org.diptych.export;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.exceptions.OkapiException;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.html.HtmlFilter;
import net.sf.okapi.filters.openxml.ConditionalParameters;
import net.sf.okapi.filters.openxml.OpenXMLFilter;

import org.diptych.DiptychException;

/**
 * Reads and rewrites HTML and DOCX documents through Okapi filters: HTML with the default parameters, DOCX
 * with the default parameters except Word style optimisation, which is off (the importer must read DOCX
 * the same way for letter-coded inline code ids to match).
 *
 * <p>Contract shared with the importer: paragraph <i>i</i> of a version imported from HTML or DOCX is
 * the <i>i</i>-th <em>content unit</em> of its original, where content units are the translatable text
 * units whose text (inline codes removed) is not blank, in event order. For HTML this includes the
 * {@code <title>} of the head.
 */
final class OkapiDocuments {
    private OkapiDocuments() {}

    /** True for the formats written through an Okapi skeleton. */
    static boolean supports(String format) {
        return "html".equals(format) || "docx".equals(format);
    }

    private static IFilter filter(String format) {
        return switch (format) {
            case "html" -> new HtmlFilter();
            case "docx" -> {
                OpenXMLFilter f = new OpenXMLFilter();
                // Keep paragraph-wide run formatting in the runs: with optimisation on, Okapi folds it into a
                // paragraph style, which is lost when the document does not define that style.
                ((ConditionalParameters) f.getParameters()).setAllowWordStyleOptimisation(false);
                yield f;
            }
            default -> throw new IllegalArgumentException("no Okapi skeleton writer for format " + format);
        };
    }

    static boolean isContentUnit(ITextUnit tu) {
        return tu.isTranslatable() && !source(tu).getText().isBlank();
    }

    private static TextFragment source(ITextUnit tu) {
        TextContainer tc = tu.getSource();
        return tc.contentIsOneSegment() ? tc.getFirstContent() : tc.getUnSegmentedContentCopy();
    }

    /** The content units of a document, in order (copies of their source fragments). */
    static List<TextFragment> contentUnits(Path file, String format, String lang) {
        LocaleId loc = LocaleId.fromString(lang);
        List<TextFragment> out = new ArrayList<>();
        try (IFilter f = filter(format)) {
            f.open(new RawDocument(file.toUri(), "UTF-8", loc, loc));
            while (f.hasNext()) {
                Event e = f.next();
                if (e.isTextUnit() && isContentUnit(e.getTextUnit())) out.add(source(e.getTextUnit()).clone());
            }
        } catch (OkapiException | IllegalStateException e) {
            throw new DiptychException(file + ": cannot read as " + format + " (" + oneLine(e) + ")", e);
        }
        return out;
    }

    /**
     * Writes a document in its own format: the original's skeleton with each content unit's text replaced
     * by {@code translate.apply(index, sourceFragment)} (a {@code null} result keeps the source text).
     *
     * @param srcLang language of the original
     * @param tgtLang language of the document written (HTML {@code lang} attributes follow it)
     */
    static byte[] merge(Path original, String format, String srcLang, String tgtLang,
                        BiFunction<Integer, TextFragment, TextFragment> translate) {
        LocaleId src = LocaleId.fromString(srcLang);
        LocaleId tgt = LocaleId.fromString(tgtLang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (IFilter f = filter(format); IFilterWriter w = f.createFilterWriter()) {
            f.open(new RawDocument(original.toUri(), "UTF-8", src, tgt));
            w.setOptions(tgt, "UTF-8");
            w.setOutput(out);
            int index = 0;
            while (f.hasNext()) {
                Event e = f.next();
                if (e.isTextUnit() && isContentUnit(e.getTextUnit())) {
                    ITextUnit tu = e.getTextUnit();
                    TextFragment t = translate.apply(index++, source(tu).clone());
                    if (t != null) tu.setTarget(tgt, new TextContainer(t));
                }
                w.handleEvent(e);
            }
        } catch (OkapiException | IllegalStateException e) {
            throw new DiptychException(original + ": cannot write as " + format + " (" + oneLine(e) + ")", e);
        }
        return out.toByteArray();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
