package org.diptych.ui.translate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import org.diptych.glossary.GlossaryReader;
import org.diptych.glossary.TermHit;
import org.diptych.project.Project;
import org.diptych.qa.QaIssue;
import org.diptych.spell.ProjectSpelling;
import org.diptych.spell.Spelling;
import org.diptych.review.Autosaver;
import org.diptych.review.NotApplicable;
import org.diptych.tm.ConcordanceHit;
import org.diptych.tm.Provenance;
import org.diptych.tm.TmVariant;
import org.diptych.tm.WordDiff;
import org.diptych.translate.TranslationSession;
import org.diptych.translate.TranslationStatus;
import org.diptych.ui.I18n;
import org.diptych.ui.UiAction;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.review.ReviewDesk;
import org.diptych.ui.review.ReviewViewModel;
import org.diptych.ui.Dialogs;

/**
 * Translating in the review desk: under the desk's side-by-side rows, the selected row's source (glossary
 * terms highlighted with their translations) and an editor for its target, beside the TM matches (word
 * differences, provenance; Ctrl+1…5 inserts one), glossary hits, concordance and QA. Every change of text
 * is one of the desk's undoable steps ({@link TranslationSession} over the desk's editor) and is saved in
 * the background; TM lookups and writes run on the {@link TmService} thread; QA runs in the background.
 */
public final class TranslatePanel extends BorderPane {
    static final String REVIEWER_PREF = "translate.reviewer";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    private final I18n i18n;
    private final ReviewDesk desk;
    private final UiPrefs prefs;
    private final Clock clock;
    private final Supplier<Project> project;
    private final Supplier<Autosaver> saver;
    private final List<UiAction> actions = new ArrayList<>();
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final BooleanProperty noRow = new SimpleBooleanProperty(true);
    private final SplitPane wrapper = new SplitPane();
    private final FrontMatterPane frontMatter;

    private final Label header = new Label();
    private final Label counts = new Label();
    private final Label message = new Label();
    private final CheckBox reviewerBox = new CheckBox();
    /** Which rows the desk shows while the panel is open: every row ("all") or those of one status (its name). */
    private final ChoiceBox<String> statusFilter = new ChoiceBox<>();
    private final TextFlow sourceFlow = new TextFlow();
    private final Label prefixLabel = new Label();
    private final TranslationEditor editor = new TranslationEditor();
    private final EditorSpelling spell;
    private final ListView<TmService.Suggestion> matches = new ListView<>();
    private final ListView<TermHit> terms = new ListView<>();
    private final TextField concordanceField = new TextField();
    private final ChoiceBox<String> concordanceLang = new ChoiceBox<>();
    private final ListView<ConcordanceHit> concordance = new ListView<>();
    private final ListView<QaIssue> qa = new ListView<>();
    private final TabPane tabs = new TabPane();
    private final Tab matchesTab;
    private final Tab termsTab;
    private final Tab concordanceTab;
    private final Tab qaTab;
    private final PauseTransition idle = new PauseTransition(Duration.millis(1500));

    private Runnable onVersionsChanged = () -> { };
    private org.diptych.ui.FileChoosers choosers = org.diptych.ui.FileChoosers.system();
    private final TranslateViewModel model;
    private ReviewViewModel vm;
    /** The editor is being loaded with a row's text (not the translator's typing). */
    private boolean loading;

    private final ChangeListener<Number> cursorListener = (o, a, b) -> {
        if (echo()) return;
        commit(false);
        showRow(b.intValue());
    };

    /** The view-model itself moved the cursor or wrote into the session: nothing to reload. */
    private boolean echo() {
        return model.writing();
    }

