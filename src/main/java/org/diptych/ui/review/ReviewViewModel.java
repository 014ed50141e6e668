package org.diptych.ui.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.review.AlignmentEditor;
import org.diptych.review.Autosaver;
import org.diptych.review.BeadFilter;
import org.diptych.review.NotApplicable;
import org.diptych.review.ReviewState;
import org.diptych.review.ReviewStats;
import org.diptych.review.ReviewStore;
import org.diptych.review.Side;

/**
 * The review desk without its controls: the rows of beads, the filter, the cursor (selected bead) and
 * every review operation, each applied to the {@link AlignmentEditor} at the cursor and saved in the
 * background. Properties and lists here need no FX thread; the desk uses them on the FX thread.
 */
public final class ReviewViewModel {
    /** What one row of the desk shows: a bead and the paragraphs it links. */
    public record BeadRow(Bead bead, List<Paragraph> source, List<Paragraph> target) {}

    /**
     * A message for the status bar: a text key of the interface, the English text to show when the key is
     * not translated, and format arguments.
     */
    public record Message(String key, String fallback, boolean error, Object... args) {}

    private final AlignmentEditor editor;
    private final ObservableList<BeadRow> rows = FXCollections.observableArrayList();
    private final FilteredList<BeadRow> visible = new FilteredList<>(rows);
    private final ObjectProperty<BeadFilter> filter = new SimpleObjectProperty<>(BeadFilter.ALL);
    /** A further filter on top of {@link #filter} (the translation panel's status filter), or null. */
    private final ObjectProperty<java.util.function.Predicate<BeadRow>> rowFilter = new SimpleObjectProperty<>();
    private final DoubleProperty threshold = new SimpleDoubleProperty();
    private final IntegerProperty cursor = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<ReviewStats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final boolean sourceMarkdown;
    private final boolean targetMarkdown;
    private final boolean engineAligned;
    /** Beads the translator made by writing into an empty cell (told by the translation session). */
    private java.util.function.Predicate<Bead> translatorsOwn = b -> false;
    /** The cursor was last moved by {@link #nextDoubtful}: Enter then goes on to the next doubtful bead. */
    private boolean doubtfulWalk;
    private boolean walking;
    private Map<String, Paragraph> sourceById;
    private Map<String, Paragraph> targetById;
    private int lastChangeAt;

    /**
     * @param state     the pair to review
     * @param project   where changes are saved (writable), or {@code null} not to save
     * @param autosaver the background writer (required with a project)
     * @param reviewer  the reviewer's name, asked at each confirmation
     * @param threshold initial doubtful threshold
     */
    public ReviewViewModel(ReviewState state, Project project, Autosaver autosaver, Supplier<String> reviewer,
                           Clock clock, double threshold) {
        this.editor = new AlignmentEditor(state, () -> {
            String r = reviewer.get();
            return r == null || r.isBlank() ? null : r;
        }, clock);
        this.sourceMarkdown = isMarkdown(state.source());
        this.targetMarkdown = isMarkdown(state.target());
        this.threshold.set(threshold);
        // a target started in the desk (no original file) was never aligned by the engine
        this.engineAligned = state.target().originalFile() != null;
        cursor.addListener((o, a, b) -> {
            if (!walking) doubtfulWalk = false;
        });
        indexParagraphs(state);
        List<BeadRow> all = new ArrayList<>(state.alignment().beads().size());
        for (Bead b : state.alignment().beads()) all.add(row(b));
        rows.setAll(all);
        if (project != null) ReviewStore.autosave(editor, project, autosaver);
        editor.addListener(this::sync);
        filter.addListener((o, a, b) -> refilter());
        rowFilter.addListener((o, a, b) -> refilterRows());
        this.threshold.addListener((o, a, b) -> {
            refilter();
            updateStats();
        });
        refilter();
        updateStats();
    }

    private static boolean isMarkdown(DocumentVersion v) {
        return v.format().equals("markdown") || v.format().equals("text") || v.format().equals("lines");
    }

    // ---------------------------------------------------------------- state for the view

    public AlignmentEditor editor() {
        return editor;
    }

    /** Every bead, in order; the index of a row is the index of its bead. */
    public ObservableList<BeadRow> rows() {
        return rows;
    }

    /** The rows the filter lets through. */
    public FilteredList<BeadRow> visible() {
        return visible;
    }

    public ObjectProperty<BeadFilter> filterProperty() {
        return filter;
    }

    /**
     * A further filter the rows must pass besides {@link #filterProperty()} (the translation panel's status
     * filter), or null for none. {@link #refilterRows()} applies it again when what it tests changed outside
     * the rows.
     */
    public ObjectProperty<java.util.function.Predicate<BeadRow>> rowFilterProperty() {
        return rowFilter;
    }

