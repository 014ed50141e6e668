package org.diptych.tm;

import java.time.Instant;
import java.util.List;

/**
 * Where a unit comes from, as shown next to a match.
 *
 * @param tuid          TMX unit id, or {@code null}
 * @param statement     statement id for units fed from Diptych alignments, else {@code null}
 * @param document      the original documents (one per variant that names one), or {@code null}
 * @param creator       {@code creationid}
 * @param created       {@code creationdate}
 * @param changer       {@code changeid}
 * @param changed       {@code changedate}
 * @param usageCount    {@code usagecount}, 0 if absent
 * @param lastUsed      {@code lastusagedate}
 * @param status        approved or draft
 * @param otherMeta     the unit's other TMX props and notes
 */
public record Provenance(String tuid, String statement, String document, String creator, Instant created,
                         String changer, Instant changed, int usageCount, Instant lastUsed, Status status,
                         List<TmMeta> otherMeta) {
    public enum Status { APPROVED, DRAFT }
}