    /**
     * @param project the open project (or null)
     * @param saver   the project's background writer (or null)
     */
    public TranslatePanel(I18n i18n, ReviewDesk desk, UiPrefs prefs, Clock clock, Supplier<Project> project,
                          Supplier<Autosaver> saver) {
        this.i18n = i18n;
        this.desk = desk;
        this.prefs = prefs;
        this.clock = clock;
        this.project = project;
        this.saver = saver;
        // the front matter's TM matches are looked up once the panel is on screen: a start (the desk opening its
        // statement with the panel closed) does not open the TM
        this.frontMatter = new FrontMatterPane(i18n, () -> shown.get() ? tm() : null);
        this.model = new TranslateViewModel(i18n, new FxBackground());
        model.setContext(new TranslateViewModel.Context(project, saver, prefs::reviewer, clock));
        model.setOnStep(this::refresh);
        spell = new EditorSpelling(editor, i18n, Spelling.shared(), text -> model.say(text, false));
        spell.setEnabled(prefs.spellCheck());
        model.setSpelling(() -> spell.enabled() ? spell.checkers() : null, spell::accepted);
        setId("translate-panel");
        matchesTab = tab("tr.tab.matches", matches);
        termsTab = tab("tr.tab.glossary", terms);
        concordanceTab = tab("tr.tab.concordance", buildConcordance());
        qaTab = tab("tr.tab.qa", qa);
        buildActions();
        build();
        wrapper.setOrientation(Orientation.VERTICAL);
        wrapper.setId("translate-split");
        wrapper.getItems().setAll(desk);
        shown.addListener((o, a, on) -> {
            if (on && !wrapper.getItems().contains(this)) {
                wrapper.getItems().add(this);
                wrapper.setDividerPositions(0.5);
                if (wrapper.getScene() != null) {
                    wrapper.applyCss(); // the split pane puts the panel in the scene graph now, so it can take focus
                    wrapper.layout();
                }
                if (vm != null) {
                    frontMatter.setSession(model.session()); // now with its TM matches
                    showRow(vm.cursorProperty().get());
                }
            } else if (!on) {
                commit(true);
                wrapper.getItems().remove(this);
            }
            applyStatusFilter(); // the desk shows every row while the panel is closed
            spell.setShown(on); // LanguageTool is loaded when the panel first shows a row, not with the desk
        });
        desk.viewModelProperty().addListener((o, a, b) -> attach(b));
        idle.setOnFinished(e -> commit(true));
    }

    // ---------------------------------------------------------------- public API

    /** The desk with this panel under it (when shown): what the review tab shows. */
    public Node wrap() {
        return wrapper;
    }

    /** The operations of the Translate menu; {@code null} entries are separators. */
    public List<UiAction> actions() {
        return actions;
    }

    public UiAction action(String id) {
        for (UiAction a : actions) if (a != null && a.id().equals(id)) return a;
        throw new IllegalArgumentException(id);
    }

    /** False while the desk is not on screen: the panel's shortcuts then do nothing. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Told after a new language version was made (the window's tree then shows it). */
    public void setOnVersionsChanged(Runnable r) {
        onVersionsChanged = Objects.requireNonNull(r);
    }

    /** Sets how the panel asks for files (glossary, TMX); the platform's dialogs by default. */
    public void setFileChoosers(org.diptych.ui.FileChoosers c) {
        choosers = Objects.requireNonNull(c);
    }

    public TranslationEditor editor() {
        return editor;
    }

    /** The editor's spell checking (its right-click menu). */
    EditorSpelling spelling() {
        return spell;
    }

    /** The spell-checking preference changed: the editor and QA follow it. */
    public void spellingChanged() {
        spell.setEnabled(prefs.spellCheck());
    }

    public ListView<TmService.Suggestion> matches() {
        return matches;
    }

    public ListView<QaIssue> qaList() {
        return qa;
    }

    public ListView<TermHit> glossaryHits() {
        return terms;
    }

    public ListView<ConcordanceHit> concordanceHits() {
        return concordance;
    }

    /** The model.session() of the pair shown, or null. */
    public TranslationSession session() {
        return model.session();
    }

    /** The row shown in the editor, or -1. */
    public int row() {
        return model.row();
    }

    /** Whether the panel has opened (or is opening) the project's TM. */
    boolean tmOpened() {
        return model.openTm() != null;
    }

    /** Waits for the TM's pending work (lookups, writes). */
    public void flush() {
        if (model.openTm() != null) model.openTm().flush();
    }

    /** The project's team TM settings changed (Preferences): the TM opens its team TM again. */
    public void teamChanged() {
        if (model.openTm() != null) model.openTm().reopenTeam();
    }

    /** Writes what the editor holds, and closes the TM after its pending writes (the project closes). */
    public void close() {
        commit(false);
        idle.stop();
        attach(null);
        model.close(); // the sessions unhooked from the desk's models, the TM after its pending writes
    }

    // ---------------------------------------------------------------- building

    private Tab tab(String key, Node content) {
        Tab t = new Tab(i18n.t(key), content);
        t.setClosable(false);
        t.setId(key.replace('.', '-'));
        return t;
    }

