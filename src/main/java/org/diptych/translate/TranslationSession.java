package org.diptych.translate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.review.AlignmentEditor;
import org.diptych.tm.MarkdownCodes;
import org.diptych.review.MarkupText;
import org.diptych.review.NotApplicable;
import org.diptych.review.ReviewState;

/**
 * Translating one language pair of a statement in the desk: writing the target of a row (a bead), and
 * confirming it. Works on the desk's {@link AlignmentEditor}, so every change of text is one of the desk's
 * undoable steps and is saved with the alignment and the target version; the status of each row comes from
 * the translation records ({@link TranslationStore}) this session keeps and the text itself.
 *
 * <p>A row without target paragraph (a 1:0 bead) is an empty target cell: writing into it creates a target
 * paragraph with a fresh id ({@link DocumentVersion#nextParagraphId()}), the structure of the row's first
 * source paragraph (kind, level, markdown block prefix) and its place in the target's order, and the bead
 * becomes n:1. Clearing a paragraph created so removes it again. Rows with several target paragraphs are
 * not edited here (split the bead first).
 *
 * <p>Not thread-safe: use from one thread (the FX thread in the desk).
 */
public final class TranslationSession {
    private final AlignmentEditor editor;
    private final Map<String, TranslationRecord> records;
    private final Supplier<String> translator;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param editor     the desk's editor of the pair
     * @param records    the stored records of the pair ({@link TranslationStore#load}); copied
     * @param translator the translator's name (may supply {@code null})
     * @param clock      time of records
     */
    public TranslationSession(AlignmentEditor editor, Map<String, TranslationRecord> records,
                              Supplier<String> translator, Clock clock) {
        this.editor = Objects.requireNonNull(editor);
        this.records = new LinkedHashMap<>(records);
        this.translator = Objects.requireNonNull(translator);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Told after the records changed (to save them). */
    public void addRecordsListener(Runnable r) {
        listeners.add(r);
    }

    public AlignmentEditor editor() {
        return editor;
    }

    public ReviewState state() {
        return editor.state();
    }

    public String statementId() {
        return editor.alignment().statementId();
    }

    public List<Bead> beads() {
        return editor.beads();
    }

    /**
     * True if a target paragraph of {@code b} was made in Diptych (written into a row that had no
     * counterpart): the bead is then the translator's, not the engine's proposal.
     */
    public boolean createdHere(Bead b) {
        for (String id : b.target()) {
            TranslationRecord r = records.get(id);
            if (r != null && r.created()) return true;
        }
        return false;
    }

    /** A copy of the records, by target paragraph id. */
    public Map<String, TranslationRecord> records() {
        return new LinkedHashMap<>(records);
    }

    // ---------------------------------------------------------------- reading

    /** The plain text of the row's source paragraphs, one per line. */
    public String sourceText(int bead) {
        return state().source().join(beads().get(bead).source(), false);
    }

    /** The markup of the row's source paragraphs, one per line. */
    public String sourceMarkup(int bead) {
        return state().source().join(beads().get(bead).source(), true);
    }

    /**
     * The row's source as a TM segment: its plain text ({@link #sourceText}) with the inline markdown as
     * codes, so that lookups compare formatting too ({@link MarkdownCodes#encode}).
     */
    public MarkdownCodes.Coded sourceSegment(int bead) {
        return MarkdownCodes.encode(state().source(), beads().get(bead).source());
    }

    /** True if target paragraphs are written in markdown (a TM match is inserted as markdown then). */
    public boolean markdownTarget() {
        return markdown(state().target());
    }

    /** The plain text of the row's target paragraphs, one per line ("" for an empty cell). */
    public String targetText(int bead) {
        return state().target().join(beads().get(bead).target(), false);
    }

    /** The text of the paragraph before the row's first source paragraph (for in-context matches), or null. */
    public String previousSourceText(int bead) {
        List<String> ids = beads().get(bead).source();
        if (ids.isEmpty()) return null;
        List<Paragraph> ps = state().source().paragraphs();
        for (int i = 1; i < ps.size(); i++) {
            if (ps.get(i).id().equals(ids.get(0))) return ps.get(i - 1).text();
        }
        return null;
    }

    /** True if the row's target can be written here (it has at most one target paragraph). */
    public boolean editable(int bead) {
        Bead b = beads().get(bead);
        return b.target().size() <= 1 && !b.source().isEmpty();
    }

    /**
     * The block prefix the row's target has or will get ({@code "### "}, {@code "1. "}), "" for plain
     * paragraphs and formats other than markdown.
     */
    public String prefix(int bead) {
        Bead b = beads().get(bead);
        if (!markdown(state().target())) return "";
        if (!b.target().isEmpty()) return BlockMarkup.prefix(state().target().paragraph(b.target().get(0)).markup());
        if (b.source().isEmpty() || !markdown(state().source())) return "";
        return BlockMarkup.prefix(state().source().paragraph(b.source().get(0)).markup());
    }

    /** The row's target markup without its block prefix: what the translator edits ("" for an empty cell). */
    public String targetBody(int bead) {
        Bead b = beads().get(bead);
        if (b.target().isEmpty()) return "";
        String m = state().target().join(b.target(), true);
        return markdown(state().target()) ? BlockMarkup.body(m) : m;
    }

    /** The source markup of the row without its block prefix (what a copy of the source gives). */
    public String sourceBody(int bead) {
        String m = sourceMarkup(bead);
        return markdown(state().source()) ? BlockMarkup.body(m) : m;
    }

    /** The row's status: the lowest of its target paragraphs'. */
    public TranslationStatus status(int bead) {
        return status(beads().get(bead));
    }

    /** The status of a row given by its bead (one of this session's): the lowest of its target paragraphs'. */
    public TranslationStatus status(Bead b) {
        if (b.target().isEmpty()) return TranslationStatus.UNTRANSLATED;
        TranslationStatus lowest = TranslationStatus.APPROVED;
        for (String id : b.target()) {
            Paragraph p = state().target().paragraph(id);
            TranslationStatus s = status(p, b.isConfirmed());
            if (s.compareTo(lowest) < 0) lowest = s;
        }
        return lowest;
    }

    private TranslationStatus status(Paragraph p, boolean confirmed) {
        if (p == null || p.text().isBlank()) return TranslationStatus.UNTRANSLATED;
        TranslationRecord r = records.get(p.id());
        if (r == null) return confirmed ? TranslationStatus.APPROVED : TranslationStatus.TRANSLATED;
        if (!r.markup().equals(p.markup()) || r.status() == TranslationStatus.DRAFT) return TranslationStatus.DRAFT;
        return confirmed ? TranslationStatus.APPROVED : r.status();
    }

    /** How many rows have each status. */
    public Map<TranslationStatus, Integer> counts() {
        Map<TranslationStatus, Integer> m = new LinkedHashMap<>();
        for (TranslationStatus s : TranslationStatus.values()) m.put(s, 0);
        for (int i = 0; i < beads().size(); i++) {
            if (beads().get(i).source().isEmpty()) continue;
            m.merge(status(i), 1, Integer::sum);
        }
        return m;
    }

    /**
     * The next row after {@code from} (wrapping around) that still needs work (untranslated or draft), or
     * -1 if none does.
     */
    public int nextToTranslate(int from) {
        int n = beads().size();
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(from + k, n);
            if (beads().get(i).source().isEmpty()) continue;
            if (status(i).compareTo(TranslationStatus.TRANSLATED) < 0) return i;
        }
        return -1;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the target of a row: {@code body} is the markup without block prefix. One undoable step.
     *
     * @return false if nothing changed
     * @throws NotApplicable if the row cannot take it (several target paragraphs, no source, an imported
     *                       paragraph emptied)
     */
    public boolean setTarget(int bead, String body) {
        return fill(Map.of(bead, body), "translate") > 0;
    }

    /**
     * Writes the targets of several rows as one undoable step named {@code operation}; rows that cannot
     * take their text are left as they are.
     *
     * @return how many rows changed
     */
    public int fill(Map<Integer, String> bodies, String operation) {
        ReviewState s = state();
        List<Bead> beads = new ArrayList<>(s.alignment().beads());
        List<Paragraph> target = new ArrayList<>(s.target().paragraphs());
        Map<String, TranslationRecord> changed = new LinkedHashMap<>();
        Map<String, String> removed = new LinkedHashMap<>();
        NotApplicable refused = null;
        int n = 0;
        for (Map.Entry<Integer, String> e : new java.util.TreeMap<>(bodies).entrySet()) {
            try {
                if (write(s, beads, target, e.getKey(), e.getValue(), changed, removed)) n++;
            } catch (NotApplicable na) {
                refused = na;
            }
        }
        if (n == 0) {
            if (refused != null && bodies.size() == 1) throw refused;
            return 0;
        }
        Alignment a = s.alignment();
        DocumentVersion nt = s.target().withParagraphs(target);
        editor.applyStep(operation, new ReviewState(new Alignment(a.statementId(), a.sourceLang(), a.targetLang(),
                beads, clock.instant()), s.source(), nt, s.sourceEdits(), s.targetEdits()));
        records.putAll(changed);
        records.keySet().removeAll(removed.keySet());
        fire();
        return n;
    }

    private boolean write(ReviewState s, List<Bead> beads, List<Paragraph> target, int i, String body,
                          Map<String, TranslationRecord> changed, Map<String, String> removed) {
        Bead b = beads.get(i);
        if (b.source().isEmpty()) throw new NotApplicable("noSource", "this row has no source paragraph to translate");
        if (b.target().size() > 1) {
            throw new NotApplicable("severalTargets", "this row has several target paragraphs; split it first");
        }
        boolean md = markdown(s.target());
        String who = translator.get();
        if (b.target().isEmpty()) {
            if (body == null || body.isBlank()) return false;
            Paragraph src = s.source().paragraph(b.source().get(0));
            String prefix = md && markdown(s.source()) ? BlockMarkup.prefix(src.markup()) : "";
            String markup = md ? BlockMarkup.join(prefix, body) : body.strip();
            String id = nextId(s.target(), target);
            int at = 0;
            for (int k = 0; k < i; k++) at += beads.get(k).target().size();
            target.add(at, new Paragraph(id, src.kind(), src.level(), markup, MarkupText.plain(markup)));
            // the pair is the translator's own making: no doubt about which paragraphs go together
            beads.set(i, new Bead(b.source(), List.of(id), 1.0, b.status(), b.reviewer(), b.reviewedAt(), b.note(), b.edited()));
            changed.put(id, new TranslationRecord(TranslationStatus.DRAFT, markup, true, who, clock.instant()));
            return true;
        }
        String id = b.target().get(0);
        int at = indexOf(target, id);
        Paragraph p = target.get(at);
        TranslationRecord old = records.get(id);
        boolean created = old != null && old.created();
        if (body == null || body.isBlank()) {
            if (!created) throw new NotApplicable("emptyText", "a paragraph cannot be empty");
            target.remove(at);
            // the translator took the translation out: the paragraph is, surely, untranslated
            beads.set(i, new Bead(b.source(), List.of(), 1.0, b.status(), b.reviewer(), b.reviewedAt(), b.note(), b.edited()));
            removed.put(id, p.markup());
            return true;
        }
        String markup = md ? BlockMarkup.join(BlockMarkup.prefix(p.markup()), body) : body.strip();
        if (markup.equals(p.markup())) return false;
        target.set(at, p.withText(markup, MarkupText.plain(markup)));
        changed.put(id, new TranslationRecord(TranslationStatus.DRAFT, markup, created, who, clock.instant()));
        return true;
    }

    /**
     * Confirms a row's translation: its target paragraphs become translated (approved if
     * {@code reviewer}; the bead is then confirmed too, as one undoable step). The returned confirmation
     * writes the row to the TM ({@link Confirmation#writeTo}); the desk does that at once, in the
     * background.
     *
     * @throws NotApplicable if the row has no target text
     */
    public Confirmation confirm(int bead, boolean reviewer) {
        if (status(bead) == TranslationStatus.UNTRANSLATED) {
            throw new NotApplicable("nothingToConfirm", "write the translation first");
        }
        if (beads().get(bead).source().isEmpty()) throw new NotApplicable("noSource", "this row has no source paragraph");
        if (reviewer && !beads().get(bead).isConfirmed()) editor.confirm(bead);
        Bead b = beads().get(bead);
        String who = translator.get();
        TranslationStatus st = reviewer ? TranslationStatus.APPROVED : TranslationStatus.TRANSLATED;
        for (String id : b.target()) {
            Paragraph p = state().target().paragraph(id);
            TranslationRecord old = records.get(id);
            records.put(id, new TranslationRecord(st, p.markup(), old != null && old.created(), who, clock.instant()));
        }
        fire();
        return new Confirmation(statementId(), state().source(), state().target(), b, !reviewer, who);
    }

    // ---------------------------------------------------------------- front matter

    /** The target's front matter as rows to translate: one per text key of the source, in file order. */
    public List<FrontMatterRows.Row> frontMatterRows() {
        return FrontMatterRows.rows(state().source(), state().target(), records);
    }

    /**
     * Sets a key of the target's front matter (any key: title, tags, permalink…) as one undoable step,
     * logged in the target's edit log as {@code fm:<key>} like a text correction; a text key becomes a draft.
     *
     * @return false if the value was already that
     */
    public boolean setFrontMatter(String key, String value) {
        if (key == null || key.isBlank() || value == null) throw new IllegalArgumentException("a key and a value are needed");
        ReviewState s = state();
        String before = org.diptych.export.FrontMatterKeys.scalar(s.target().frontMatter(), key);
        if (value.equals(before)) return false;
        DocumentVersion nt = FrontMatterRows.withValue(s.target(), key, value);
        List<org.diptych.review.TextEdit> log = new ArrayList<>(s.targetEdits());
        String who = translator.get();
        log.add(new org.diptych.review.TextEdit(FrontMatterDraft.ROW_PREFIX + key, before == null ? "" : before, value,
                who, clock.instant()));
        editor.applyStep("frontMatter", new ReviewState(s.alignment(), s.source(), nt, s.sourceEdits(), log));
        if (FrontMatterDraft.textKeys(s.source().frontMatter()).contains(key)) {
            records.put(FrontMatterDraft.ROW_PREFIX + key, new TranslationRecord(TranslationStatus.DRAFT, value, false, who,
                    clock.instant()));
        }
        fire();
        return true;
    }

    /**
     * Sets a key of the target's front matter to a value of any shape (a text, a list of texts, a list of
     * maps) as one undoable step, through {@link FrontMatterEdit} as {@code diptych meta} does: written back
     * in the block's own style and logged as {@code fm:<key>} (lists and maps in flow form).
     *
     * @return false if the value was already that
     * @throws org.diptych.DiptychException if the value cannot be written in the block's style
     */
    public boolean setFrontMatterValue(String key, Object value) {
        if (value instanceof String text) return setFrontMatter(key, text);
        if (key == null || key.isBlank() || value == null) throw new IllegalArgumentException("a key and a value are needed");
        ReviewState s = state();
        FrontMatterEdit.Edited e;
        try {
            e = FrontMatterEdit.apply(s.target(), key, value, translator.get(), clock.instant());
        } catch (IllegalArgumentException bad) {
            throw new org.diptych.DiptychException("front matter: " + bad.getMessage());
        }
        if (e == null) return false;
        List<org.diptych.review.TextEdit> log = new ArrayList<>(s.targetEdits());
        log.add(e.log());
        editor.applyStep("frontMatter", new ReviewState(s.alignment(), s.source(), e.version(), s.sourceEdits(), log));
        fire();
        return true;
    }

    /**
     * Confirms a front-matter row (translated, or approved if {@code reviewer}); the returned confirmation
     * puts it into the TM as a one-segment unit.
     *
     * @throws NotApplicable if the row has no value
     */
    public Confirmation confirmFrontMatter(String key, boolean reviewer) {
        FrontMatterRows.Row row = frontMatterRows().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotApplicable("noSource", "the source has no text key '" + key + "'"));
        if (row.target() == null || row.target().isBlank()) {
            throw new NotApplicable("nothingToConfirm", "write the translation first");
        }
        String who = translator.get();
        TranslationStatus st = reviewer ? TranslationStatus.APPROVED : TranslationStatus.TRANSLATED;
        records.put(row.id(), new TranslationRecord(st, row.target(), false, who, clock.instant()));
        fire();
        return FrontMatterRows.confirmation(statementId(), state().source(), state().target(), row, !reviewer, who);
    }

    // ---------------------------------------------------------------- internals

    private void fire() {
        for (Runnable r : listeners) r.run();
    }

    private static String nextId(DocumentVersion v, List<Paragraph> current) {
        return v.withParagraphs(current).nextParagraphId();
    }

    private static int indexOf(List<Paragraph> ps, String id) {
        for (int k = 0; k < ps.size(); k++) if (ps.get(k).id().equals(id)) return k;
        throw new IllegalStateException("no target paragraph " + id);
    }

    static boolean markdown(DocumentVersion v) {
        return v.format().equals("markdown") || v.format().equals("text") || v.format().equals("lines");
    }
}
