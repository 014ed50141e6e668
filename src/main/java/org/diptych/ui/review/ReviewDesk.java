package org.diptych.ui.review;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.StringConverter;

import org.diptych.DiptychException;
import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.review.Autosaver;
import org.diptych.review.BeadFilter;
import org.diptych.review.ProjectReplace;
import org.diptych.review.ReviewState;
import org.diptych.review.ReviewStats;
import org.diptych.review.ReviewStore;
import org.diptych.review.Side;
import org.diptych.ui.I18n;
import org.diptych.ui.Services;
import org.diptych.ui.UiAction;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.review.ReviewViewModel.BeadRow;
import org.diptych.ui.Dialogs;
import org.diptych.ui.TaskRunner;

/**
 * The review desk: the beads of one language pair of a statement side by side, with filters, the review
 * operations (menu, toolbar and shortcut for each, all undoable) and background re-alignment. It only
 * calls the core ({@link ReviewViewModel} over {@link org.diptych.review.AlignmentEditor}) and the
 * {@link Services#realigner() realigner}; every change is saved in the background.
 */
public final class ReviewDesk extends BorderPane {
    /** A language pair: source version on the left, target on the right. */
    public record Pair(String source, String target) {
        @Override
        public String toString() {
            return source + " → " + target;
        }
    }

    /**
     * A row of the three-language view: pivot paragraphs and those of the two other languages, and what the
     * row shows of its beads ({@link org.diptych.review.PivotRows.Row}: the engine's lowest confidence, NaN if no
     * bead of the row is the engine's unreviewed proposal; reviewed; made by hand; who confirmed).
     */
    public record PivotRow(List<Paragraph> pivot, List<Paragraph> left, List<Paragraph> right, double confidence,
                           boolean reviewed, boolean edited, List<String> reviewers) {
        /**
         * What the confidence column shows: the engine's figure while the row holds an unreviewed proposal of
         * the engine (followed by ✍ if another bead of the row was made by hand and not confirmed), else the
         * hand-made mark for a row with such a bead, else ✓ and who confirmed a reviewed row, else nothing (a
         * translation started in the desk has no engine figure).
         */
        public String mark(I18n i18n) {
            if (!Double.isNaN(confidence)) {
                return String.format(java.util.Locale.ROOT, "%.2f", confidence) + (edited ? " ✍" : "");
            }
            if (edited) return i18n.t("desk.byHand");
            if (reviewed) return reviewers.isEmpty() ? "✓" : "✓ " + String.join(", ", reviewers);
            return "";
        }
    }

    /** One pair's state for the three-language view, and which of its beads are the engine's own proposals. */
    private record PairView(ReviewState state, java.util.function.Predicate<Bead> engine) {}

    private final ToggleButton pivotToggle = new ToggleButton();
    private final TableView<PivotRow> pivotTable = new TableView<>();
    private final I18n i18n;
    private final Services services;
    private final TaskRunner tasks;
    private final UiPrefs prefs;
    private final Clock clock;
    private final Map<String, ReviewViewModel> cache;
    private final ComboBox<Pair> pairBox = new ComboBox<>();
    private final ChoiceBox<BeadFilter> filterBox = new ChoiceBox<>();
    private final Spinner<Double> thresholdSpinner = new Spinner<>();
    private final TableView<BeadRow> table = new TableView<>();
    private final Label statsLabel = new Label();
    private final Label messageLabel = new Label();
    /** Which lexicon pairs support the selected bead (issue 14: a coordinator sees why). */
    private final Label supportLabel = new Label();
    private ReviewViewModel supportVm;
    private org.diptych.align.Lexicon supportLexicon;
    private final StackPane center = new StackPane();
    private final Label placeholder = new Label();
    private final Button alignButton = new Button();
    private final Button importButton = new Button();
    /** Pairs this desk started aligning by itself, so that a cancelled alignment is not restarted. */
    private final java.util.Set<String> autoAligned = new java.util.HashSet<>();
    private final VBox emptyPane = new VBox(12, placeholder, alignButton, importButton);
    private final BooleanProperty noDesk = new SimpleBooleanProperty(true);
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final BooleanProperty noUndo = new SimpleBooleanProperty(true);
    private final BooleanProperty noRedo = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<ReviewViewModel> vmProperty = new ReadOnlyObjectWrapper<>();
    private final List<UiAction> actions = new ArrayList<>();
    private final SimpleObjectProperty<Runnable> onViewChanged = new SimpleObjectProperty<>(() -> {});
    private Project project;
    private Autosaver saver;
    private String statementId;
    private boolean syncing;
    private boolean loadingPairs;
    private int pendingTop = -1;
    private boolean installShortcuts = true;
    private int pendingTopPasses;

