package org.diptych.ui.translate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.diptych.DiptychException;
import org.diptych.glossary.Glossary;
import org.diptych.glossary.GlossaryMatcher;
import org.diptych.glossary.GlossaryReader;
import org.diptych.glossary.GlossaryStore;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.project.Project;
import org.diptych.qa.QaCheck;
import org.diptych.qa.QaIssue;
import org.diptych.review.AlignmentEditor;
import org.diptych.review.Autosaver;
import org.diptych.review.NotApplicable;
import org.diptych.review.ReviewState;
import org.diptych.tm.ConcordanceHit;
import org.diptych.tm.ImportReport;
import org.diptych.tm.MarkdownCodes;
import org.diptych.translate.Confirmation;
import org.diptych.translate.TargetVersions;
import org.diptych.translate.TranslationRecord;
import org.diptych.translate.TranslationStore;
import org.diptych.translate.TranslationSession;
import org.diptych.translate.TranslationStatus;
import org.diptych.ui.I18n;
import org.diptych.ui.review.ReviewViewModel;

/**
 * The translation panel without its controls: the message line, the QA findings, the project's glossary,
 * the status filter's rows, what <em>Fill 100%</em> fills, and the background work (QA, glossary import,
 * starting a translation), all through one {@link Background}. Needs no FX thread: the panel gives it a
 * {@link Background} that runs a JavaFX {@code Task} and answers on the FX thread; tests give it one that
 * runs at once.
 */
public final class TranslateViewModel {
    /** How the view-model runs work off the caller's thread: {@code done} or {@code failed} is told after. */
    public interface Background {
        <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed);

        /** Runs {@code r} where the view-model's state is changed: the FX thread in the window, at once in tests. */
        default void post(Runnable r) {
            r.run();
        }

