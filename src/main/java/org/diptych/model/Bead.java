package org.diptych.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One link of an alignment: some source paragraphs (possibly none) that translate some target paragraphs
 * (possibly none). Paragraphs are named by their stable ids.
 *
 * @param source      source paragraph ids, consecutive in document order
 * @param target      target paragraph ids, consecutive in document order
 * @param confidence  the engine's probability that this bead is right, in [0,1]
 * @param status      review state
 * @param reviewer    who confirmed or rejected it, or {@code null}
 * @param reviewedAt  when, or {@code null}
 * @param note        a reviewer's free note, or {@code null}
 */
public record Bead(List<String> source, List<String> target, double confidence, BeadStatus status,
                   String reviewer, Instant reviewedAt, String note) {
    public Bead {
        source = List.copyOf(source);
        target = List.copyOf(target);
        Objects.requireNonNull(status);
        if (source.isEmpty() && target.isEmpty()) {
            throw new IllegalArgumentException("a bead needs at least one paragraph");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence out of [0,1]: " + confidence);
        }
    }

    public static Bead auto(List<String> source, List<String> target, double confidence) {
        return new Bead(source, target, confidence, BeadStatus.AUTO, null, null, null);
    }

    public boolean isConfirmed() {
        return status == BeadStatus.CONFIRMED;
    }

    public Bead withStatus(BeadStatus newStatus, String who, Instant when) {
        return new Bead(source, target, confidence, newStatus, who, when, note);
    }

    public Bead withNote(String newNote) {
        return new Bead(source, target, confidence, status, reviewer, reviewedAt, newNote);
    }

    /** "1:1", "2:1", "0:1" … */
    public String type() {
        return source.size() + ":" + target.size();
    }
}