    /**
     * @param cache review state of the pairs opened in this session, by {@code statement|source|target};
     *              kept by the caller so that undo history survives rebuilding the desk
     */
    public ReviewDesk(I18n i18n, Services services, TaskRunner tasks, UiPrefs prefs, Clock clock,
                      Map<String, ReviewViewModel> cache) {
        this.cache = cache;
        this.i18n = i18n;
        this.services = services;
        this.tasks = tasks;
        this.prefs = prefs;
        this.clock = clock;
        getStyleClass().add("review-desk");
        setId("review-desk");
        buildActions();
        buildTable();
        setTop(buildToolbar());
        placeholder.setId("desk-placeholder");
        placeholder.setWrapText(true);
        alignButton.setId("desk-align");
        alignButton.setText(i18n.t("op.realign"));
        alignButton.setOnAction(e -> realign());
        importButton.setId("desk-import");
        importButton.setText(i18n.t("menu.import"));
        importButton.setVisible(false);
        importButton.managedProperty().bind(importButton.visibleProperty());
        emptyPane.setAlignment(Pos.CENTER);
        emptyPane.setPadding(new Insets(24));
        center.getChildren().setAll(emptyPane);
        placeholder.setText(i18n.t("desk.noStatement"));
        alignButton.setVisible(false);
        setCenter(center);
        statsLabel.setId("desk-stats");
        messageLabel.setId("desk-message");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        supportLabel.setId("desk-support");
        HBox status = new HBox(12, statsLabel, supportLabel, grow, messageLabel);
        status.getStyleClass().add("desk-status");
        status.setPadding(new Insets(3, 8, 3, 8));
        setBottom(status);
        sceneProperty().addListener((o, a, s) -> {
            if (s != null && installShortcuts) {
                for (UiAction act : actions) if (act != null) act.install(s);
            }
        });
    }

    // ---------------------------------------------------------------- public API

    /**
     * Whether the desk registers its shortcuts in the scene it is shown in (default); a window whose menu
     * bar carries the operations (and so their shortcuts) turns this off.
     */
    public void setInstallShortcuts(boolean install) {
        installShortcuts = install;
    }

    /** False while the desk is not on screen (another tab): its shortcuts then do nothing. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The operations, in menu order; {@code null} entries are separators. */
    public List<UiAction> actions() {
        return actions;
    }

    public UiAction action(String id) {
        for (UiAction a : actions) if (a != null && a.id().equals(id)) return a;
        throw new IllegalArgumentException(id);
    }

    public TableView<BeadRow> table() {
        return table;
    }

    /** The view model of the pair shown, or null. */
    public ReviewViewModel viewModel() {
        return vmProperty.get();
    }

    public ReadOnlyObjectProperty<ReviewViewModel> viewModelProperty() {
        return vmProperty.getReadOnlyProperty();
    }

    /** The filter choice of the toolbar. */
    public ChoiceBox<BeadFilter> filterBox() {
        return filterBox;
    }

    /** The pair picker of the toolbar. */
    public ComboBox<Pair> pairBox() {
        return pairBox;
    }

    public Pair pair() {
        return pairBox.getValue();
    }

    public String statementId() {
        return statementId;
    }

    /** Told when the statement, pair, filter, cursor or scroll position changed (to remember them). */
    public void setOnViewChanged(Runnable r) {
        onViewChanged.set(Objects.requireNonNull(r));
    }

    /**
     * Shows a statement of a project.
     *
     * @param preferred the pair to show if the statement has it (else one with an alignment, else the first)
     */
    public void show(Project p, Autosaver s, String statement, Pair preferred) {
        importButton.setVisible(false);
        project = p;
        saver = s;
        statementId = statement;
        List<Pair> pairs = pairs(p, statement);
        Pair pick = pairs.contains(preferred) ? preferred : null;
        if (pick == null) {
            for (Pair c : pairs) {
                if (Files.isRegularFile(p.alignmentFile(statement, c.source(), c.target()))) {
                    pick = c;
                    break;
                }
            }
        }
        if (pick == null && !pairs.isEmpty()) pick = pairs.get(0);
        loadingPairs = true;
        pairBox.getItems().setAll(pairs);
        pairBox.setValue(pick);
        loadingPairs = false;
        boolean three = p.versionLanguages(statement).size() >= 3;
        if (!three) pivotToggle.setSelected(false);
        pivotToggle.setDisable(!three);
        load(pick);
    }

    /**
     * Shows nothing, but says that the project has no statement yet and how to import one, with a button
     * that runs {@code importFiles}.
     */
    public void showEmptyProject(Runnable importFiles) {
        clear();
        placeholder.setText(i18n.t("desk.emptyProject"));
        importButton.setOnAction(e -> importFiles.run());
        importButton.setVisible(true);
    }

    /** Shows nothing (no project or no statement selected). */
    public void clear() {
        importButton.setVisible(false);
        project = null;
        statementId = null;
        loadingPairs = true;
        pairBox.getItems().clear();
        loadingPairs = false;
        setViewModel(null);
        placeholder.setText(i18n.t("desk.noStatement"));
        alignButton.setVisible(false);
    }

    /** Forgets cached review state of a statement whose versions changed (after an import). */
    public void invalidate(String statement) {
        cache.keySet().removeIf(k -> k.startsWith(statement + "|"));
    }

    /** Restores filter, cursor and the first visible bead (as remembered for the project). */
    public void restoreView(BeadFilter filter, int cursor, int topBead) {
        ReviewViewModel vm = viewModel();
        if (vm == null) return;
        vm.filterProperty().set(filter == null ? BeadFilter.ALL : filter);
        if (cursor >= 0 && cursor < vm.rows().size()) vm.cursorProperty().set(cursor);
        int top = vm.visible().getViewIndex(Math.max(0, Math.min(topBead, vm.rows().size() - 1)));
        if (top >= 0) {
            pendingTop = top;
            pendingTopPasses = 0;
            table.scrollTo(top);
            requestLayout();
        }
    }

