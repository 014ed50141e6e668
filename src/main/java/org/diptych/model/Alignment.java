package org.diptych.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The alignment of two language versions of one statement: a monotone sequence of beads in which every
 * paragraph of both versions appears exactly once.
 */
public record Alignment(String statementId, String sourceLang, String targetLang, List<Bead> beads,
                        Instant updatedAt) {
    public Alignment {
        Objects.requireNonNull(statementId);
        Objects.requireNonNull(sourceLang);
        Objects.requireNonNull(targetLang);
        beads = List.copyOf(beads);
    }

    public Alignment withBeads(List<Bead> newBeads) {
        return new Alignment(statementId, sourceLang, targetLang, newBeads, Instant.now());
    }

    /**
     * Checks the invariant against the two versions: every paragraph in exactly one bead, in order.
     *
     * @throws IllegalStateException naming the first violation
     */
    public void validate(DocumentVersion source, DocumentVersion target) {
        check(source.paragraphs(), beads, true);
        check(target.paragraphs(), beads, false);
    }

    private static void check(List<Paragraph> paragraphs, List<Bead> beads, boolean sourceSide) {
        int next = 0;
        for (Bead b : beads) {
            for (String id : sourceSide ? b.source() : b.target()) {
                if (next >= paragraphs.size() || !paragraphs.get(next).id().equals(id)) {
                    throw new IllegalStateException((sourceSide ? "source" : "target")
                            + " paragraph " + id + " out of order or unknown (expected "
                            + (next < paragraphs.size() ? paragraphs.get(next).id() : "end") + ")");
                }
                next++;
            }
        }
        if (next != paragraphs.size()) {
            throw new IllegalStateException((sourceSide ? "source" : "target") + " paragraph "
                    + paragraphs.get(next).id() + " is in no bead");
        }
    }
}
