package org.diptych.tm;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

import org.diptych.Progress;

/**
 * What a translation memory offers the rest of Diptych, whatever keeps it: the embedded Lucene TM
 * ({@link TranslationMemory}, the default) or a shared server (a SolrCloud collection, later). Every
 * backend retrieves candidates its own way and re-scores them on the client with {@link MatchScorer}, so
 * the same query gives the same percentages on every backend.
 *
 * <p>Units are identified by {@link TmUnit#id()}; a change ({@link #update}) is one step: all of it is
 * kept or none.
 */
public interface TmBackend extends Closeable {
    /** The best matches of a query's text in the target language, best first (see {@link TmQuery}). */
    List<TmMatch> lookup(TmQuery query);

    /** {@link #lookup(TmQuery)} with the default minimum score and at most {@code max} matches. */
    default List<TmMatch> lookup(String text, String sourceLang, String targetLang, int max) {
        return lookup(TmQuery.of(text, sourceLang, targetLang).withLimits(TmQuery.DEFAULT_MIN_SCORE, max));
    }

    /** Units whose {@code lang} text holds a word or phrase (stemmed), with the hits marked. */
    List<ConcordanceHit> concordance(String text, String lang, int max);

    /** The unit with that id, or {@code null}. */
    TmUnit get(String unitId);

    /** Puts (insert or replace by id) and deletes units, durably and as one step. */
    void update(List<TmUnit> puts, List<String> deleteIds);

    /** Imports a TMX file, all or nothing. */
    ImportReport importTmx(Path file, Progress progress);

    /** Writes every unit (or the approved ones) as TMX 1.4b to a file, atomically; returns how many. */
    long exportTmx(Path out, boolean approvedOnly);

    TmStats stats();

    /** Releases the backend (its lock, its connections); does not throw. */
    @Override
    void close();
}