    private void build() {
        header.setId("tr-header");
        header.setStyle("-fx-font-weight: bold;");
        counts.setId("tr-counts");
        message.setId("tr-message");
        reviewerBox.setId("tr-reviewer");
        reviewerBox.setText(i18n.t("tr.reviewer"));
        reviewerBox.setSelected(prefs.node().getBoolean(REVIEWER_PREF, false));
        reviewerBox.setFocusTraversable(false);
        reviewerBox.selectedProperty().addListener((o, a, b) -> prefs.node().putBoolean(REVIEWER_PREF, b));
        statusFilter.setId("tr-status-filter");
        statusFilter.getItems().add("all");
        for (TranslationStatus st : TranslationStatus.values()) statusFilter.getItems().add(st.name());
        statusFilter.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : v.equals("all") ? i18n.t("tr.filter.all")
                        : i18n.t("tr.status." + v.toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public String fromString(String v) {
                return null;
            }
        });
        statusFilter.setValue("all");
        statusFilter.setTooltip(new javafx.scene.control.Tooltip(i18n.t("tr.filter.tip")));
        statusFilter.valueProperty().addListener((o, a, b) -> applyStatusFilter());
        Label filterLabel = new Label(i18n.t("tr.filter"));
        filterLabel.setLabelFor(statusFilter);
        filterLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // the buttons wrap onto a second line rather than shrink to "…" in a narrow window
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(4, 4);
        buttons.setId("tr-toolbar");
        for (String id : List.of("confirmTranslation", "nextUntranslated", "copySource", "fillExact", "concordance", "qa",
                "importGlossary", "importTm", "startTranslation")) {
            javafx.scene.control.Button b = action(id).button();
            if (i18n.has("op." + id + ".tip")) {
                // what the button does and what it leaves, beyond its name
                b.getTooltip().setText(i18n.t("op." + id + ".tip") + " (" + action(id).shortcut().getDisplayText() + ")");
                b.getTooltip().setWrapText(true);
                b.getTooltip().setMaxWidth(420);
            }
            buttons.getChildren().add(b);
        }
        header.setMinWidth(Region.USE_PREF_SIZE);
        counts.setMinWidth(Region.USE_PREF_SIZE);
        reviewerBox.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, header, counts, grow, filterLabel, statusFilter, reviewerBox);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 8, 4, 8));

        sourceFlow.setId("tr-source");
        sourceFlow.setPadding(new Insets(6));
        sourceFlow.setStyle("-fx-background-color: #f7f7f4;");
        javafx.scene.control.ScrollPane sourceScroll = new javafx.scene.control.ScrollPane(sourceFlow);
        sourceScroll.setFitToWidth(true);
        sourceScroll.setPrefViewportHeight(90);
        prefixLabel.setId("tr-prefix");
        prefixLabel.setStyle("-fx-text-fill: #777; -fx-font-family: monospace;");
        editor.setId("tr-editor");
        editor.setWrapText(true);
        editor.setPrefRowCount(4);
        editor.textProperty().addListener((o, a, b) -> {
            if (!loading) idle.playFromStart();
        });
        editor.focusedProperty().addListener((o, a, f) -> {
            if (!f) commit(true);
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::editorKey);
        HBox editRow = new HBox(4, prefixLabel, editor);
        HBox.setHgrow(editor, Priority.ALWAYS);
        VBox left = new VBox(4, new Label(i18n.t("tr.source")), sourceScroll, new Label(i18n.t("tr.target")), editRow);
        VBox.setVgrow(editRow, Priority.ALWAYS);
        left.setPadding(new Insets(4, 8, 4, 8));

        matches.setId("tr-matches");
        matches.setItems(model.matches());
        model.matches().addListener((javafx.collections.ListChangeListener<TmService.Suggestion>) c -> matchesTab.setText(
                i18n.t("tr.tab.matches") + (model.matches().isEmpty() ? "" : " (" + model.matches().size() + ")")));
        matches.setCellFactory(l -> new MatchCell());
        matches.setPlaceholder(new Label(i18n.t("tr.noMatches")));
        matches.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) insertMatch(matches.getSelectionModel().getSelectedIndex());
        });
        terms.setId("tr-terms");
        terms.setPlaceholder(new Label(i18n.t("tr.noTerms")));
        terms.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TermHit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.text() + " → " + String.join(" / ", h.translations())
                        + (h.entry().note() == null ? "" : "  (" + h.entry().note() + ")"));
            }
        });
        terms.setOnMouseClicked(e -> {
            TermHit h = terms.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && h != null && !h.translations().isEmpty()) {
                editor.replaceSelection(h.translations().get(0));
                editor.requestFocus();
            }
        });
        qa.setId("tr-qa");
        qa.setItems(model.qaIssues());
        qa.setPlaceholder(new Label(i18n.t("tr.qa.none")));
        qa.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(QaIssue q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : i18n.t("tr.qa.row", q.bead() + 1) + "  " + qaText(q));
            }
        });
        qa.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                jump(qa.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        qa.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) jump(qa.getSelectionModel().getSelectedItem());
        });
        tabs.setId("tr-tabs");
        tabs.getTabs().setAll(matchesTab, termsTab, concordanceTab, qaTab);
        SplitPane body = new SplitPane(left, tabs);
        body.setDividerPositions(0.55);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(0, 8, 4, 8));
        message.setWrapText(true);
        message.setPadding(new Insets(0, 8, 4, 8));
        message.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.messageProperty().get().shown(), model.messageProperty()));
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        setTop(new VBox(top, buttons, message, frontMatter));
        setCenter(body);
    }

    private Node buildConcordance() {
        concordanceField.setId("tr-concordance-field");
        concordanceField.setPromptText(i18n.t("tr.concordance.prompt"));
        concordanceField.setOnAction(e -> runConcordance(concordanceField.getText(), concordanceLang.getValue()));
        concordanceLang.setId("tr-concordance-lang");
        concordance.setId("tr-concordance");
        concordance.setItems(model.concordanceHits());
        model.concordanceHits().addListener((javafx.collections.ListChangeListener<ConcordanceHit>) c -> concordanceTab.setText(
                i18n.t("tr.tab.concordance") + (model.concordanceHits().isEmpty() ? "" : " (" + model.concordanceHits().size() + ")")));
        concordance.setPlaceholder(new Label(i18n.t("tr.concordance.none")));
        concordance.setCellFactory(l -> new ConcordanceCell());
        HBox row = new HBox(4, concordanceField, concordanceLang);
        HBox.setHgrow(concordanceField, Priority.ALWAYS);
        VBox box = new VBox(4, row, concordance);
        VBox.setVgrow(concordance, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }

    private void buildActions() {
        KeyCombination.Modifier ctrl = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier shift = KeyCombination.SHIFT_DOWN;
        add("translate", new KeyCodeCombination(KeyCode.T, ctrl), this::focusEditor);
        add("togglePanel", new KeyCodeCombination(KeyCode.T, ctrl, shift), () -> shown.set(!shown.get()));
        add("confirmTranslation", new KeyCodeCombination(KeyCode.ENTER, ctrl), this::confirm);
        add("nextUntranslated", new KeyCodeCombination(KeyCode.J, ctrl), this::nextUntranslated);
        actions.add(null);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        for (int k = 0; k < digits.length; k++) {
            int index = k;
            actions.add(new UiAction("insertMatch" + (k + 1), i18n.t("op.insertMatch", k + 1), String.valueOf(k + 1),
                    new KeyCodeCombination(digits[k], ctrl), () -> insertMatch(index)));
        }
        add("copySource", new KeyCodeCombination(KeyCode.I, ctrl, shift), this::copySource);
        add("fillExact", new KeyCodeCombination(KeyCode.F, ctrl, shift), this::fillExact);
        add("concordance", new KeyCodeCombination(KeyCode.K, ctrl), this::concordanceFromSelection);
        actions.add(null);
        add("bold", new KeyCodeCombination(KeyCode.B, ctrl), () -> wrapSelection("**", "**"));
        add("link", new KeyCodeCombination(KeyCode.L, ctrl), this::link);
        actions.add(null);
        add("qa", new KeyCodeCombination(KeyCode.F9), this::runQa);
        add("importGlossary", new KeyCodeCombination(KeyCode.G, ctrl, shift), this::importGlossary);
        add("importTm", null, this::importTm);
        add("startTranslation", new KeyCodeCombination(KeyCode.T, ctrl, KeyCombination.ALT_DOWN), this::startTranslation);
        BooleanBinding off = active.not().or(noRow);
        BooleanBinding noProject = active.not();
        for (UiAction a : actions) {
            if (a == null) continue;
            switch (a.id()) {
                case "togglePanel", "importGlossary", "importTm", "startTranslation" -> a.disableWhen(noProject);
                default -> a.disableWhen(off);
            }
        }
    }

    private void add(String id, KeyCombination key, Runnable r) {
        actions.add(new UiAction(id, i18n.t("op." + id), i18n.t("op." + id + ".short"), key, r));
    }

    /** Keys typed in the editor: Enter keeps the paragraph one block; Escape goes back to the rows. */
    private void editorKey(KeyEvent e) {
        if (e.getCode() == KeyCode.TAB && !e.isAltDown() && !e.isMetaDown()) {
            // Tab and Shift+Tab go on to the scene, which moves the focus as everywhere else; Ctrl+Tab types a tab
            if (e.isControlDown()) {
                e.consume();
                if (editor.isEditable()) editor.replaceSelection("\t");
            }
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown()) {
            e.consume(); // a paragraph is one block: no line breaks (Ctrl+Enter confirms)
        } else if (e.getCode() == KeyCode.ESCAPE) {
            commit(true);
            desk.table().requestFocus();
            e.consume();
        } else {
            for (UiAction a : actions) {
                if (a != null && a.shortcut() != null && a.shortcut().match(e)) {
                    a.fire();
                    e.consume();
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- sessions and rows

    private void attach(ReviewViewModel next) {
        if (vm != null) {
            commit(false);
            vm.cursorProperty().removeListener(cursorListener);
        }
        vm = next;
        model.attach(next);
        for (Tab t : List.of(matchesTab, termsTab, concordanceTab, qaTab)) t.setText(i18n.t(t.getId().replace('-', '.')));
        if (vm == null) {
            frontMatter.setSession(null);
            spell.setLanguage(null);
            noRow.set(true);
            loading = true;
            editor.setText("");
            loading = false;
            sourceFlow.getChildren().clear();
            terms.getItems().clear();
            header.setText(i18n.t("tr.noRow"));
            counts.setText("");
            return;
        }
        frontMatter.setSession(model.session());
        spell.setLanguage(spelling(vm.targetLang(), vm.state().target()));
        concordanceLang.getItems().setAll(vm.sourceLang(), vm.targetLang());
        concordanceLang.setValue(vm.sourceLang());
        vm.cursorProperty().addListener(cursorListener);
        applyStatusFilter();
        showRow(vm.cursorProperty().get());
    }

    /**
     * The project's spelling of the target language: its locale (the site profile's, pt_BR), dictionary and
     * ignores (an unreadable file is said on the message line; nothing is kept then).
     */
    private ProjectSpelling spelling(String lang, org.diptych.model.DocumentVersion target) {
        Project p = project.get();
        org.diptych.model.FrontMatter fm = target == null ? null : target.frontMatter();
        if (p == null) return ProjectSpelling.none(lang, ProjectSpelling.locale(null, lang, fm));
        try {
            return ProjectSpelling.load(p, lang, fm);
        } catch (org.diptych.DiptychException e) {
            model.say(e.getMessage(), true);
            return ProjectSpelling.none(lang, ProjectSpelling.locale(p.manifest().sites(), lang, fm));
        }
    }

    /** The status filter: which rows the desk shows (the choice of the panel's filter box, e.g. "UNTRANSLATED"). */
    public ChoiceBox<String> statusFilter() {
        return statusFilter;
    }

    /**
     * Shows in the desk only the rows that have the chosen status now (while the panel is open). The rows
     * are taken when the filter is chosen: a row being translated stays in view until the filter is
     * chosen again, so it never vanishes under the translator's cursor.
     */
    private void applyStatusFilter() {
        model.applyStatusFilter(statusFilter.getValue(), shown.get());
    }

    private TmService tm() {
        return model.tm(project.get());
    }

    /** Shows row {@code i} (the desk's cursor) in the editor and looks up its matches. */
    private void showRow(int i) {
        idle.stop();
        TranslateViewModel.Row row = model.load(i);
        if (row == null) {
            noRow.set(true);
            loading = true;
            editor.setText("");
            loading = false;
            sourceFlow.getChildren().clear();
            header.setText(i18n.t("tr.noRow"));
            return;
        }
        noRow.set(false);
        loading = true;
        try {
            editor.setText(row.body());
            editor.positionCaret(editor.getLength());
        } finally {
            loading = false;
        }
        model.reloaded(editor.getText()); // as the control holds it
        editor.setEditable(row.editable());
        prefixLabel.setText(row.prefix());
        fillSource(i);
        updateHeader();
        if (shown.get()) lookup(i); // a hidden panel does no TM work
    }

    /** Brings the panel in line after a step made elsewhere (undo, redo, a review operation). */
    private void refresh() {
        if (model.session() == null || vm == null) return;
        int c = vm.cursorProperty().get();
        if (c != model.row()) {
            showRow(c);
            return;
        }
        TranslateViewModel.Row row = model.current();
        if (row == null) return;
        if (!model.sameRow()) {
            showRow(row.index()); // another row is at this place now (merge, split, undo…)
            return;
        }
        String body = row.body();
        if (!body.equals(editor.getText())) {
            loading = true;
            try {
                editor.setText(body);
                editor.positionCaret(editor.getLength());
            } finally {
                loading = false;
            }
        }
        model.reloaded(editor.getText());
        editor.setEditable(row.editable());
        prefixLabel.setText(row.prefix());
        updateHeader();
    }

    private void updateHeader() {
        if (model.session() == null || model.row() < 0) return;
        header.setText(model.header());
        counts.setText(model.counts());
    }

    private void fillSource(int i) {
        String text = model.session().sourceText(i);
        List<Node> nodes = new ArrayList<>();
        List<TermHit> hits = model.pairMatcher() == null ? List.of() : model.pairMatcher().find(text);
        int last = 0;
        for (TermHit h : hits) {
            if (h.start() > last) nodes.add(new Text(text.substring(last, h.start())));
            Text t = new Text(h.text());
            t.getStyleClass().add("term-hit");
            t.setStyle("-fx-fill: #0b5394; -fx-underline: true; -fx-font-weight: bold;");
            Text tr = new Text(" ⟨" + String.join(" / ", h.translations()) + "⟩");
            tr.getStyleClass().add("term-translation");
            tr.setStyle("-fx-fill: #6a8f3a; -fx-font-size: 0.9em;");
            nodes.add(t);
            nodes.add(tr);
            last = h.end();
        }
        if (last < text.length()) nodes.add(new Text(text.substring(last)));
        sourceFlow.getChildren().setAll(nodes);
        terms.getItems().setAll(hits);
        termsTab.setText(i18n.t("tr.tab.glossary") + (hits.isEmpty() ? "" : " (" + hits.size() + ")"));
    }

    private void lookup(int i) {
        model.lookup(i);
    }

    // ---------------------------------------------------------------- operations

    /**
     * Writes the editor's text into the row shown as one undoable step, if it changed.
     *
     * @param keepCursor put the desk's cursor back on the row afterwards
     */
    private void commit(boolean keepCursor) {
        idle.stop();
        // writes only what was typed into this very row (not text left from a row a desk step moved away)
        if (model.commit(editor.getText(), keepCursor) != TranslateViewModel.Commit.UNCHANGED) updateHeader();
    }

    private void focusEditor() {
        boolean wasShown = shown.get();
        shown.set(true);
        if (vm != null && model.row() != vm.cursorProperty().get()) showRow(vm.cursorProperty().get());
        editor.requestFocus();
        // a panel just added to the split pane is laid out on the next pulse: ask again then
        if (!wasShown) Platform.runLater(editor::requestFocus);
    }

    private void confirm() {
        idle.stop();
        if (model.confirm(editor.getText(), reviewerBox.isSelected())) updateHeader();
        editor.requestFocus();
    }

    private void nextUntranslated() {
        idle.stop();
        model.nextUntranslated(editor.getText());
    }

    private void insertMatch(int k) {
        show(model.insertMatch(k));
    }

    private void copySource() {
        show(model.copySource());
    }

    /** Shows what the view-model just wrote into the row (a match, the source): not the translator's typing. */
    private void show(String written) {
        if (written == null) return;
        idle.stop();
        loading = true;
        try {
            editor.setText(written);
            editor.positionCaret(editor.getLength());
        } finally {
            loading = false;
        }
        model.reloaded(editor.getText());
        updateHeader();
        editor.requestFocus();
    }

    private void fillExact() {
        idle.stop();
        model.fillExact(editor.getText());
    }

    private void concordanceFromSelection() {
        shown.set(true);
        tabs.getSelectionModel().select(concordanceTab);
        String sel = editor.getSelectedText();
        if (vm != null && sel != null && !sel.isBlank()) {
            concordanceField.setText(sel.strip());
            concordanceLang.setValue(vm.targetLang());
            runConcordance(sel.strip(), vm.targetLang());
        } else {
            concordanceField.requestFocus();
            concordanceField.selectAll();
        }
    }

    private void runConcordance(String text, String lang) {
        model.concordance(project.get(), text, lang);
    }

    private void wrapSelection(String open, String close) {
        if (!editor.isEditable()) return;
        String sel = editor.getSelectedText();
        int start = editor.getSelection().getStart();
        editor.replaceSelection(open + sel + close);
        if (sel.isEmpty()) editor.positionCaret(start + open.length());
        editor.requestFocus();
    }

    /** Wraps the selection in a link to the next source link target the translation does not have yet. */
    private void link() {
        if (model.session() == null || model.row() < 0 || !editor.isEditable()) return;
        String url = TranslateViewModel.nextLinkTarget(model.session().sourceMarkup(model.row()), editor.getText());
        String sel = editor.getSelectedText();
        int start = editor.getSelection().getStart();
        editor.replaceSelection("[" + sel + "](" + url + ")");
        if (sel.isEmpty()) editor.positionCaret(start + 1);
        editor.requestFocus();
    }

    private void runQa() {
        if (model.session() == null) return;
        idle.stop();
        shown.set(true);
        model.runQa(editor.getText(), issues -> {
            qaTab.setText(i18n.t("tr.tab.qa") + " (" + issues.size() + ")");
            tabs.getSelectionModel().select(qaTab);
            if (!issues.isEmpty()) {
                qa.getSelectionModel().select(0);
                qa.requestFocus();
            }
        });
    }

    private void jump(QaIssue issue) {
        if (model.jump(issue)) editor.requestFocus();
    }

    private void importGlossary() {
        Project p = project.get();
        if (p == null) return;
        List<Path> f = choosers.open(getScene() == null ? null : getScene().getWindow(), i18n.t("tr.glossary.choose"),
                List.of(new FileChooser.ExtensionFilter(i18n.t("tr.glossary.files"),
                        "*.csv", "*.tsv", "*.tab", "*.txt", "*.tbx", "*.xml")), false);
        if (!f.isEmpty()) importGlossary(f.get(0));
    }

    private void importTm() {
        if (project.get() == null) return;
        List<Path> f = choosers.open(getScene() == null ? null : getScene().getWindow(), i18n.t("tr.tm.choose"),
                List.of(new FileChooser.ExtensionFilter(i18n.t("tr.tm.files"), "*.tmx", "*.xml")), false);
        if (!f.isEmpty()) importTm(f.get(0));
    }

    /**
     * Imports a TMX file into the project's TM on the TM thread; the panel is shown, says what was imported
     * (units added, already there, skipped) and looks up the row shown again.
     */
    public CompletableFuture<org.diptych.tm.ImportReport> importTm(Path file) {
        if (tm() == null) return CompletableFuture.failedFuture(new IllegalStateException("no project"));
        shown.set(true);
        return model.importTm(project.get(), file, rep -> {
            if (model.row() >= 0 && model.session() != null && shown.get()) lookup(model.row());
        }, err -> Dialogs.error(getScene() == null ? null : getScene().getWindow(), i18n.t("error.title"), TmService.message(err)));
    }

    /** Imports a glossary file into the project in the background; the panel uses it at once. */
    public CompletableFuture<GlossaryReader.Result> importGlossary(Path file) {
        Project p = project.get();
        if (p == null) return CompletableFuture.failedFuture(new IllegalStateException("no project"));
        CompletableFuture<GlossaryReader.Result> r = new CompletableFuture<>();
        model.importGlossary(p, file, res -> {
            model.reloadGlossary();
            if (model.row() >= 0 && model.session() != null) fillSource(model.row());
            r.complete(res);
        }, err -> {
            Dialogs.error(getScene() == null ? null : getScene().getWindow(), i18n.t("error.title"), TmService.message(err));
            r.completeExceptionally(err);
        });
        return r;
    }

    /** Starts a version in a language the statement lacks, translated from the pair's source. */
    private void startTranslation() {
        Project p = project.get();
        String statement = desk.statementId();
        if (p == null || statement == null) return;
        List<String> have = p.versionLanguages(statement);
        List<String> missing = new ArrayList<>(p.manifest().languages());
        missing.removeAll(have);
        if (missing.isEmpty() || have.isEmpty()) {
            say(i18n.t("tr.msg.noLanguage"), true);
            return;
        }
        ChoiceDialog<String> d = new ChoiceDialog<>(missing.get(0), missing);
        d.setTitle(i18n.t("op.startTranslation"));
        d.setHeaderText(i18n.t("tr.start.header", statement));
        d.setContentText(i18n.t("tr.start.language"));
        if (getScene() != null) d.initOwner(getScene().getWindow());
        d.showAndWait().ifPresent(lang -> startTranslation(statement, lang));
    }

    /**
     * Makes an empty {@code lang} version of a statement from the desk's source language (or the first
     * version), with every source paragraph an empty target cell, and shows the new pair.
     */
    public CompletableFuture<Void> startTranslation(String statement, String lang) {
        Project p = project.get();
        Autosaver sv = saver.get();
        ReviewDesk.Pair pair = desk.pair();
        String src = pair != null ? pair.source() : p.versionLanguages(statement).get(0);
        CompletableFuture<Void> r = new CompletableFuture<>();
        model.startTranslation(p, sv, statement, src, lang, () -> {
            desk.invalidate(statement);
            onVersionsChanged.run();
            desk.show(p, sv, statement, new ReviewDesk.Pair(src, lang));
            shown.set(true);
            say(i18n.t("tr.msg.started", statement, lang), false); // showing the new pair cleared the line
            r.complete(null);
        }, err -> {
            Dialogs.error(getScene() == null ? null : getScene().getWindow(), i18n.t("error.title"), TmService.message(err));
            r.completeExceptionally(err);
        });
        return r;
    }

    // ---------------------------------------------------------------- texts

    private void say(String text, boolean error) {
        model.say(text, error);
    }

    private String na(NotApplicable e) {
        return model.na(e);
    }

    private String qaText(QaIssue q) {
        if (!i18n.has(q.rule().key())) return q.message();
        Object[] args = q.args().stream().map(a -> a.isEmpty() ? "—" : a).toArray();
        return i18n.t(q.rule().key(), args);
    }

    private String provenance(Provenance p) {
        List<String> parts = new ArrayList<>();
        parts.add(i18n.t(p.status() == Provenance.Status.DRAFT ? "tr.prov.draft" : "tr.prov.approved"));
        String who = p.changer() != null ? p.changer() : p.creator();
        if (who != null) parts.add(who);
        var when = p.changed() != null ? p.changed() : p.created();
        if (when != null) parts.add(DATE.format(when));
        if (p.statement() != null) parts.add(p.statement());
        else if (p.document() != null) parts.add(p.document());
        if (p.usageCount() > 0) parts.add(i18n.t("tr.prov.used", p.usageCount()));
        return String.join(" · ", parts);
    }

    /** One match: its number and percentage, the word differences of its source, its translation, provenance. */
    private final class MatchCell extends ListCell<TmService.Suggestion> {
        @Override
        protected void updateItem(TmService.Suggestion s, boolean empty) {
            super.updateItem(s, empty);
            setText(null);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            Label num = new Label((getIndex() + 1) + "");
            num.setStyle("-fx-font-weight: bold; -fx-text-fill: #555;");
            Label score = new Label(s.score() + "%");
            score.getStyleClass().add("match-score");
            score.setStyle("-fx-font-weight: bold; -fx-text-fill: " + (s.score() >= 100 ? "#2e7d32" : s.score() >= 85 ? "#8a6d00" : "#a33") + ";");
            Label desc = new Label(s.assembled() ? i18n.t("tr.assembled", s.parts().size()) : s.match().description());
            desc.setStyle("-fx-text-fill: #666;");
            HBox top = new HBox(8, num, score, desc);
            VBox box = new VBox(2, top);
            if (!s.assembled()) {
                TextFlow diff = new TextFlow();
                for (WordDiff d : s.match().diff()) {
                    Text t = new Text(d.text() + " ");
                    switch (d.op()) {
                        case QUERY_ONLY -> t.setStyle("-fx-fill: #1565c0; -fx-underline: true;");
                        case MATCH_ONLY -> t.setStyle("-fx-fill: #c62828; -fx-strikethrough: true;");
                        default -> t.setStyle("-fx-fill: #555;");
                    }
                    diff.getChildren().add(t);
                }
                diff.getStyleClass().add("match-diff");
                diff.setPrefWidth(Math.max(200, getListView().getWidth() - 40));
                box.getChildren().add(diff);
            }
            Label target = new Label(s.target());
            target.setWrapText(true);
            target.setStyle("-fx-font-size: 1.05em;");
            target.setMaxWidth(Math.max(200, getListView().getWidth() - 40));
            box.getChildren().add(target);
            Label prov = new Label(s.assembled() ? i18n.t("tr.assembled.prov") : TmService.withOrigin(TmService.originText(s, i18n), provenance(s.match().provenance())));
            prov.setStyle("-fx-text-fill: #888; -fx-font-size: 0.85em;");
            box.getChildren().add(prov);
            setGraphic(box);
        }
    }

    /** One concordance hit: the text with the hits marked, and its translation. */
    private final class ConcordanceCell extends ListCell<ConcordanceHit> {
        @Override
        protected void updateItem(ConcordanceHit h, boolean empty) {
            super.updateItem(h, empty);
            setText(null);
            if (empty || h == null) {
                setGraphic(null);
                return;
            }
            TextFlow flow = new TextFlow();
            String t = h.variant().text();
            int last = 0;
            for (int[] span : h.highlights()) {
                if (span[0] > last) flow.getChildren().add(new Text(t.substring(last, span[0])));
                Text hit = new Text(t.substring(span[0], span[1]));
                hit.setStyle("-fx-font-weight: bold; -fx-fill: #0b5394;");
                flow.getChildren().add(hit);
                last = span[1];
            }
            if (last < t.length()) flow.getChildren().add(new Text(t.substring(last)));
            flow.setPrefWidth(Math.max(200, getListView().getWidth() - 40));
            VBox box = new VBox(2, flow);
            String other = vm == null ? null : h.variant().base() != null && h.variant().base().equals(
                    org.diptych.model.Languages.base(vm.sourceLang())) ? vm.targetLang() : vm == null ? null : vm.sourceLang();
            TmVariant tr = other == null ? null : h.unit().variant(other);
            if (tr != null) {
                Label l = new Label("→ " + tr.text());
                l.setWrapText(true);
                l.setMaxWidth(Math.max(200, getListView().getWidth() - 40));
                box.getChildren().add(l);
            }
            Label prov = new Label(TmService.withOrigin(model.openTm() == null ? null : model.openTm().originText(h, i18n), provenance(h.provenance())));
            prov.setStyle("-fx-text-fill: #888; -fx-font-size: 0.85em;");
            box.getChildren().add(prov);
            setGraphic(box);
        }
    }
}