    /** Tests every row against the filters again (what a row filter tests changed), keeping the cursor on a shown row. */
    public void refilterRows() {
        int c = cursor.get(); // a table showing the rows may drop its selection while they are filtered
        refilter();
        if (c >= 0) keepCursorVisible(c);
    }

    /** True if the filters show the row. */
    public boolean shows(BeadRow r) {
        java.util.function.Predicate<BeadRow> extra = rowFilter.get();
        return filter.get().test(r.bead(), threshold.get()) && (extra == null || extra.test(r));
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** Index of the selected bead in {@link #rows()}, or -1. */
    public IntegerProperty cursorProperty() {
        return cursor;
    }

    public ReadOnlyObjectProperty<ReviewStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    /** The outcome of the last operation, for the status bar. */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True while background work (re-alignment) runs; operations are refused meanwhile. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public boolean isMarkdown(Side side) {
        return side == Side.SOURCE ? sourceMarkdown : targetMarkdown;
    }

    public ReviewState state() {
        return editor.state();
    }

    public String sourceLang() {
        return editor.alignment().sourceLang();
    }

    public String targetLang() {
        return editor.alignment().targetLang();
    }

    /** The bead under the cursor, or null. */
    public Bead current() {
        int c = cursor.get();
        return c >= 0 && c < rows.size() ? rows.get(c).bead() : null;
    }

    /** The paragraphs of one side of the bead under the cursor (empty if none). */
    public List<Paragraph> currentParagraphs(Side side) {
        int c = cursor.get();
        if (c < 0 || c >= rows.size()) return List.of();
        return side == Side.SOURCE ? rows.get(c).source() : rows.get(c).target();
    }

    // ---------------------------------------------------------------- operations

    /**
     * Confirms the bead under the cursor and moves to the next shown bead; when the cursor got there by
     * {@link #nextDoubtful}, to the next doubtful bead instead, so that F8, Enter, F8 … never skips one.
     */
    public void confirmAndNext() {
        boolean walk = doubtfulWalk;
        run(c -> {
            editor.confirm(c);
            if (walk) {
                int i = BeadFilter.nextDoubtful(editor.beads(), c, threshold.get());
                if (i >= 0) {
                    walkTo(i);
                    if (i < c) say("msg.confirmedWrapped", "Confirmed; next doubtful bead from the top", false);
                    else say("msg.confirmedNextDoubtful", "Confirmed; next doubtful bead", false);
                    return;
                }
                int next = nextVisibleAfter(c);
                cursor.set(next >= 0 ? next : c);
                say("msg.confirmedLast", "Confirmed; no doubtful beads left", false);
                return;
            }
            int next = nextVisibleAfter(c);
            cursor.set(next >= 0 ? next : c);
            say("msg.confirmed", "Confirmed", false);
        });
    }

    private void walkTo(int i) {
        if (!filter.get().test(rows.get(i).bead(), threshold.get())) filter.set(BeadFilter.ALL);
        walking = true;
        try {
            cursor.set(i);
        } finally {
            walking = false;
        }
        doubtfulWalk = true;
    }

    /** Confirms every unreviewed bead above the cursor. */
    public void confirmAllAbove() {
        run(c -> {
            int n = editor.confirmAllAbove(c);
            say("msg.confirmedAbove", n + " beads confirmed", false, n);
        });
    }

    public void reject() {
        run(c -> {
            editor.reject(c);
            keepCursorVisible(c);
            say("msg.rejected", "Rejected", false);
        });
    }

    public void mergeWithNext() {
        run(c -> {
            editor.mergeWithNext(c);
            keepCursorVisible(c);
            say("msg.merged", "Merged with the next bead", false);
        });
    }

    /** Splits the bead under the cursor after {@code sourceCut} source and {@code targetCut} target paragraphs. */
    public void split(int sourceCut, int targetCut) {
        run(c -> {
            editor.split(c, sourceCut, targetCut);
            keepCursorVisible(c);
            say("msg.split", "Split in two", false);
        });
    }

    /** Moves the first paragraph of {@code side} of the bead under the cursor to the previous bead. */
    public void shiftUp(Side side) {
        run(c -> {
            keepCursorVisible(editor.moveFirstToPrevious(c, side));
            say("msg.shifted", "Paragraph moved", false);
        });
    }

    /** Moves the last paragraph of {@code side} of the bead under the cursor to the next bead. */
    public void shiftDown(Side side) {
        run(c -> {
            keepCursorVisible(editor.moveLastToNext(c, side));
            say("msg.shifted", "Paragraph moved", false);
        });
    }

    public void insertGap() {
        run(c -> {
            editor.insertGap(c);
            keepCursorVisible(c);
            say("msg.gap", "Gap inserted", false);
        });
    }

    /** Replaces the markup of a paragraph of the bead under the cursor. */
    public void editText(Side side, String paragraphId, String markup) {
        run(c -> {
            editor.editText(side, paragraphId, markup);
            cursor.set(c);
            say("msg.edited", "Text corrected", false);
        });
    }

    /** The paragraphs of one side that {@code q} would change (the find and replace preview). */
    public List<org.diptych.review.FindReplace.Hit> findPreview(Side side, org.diptych.review.FindReplace.Query q) {
        return org.diptych.review.FindReplace.preview(editor.state(), side, q);
    }

    /** Replaces what a preview found, as one undoable step logged as text corrections; the cursor stays. */
    public void replaceAll(List<org.diptych.review.FindReplace.Hit> hits) {
        guarded(() -> {
            int n = org.diptych.review.FindReplace.apply(editor, hits);
            say("msg.replaced", n + " occurrences replaced in " + hits.size() + " paragraphs", false, n, hits.size());
        });
    }

    /** Sets the note of the bead under the cursor (blank removes it). */
    public void setNote(String note) {
        run(c -> {
            editor.setNote(c, note);
            cursor.set(c);
            say("msg.noted", "Note saved", false);
        });
    }

    public void undo() {
        guarded(() -> {
            String name = editor.undo();
            keepCursorVisible(lastChangeAt);
            say("msg.undone", "Undone: " + name, false, name);
        });
    }

    public void redo() {
        guarded(() -> {
            String name = editor.redo();
            keepCursorVisible(lastChangeAt);
            say("msg.redone", "Redone: " + name, false, name);
        });
    }

    /**
     * Moves the cursor to the next doubtful bead (wrapping around, which the status bar says), switching
     * the filter off if it hides it.
     */
    public void nextDoubtful() {
        int from = cursor.get();
        int i = BeadFilter.nextDoubtful(editor.beads(), from, threshold.get());
        if (i < 0) {
            say("msg.noDoubtful", "No doubtful beads left", false);
            return;
        }
        walkTo(i);
        if (from >= 0 && i <= from) say("msg.doubtfulWrapped", "Search went on from the top", false);
        else message.set(null);
    }

    /**
     * Whether the confidence column shows the engine's confidence for this bead: only for the engine's own
     * proposals, that is unreviewed beads of a pair the engine aligned (not the empty rows of a translation
     * started in the desk, not a row the translator wrote into an empty cell, not a bead the reviewer made by
     * hand, which {@link #madeByHand} marks, not a bead a reviewer confirmed or rejected, who is shown instead).
     */
    public boolean showsConfidence(Bead b) {
        return engineAligned && b.isEngineProposal() && !translatorsOwn.test(b);
    }

    /**
     * Whether the bead was made by hand (merged, split, a gap inserted, a paragraph moved) and nobody confirmed
     * or rejected it yet: the desk marks it so instead of a confidence, and it stays doubtful until confirmed.
     */
    public boolean madeByHand(Bead b) {
        return b.status() == org.diptych.model.BeadStatus.AUTO && b.edited();
    }

    /**
     * Tells which beads the translator made (a paragraph written where the engine found no counterpart): they
     * show no engine confidence, though the pair was aligned by the engine.
     */
    public void setTranslatorsOwn(java.util.function.Predicate<Bead> made) {
        translatorsOwn = java.util.Objects.requireNonNull(made);
    }

    /** Replaces the alignment by the result of re-alignment (one undoable step). */
    public void applyRealignment(Alignment result) {
        guarded(() -> {
            editor.replaceAlignment(result, "re-align");
            keepCursorVisible(Math.max(0, Math.min(cursor.get(), rows.size() - 1)));
            say("msg.realigned", "Re-aligned", false);
        });
    }

    /** Shows an error of background work in the status bar. */
    public void fail(String text) {
        message.set(new Message("", text, true));
    }

    // ---------------------------------------------------------------- internals

    private interface AtCursor {
        void apply(int cursor);
    }

    private void run(AtCursor op) {
        int c = cursor.get();
        if (c < 0 || c >= rows.size()) {
            say("msg.noSelection", "Select a bead first", true);
            return;
        }
        guarded(() -> op.apply(c));
    }

    private void guarded(Runnable r) {
        if (busy.get()) {
            say("msg.busy", "Wait until re-alignment finishes", true);
            return;
        }
        try {
            r.run();
        } catch (NotApplicable e) {
            say("na." + e.code(), e.getMessage(), true);
        } catch (IllegalArgumentException e) {
            say("", e.getMessage(), true);
        }
    }

    /** Shows a message in the desk's status bar (what a step done outside the editor did). */
    public void announce(String key, String fallback, Object... args) {
        say(key, fallback, false, args);
    }

    private void say(String key, String fallback, boolean error, Object... args) {
        message.set(new Message(key, fallback, error, args));
    }

    /** The first bead after {@code i} that the filter shows, or -1. */
    public int nextVisibleAfter(int i) {
        for (int k = i + 1; k < rows.size(); k++) {
            if (shows(rows.get(k))) return k;
        }
        return -1;
    }

    /** Puts the cursor on {@code i}, or on the nearest bead after (else before) it that the filter shows. */
    private void keepCursorVisible(int i) {
        if (rows.isEmpty()) {
            cursor.set(-1);
            return;
        }
        i = Math.max(0, Math.min(i, rows.size() - 1));
        if (shows(rows.get(i))) {
            cursor.set(i);
            return;
        }
        int next = nextVisibleAfter(i);
        if (next < 0) {
            for (int k = i - 1; k >= 0; k--) {
                if (shows(rows.get(k))) {
                    next = k;
                    break;
                }
            }
        }
        cursor.set(next);
    }

    private void refilter() {
        BeadFilter f = filter.get();
        double t = threshold.get();
        java.util.function.Predicate<BeadRow> extra = rowFilter.get();
        if (f == BeadFilter.ALL && extra == null) visible.setPredicate(null);
        else visible.setPredicate(r -> f.test(r.bead(), t) && (extra == null || extra.test(r)));
    }

    private void updateStats() {
        stats.set(ReviewStats.of(editor.beads(), threshold.get()));
        canUndo.set(editor.canUndo());
        canRedo.set(editor.canRedo());
    }

    private void indexParagraphs(ReviewState s) {
        sourceById = index(s.source());
        targetById = index(s.target());
    }

    private static Map<String, Paragraph> index(DocumentVersion v) {
        Map<String, Paragraph> m = new HashMap<>(v.paragraphs().size() * 2);
        for (Paragraph p : v.paragraphs()) m.put(p.id(), p);
        return m;
    }

    private BeadRow row(Bead b) {
        List<Paragraph> s = new ArrayList<>(b.source().size());
        for (String id : b.source()) s.add(sourceById.get(id));
        List<Paragraph> t = new ArrayList<>(b.target().size());
        for (String id : b.target()) t.add(targetById.get(id));
        return new BeadRow(b, s, t);
    }

    /** Brings the rows in line with the editor, replacing only the rows that changed. */
    private void sync(ReviewState before, ReviewState after, String op) {
        Set<String> changedSource = changedIds(before.source(), after.source());
        Set<String> changedTarget = changedIds(before.target(), after.target());
        if (before.source() != after.source() || before.target() != after.target()) indexParagraphs(after);
        List<Bead> ob = before.alignment().beads();
        List<Bead> nb = after.alignment().beads();
        int max = Math.min(ob.size(), nb.size());
        int p = 0;
        while (p < max && ob.get(p) == nb.get(p) && untouched(nb.get(p), changedSource, changedTarget)) p++;
        int s = 0;
        while (s < max - p && ob.get(ob.size() - 1 - s) == nb.get(nb.size() - 1 - s)
                && untouched(nb.get(nb.size() - 1 - s), changedSource, changedTarget)) s++;
        List<BeadRow> fresh = new ArrayList<>();
        for (int k = p; k < nb.size() - s; k++) fresh.add(row(nb.get(k)));
        int oldEnd = ob.size() - s;
        int common = Math.min(oldEnd - p, fresh.size());
        for (int k = 0; k < common; k++) rows.set(p + k, fresh.get(k));
        if (oldEnd - p > common) rows.remove(p + common, oldEnd);
        else if (fresh.size() > common) rows.addAll(p + common, fresh.subList(common, fresh.size()));
        lastChangeAt = p;
        updateStats();
    }

    private static boolean untouched(Bead b, Set<String> src, Set<String> tgt) {
        if (!src.isEmpty()) for (String id : b.source()) if (src.contains(id)) return false;
        if (!tgt.isEmpty()) for (String id : b.target()) if (tgt.contains(id)) return false;
        return true;
    }

    private static Set<String> changedIds(DocumentVersion a, DocumentVersion b) {
        if (a == b) return Set.of();
        Set<String> ids = new HashSet<>();
        Map<String, Paragraph> old = index(a);
        for (Paragraph p : b.paragraphs()) {
            if (old.get(p.id()) != p) ids.add(p.id());
        }
        return ids;
    }
}
