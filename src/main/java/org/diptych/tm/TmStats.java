package org.diptych.tm;

import java.util.Map;

/**
 * The size and content of a TM.
 *
 * @param units         units in the TM
 * @param approved      approved units
 * @param draft         draft units
 * @param perLanguage   units having a variant in each base language
 * @param recordBytes   size of the TMX record
 * @param indexBytes    size of the Lucene index
 * @param generation    how many times the record was rewritten
 * @param journalOps    changes kept in the journal since then
 */
public record TmStats(long units, long approved, long draft, Map<String, Long> perLanguage, long recordBytes,
                      long indexBytes, long generation, int journalOps) {}
