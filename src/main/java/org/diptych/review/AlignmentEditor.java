package org.diptych.review;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;

/**
 * The review operations on one alignment, each an undoable step. Every step replaces the current
 * {@link ReviewState} by a new one that satisfies {@link Alignment#validate}; undo and redo restore the
 * exact previous snapshots. Beads are addressed by index in the current alignment.
 *
 * <p>Operations that cannot apply (merging the last bead, splitting a 1:0 bead …) throw
 * {@link IllegalArgumentException} with a message for the user and change nothing. Beads that a
 * structural operation creates or changes become {@link BeadStatus#AUTO} again, marked
 * {@link Bead#edited} (made by hand: the engine's confidence they carry was said of other beads): the
 * reviewer confirms the result. Not thread-safe: use from one thread (the FX thread in the desk).
 */
public final class AlignmentEditor {
    /** Called after every applied, undone or redone step. */
    public interface Listener {
        void changed(ReviewState before, ReviewState after, String operation);
    }

    private record Step(String name, ReviewState before, ReviewState after) {}

    /** How many steps undo remembers. */
    public static final int UNDO_LIMIT = 2000;

    private final Supplier<String> reviewer;
    private final Clock clock;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private ReviewState state;

    /**
     * @param initial  the state to start from; its alignment must be valid against its versions
     * @param reviewer the reviewer's name, asked at each confirmation (may supply {@code null})
     * @param clock    time source for review and edit stamps
     */
    public AlignmentEditor(ReviewState initial, Supplier<String> reviewer, Clock clock) {
        initial.alignment().validate(initial.source(), initial.target());
        this.state = initial;
        this.reviewer = Objects.requireNonNull(reviewer);
        this.clock = Objects.requireNonNull(clock);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public ReviewState state() {
        return state;
    }

    public Alignment alignment() {
        return state.alignment();
    }

    public List<Bead> beads() {
        return state.alignment().beads();
    }

    public int size() {
        return beads().size();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Name of the step undo would revert, or {@code null}. */
    public String undoName() {
        return undo.isEmpty() ? null : undo.peek().name();
    }

    /** Name of the step redo would re-apply, or {@code null}. */
    public String redoName() {
        return redo.isEmpty() ? null : redo.peek().name();
    }

    // ---------------------------------------------------------------- status and notes

    /** Confirms bead {@code i}, stamping the reviewer's name and the time. */
    public void confirm(int i) {
        checkIndex(i);
        List<Bead> beads = new ArrayList<>(beads());
        beads.set(i, beads.get(i).withStatus(BeadStatus.CONFIRMED, reviewer.get(), clock.instant()));
        apply("confirm", withBeads(beads));
    }

    /**
     * Confirms every automatic bead above bead {@code i} (indices {@code 0 .. i-1}); rejected and already
     * confirmed beads stay as they are.
     *
     * @return how many beads were confirmed
     */
    public int confirmAllAbove(int i) {
        if (i < 0 || i > size()) throw new IndexOutOfBoundsException(i);
        List<Bead> beads = new ArrayList<>(beads());
        String who = reviewer.get();
        java.time.Instant now = clock.instant();
        int n = 0;
        for (int k = 0; k < i; k++) {
            if (beads.get(k).status() == BeadStatus.AUTO) {
                beads.set(k, beads.get(k).withStatus(BeadStatus.CONFIRMED, who, now));
                n++;
            }
        }
        if (n == 0) throw new NotApplicable("noneAbove", "no unreviewed bead above this one");
        apply("confirm all above", withBeads(beads));
        return n;
    }

    /** Rejects bead {@code i} (a wrong pair that should not feed the translation memory). */
    public void reject(int i) {
        checkIndex(i);
        List<Bead> beads = new ArrayList<>(beads());
        beads.set(i, beads.get(i).withStatus(BeadStatus.REJECTED, reviewer.get(), clock.instant()));
        apply("reject", withBeads(beads));
    }

    /** Sets (or with a blank text removes) the note of bead {@code i}. */
    public void setNote(int i, String note) {
        checkIndex(i);
        String n = note == null || note.isBlank() ? null : note.strip();
        if (Objects.equals(n, beads().get(i).note())) throw new NotApplicable("noteUnchanged", "the note is unchanged");
        List<Bead> beads = new ArrayList<>(beads());
        beads.set(i, beads.get(i).withNote(n));
        apply("note", withBeads(beads));
    }

    // ---------------------------------------------------------------- structure

    /** Merges bead {@code i} with bead {@code i+1}; the result is unreviewed, made by hand, with the lower confidence. */
    public void mergeWithNext(int i) {
        checkIndex(i);
        if (i + 1 >= size()) throw new NotApplicable("lastBead", "the last bead has no next bead to merge with");
        List<Bead> beads = new ArrayList<>(beads());
        Bead a = beads.get(i);
        Bead b = beads.remove(i + 1);
        beads.set(i, Bead.byHand(concat(a.source(), b.source()), concat(a.target(), b.target()),
                Math.min(a.confidence(), b.confidence()), joinNotes(a.note(), b.note())));
        apply("merge", withBeads(beads));
    }

    /**
     * Splits bead {@code i} into two: the first keeps the first {@code sourceCut} source and
     * {@code targetCut} target paragraphs, the second the rest. Both parts must keep a paragraph.
     */
    public void split(int i, int sourceCut, int targetCut) {
        checkIndex(i);
        Bead b = beads().get(i);
        if (sourceCut < 0 || sourceCut > b.source().size() || targetCut < 0 || targetCut > b.target().size()) {
            throw new NotApplicable("splitOutside", "split point outside the bead");
        }
        if (sourceCut + targetCut == 0 || sourceCut + targetCut == b.source().size() + b.target().size()) {
            throw new NotApplicable("splitEmpty", "both parts of a split need a paragraph");
        }
        Bead first = Bead.byHand(b.source().subList(0, sourceCut), b.target().subList(0, targetCut),
                b.confidence(), b.note());
        Bead second = Bead.byHand(b.source().subList(sourceCut, b.source().size()),
                b.target().subList(targetCut, b.target().size()), b.confidence(), null);
        List<Bead> beads = new ArrayList<>(beads());
        beads.set(i, first);
        beads.add(i + 1, second);
        apply("split", withBeads(beads));
    }

    /**
     * Moves the first paragraph of one side of bead {@code i} to the end of the same side of the previous
     * bead (shift up). A bead left without paragraphs disappears.
     *
     * @return the index of the bead that now holds the rest of bead {@code i} (or the previous bead)
     */
    public int moveFirstToPrevious(int i, Side side) {
        checkIndex(i);
        if (i == 0) throw new NotApplicable("firstBead", "the first bead has no previous bead");
        Bead b = beads().get(i);
        List<String> ids = side.of(b);
        if (ids.isEmpty()) throw new NotApplicable("sideEmpty", "this side of the bead is empty");
        Bead prev = beads().get(i - 1);
        List<Bead> beads = new ArrayList<>(beads());
        beads.set(i - 1, withSide(prev, side, concat(side.of(prev), ids.subList(0, 1))));
        Bead rest = restOf(b, side, ids.subList(1, ids.size()));
        int cursor = i;
        if (rest == null) {
            beads.remove(i);
            cursor = i - 1;
        } else {
            beads.set(i, rest);
        }
        apply("shift up", withBeads(beads));
        return cursor;
    }

    /**
     * Moves the last paragraph of one side of bead {@code i} to the start of the same side of the next
     * bead (shift down). A bead left without paragraphs disappears.
     *
     * @return the index of the bead that now holds the rest of bead {@code i} (or the next bead)
     */
    public int moveLastToNext(int i, Side side) {
        checkIndex(i);
        if (i + 1 >= size()) throw new NotApplicable("lastBead", "the last bead has no next bead");
        Bead b = beads().get(i);
        List<String> ids = side.of(b);
        if (ids.isEmpty()) throw new NotApplicable("sideEmpty", "this side of the bead is empty");
        Bead next = beads().get(i + 1);
        List<Bead> beads = new ArrayList<>(beads());
        beads.set(i + 1, withSide(next, side, concat(ids.subList(ids.size() - 1, ids.size()), side.of(next))));
        Bead rest = restOf(b, side, ids.subList(0, ids.size() - 1));
        if (rest == null) {
            beads.remove(i);
        } else {
            beads.set(i, rest);
        }
        apply("shift down", withBeads(beads));
        return i;
    }

    /**
     * Turns bead {@code i}, which must have paragraphs on both sides, into two beads: its source
     * paragraphs with no counterpart (n:0) followed by its target paragraphs with none (0:m).
     */
    public void insertGap(int i) {
        checkIndex(i);
        Bead b = beads().get(i);
        if (b.source().isEmpty() || b.target().isEmpty()) {
            throw new NotApplicable("hasGap", "the bead already has an empty side");
        }
        List<Bead> beads = new ArrayList<>(beads());
        beads.set(i, Bead.byHand(b.source(), List.of(), b.confidence(), b.note()));
        beads.add(i + 1, Bead.byHand(List.of(), b.target(), b.confidence(), null));
        apply("insert gap", withBeads(beads));
    }

    // ---------------------------------------------------------------- text

    /**
     * Replaces the markup of one paragraph of one side (a typo fix): the parsed version gets the new
     * markup and its plain text, and the change is appended to that version's edit log. The paragraph
     * keeps its id, so the alignment is unchanged.
     */
    public void editText(Side side, String paragraphId, String newMarkup) {
        DocumentVersion v = state.version(side);
        Paragraph p = v.paragraph(paragraphId);
        if (p == null) throw new IllegalArgumentException("no paragraph " + paragraphId + " in the " + v.lang() + " version");
        String markup = newMarkup.strip();
        if (markup.isEmpty()) throw new NotApplicable("emptyText", "a paragraph cannot be empty");
        if (markup.equals(p.markup())) throw new NotApplicable("textUnchanged", "the text is unchanged");
        List<Paragraph> ps = new ArrayList<>(v.paragraphs());
        ps.set(ps.indexOf(p), p.withText(markup, MarkupText.plain(markup)));
        DocumentVersion nv = v.withParagraphs(ps);
        List<TextEdit> log = new ArrayList<>(state.edits(side));
        log.add(new TextEdit(paragraphId, p.markup(), markup, reviewer.get(), clock.instant()));
        ReviewState next = side == Side.SOURCE
                ? new ReviewState(state.alignment(), nv, state.target(), log, state.targetEdits())
                : new ReviewState(state.alignment(), state.source(), nv, state.sourceEdits(), log);
        apply("edit text", next);
    }

    /**
     * Replaces the markup of several paragraphs of one side as one undoable step named {@code operation}
     * (find and replace), each change appended to the version's edit log like {@link #editText}.
     *
     * @param changes paragraph id → new markup
     */
    public void editTexts(Side side, java.util.Map<String, String> changes, String operation) {
        DocumentVersion v = state.version(side);
        List<Paragraph> ps = new ArrayList<>(v.paragraphs());
        List<TextEdit> log = new ArrayList<>(state.edits(side));
        String who = reviewer.get();
        java.time.Instant now = clock.instant();
        int changed = 0;
        for (java.util.Map.Entry<String, String> e : changes.entrySet()) {
            Paragraph p = v.paragraph(e.getKey());
            if (p == null) throw new IllegalArgumentException("no paragraph " + e.getKey() + " in the " + v.lang() + " version");
            String markup = e.getValue().strip();
            if (markup.isEmpty()) throw new NotApplicable("emptyText", "a paragraph cannot be empty");
            if (markup.equals(p.markup())) continue;
            ps.set(ps.indexOf(p), p.withText(markup, MarkupText.plain(markup)));
            log.add(new TextEdit(p.id(), p.markup(), markup, who, now));
            changed++;
        }
        if (changed == 0) throw new NotApplicable("textUnchanged", "the text is unchanged");
        DocumentVersion nv = v.withParagraphs(ps);
        ReviewState next = side == Side.SOURCE
                ? new ReviewState(state.alignment(), nv, state.target(), log, state.targetEdits())
                : new ReviewState(state.alignment(), state.source(), nv, state.sourceEdits(), log);
        apply(operation, next);
    }

    // ---------------------------------------------------------------- whole alignment

    /**
     * Replaces the whole alignment (after re-alignment) as one undoable step.
     *
     * @throws IllegalArgumentException if it is not valid against the versions, or if a confirmed bead of
     *                                  the current alignment is missing from it
     */
    public void replaceAlignment(Alignment replacement, String operation) {
        try {
            replacement.validate(state.source(), state.target());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("the new alignment is invalid: " + e.getMessage(), e);
        }
        java.util.Set<List<List<String>>> kept = new java.util.HashSet<>();
        for (Bead b : replacement.beads()) {
            if (b.isConfirmed()) kept.add(List.of(b.source(), b.target()));
        }
        for (Bead b : beads()) {
            if (b.isConfirmed() && !kept.contains(List.of(b.source(), b.target()))) {
                throw new IllegalArgumentException("the new alignment moved a confirmed bead ("
                        + String.join(",", b.source()) + " / " + String.join(",", b.target()) + ")");
            }
        }
        apply(operation, new ReviewState(replacement, state.source(), state.target(),
                state.sourceEdits(), state.targetEdits()));
    }

    // ---------------------------------------------------------------- undo

    /** Reverts the last step; returns its name. */
    public String undo() {
        if (undo.isEmpty()) throw new NotApplicable("nothingToUndo", "nothing to undo");
        Step s = undo.pop();
        redo.push(s);
        set(s.before(), "undo " + s.name());
        return s.name();
    }

    /** Re-applies the last undone step; returns its name. */
    public String redo() {
        if (redo.isEmpty()) throw new NotApplicable("nothingToRedo", "nothing to redo");
        Step s = redo.pop();
        undo.push(s);
        set(s.after(), "redo " + s.name());
        return s.name();
    }

    // ---------------------------------------------------------------- steps made elsewhere

    /**
     * Applies a change computed outside this class (translating in the desk: a target paragraph written or
     * inserted into a bead) as one undoable step, like any other.
     *
     * @throws IllegalStateException if {@code next}'s alignment is not valid against its versions
     */
    public void applyStep(String name, ReviewState next) {
        apply(name, next);
    }

    // ---------------------------------------------------------------- internals

    private void apply(String name, ReviewState next) {
        next.alignment().validate(next.source(), next.target());
        undo.push(new Step(name, state, next));
        while (undo.size() > UNDO_LIMIT) undo.removeLast();
        redo.clear();
        set(next, name);
    }

    private void set(ReviewState next, String name) {
        ReviewState before = state;
        state = next;
        for (Listener l : listeners) l.changed(before, next, name);
    }

    private ReviewState withBeads(List<Bead> beads) {
        Alignment a = state.alignment();
        return new ReviewState(new Alignment(a.statementId(), a.sourceLang(), a.targetLang(), beads, clock.instant()),
                state.source(), state.target(), state.sourceEdits(), state.targetEdits());
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) throw new IndexOutOfBoundsException("bead " + i + " of " + size());
    }

    private static Bead withSide(Bead b, Side side, List<String> ids) {
        return side == Side.SOURCE
                ? Bead.byHand(ids, b.target(), b.confidence(), b.note())
                : Bead.byHand(b.source(), ids, b.confidence(), b.note());
    }

    private static Bead restOf(Bead b, Side side, List<String> remaining) {
        List<String> other = side.other().of(b);
        if (remaining.isEmpty() && other.isEmpty()) return null;
        return withSide(b, side, remaining);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a.size() + b.size());
        r.addAll(a);
        r.addAll(b);
        return r;
    }

    private static String joinNotes(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + " / " + b;
    }
}