    /** Applies a remembered scroll position once the table has laid out its rows. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (pendingTop < 0) return;
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        if (first == null) {
            // the rows are not laid out yet: try again after this pulse
            Platform.runLater(this::requestLayout);
            return;
        }
        // row heights are estimated until measured, so the position may drift once: settle it in a few passes
        if (first.getIndex() != pendingTop) flow.scrollToTop(pendingTop);
        if (++pendingTopPasses >= 3) {
            pendingTop = -1;
        } else {
            Platform.runLater(this::requestLayout);
        }
    }

    /** Index (in the whole alignment) of the first bead visible in the table, or 0. */
    public int topVisibleBead() {
        ReviewViewModel vm = viewModel();
        VirtualFlow<?> flow = flow();
        if (vm == null || flow == null) return 0;
        IndexedCell<?> c = flow.getFirstVisibleCell();
        if (c == null || c.getIndex() < 0 || c.getIndex() >= vm.visible().size()) return 0;
        return vm.visible().getSourceIndex(c.getIndex());
    }

    // ---------------------------------------------------------------- building

    private void buildActions() {
        KeyCombination.Modifier ctrl = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier shift = KeyCombination.SHIFT_DOWN;
        KeyCombination.Modifier alt = KeyCombination.ALT_DOWN;
        add("confirm", new KeyCodeCombination(KeyCode.ENTER), () -> reviewed(ReviewViewModel::confirmAndNext));
        add("confirmAbove", new KeyCodeCombination(KeyCode.ENTER, ctrl, shift), () -> reviewed(ReviewViewModel::confirmAllAbove));
        add("reject", new KeyCodeCombination(KeyCode.R, ctrl), () -> reviewed(ReviewViewModel::reject));
        actions.add(null);
        add("merge", new KeyCodeCombination(KeyCode.M, ctrl), () -> op(ReviewViewModel::mergeWithNext));
        add("split", new KeyCodeCombination(KeyCode.M, ctrl, shift), this::split);
        add("gap", new KeyCodeCombination(KeyCode.G, ctrl), () -> op(ReviewViewModel::insertGap));
        add("sourceUp", new KeyCodeCombination(KeyCode.UP, alt), () -> op(vm -> vm.shiftUp(Side.SOURCE)));
        add("sourceDown", new KeyCodeCombination(KeyCode.DOWN, alt), () -> op(vm -> vm.shiftDown(Side.SOURCE)));
        add("targetUp", new KeyCodeCombination(KeyCode.UP, alt, shift), () -> op(vm -> vm.shiftUp(Side.TARGET)));
        add("targetDown", new KeyCodeCombination(KeyCode.DOWN, alt, shift), () -> op(vm -> vm.shiftDown(Side.TARGET)));
        actions.add(null);
        // (not F2: the table consumes it for cell editing before shortcuts are seen)
        add("editSource", new KeyCodeCombination(KeyCode.E, ctrl), () -> edit(Side.SOURCE));
        add("editTarget", new KeyCodeCombination(KeyCode.E, ctrl, shift), () -> edit(Side.TARGET));
        add("note", new KeyCodeCombination(KeyCode.N, ctrl, shift), this::note);
        actions.add(null);
        add("undo", new KeyCodeCombination(KeyCode.Z, ctrl), () -> op(ReviewViewModel::undo));
        add("redo", new KeyCodeCombination(KeyCode.Z, ctrl, shift), () -> op(ReviewViewModel::redo));
        actions.add(null);
        add("nextDoubtful", new KeyCodeCombination(KeyCode.F8), () -> op(ReviewViewModel::nextDoubtful));
        add("realign", new KeyCodeCombination(KeyCode.F5), this::realign);
        add("findReplace", new KeyCodeCombination(KeyCode.H, ctrl), this::findReplace);
        var off = noDesk.or(active.not());
        for (UiAction a : actions) {
            if (a == null) continue;
            switch (a.id()) {
                case "undo" -> a.disableWhen(off.or(noUndo).or(tasks.runningProperty()).or(pivotToggle.selectedProperty()));
                case "redo" -> a.disableWhen(off.or(noRedo).or(tasks.runningProperty()).or(pivotToggle.selectedProperty()));
                case "realign" -> a.disableWhen(Bindings.createBooleanBinding(() -> pairBox.getValue() == null,
                        pairBox.valueProperty()).or(tasks.runningProperty()).or(active.not()));
                default -> a.disableWhen(off.or(tasks.runningProperty()).or(pivotToggle.selectedProperty()));
            }
        }
    }

    private void add(String id, KeyCombination key, Runnable r) {
        actions.add(new UiAction(id, i18n.t("op." + id), i18n.t("op." + id + ".short"), key, r));
    }