        /** Runs the work at once on the caller's thread (tests, and the CLI's way of thinking). */
        Background DIRECT = new Background() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
                T value;
                try {
                    value = work.call();
                } catch (Throwable e) {
                    failed.accept(e);
                    return;
                }
                done.accept(value);
            }
        };
    }

    /** A line for the panel's message label: its text, and whether it tells of a problem. */
    public record Message(String text, boolean error) {
        public String shown() {
            return error ? "⚠ " + text : text;
        }
    }

    /** What <em>Fill 100%</em> looks up: the untranslated editable rows, their source text and previous source text. */
    public record FillPlan(Map<Integer, String> text, Map<Integer, String> previous,
                           Map<Integer, MarkdownCodes.Coded> segments) {
        public int size() {
            return text.size();
        }
    }

    private final I18n i18n;
    private final Background background;
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(new Message("", false));
    private final ObservableList<QaIssue> qa = FXCollections.observableArrayList();
    private Project glossaryProject;
    private Glossary glossary = Glossary.EMPTY;
    private boolean glossaryLoaded;

    private Supplier<org.diptych.spell.Spelling> spelling = () -> null;
    private Supplier<Predicate<String>> spellAccepted = () -> w -> false;

    /**
     * Where QA finds the spell checkers ({@code null} from the supplier: spelling is off) and which words it
     * takes as written (the project's dictionary, the words ignored in the editor).
     */
    public void setSpelling(Supplier<org.diptych.spell.Spelling> checkers, Supplier<Predicate<String>> accepted) {
        spelling = Objects.requireNonNull(checkers);
        spellAccepted = Objects.requireNonNull(accepted);
    }

    public TranslateViewModel(I18n i18n, Background background) {
        this.i18n = Objects.requireNonNull(i18n);
        this.background = Objects.requireNonNull(background);
    }

    // ---------------------------------------------------------------- message line

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void say(String text, boolean error) {
        message.set(new Message(text == null ? "" : text, error));
    }

    public void clearMessage() {
        say("", false);
    }

    // ---------------------------------------------------------------- QA

    /** The findings of the last QA run of the pair shown (cleared when another pair is shown). */
    public ObservableList<QaIssue> qaIssues() {
        return qa;
    }

    /** Forgets what belongs to the pair shown before: its QA findings and its message. */
    public void pairChanged() {
        qa.clear();
        clearMessage();
    }

    /**
     * Runs QA over the session's pair in the background; the findings replace {@link #qaIssues()} and
     * {@code done} is told after (with them), a failure goes to the message line.
     */
    public void runQa(TranslationSession session, GlossaryMatcher matcher, Consumer<List<QaIssue>> done) {
        if (session == null) return;
        ReviewState s = session.state();
        say(i18n.t("tr.msg.qaRunning"), false);
        org.diptych.spell.Spelling checkers = spelling.get();
        Predicate<String> accepted = spellAccepted.get();
        background.run("qa", () -> QaCheck.run(s.alignment(), s.source(), s.target(), matcher,
                checkers == null ? null : checkers.checkerNow(s.target().lang()).orElse(null), accepted), issues -> {
            qa.setAll(issues);
            say(i18n.t("tr.msg.qaDone", issues.size()), false);
            if (done != null) done.accept(issues);
        }, err -> say(TmService.message(err), true));
    }

    // ---------------------------------------------------------------- glossary

    /**
     * The project's glossary for a pair, read once per project (a file that cannot be read gives an empty
     * glossary and says why on the message line); null without a pair.
     */
    public GlossaryMatcher matcher(Project p, String sourceLang, String targetLang) {
        if (!glossaryLoaded || p != glossaryProject) {
            glossaryProject = p;
            glossaryLoaded = true;
            try {
                glossary = p == null ? Glossary.EMPTY : GlossaryStore.load(p);
            } catch (DiptychException e) {
                glossary = Glossary.EMPTY;
                say(e.getMessage(), true);
            }
        }
        return sourceLang == null || targetLang == null ? null : new GlossaryMatcher(glossary, sourceLang, targetLang);
    }

    /** The project's glossary is read again at the next {@link #matcher} (after an import). */
    public void forgetGlossary() {
        glossaryLoaded = false;
        glossaryProject = null;
    }

    /** Forgets the project (it closes). */
    public void close() {
        dropSessions();
        closeTm();
        forgetGlossary();
        glossary = Glossary.EMPTY;
    }

    /**
     * Imports a glossary file into the project in the background; after, the glossary is read again at
     * the next {@link #matcher}, the message line says how many entries and warnings, and {@code done} is told.
     */
    public void importGlossary(Project p, Path file, Consumer<GlossaryReader.Result> done, Consumer<Throwable> failed) {
        background.run("glossary", () -> GlossaryStore.importFile(p, file), res -> {
            forgetGlossary();
            say(i18n.t("tr.msg.glossary", res.glossary().size(), res.warnings().size()), !res.warnings().isEmpty());
            if (done != null) done.accept(res);
        }, failed);
    }

    // ---------------------------------------------------------------- start a translation

    /**
     * Makes an empty {@code lang} version of a statement from its {@code src} version in the background, with
     * every source paragraph an empty target cell, and saves it with its alignment; then {@code done}.
     */
    public void startTranslation(Project p, Autosaver saver, String statement, String src, String lang,
                                 Runnable done, Consumer<Throwable> failed) {
        background.run("start", () -> {
            if (saver != null) saver.flush();
            DocumentVersion source = p.loadVersion(statement, src).orElseThrow(
                    () -> new DiptychException(p.versionDir(statement, src) + ": no " + src + " version"));
            TargetVersions.Start start = TargetVersions.start(statement, source, lang, p.manifest().sites());
            p.saveVersion(statement, start.target(), null);
            p.saveAlignment(start.alignment());
            return Boolean.TRUE;
        }, v -> {
            say(i18n.t("tr.msg.started", statement, lang), false);
            if (done != null) done.run();
        }, failed);
    }

    // ---------------------------------------------------------------- translation memory

    private final ObservableList<TmService.Suggestion> matches = FXCollections.observableArrayList();
    private final ObservableList<ConcordanceHit> concordance = FXCollections.observableArrayList();
    private TmService tm;
    private Project tmProject;
    private long lookupSeq;

    /** The TM matches of the row shown (the last lookup's answer). */
    public ObservableList<TmService.Suggestion> matches() {
        return matches;
    }

    /** The last concordance search's hits. */
    public ObservableList<ConcordanceHit> concordanceHits() {
        return concordance;
    }

    /** The project's TM, opened at the first use (and again for another project); null without a project. */
    public TmService tm(Project p) {
        if (p == null) return null;
        if (tm == null || tmProject != p) {
            if (tm != null) tm.close();
            tm = TmService.forProject(p, st -> background.post(() -> say(TmService.statusText(st, i18n), st.problem() != null)));
            tmProject = p;
        }
        return tm;
    }

    /** The TM if one is open, without opening one. */
    public TmService openTm() {
        return tm;
    }

    /** Closes the TM after its pending writes (the project closes). */
    public void closeTm() {
        if (tm != null) tm.close();
        tm = null;
        tmProject = null;
    }

    /**
     * Looks up the matches of the session's row {@code i}: {@link #matches()} is cleared now and filled with
     * the answer, unless another lookup was asked meanwhile (its answer is the one shown).
     *
     * @return completes once the answer is shown (or dropped)
     */
    public CompletableFuture<Void> lookup(Project p, int i, String sourceLang, String targetLang) {
        long seq = ++lookupSeq;
        matches.clear();
        TmService service = tm(p);
        TranslationSession ts = session;
        if (service == null || ts == null || i < 0 || i >= ts.beads().size() || ts.sourceText(i).isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> shown = new CompletableFuture<>();
        service.lookup(ts.sourceSegment(i), ts.previousSourceText(i), sourceLang, targetLang, 5, ts.markdownTarget())
                .whenComplete((list, err) -> background.post(() -> {
                    try {
                        if (seq != lookupSeq) return;
                        if (err != null) say(TmService.message(err), true);
                        else matches.setAll(list);
                    } finally {
                        shown.complete(null);
                    }
                }));
        return shown;
    }

    /** Forgets the answer of any lookup still running (the pair shown changes). */
    public void dropLookups() {
        lookupSeq++;
        matches.clear();
        concordance.clear();
    }

    /**
     * <em>Fill 100%</em>: looks up an exact match for every untranslated row on the TM thread, then has
     * {@code apply} fill those still untranslated with the same source (one undoable step; it returns how
     * many it filled) and says how many were filled and how many left.
     *
     * @return completes with the number filled (0 when the pair changed meanwhile)
     */
    public CompletableFuture<Integer> fillExact(Project p, String sourceLang, String targetLang,
                                                java.util.function.ToIntFunction<Map<Integer, String>> apply) {
        TmService service = tm(p);
        TranslationSession ts = session;
        if (service == null || ts == null) return CompletableFuture.completedFuture(0);
        FillPlan todo = fillPlan(ts);
        boolean markdown = ts.markdownTarget();
        say(i18n.t("tr.msg.filling", todo.size()), false);
        CompletableFuture<Integer> filled = new CompletableFuture<>();
        service.submit(svc -> {
            Map<Integer, String> found = new LinkedHashMap<>();
            for (int i : todo.text().keySet()) {
                String t = svc.exact(todo.segments().get(i), todo.previous().get(i), sourceLang, targetLang, markdown);
                if (t != null) found.put(i, t);
            }
            return found;
        }).whenComplete((found, err) -> background.post(() -> {
            int n = 0;
            try {
                if (err != null) {
                    say(TmService.message(err), true);
                    return;
                }
                if (session != ts) return;
                Map<Integer, String> still = stillToFill(ts, todo, found);
                n = still.isEmpty() ? 0 : apply.applyAsInt(still);
                say(i18n.t("tr.msg.filled", n, todo.size(), todo.size() - n), false);
            } finally {
                filled.complete(n);
            }
        }));
        return filled;
    }

    /** Searches the TM for units with {@code text} (stemmed) in {@code lang}; the hits replace {@link #concordanceHits()}. */
    public CompletableFuture<Void> concordance(Project p, String text, String lang) {
        TmService service = tm(p);
        if (service == null || text == null || text.isBlank() || lang == null) return CompletableFuture.completedFuture(null);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        service.concordance(text.strip(), lang, 30).whenComplete((hits, err) -> background.post(() -> {
            try {
                if (err != null) {
                    say(TmService.message(err), true);
                    concordance.clear();
                } else {
                    concordance.setAll(hits);
                }
            } finally {
                shown.complete(null);
            }
        }));
        return shown;
    }

    /**
     * Imports a TMX file into the project's TM on the TM thread and says what was imported (units added,
     * already there, skipped); {@code done} or {@code failed} is told after, where the state is changed.
     */
    public CompletableFuture<ImportReport> importTm(Project p, Path file, Consumer<ImportReport> done, Consumer<Throwable> failed) {
        TmService service = tm(p);
        if (service == null) return CompletableFuture.failedFuture(new IllegalStateException("no project"));
        say(i18n.t("tr.msg.tmImporting", file.getFileName()), false);
        CompletableFuture<ImportReport> r = service.importTmx(file);
        r.whenComplete((rep, err) -> background.post(() -> {
            if (err != null) {
                say(TmService.message(err), true);
                failed.accept(err);
                return;
            }
            say(i18n.t("tr.msg.tmImported", rep.added(), file.getFileName(), rep.duplicates(), rep.skipped()),
                    rep.warningCount() > 0);
            done.accept(rep);
        }));
        return r;
    }

    // ---------------------------------------------------------------- the row in the editor

    /** What the editor shows for a row: its target body, whether it can be edited, the list marker before it. */
    public record Row(int index, String body, boolean editable, String prefix) {}

    /** What {@link #commit} did with the editor's text. */
    public enum Commit { UNCHANGED, WRITTEN, REFUSED }

    private TranslationSession session;
    private int row = -1;
    /** What the editor was loaded with, and the row's source ids then: only the user's own typing is written. */
    private String loadedText = "";
    private List<String> loadedSource = List.of();

    /** The session of the pair shown (or null): no row is shown after. */
    public void setSession(TranslationSession s) {
        session = s;
        row = -1;
        loadedText = "";
        loadedSource = List.of();
    }

    public TranslationSession session() {
        return session;
    }

    /** The row shown in the editor, or -1. */
    public int row() {
        return row;
    }

    /** Shows row {@code i}: what the editor is to hold, or null (no such row: none is shown). */
    public Row load(int i) {
        if (session == null || i < 0 || i >= session.beads().size()) {
            row = -1;
            loadedText = "";
            loadedSource = List.of();
            return null;
        }
        row = i;
        loadedText = session.targetBody(i);
        loadedSource = session.beads().get(i).source();
        return current();
    }

    /** The row shown as it is now in the session (after a step made elsewhere), or null. */
    public Row current() {
        if (session == null || row < 0 || row >= session.beads().size()) return null;
        return new Row(row, session.targetBody(row), session.editable(row), session.prefix(row));
    }

    /** The row shown still holds the source paragraphs it was loaded with (no merge, split or undo moved it). */
    public boolean sameRow() {
        return session != null && row >= 0 && row < session.beads().size()
                && session.beads().get(row).source().equals(loadedSource);
    }

    /** The editor was brought in line with the session (the text is not the user's typing). */
    public void reloaded(String text) {
        loadedText = text;
    }

    /**
     * Writes the editor's text into the row shown as one undoable step, if the user changed it: text the
     * editor was loaded with, or left from a row a desk step moved away, is not written. A step the session
     * refuses says why on the message line.
     */
    public Commit commit(String text) {
        if (session == null || row < 0 || row >= session.beads().size() || !session.editable(row)) return Commit.UNCHANGED;
        if (text.equals(loadedText) || !sameRow()) return Commit.UNCHANGED;
        loadedText = text;
        if (text.strip().equals(session.targetBody(row).strip())) return Commit.UNCHANGED;
        writing = true;
        try {
            session.setTarget(row, text);
            clearMessage();
            return Commit.WRITTEN;
        } catch (NotApplicable e) {
            say(na(e), true);
        } catch (IllegalArgumentException | IllegalStateException e) {
            say(e.getMessage(), true);
        } finally {
            writing = false;
        }
        return Commit.REFUSED;
    }

    /** The panel's header for the row shown ("Row 3 · draft"), or the "no row" text. */
    public String header() {
        if (session == null || row < 0 || row >= session.beads().size()) return i18n.t("tr.noRow");
        TranslationStatus st = session.status(row);
        return i18n.t("tr.header", row + 1, i18n.t("tr.status." + st.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** How many rows of the pair have each status, or "" without a pair. */
    public String counts() {
        if (session == null) return "";
        Map<TranslationStatus, Integer> c = session.counts();
        return i18n.t("tr.counts", c.get(TranslationStatus.UNTRANSLATED), c.get(TranslationStatus.DRAFT),
                c.get(TranslationStatus.TRANSLATED), c.get(TranslationStatus.APPROVED));
    }

    /** The interface's text for a step that does not apply, or the core's message. */
    public String na(NotApplicable e) {
        return i18n.has("na." + e.code()) ? i18n.t("na." + e.code()) : e.getMessage();
    }

    // ---------------------------------------------------------------- rows

    /**
     * The rows the status filter lets through: those whose bead has status {@code st} now. A row is known
     * by its first source paragraph, which a translation, a merge or a split keeps, so a row being translated
     * stays in view until the filter is chosen again. Null (every row) for a null status.
     */
    public static Predicate<ReviewViewModel.BeadRow> statusFilter(TranslationSession session, TranslationStatus st) {
        if (session == null || st == null) return null;
        Set<String> firstSource = new HashSet<>();
        for (Bead b : session.beads()) {
            if (!b.source().isEmpty() && session.status(b) == st) firstSource.add(b.source().get(0));
        }
        return r -> !r.bead().source().isEmpty() && firstSource.contains(r.bead().source().get(0));
    }

    /** What <em>Fill 100%</em> looks up: every editable row not translated yet. */
    public static FillPlan fillPlan(TranslationSession ts) {
        Map<Integer, String> text = new LinkedHashMap<>();
        Map<Integer, String> previous = new LinkedHashMap<>();
        Map<Integer, MarkdownCodes.Coded> segments = new LinkedHashMap<>();
        for (int i = 0; i < ts.beads().size(); i++) {
            if (ts.editable(i) && ts.status(i) == TranslationStatus.UNTRANSLATED) {
                text.put(i, ts.sourceText(i));
                previous.put(i, ts.previousSourceText(i));
                segments.put(i, ts.sourceSegment(i));
            }
        }
        return new FillPlan(text, previous, segments);
    }

    /**
     * Of the exact matches {@code found} for a plan, those still to be filled: the row is still untranslated
     * and has the same source text as when it was looked up (the translator may have worked meanwhile).
     */
    public static Map<Integer, String> stillToFill(TranslationSession ts, FillPlan plan, Map<Integer, String> found) {
        Map<Integer, String> still = new LinkedHashMap<>();
        for (var e : found.entrySet()) {
            int i = e.getKey();
            if (i < ts.beads().size() && ts.status(i) == TranslationStatus.UNTRANSLATED
                    && ts.sourceText(i).equals(plan.text().get(i))) {
                still.put(i, e.getValue());
            }
        }
        return still;
    }

    /** The link targets of the source row the translation does not have yet: the first is what Ctrl+L links to. */
    public static String nextLinkTarget(String sourceMarkup, String translation) {
        List<String> have = new java.util.ArrayList<>(org.diptych.markdown.Markdown.linkTargets(translation));
        for (String u : org.diptych.markdown.Markdown.linkTargets(sourceMarkup)) {
            if (!have.remove(u)) return u;
        }
        return "";
    }

    // ---------------------------------------------------------------- the pair shown and the desk's cursor

    /** Where the view-model finds the open project, its background writer, the reviewer's name and the time. */
    public record Context(Supplier<Project> project, Supplier<Autosaver> saver, Supplier<String> reviewer, Clock clock) {
        public static final Context NONE = new Context(() -> null, () -> null, () -> null, Clock.systemUTC());
    }

    private Context context = Context.NONE;
    /** One session per desk model: a pair shown again keeps its records and its undo history. */
    private final Map<ReviewViewModel, TranslationSession> sessions = new WeakHashMap<>();
    private final List<Runnable> unhooks = new ArrayList<>();
    private ReviewViewModel pair;
    private GlossaryMatcher pairMatcher;
    private Runnable onStep = () -> { };
    private boolean writing;

    public void setContext(Context c) {
        context = Objects.requireNonNull(c);
    }

    /** Told (through {@link Background#post}) after a desk step made elsewhere (undo, a review operation) on the pair shown. */
    public void setOnStep(Runnable r) {
        onStep = Objects.requireNonNull(r);
    }

    /**
     * True while the view-model itself writes into the session or puts the desk's cursor back on the row
     * shown: the panel then ignores the cursor's and the session's echo of it.
     */
    public boolean writing() {
        return writing;
    }

    /** The desk's model of the pair shown, or null. */
    public ReviewViewModel pair() {
        return pair;
    }

    /** The project's glossary for the pair shown, or null. */
    public GlossaryMatcher pairMatcher() {
        return pairMatcher;
    }

    /**
     * Shows another pair (or none): what belonged to the one before (its status filter in the desk, its QA
     * findings and message, lookups still running) is dropped; its session is made at the first showing
     * (translation records read, record changes saved by the project's writer, every review step fed to the
     * TM) and kept for the next.
     *
     * @return the session of the pair now shown, or null
     */
    public TranslationSession attach(ReviewViewModel next) {
        if (pair != null) pair.rowFilterProperty().set(null); // the status filter belongs to the pair shown
        pair = next;
        setSession(null);
        pairChanged(); // a QA or import message of another pair says nothing about this one
        dropLookups();
        pairMatcher = null;
        if (next == null) return null;
        setSession(sessions.computeIfAbsent(next, this::newSession));
        pairMatcher = matcher(context.project().get(), next.sourceLang(), next.targetLang());
        return session;
    }

    /** Reads the project's glossary again for the pair shown (after an import). */
    public GlossaryMatcher reloadGlossary() {
        pairMatcher = pair == null ? null : matcher(context.project().get(), pair.sourceLang(), pair.targetLang());
        return pairMatcher;
    }

    private TranslationSession newSession(ReviewViewModel m) {
        Project p = context.project().get();
        ReviewState s = m.state();
        String id = s.alignment().statementId();
        String src = m.sourceLang();
        String tgt = m.targetLang();
        Map<String, TranslationRecord> records = Map.of();
        if (p != null) {
            try {
                Autosaver sv = context.saver().get();
                if (sv != null) sv.flush(); // records another panel of this project may still be writing
                records = TranslationStore.load(p, id, src, tgt);
            } catch (DiptychException e) {
                say(e.getMessage(), true);
            }
        }
        TranslationSession ts = new TranslationSession(m.editor(), records, () -> {
            String r = context.reviewer().get();
            return r == null || r.isBlank() ? null : r;
        }, context.clock());
        m.setTranslatorsOwn(ts::createdHere); // a row written into an empty cell shows no engine confidence
        ts.addRecordsListener(() -> {
            Project pr = context.project().get();
            Autosaver sv = context.saver().get();
            if (pr == null || sv == null || !pr.writable()) return;
            Map<String, TranslationRecord> snapshot = ts.records();
            sv.schedule("translate:" + TranslationStore.file(pr, id, src, tgt),
                    () -> TranslationStore.save(pr, id, src, tgt, snapshot));
        });
        AlignmentEditor.Listener hook = (before, after, op) -> {
            if (!writing && session == ts) background.post(onStep);
            // Every review step reaches the TM: confirmed beads as approved units, rejected ones out.
            Project pr = context.project().get();
            TmService service = pr != null && pr.writable() ? tm(pr) : null;
            if (service != null) {
                service.feed(after.alignment(), after.source(), after.target(), context.reviewer().get(),
                        msg -> background.post(() -> say(msg, true)));
            }
        };
        m.editor().addListener(hook);
        // the desk's models outlive this view-model (an interface-language switch builds a new panel): unhook
        // on close, or a closed panel would open a second TM service on the next review step
        unhooks.add(() -> m.editor().removeListener(hook));
        return ts;
    }

    /** Forgets every session and unhooks them from the desk's models (the panel closes). */
    private void dropSessions() {
        attach(null);
        sessions.clear();
        unhooks.forEach(Runnable::run);
        unhooks.clear();
    }

    /**
     * Writes the editor's text like {@link #commit(String)}; with {@code keepCursor}, the desk's cursor is put
     * back on the row shown afterwards (the step may have moved it), without the panel reloading the row.
     */
    public Commit commit(String text, boolean keepCursor) {
        Commit done = commit(text);
        if (done != Commit.UNCHANGED && keepCursor && pair != null && pair.cursorProperty().get() != row) {
            writing = true;
            try {
                pair.cursorProperty().set(row);
            } finally {
                writing = false;
            }
        }
        return done;
    }

    /** Moves the desk's cursor to row {@code i} (the panel follows it as after a click in the desk). */
    private void goTo(int i) {
        if (pair != null && i >= 0) pair.cursorProperty().set(i);
    }

    /**
     * Ctrl+Enter: writes the editor's text, confirms the row shown (a draft, or approved when {@code asReviewer}),
     * writes it to the TM (the message line says so, or why not) and goes to the next row to translate.
     *
     * @return whether the row was confirmed
     */
    public boolean confirm(String text, boolean asReviewer) {
        if (session == null || row < 0) return false;
        commit(text, true);
        int r = row;
        Confirmation c;
        try {
            c = session.confirm(r, asReviewer);
        } catch (NotApplicable e) {
            say(na(e), true);
            return false;
        }
        TmService service = tm(context.project().get());
        if (service != null) {
            service.write(c).whenComplete((v, err) -> background.post(() -> {
                if (err != null) say(TmService.message(err), true);
                else say(i18n.t(c.draft() ? "tr.msg.savedDraft" : "tr.msg.savedApproved", r + 1), false);
            }));
        }
        int next = session.nextToTranslate(r);
        if (next >= 0 && next != r) goTo(next);
        return true;
    }

    /** Ctrl+J: writes the editor's text and goes to the next row to translate, or says that none is left. */
    public void nextUntranslated(String text) {
        if (session == null) return;
        commit(text, true);
        int next = session.nextToTranslate(Math.max(row, -1));
        if (next < 0) say(i18n.t("tr.msg.allDone"), false);
        else goTo(next);
    }

    /**
     * Ctrl+1…5: writes match {@code k} of {@link #matches()} into the row shown (one undoable step) and counts
     * its use in the TM; a row with several target paragraphs is refused on the message line.
     *
     * @return the text the editor is to show now, or null when nothing was inserted
     */
    public String insertMatch(int k) {
        if (k < 0 || k >= matches.size() || session == null || row < 0) return null;
        TmService.Suggestion s = matches.get(k);
        if (!session.editable(row)) {
            say(i18n.t("na.severalTargets"), true);
            return null;
        }
        commit(s.target(), true);
        if (s.match() != null && tm != null) tm.recordUse(s.match().unit().id());
        return s.target();
    }

    /** Ctrl+Shift+I: writes the source's text into the row shown; returns what the editor is to show, or null. */
    public String copySource() {
        if (session == null || row < 0 || !session.editable(row)) return null;
        String body = session.sourceBody(row);
        commit(body, true);
        return body;
    }

    /** Looks up the matches of row {@code i} of the pair shown. */
    public CompletableFuture<Void> lookup(int i) {
        if (pair == null) {
            matches.clear();
            return CompletableFuture.completedFuture(null);
        }
        return lookup(context.project().get(), i, pair.sourceLang(), pair.targetLang());
    }

    /**
     * <em>Fill 100%</em> on the pair shown, after the editor's text is written: the rows still untranslated
     * with the same source get their exact match as one undoable step, then the panel is told to refresh.
     */
    public CompletableFuture<Integer> fillExact(String text) {
        Project p = context.project().get();
        if (session == null || pair == null || tm(p) == null) return CompletableFuture.completedFuture(0);
        commit(text, true);
        TranslationSession ts = session;
        return fillExact(p, pair.sourceLang(), pair.targetLang(), still -> {
            int n;
            writing = true;
            try {
                n = ts.fill(still, "fill matches");
            } finally {
                writing = false;
            }
            onStep.run();
            return n;
        });
    }

    /** Runs QA over the pair shown (after the editor's text is written). */
    public void runQa(String text, Consumer<List<QaIssue>> done) {
        if (session == null) return;
        commit(text, true);
        runQa(session, pairMatcher, done);
    }

    /** Goes to the row of a QA finding; false when it names no row of the pair shown. */
    public boolean jump(QaIssue issue) {
        if (issue == null || pair == null || issue.bead() < 0 || issue.bead() >= pair.rows().size()) return false;
        goTo(issue.bead());
        return true;
    }

    /**
     * The status filter: the desk shows only the rows with status {@code value} now (a {@link TranslationStatus}
     * name), or every row for "all", null, or while the panel is not {@code shown}.
     */
    public void applyStatusFilter(String value, boolean shown) {
        if (pair == null) return;
        if (!shown || session == null || value == null || value.equals("all")) {
            pair.rowFilterProperty().set(null);
            return;
        }
        pair.rowFilterProperty().set(statusFilter(session, TranslationStatus.valueOf(value)));
    }
}
