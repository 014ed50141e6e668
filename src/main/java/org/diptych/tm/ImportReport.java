package org.diptych.tm;

import java.util.List;

/**
 * What a TMX import did.
 *
 * @param file         the file imported
 * @param read         units read and valid
 * @param added        units added to the TM
 * @param duplicates   valid units already in the TM (same languages and segments, or same Diptych key)
 * @param skipped      units skipped as malformed (each has a warning)
 * @param warnings     line-numbered warnings ({@code FILE:LINE: message}), the first {@value TmxWarnings#KEEP}
 * @param warningCount how many warnings in all
 */
public record ImportReport(String file, long read, long added, long duplicates, long skipped,
                           List<String> warnings, long warningCount) {
    public ImportReport {
        warnings = List.copyOf(warnings);
    }
}