    private VBox buildToolbar() {
        pairBox.setId("desk-pair");
        pairBox.valueProperty().addListener((o, a, b) -> {
            if (!loadingPairs && b != null && !b.equals(a)) load(b);
        });
        filterBox.setId("desk-filter");
        filterBox.getItems().setAll(BeadFilter.values());
        filterBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(BeadFilter f) {
                return f == null ? "" : i18n.t("filter." + f.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public BeadFilter fromString(String s) {
                return null;
            }
        });
        filterBox.setValue(BeadFilter.ALL);
        filterBox.valueProperty().addListener((o, a, f) -> {
            ReviewViewModel vm = viewModel();
            if (vm != null && f != null && vm.filterProperty().get() != f) {
                vm.filterProperty().set(f);
                showCursor();
                onViewChanged.get().run();
            }
        });
        thresholdSpinner.setId("desk-threshold");
        thresholdSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1, prefs.doubtfulThreshold(), 0.05));
        thresholdSpinner.setEditable(true);
        thresholdSpinner.setPrefWidth(80);
        thresholdSpinner.valueProperty().addListener((o, a, t) -> {
            if (t == null) return;
            prefs.setDoubtfulThreshold(t);
            ReviewViewModel vm = viewModel();
            if (vm != null) {
                vm.thresholdProperty().set(t);
                table.refresh();
            }
        });
        thresholdSpinner.setTooltip(new javafx.scene.control.Tooltip(i18n.t("desk.threshold.tip")));
        pivotToggle.setId("desk-pivot");
        pivotToggle.setText(i18n.t("desk.pivot"));
        pivotToggle.setTooltip(new javafx.scene.control.Tooltip(i18n.t("desk.pivot.tip")));
        pivotToggle.setDisable(true);
        UiAction.keyboardOnlyFocus(pivotToggle);
        pivotToggle.selectedProperty().addListener((o, a, on) -> {
            if (on) showPivot();
            else center.getChildren().setAll(viewModel() == null ? emptyPane : table);
        });
        // Both bars wrap onto a further line rather than hide anything behind an overflow arrow: at 1024 px,
        // in every language, Next doubtful and Re-align (first after the pair, the most used) stay in view.
        FlowPane view = new FlowPane(6, 4);
        view.setId("desk-viewbar");
        view.getStyleClass().add("tool-bar");
        view.setPadding(new Insets(4, 6, 4, 6));
        view.setAlignment(Pos.CENTER_LEFT);
        view.getChildren().addAll(fixed(new Label(i18n.t("desk.pair"))), pairBox, pivotToggle, action("nextDoubtful").button(),
                action("realign").button(), vertical(), fixed(new Label(i18n.t("desk.filter"))), filterBox,
                fixed(new Label(i18n.t("desk.threshold"))), thresholdSpinner);
        FlowPane ops = new FlowPane(3, 4);
        ops.setId("desk-toolbar");
        ops.getStyleClass().addAll("tool-bar", "desk-ops");
        ops.setPadding(new Insets(4, 6, 4, 6));
        ops.setAlignment(Pos.CENTER_LEFT);
        for (UiAction a : actions) {
            if (a != null && List.of("nextDoubtful", "realign").contains(a.id())) continue; // in the view bar
            if (a == null) {
                ops.getChildren().add(vertical());
                continue;
            }
            javafx.scene.control.Button b = a.button();
            // compact, so that the bar takes one line at 1400 px in Russian too: the shifts are arrows after
            // the side they move ("Source ¶ ↑ ↓"), undo and redo are arrows; each tooltip names the step and its key
            switch (a.id()) {
                case "sourceUp" -> {
                    ops.getChildren().add(fixed(new Label(i18n.t("desk.shift.source"))));
                    arrow(b, "↑", a);
                }
                case "targetUp" -> {
                    ops.getChildren().add(fixed(new Label(i18n.t("desk.shift.target"))));
                    arrow(b, "↑", a);
                }
                case "sourceDown", "targetDown" -> arrow(b, "↓", a);
                case "undo" -> arrow(b, "↶", a);
                case "redo" -> arrow(b, "↷", a);
                case "findReplace" -> arrow(b, "a→b", a); // its tooltip names it and Ctrl+H
                default -> { }
            }
            ops.getChildren().add(b);
        }
        if (ops.getChildren().get(ops.getChildren().size() - 1) instanceof Separator sep) ops.getChildren().remove(sep);
        return new VBox(view, ops);
    }

    private static Label fixed(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Separator vertical() {
        Separator sep = new Separator(javafx.geometry.Orientation.VERTICAL);
        sep.setPrefHeight(20);
        return sep;
    }

    /** A button shown as an arrow; its accessible text and tooltip keep the step's name. */
    private static void arrow(javafx.scene.control.Button b, String glyph, UiAction a) {
        b.setText(glyph);
        b.setAccessibleText(a.text());
        b.getStyleClass().add("arrow-button");
    }

    private void buildTable() {
        table.setId("bead-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.t("desk.noBeads")));
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            ReviewViewModel vm = viewModel();
            if (syncing || vm == null) return;
            int v = i.intValue();
            syncing = true;
            try {
                vm.cursorProperty().set(v < 0 || v >= vm.visible().size() ? -1 : vm.visible().getSourceIndex(v));
            } finally {
                syncing = false;
            }
            showSupport(vm);
            onViewChanged.get().run();
        });
    }

    /** The lexicon pairs (glossary, confirmed beads, TM) found on both sides of the selected bead, in the status bar. */
    private void showSupport(ReviewViewModel vm) {
        if (vm != supportVm) {
            supportVm = vm;
            supportLexicon = project == null ? null
                    : org.diptych.align.ProjectLexicon.learn(project, vm.sourceLang(), vm.targetLang());
        }
        StringBuilder s = new StringBuilder(), t = new StringBuilder();
        for (Paragraph p : vm.currentParagraphs(Side.SOURCE)) s.append(p.text()).append('\n');
        for (Paragraph p : vm.currentParagraphs(Side.TARGET)) t.append(p.text()).append('\n');
        List<org.diptych.align.Lexicon.Entry> e = org.diptych.align.Lexicon.supporting(supportLexicon, vm.sourceLang(),
                vm.targetLang(), s.toString(), t.toString(), 6);
        StringBuilder out = new StringBuilder();
        for (org.diptych.align.Lexicon.Entry x : e) out.append(out.length() == 0 ? "" : ", ").append(x.source()).append(" → ").append(x.target());
        supportLabel.setText(e.isEmpty() ? "" : i18n.t("desk.support", out.toString()));
    }

    private void rebuildColumns(ReviewViewModel vm) {
        TableColumn<BeadRow, BeadRow> num = column("#", 58, vm);
        num.setCellFactory(c -> new BeadCells.NumberCell(vm));
        num.setMaxWidth(70);
        TableColumn<BeadRow, BeadRow> src = column(vm.sourceLang(), 360, vm);
        src.setId("column-source");
        src.setCellFactory(c -> BeadCells.ParagraphCell.of(Side.SOURCE, vm));
        TableColumn<BeadRow, BeadRow> tgt = column(vm.targetLang(), 360, vm);
        tgt.setId("column-target");
        tgt.setCellFactory(c -> BeadCells.ParagraphCell.of(Side.TARGET, vm));
        TableColumn<BeadRow, BeadRow> conf = column(i18n.t("desk.confidence"), 96, vm);
        conf.setCellFactory(c -> new BeadCells.ConfidenceCell(vm, i18n));
        conf.setMaxWidth(110);
        TableColumn<BeadRow, BeadRow> st = column(i18n.t("desk.status"), 96, vm);
        st.setCellFactory(c -> new BeadCells.StatusCell(i18n));
        st.setMaxWidth(130);
        table.getColumns().setAll(List.of(num, src, tgt, conf, st));
        table.setRowFactory(t -> BeadCells.row(vm));
    }

    private static TableColumn<BeadRow, BeadRow> column(String title, double width, ReviewViewModel vm) {
        TableColumn<BeadRow, BeadRow> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setReorderable(false);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        return c;
    }

    // ---------------------------------------------------------------- loading

    static List<Pair> pairs(Project p, String statement) {
        List<String> langs = new ArrayList<>(p.versionLanguages(statement));
        List<String> order = p.manifest().languages();
        langs.sort((a, b) -> {
            int ia = order.indexOf(a), ib = order.indexOf(b);
            if (ia < 0) ia = Integer.MAX_VALUE;
            if (ib < 0) ib = Integer.MAX_VALUE;
            return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
        });
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < langs.size(); i++) {
            for (int j = i + 1; j < langs.size(); j++) {
                String a = langs.get(i), b = langs.get(j);
                boolean reverse = !Files.isRegularFile(p.alignmentFile(statement, a, b))
                        && Files.isRegularFile(p.alignmentFile(statement, b, a));
                pairs.add(reverse ? new Pair(b, a) : new Pair(a, b));
            }
        }
        return pairs;
    }

    private void load(Pair pair) {
        if (pair == null) {
            setViewModel(null);
            placeholder.setText(i18n.t("desk.noPair"));
            alignButton.setVisible(false);
            onViewChanged.get().run();
            return;
        }
        String key = statementId + "|" + pair.source() + "|" + pair.target();
        ReviewViewModel vm = cache.get(key);
        if (vm == null) {
            ReviewState state;
            try {
                if (saver != null) saver.flush(); // read what other pairs of this statement changed
                state = ReviewStore.load(project, statementId, pair.source(), pair.target()).orElse(null);
            } catch (DiptychException e) {
                Dialogs.error(getScene() == null ? null : getScene().getWindow(), i18n.t("error.title"), e.getMessage());
                state = null;
            }
            if (state != null) {
                vm = new ReviewViewModel(state, project.writable() ? project : null, saver, prefs::reviewer, clock,
                        thresholdSpinner.getValue());
                cache(key, vm);
            }
        }
        setViewModel(vm);
        if (vm == null) {
            placeholder.setText(i18n.t("desk.notAligned", pair.toString()));
            alignButton.setVisible(true);
            // A pair seen for the first time is aligned at once, in the background (progress and Cancel in the
            // status bar); the button stays for a pair whose stored alignment could not be read.
            if (project.writable() && !project.alignmentFile(statementId, pair.source(), pair.target()).toFile().exists()
                    && autoAligned.add(key)) {
                realign();
            }
        }
        if (pivotToggle.isSelected()) showPivot();
        onViewChanged.get().run();
    }

    // ---------------------------------------------------------------- three-language view

    /** The rows of the three-language view pivoting on the pair's source language, or null if not available. */
    public List<PivotRow> pivotRows() {
        Pair pair = pairBox.getValue();
        if (project == null || pair == null) return null;
        String pivot = pair.source();
        String third = null;
        for (String l : project.versionLanguages(statementId)) {
            if (!l.equals(pivot) && !l.equals(pair.target())) {
                third = l;
                break;
            }
        }
        if (third == null) return null;
        PairView lp = pairState(pivot, pair.target());
        PairView rp = pairState(pivot, third);
        if (lp == null || rp == null) return null;
        ReviewState left = lp.state(), right = rp.state();
        List<org.diptych.review.PivotRows.Row> rows = org.diptych.review.PivotRows.of(left.alignment(), lp.engine(),
                right.alignment(), rp.engine());
        java.util.function.BiFunction<DocumentVersion, List<String>, List<Paragraph>> ps = (v, ids) -> {
            List<Paragraph> out = new ArrayList<>(ids.size());
            for (String id : ids) out.add(v.paragraph(id));
            return out;
        };
        Map<String, Paragraph> pv = new HashMap<>(), lv = new HashMap<>(), rv = new HashMap<>();
        left.source().paragraphs().forEach(x -> pv.put(x.id(), x));
        left.target().paragraphs().forEach(x -> lv.put(x.id(), x));
        right.target().paragraphs().forEach(x -> rv.put(x.id(), x));
        List<PivotRow> out = new ArrayList<>(rows.size());
        for (var r : rows) {
            out.add(new PivotRow(r.pivot().stream().map(pv::get).toList(), r.left().stream().map(lv::get).toList(),
                    r.right().stream().map(rv::get).toList(), r.confidence(), r.reviewed(), r.edited(), r.reviewers()));
        }
        return out;
    }

    /**
     * The review state of a pair with {@code pivot} as source: from this session if open (with its view-model's
     * rule for which beads show a confidence), else from disk (where the engine's proposals are the unreviewed
     * beads not made by hand of a pair whose target came from a file, less the rows written into empty
     * cells that the pair's translation records name).
     */
    private PairView pairState(String pivot, String other) {
        ReviewViewModel vm = cache.get(statementId + "|" + pivot + "|" + other);
        if (vm != null) return new PairView(vm.state(), vm::showsConfidence);
        ReviewViewModel back = cache.get(statementId + "|" + other + "|" + pivot);
        if (back != null) return new PairView(swap(back.state()), b -> back.showsConfidence(b.reversed()));
        if (saver != null) saver.flush();
        ReviewState s = ReviewStore.load(project, statementId, pivot, other).orElse(null);
        if (s != null) return new PairView(s, storedEngine(s, pivot, other, false));
        ReviewState r = ReviewStore.load(project, statementId, other, pivot).orElse(null);
        return r == null ? null : new PairView(swap(r), storedEngine(r, other, pivot, true));
    }

    /** Which beads of a stored pair the engine proposed (see {@link #pairState}); {@code swapped}: asked of reversed beads. */
    private java.util.function.Predicate<Bead> storedEngine(ReviewState s, String sourceLang, String targetLang,
                                                            boolean swapped) {
        if (s.target().originalFile() == null) return b -> false; // as ReviewViewModel: a target started in the desk
        java.util.Set<String> created = new java.util.HashSet<>();
        org.diptych.translate.TranslationStore.load(project, statementId, sourceLang, targetLang)
                .forEach((id, rec) -> {
                    if (rec.created()) created.add(id);
                });
        return b -> (swapped ? b.source() : b.target()).stream().noneMatch(created::contains);
    }

    private static ReviewState swap(ReviewState s) {
        return new ReviewState(org.diptych.review.PivotRows.reversed(s.alignment()), s.target(), s.source(),
                s.targetEdits(), s.sourceEdits());
    }

    private void showPivot() {
        List<PivotRow> rows;
        try {
            rows = pivotRows();
        } catch (DiptychException | IllegalArgumentException e) {
            Dialogs.error(window(), i18n.t("error.title"), e.getMessage());
            rows = null;
        }
        if (rows == null) {
            placeholder.setText(i18n.t("desk.pivotMissing"));
            alignButton.setVisible(false);
            center.getChildren().setAll(emptyPane);
            return;
        }
        Pair pair = pairBox.getValue();
        String third = project.versionLanguages(statementId).stream()
                .filter(l -> !l.equals(pair.source()) && !l.equals(pair.target())).findFirst().orElse("");
        pivotTable.setId("pivot-table");
        pivotTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PivotRow, PivotRow> p = pivotColumn(pair.source() + " ◆", PivotRow::pivot);
        TableColumn<PivotRow, PivotRow> l = pivotColumn(pair.target(), PivotRow::left);
        TableColumn<PivotRow, PivotRow> r = pivotColumn(third, PivotRow::right);
        TableColumn<PivotRow, PivotRow> c = new TableColumn<>(i18n.t("desk.confidence"));
        c.setSortable(false);
        c.setMaxWidth(110);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(PivotRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.mark(i18n));
            }
        });
        pivotTable.getColumns().setAll(List.of(p, l, r, c));
        pivotTable.getItems().setAll(rows);
        center.getChildren().setAll(pivotTable);
    }

    private static TableColumn<PivotRow, PivotRow> pivotColumn(String title,
                                                                java.util.function.Function<PivotRow, List<Paragraph>> side) {
        TableColumn<PivotRow, PivotRow> col = new TableColumn<>(title);
        col.setSortable(false);
        col.setReorderable(false);
        col.setPrefWidth(320);
        col.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(x -> new BeadCells.ParagraphCell<>(side, r -> false, true));
        return col;
    }

    /**
     * Keeps a pair's review state for the session. A text correction changes a version that other pairs
     * of the statement share: their cached state is dropped then, so that they reload the corrected text
     * instead of writing back the old one.
     */
    private void cache(String key, ReviewViewModel vm) {
        cache.put(key, vm);
        String statement = vm.state().alignment().statementId();
        vm.editor().addListener((before, after, op) -> {
            for (org.diptych.review.Side side : org.diptych.review.Side.values()) {
                if (before.version(side) == after.version(side)) continue;
                String lang = after.version(side).lang();
                cache.entrySet().removeIf(e -> e.getValue() != vm
                        && e.getValue().state().alignment().statementId().equals(statement)
                        && (e.getValue().sourceLang().equals(lang) || e.getValue().targetLang().equals(lang)));
            }
        });
    }

    private void setViewModel(ReviewViewModel vm) {
        ReviewViewModel old = viewModel();
        if (old != null) {
            old.busyProperty().unbind();
            old.cursorProperty().removeListener(cursorListener);
        }
        vmProperty.set(vm);
        noDesk.set(vm == null);
        noUndo.unbind();
        noRedo.unbind();
        statsLabel.textProperty().unbind();
        messageLabel.textProperty().unbind();
        if (vm == null) {
            noUndo.set(true);
            noRedo.set(true);
            table.setItems(javafx.collections.FXCollections.observableArrayList());
            center.getChildren().setAll(emptyPane);
            statsLabel.setText("");
            messageLabel.setText("");
            return;
        }
        vm.thresholdProperty().set(thresholdSpinner.getValue());
        vm.busyProperty().bind(tasks.runningProperty());
        noUndo.bind(vm.canUndoProperty().not());
        noRedo.bind(vm.canRedoProperty().not());
        statsLabel.textProperty().bind(Bindings.createStringBinding(() -> statsText(vm.statsProperty().get()),
                vm.statsProperty()));
        messageLabel.textProperty().bind(Bindings.createStringBinding(() -> messageText(vm.messageProperty().get()),
                vm.messageProperty()));
        filterBox.setValue(vm.filterProperty().get());
        rebuildColumns(vm);
        table.setItems(vm.visible());
        if (!pivotToggle.isSelected()) center.getChildren().setAll(table);
        vm.cursorProperty().addListener(cursorListener);
        if (vm.cursorProperty().get() < 0 && !vm.rows().isEmpty()) vm.cursorProperty().set(0);
        showCursor();
    }

    private final javafx.beans.value.ChangeListener<Number> cursorListener = (o, a, b) -> {
        if (!syncing) showCursor();
    };

    private String statsText(ReviewStats s) {
        return s == null ? "" : i18n.t("desk.stats", s.confirmed(), s.total(), s.doubtfulLeft(), s.rejected());
    }

    private String messageText(ReviewViewModel.Message m) {
        if (m == null) return "";
        Object[] args = m.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String step && i18n.has("step." + step.replace(' ', '_'))) {
                args[i] = i18n.t("step." + step.replace(' ', '_'));
            }
        }
        String t = !m.key().isEmpty() && i18n.has(m.key()) ? i18n.t(m.key(), args) : m.fallback();
        return m.error() ? "⚠ " + t : t;
    }

    /** Selects the cursor's row and scrolls it into view. */
    private void showCursor() {
        ReviewViewModel vm = viewModel();
        if (vm == null) return;
        int c = vm.cursorProperty().get();
        int v = c < 0 ? -1 : vm.visible().getViewIndex(c);
        syncing = true;
        try {
            if (v < 0) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().clearAndSelect(v);
                table.getFocusModel().focus(v);
                VirtualFlow<?> flow = flow();
                if (flow != null) flow.scrollTo(v);
                else table.scrollTo(v);
            }
        } finally {
            syncing = false;
        }
        filterBox.setValue(vm.filterProperty().get());
    }

    private VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
    }

    // ---------------------------------------------------------------- operations with dialogs or tasks

    /**
     * An operation that stores who reviewed: the reviewer's name is asked once, at the first one, and kept
     * in the preferences; cancelling the question cancels the operation.
     */
    private void reviewed(java.util.function.Consumer<ReviewViewModel> o) {
        if (viewModel() == null) return;
        if (prefs.reviewer().isBlank()) {
            var name = ReviewDialogs.reviewerName(window(), i18n);
            if (name.isEmpty()) return;
            prefs.setReviewer(name.get());
        }
        op(o);
    }

    private void op(java.util.function.Consumer<ReviewViewModel> o) {
        ReviewViewModel vm = viewModel();
        if (vm == null) return;
        o.accept(vm);
        showCursor();
        onViewChanged.get().run();
    }

    private javafx.stage.Window window() {
        Scene s = getScene();
        return s == null ? null : s.getWindow();
    }

    private void split() {
        ReviewViewModel vm = viewModel();
        if (vm == null || vm.current() == null) {
            op(m -> m.split(0, 0));
            return;
        }
        ReviewDialogs.split(window(), i18n, vm.current()).ifPresent(cut -> op(m -> m.split(cut[0], cut[1])));
    }

    private void edit(Side side) {
        ReviewViewModel vm = viewModel();
        if (vm == null) return;
        var ps = vm.currentParagraphs(side);
        if (ps.isEmpty()) {
            vm.fail(i18n.t("msg.nothingToEdit"));
            return;
        }
        String lang = side == Side.SOURCE ? vm.sourceLang() : vm.targetLang();
        ReviewDialogs.editText(window(), i18n, lang, ps).ifPresent(r -> op(m -> m.editText(side, r[0], r[1])));
    }

    /** Find and replace in the source or target version of the pair: preview, then one undoable step. */
    private void findReplace() {
        ReviewViewModel vm = viewModel();
        if (vm == null) return;
        Project p = project;
        String id = statementId;
        Runnable flush = () -> {
            if (saver != null) saver.flush();
        };
        FindReplaceDialog.show(window(), i18n, vm, p, id, flush).ifPresent(o -> {
            if (o.pairHits() != null) {
                if (!o.pairHits().isEmpty()) op(m -> m.replaceAll(o.pairHits()));
                return;
            }
            if (p == null || !p.writable()) return;
            flush.run();
            if (o.undoLast()) {
                tasks.run(i18n.t("task.undoReplaceText"), progress -> ProjectReplace.undoLast(p),
                        n -> reloadAfterReplace(p, null, "msg.replaceUndone", n + " files put back", n), null);
            } else if (!o.versionHits().isEmpty()) {
                tasks.run(i18n.t("task.replacing"), progress -> ProjectReplace.apply(p, o.versionHits(), prefs.reviewer(), clock),
                        r -> reloadAfterReplace(p, ProjectReplace.statements(r.versions()), "msg.replacedVersions",
                                r.occurrences() + " occurrences replaced in " + r.paragraphs() + " paragraphs of " + r.versions().size() + " versions",
                                r.occurrences(), r.paragraphs(), r.versions().size()), null);
            }
        });
    }

    /** After a replace across versions (or its undo): forgets what the desk cached and shows the statement again. */
    private void reloadAfterReplace(Project p, List<String> statements, String key, String fallback, Object... args) {
        if (statements == null) cache.clear();
        else statements.forEach(this::invalidate);
        if (p != project || statementId == null) return;
        int cursor = viewModel() == null ? -1 : viewModel().cursorProperty().get();
        show(p, saver, statementId, pairBox.getValue());
        ReviewViewModel fresh = viewModel();
        if (fresh != null) {
            if (cursor >= 0 && cursor < fresh.rows().size()) fresh.cursorProperty().set(cursor);
            fresh.announce(key, fallback, args);
        }
        onViewChanged.get().run();
    }

    private void note() {
        ReviewViewModel vm = viewModel();
        if (vm == null || vm.current() == null) {
            op(m -> m.setNote(null));
            return;
        }
        ReviewDialogs.note(window(), i18n, vm.current().note()).ifPresent(n -> op(m -> m.setNote(n)));
    }

    /**
     * Re-aligns the pair shown (or aligns it for the first time) in the background; confirmed beads keep
     * their place. The result replaces the alignment as one undoable step.
     */
    public void realign() {
        Pair pair = pairBox.getValue();
        if (project == null || pair == null) return;
        ReviewViewModel vm = viewModel();
        String id = statementId;
        Project p = project;
        DocumentVersion source;
        DocumentVersion target;
        Alignment previous;
        if (vm != null) {
            source = vm.state().source();
            target = vm.state().target();
            previous = vm.state().alignment();
        } else {
            try {
                source = ReviewStore.version(p, id, pair.source());
                target = ReviewStore.version(p, id, pair.target());
            } catch (DiptychException e) {
                Dialogs.error(window(), i18n.t("error.title"), e.getMessage());
                return;
            }
            previous = null;
        }
        tasks.run(i18n.t("task.aligning", id, pair.toString()),
                progress -> services.realigner().align(p, id, source, target, previous, progress),
                result -> {
                    if (vm != null) {
                        vm.applyRealignment(result);
                        showCursor();
                    } else {
                        try {
                            result.validate(source, target);
                        } catch (IllegalStateException e) {
                            Dialogs.error(window(), i18n.t("error.title"), id + ": " + e.getMessage());
                            return;
                        }
                        saver.schedule("align:" + p.alignmentFile(id, pair.source(), pair.target()),
                                () -> p.saveAlignment(result));
                        ReviewViewModel fresh = new ReviewViewModel(new ReviewState(result, source, target,
                                ReviewStore.loadEdits(p, id, pair.source()), ReviewStore.loadEdits(p, id, pair.target())),
                                p.writable() ? p : null, saver, prefs::reviewer, clock, thresholdSpinner.getValue());
                        cache(id + "|" + pair.source() + "|" + pair.target(), fresh);
                        if (id.equals(statementId) && pair.equals(pairBox.getValue())) setViewModel(fresh);
                    }
                    onViewChanged.get().run();
                }, null);
    }
}
