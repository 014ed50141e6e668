package org.diptych.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param edited      made by hand in the desk (merged, split, a gap inserted, a paragraph moved in or out):
 *                    {@code confidence} is then what the engine said of the beads it came from, not of this
 *                    one, so it is not shown; written to {@code align.json} only when true (older files,
 *                    without the field, read as false)
 */
public record Bead(List<String> source, List<String> target, double confidence, BeadStatus status,
                   String reviewer, Instant reviewedAt, String note,
                   @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean edited) {
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

    /** A bead not made by hand (the engine's, or one it was given). */
    public Bead(List<String> source, List<String> target, double confidence, BeadStatus status,
                String reviewer, Instant reviewedAt, String note) {
        this(source, target, confidence, status, reviewer, reviewedAt, note, false);
    }

    /**
     * A bead the reviewer made by hand from {@code from}'s paragraphs: unreviewed, marked {@link #edited},
     * keeping {@code confidence} (the engine's figure for what it came from) only for the record.
     */
    public static Bead byHand(List<String> source, List<String> target, double confidence, String note) {
        return new Bead(source, target, confidence, BeadStatus.AUTO, null, null, note, true);
    }

    /**
     * True for an unreviewed proposal of the engine, whose {@link #confidence} says how sure the engine is of
     * this very bead (not for one made by hand, nor for one a reviewer confirmed or rejected).
     */
    @JsonIgnore
    public boolean isEngineProposal() {
        return status == BeadStatus.AUTO && !edited;
    }

    public static Bead auto(List<String> source, List<String> target, double confidence) {
        return new Bead(source, target, confidence, BeadStatus.AUTO, null, null, null);
    }

    public boolean isConfirmed() {
        return status == BeadStatus.CONFIRMED;
    }

    public Bead withStatus(BeadStatus newStatus, String who, Instant when) {
        return new Bead(source, target, confidence, newStatus, who, when, note, edited);
    }

    public Bead withNote(String newNote) {
        return new Bead(source, target, confidence, status, reviewer, reviewedAt, newNote, edited);
    }

    /** The same paragraphs with the sides swapped (a pair read the other way round), all else kept. */
    public Bead reversed() {
        return new Bead(target, source, confidence, status, reviewer, reviewedAt, note, edited);
    }

    /** "1:1", "2:1", "0:1" … */
    public String type() {
        return source.size() + ":" + target.size();
    }
}
