package org.diptych.formats;

import java.util.ArrayList;
import java.util.List;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextFragment;

import org.diptych.DiptychException;

/** Small helpers around Okapi filters: running one to a list of events, and one-line error messages. */
final class Okapi {
    private Okapi() {}

    /**
     * Runs {@code filter} over {@code doc} and returns all its events. Any exception (Okapi's or a parser's) is
     * turned into a one-line {@link DiptychException} naming {@code fileName} and the {@code what} it failed to
     * read.
     */
    static List<Event> events(IFilter filter, RawDocument doc, String fileName, String what) {
        List<Event> events = new ArrayList<>();
        try (filter; doc) {
            filter.open(doc);
            while (filter.hasNext()) events.add(filter.next());
        } catch (DiptychException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DiptychException(fileName + ": cannot read " + what + " (" + firstLine(e) + ")", e);
        }
        return events;
    }

    /**
     * As {@link #events} but hands each event to {@code each} as it is read instead of collecting them; a
     * {@link org.diptych.Progress.Cancelled} or {@link DiptychException} thrown by {@code each} goes through
     * as it is.
     */
    static void forEach(IFilter filter, RawDocument doc, String fileName, String what,
                        java.util.function.Consumer<Event> each) {
        try (filter; doc) {
            filter.open(doc);
            while (filter.hasNext()) each.accept(filter.next());
        } catch (DiptychException | org.diptych.Progress.Cancelled e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DiptychException(fileName + ": cannot read " + what + " (" + firstLine(e) + ")", e);
        }
    }

    /** The first line of the deepest useful message in {@code t}'s cause chain, without Okapi's prefixes. */
    static String firstLine(Throwable t) {
        String best = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                best = c.getMessage();
                if (c.getCause() == null || c.getCause().getMessage() == null) break;
            }
            if (c.getCause() == c) break;
        }
        if (best == null) best = t.getClass().getSimpleName();
        String line = best.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) line = line.substring(0, nl).strip();
        line = line.replaceFirst("^(\\w+\\.)*\\w+(Exception|Error):\\s*", "");
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }

    /** The fragment with each inline code replaced by its original data (codes without data vanish). */
    static String withCodeData(TextFragment tf) {
        String coded = tf.getCodedText();
        List<Code> codes = tf.getCodes();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c) && i + 1 < coded.length()) {
                Code code = codes.get(TextFragment.toIndex(coded.charAt(++i)));
                if (code.getData() != null) sb.append(code.getData());
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
