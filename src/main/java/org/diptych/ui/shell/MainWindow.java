package org.diptych.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.diptych.DiptychException;
import org.diptych.export.ExportOptions;
import org.diptych.export.ExportReport;
import org.diptych.export.Exporter;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.review.Autosaver;
import org.diptych.review.BeadFilter;
import org.diptych.ui.I18n;
import org.diptych.ui.MarkdownFlow;
import org.diptych.ui.Services;
import org.diptych.ui.TaskRunner;
import org.diptych.ui.UiAction;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.UiState;
import org.diptych.ui.review.ReviewDesk;
import org.diptych.ui.review.ReviewViewModel;
import org.diptych.ui.translate.TranslatePanel;

/**
 * The main window: open or create a project (recent projects remembered), the statements with their
 * language versions, the paragraphs of a version, the review desk of a statement; import by menu and by
 * drag and drop; long work in the background with progress and cancel; errors in a dialog.
 */
public final class MainWindow {
    /** A node of the statements tree: a statement, or one of its language versions. */
    public record Nav(String statementId, String lang, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Stage stage;
    private final UiPrefs prefs;
    private final Services services;
    private final Clock clock;
    private Consumer<Path> folderOpener = MainWindow::openWithDesktop;
    private java.util.function.BooleanSupplier fileBrowser = MainWindow::fileBrowserRegistered;
    private org.diptych.ui.FileChoosers choosers = org.diptych.ui.FileChoosers.system();
    private Path lastExportFolder;
    private final Map<String, ReviewViewModel> reviewCache = new HashMap<>();
    private final PauseTransition uiStateDelay = new PauseTransition(Duration.millis(400));
    private I18n i18n;
    private Project project;
    private Autosaver saver;
    private boolean restoring;

    // controls (rebuilt when the interface language changes)
    private BorderPane root;
    private TaskRunner tasks;
    private ReviewDesk desk;
    private TranslatePanel translate;
    private TreeView<Nav> tree;
    private ListView<Paragraph> paragraphs;
    private Label paragraphsHeader;
    private TabPane tabs;
    private Tab reviewTab;
    private Tab paragraphsTab;
    private Label status;
    private Menu recentMenu;
    private DocumentVersion shownVersion;
    private java.util.function.Function<I18n, List<Menu>> extraMenus;
    // the statements list: every statement's item (the tree shows those the filter keeps) and its progress
    private final List<TreeItem<Nav>> statementItems = new ArrayList<>();
    private final Map<String, org.diptych.review.StatementProgress> progress = new HashMap<>();
    private final java.util.concurrent.ExecutorService progressReader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "diptych-statements");
        t.setDaemon(true);
        return t;
    });
    private long progressGeneration;
    private javafx.scene.control.CheckBox needsWork;
    private boolean needsWorkOn;

    public MainWindow(Stage stage, UiPrefs prefs, Services services, Clock clock) {
        this.stage = stage;
        this.prefs = prefs;
        this.services = services;
        this.clock = clock;
        this.i18n = new I18n(prefs.locale());
        I18n.translateDialogButtons(() -> i18n);
        uiStateDelay.setOnFinished(e -> {
            saveUiState();
            if (project != null && desk.statementId() != null) readProgress(List.of(desk.statementId()), false);
        });
        buildUi();
        stage.setScene(new Scene(root, 1280, 800));
        stage.getScene().getStylesheets().add(MainWindow.class.getResource("/org/diptych/ui/diptych.css").toExternalForm());
        stage.setOnCloseRequest(e -> close());
        updateTitle();
    }

    // ---------------------------------------------------------------- accessors (tests, app)

    public Stage stage() {
        return stage;
    }

    public Project project() {
        return project;
    }

    public ReviewDesk desk() {
        return desk;
    }

    /** The translation panel under the desk. */
    public TranslatePanel translatePanel() {
        return translate;
    }

    public TreeView<Nav> tree() {
        return tree;
    }

    public ListView<Paragraph> paragraphs() {
        return paragraphs;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Waits until every background save scheduled so far is written. */
    public void flushSaves() {
        if (saver != null) saver.flush();
    }

    // ---------------------------------------------------------------- building

    private void buildUi() {
        tasks = new TaskRunner(i18n, () -> stage);
        desk = new ReviewDesk(i18n, services, tasks, prefs, clock, reviewCache);
        desk.setInstallShortcuts(false); // the Review menu carries them
        desk.setOnViewChanged(this::uiStateChanged);
        desk.table().skinProperty().addListener((o, a, s) -> Platform.runLater(this::watchScroll));
        translate = new TranslatePanel(i18n, desk, prefs, clock, () -> project, () -> saver);
        translate.setFileChoosers(choosers);
        translate.setOnVersionsChanged(this::reloadTree);

        tree = new TreeView<>(new TreeItem<>(new Nav(null, null, "")));
        tree.setId("statement-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Nav n, boolean empty) {
                super.updateItem(n, empty);
                org.diptych.review.StatementProgress sp = empty || n == null || n.lang() != null ? null : progress.get(n.statementId());
                setText(empty || n == null ? null : sp != null && sp.title() != null ? sp.title() : n.label());
                if (sp == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Label info = new Label(progressText(sp));
                info.getStyleClass().add("statement-summary");
                setGraphic(info);
                setContentDisplay(javafx.scene.control.ContentDisplay.BOTTOM);
                setTooltip(new javafx.scene.control.Tooltip(progressText(sp)));
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && !restoring) select(item.getValue(), true);
        });
        MenuItem exportHere = new MenuItem(i18n.t("menu.export"));
        exportHere.setId("tree-export");
        exportHere.setOnAction(e -> exportDialog());
        tree.setContextMenu(new javafx.scene.control.ContextMenu(exportHere));

        paragraphs = new ListView<>();
        paragraphs.setId("paragraph-list");
        paragraphs.setCellFactory(l -> new ParagraphCell());
        paragraphsHeader = new Label(i18n.t("paragraphs.none"));
        paragraphsHeader.setId("paragraphs-header");
        paragraphsHeader.setPadding(new Insets(6));
        BorderPane paraPane = new BorderPane(paragraphs);
        paraPane.setTop(paragraphsHeader);

        reviewTab = new Tab(i18n.t("tab.review"), translate.wrap());
        reviewTab.setId("tab-review");
        reviewTab.setClosable(false);
        paragraphsTab = new Tab(i18n.t("tab.paragraphs"), paraPane);
        paragraphsTab.setId("tab-paragraphs");
        paragraphsTab.setClosable(false);
        tabs = new TabPane(reviewTab, paragraphsTab);
        desk.activeProperty().bind(reviewTab.selectedProperty());
        translate.activeProperty().bind(reviewTab.selectedProperty());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> uiStateChanged());

        needsWork = new javafx.scene.control.CheckBox(i18n.t("statements.needsWork"));
        needsWork.setId("statements-needs-work");
        needsWork.setTooltip(new javafx.scene.control.Tooltip(i18n.t("statements.needsWork.tip")));
        needsWork.setSelected(needsWorkOn); // kept when the interface language changes
        needsWork.selectedProperty().addListener((o, a, b) -> {
            needsWorkOn = b;
            applyStatementFilter();
        });
        VBox left = new VBox(new Label(i18n.t("statements")), needsWork, tree);
        left.setId("statements-pane");
        left.setPadding(new Insets(4));
        left.setSpacing(4);
        VBox.setVgrow(tree, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, tabs);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(left, false);

        status = new Label();
        status.setId("status-message");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox statusBar = new HBox(8, status, grow, tasks.node());
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(3, 8, 3, 8));
        statusBar.getStyleClass().add("status-bar");

        root = new BorderPane();
        root.setId("main-root");
        root.setTop(buildMenus());
        root.setCenter(project == null ? welcome() : split);
        root.getProperties().put("split", split);
        root.setBottom(statusBar);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && project != null) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && project != null;
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                Platform.runLater(() -> importFiles(files));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private MenuBar buildMenus() {
        Menu file = new Menu(i18n.t("menu.file"));
        file.setId("menu-file");
        MenuItem newProject = item("newProject", null, this::newProjectDialog);
        MenuItem open = item("openProject", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openProjectDialog);
        recentMenu = new Menu(i18n.t("menu.recent"));
        recentMenu.setId("menu-recent");
        fillRecent();
        MenuItem imp = item("import", new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), this::importDialog);
        MenuItem pref = item("preferences", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::preferencesDialog);
        MenuItem closeP = item("closeProject", null, this::closeProject);
        MenuItem quit = item("quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            close();
            stage.close();
        });
        MenuItem export = item("export", new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::exportDialog);
        MenuItem sites = item("siteProfiles", null, this::siteProfilesDialog);
        MenuItem openSite = item("openSite", null, this::openSiteDialog);
        MenuItem undoReplace = item("undoReplace", null, this::undoReplace);
        // offered while the statement's last replace can still be undone (nothing it wrote changed since)
        file.setOnShowing(e -> undoReplace.setDisable(undoableReplace() == null));
        file.getItems().addAll(newProject, open, recentMenu, new SeparatorMenuItem(), imp, undoReplace, openSite, export, sites, new SeparatorMenuItem(),
                pref, new SeparatorMenuItem(), closeP, quit);
        Menu review = new Menu(i18n.t("menu.review"));
        review.setId("menu-review");
        for (UiAction a : desk.actions()) {
            review.getItems().add(a == null ? new SeparatorMenuItem() : a.menuItem());
        }
        Menu translateMenu = new Menu(i18n.t("menu.translate"));
        translateMenu.setId("menu-translate");
        for (UiAction a : translate.actions()) {
            translateMenu.getItems().add(a == null ? new SeparatorMenuItem() : a.menuItem());
        }
        MenuBar bar = new MenuBar(file, review, translateMenu);
        bar.setId("menu-bar");
        if (extraMenus != null) bar.getMenus().addAll(extraMenus.apply(i18n)); // Help (the application's)
        return bar;
    }

    /**
     * Adds menus after the window's own (the application's Help menu), built again in each interface
     * language by {@code menus}.
     */
    public void setExtraMenus(java.util.function.Function<I18n, List<Menu>> menus) {
        this.extraMenus = menus;
        ((MenuBar) root.getTop()).getMenus().addAll(menus.apply(i18n));
    }

    private MenuItem item(String id, KeyCombination key, Runnable r) {
        MenuItem m = new MenuItem(i18n.t("menu." + id));
        m.setId("menu-" + id);
        if (key != null) m.setAccelerator(key);
        m.setOnAction(e -> r.run());
        return m;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : prefs.recentProjects()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> openProject(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private VBox welcome() {
        Label title = new Label(i18n.t("welcome.title"));
        title.getStyleClass().add("welcome-title");
        Button create = new Button(i18n.t("menu.newProject"));
        create.setId("welcome-new");
        create.setOnAction(e -> newProjectDialog());
        Button open = new Button(i18n.t("menu.openProject"));
        open.setId("welcome-open");
        open.setOnAction(e -> openProjectDialog());
        VBox box = new VBox(12, title, new HBox(8, create, open));
        List<Path> recent = prefs.recentProjects();
        if (!recent.isEmpty()) {
            box.getChildren().add(new Label(i18n.t("welcome.recent")));
            for (Path p : recent) {
                Hyperlink h = new Hyperlink(p.toString());
                h.setMnemonicParsing(false);
                h.setOnAction(e -> openProject(p));
                box.getChildren().add(h);
            }
        }
        box.setId("welcome");
        box.setPadding(new Insets(40));
        return box;
    }

    private void updateTitle() {
        stage.setTitle(project == null ? "Diptych" : "Diptych — " + project.manifest().name()
                + " (" + project.dir().toAbsolutePath().normalize() + ")");
    }

    /** Rebuilds every control in the current interface language, keeping the open project and undo history. */
    public void rebuild() {
        saveUiState();
        boolean panelShown = translate.shownProperty().get();
        translate.close();
        i18n = new I18n(prefs.locale());
        buildUi();
        translate.shownProperty().set(panelShown); // the translation panel stays open in the new language
        stage.getScene().setRoot(root);
        updateTitle();
        if (project != null) {
            root.setCenter((SplitPane) root.getProperties().get("split"));
            reloadTree();
            restoreUiState();
        }
    }

    // ---------------------------------------------------------------- projects

    private void newProjectDialog() {
        Path dir = choosers.folder(stage, i18n.t("new.choose"), null);
        if (dir == null) return;
        ProjectDialogs.newProject(stage, i18n, dir.getFileName().toString())
                .ifPresent(np -> createProject(dir, np.name(), np.languages()));
    }

    private void openProjectDialog() {
        Path dir = choosers.folder(stage, i18n.t("open.choose"), null);
        if (dir != null) openProject(dir);
    }

    /** Creates a project in an empty folder and opens it. */
    public boolean createProject(Path dir, String name, List<String> languages) {
        try {
            Project p = Project.create(dir, name, languages);
            attach(p);
            return true;
        } catch (DiptychException e) {
            error(e.getMessage());
            return false;
        }
    }

    /** Opens a project for writing (closing the one open), restoring where the user was. */
    public boolean openProject(Path dir) {
        if (project != null && project.dir().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
            return true;
        }
        closeProject();
        try {
            attach(Project.open(dir, true));
            return true;
        } catch (DiptychException e) {
            error(e.getMessage());
            return false;
        }
    }

    private void attach(Project p) {
        closeProject();
        project = p;
        saver = new Autosaver(ex -> Platform.runLater(() -> error(org.diptych.ui.shell.Dialogs.message(ex))));
        prefs.addRecent(p.dir());
        fillRecent();
        root.setCenter((SplitPane) root.getProperties().get("split"));
        updateTitle();
        reloadTree();
        restoreUiState();
        status.setText(i18n.t("status.opened", p.manifest().name(), p.statementIds().size()));
    }

    /** Saves where the user is, waits for pending saves and releases the project. */
    public void closeProject() {
        if (project == null) return;
        tasks.cancel();
        saveUiState();
        uiStateDelay.stop();
        translate.close();
        saver.close();
        project.close();
        project = null;
        saver = null;
        reviewCache.clear();
        desk.clear();
        tree.getRoot().getChildren().clear();
        paragraphs.getItems().clear();
        shownVersion = null;
        paragraphsHeader.setText(i18n.t("paragraphs.none"));
        status.setText("");
        root.setCenter(welcome());
        updateTitle();
    }

    /** Closes the project (the window is closing). */
    public void close() {
        closeProject();
    }

    private void reloadTree() {
        restoring = true;
        List<String> ids = project.statementIds();
        try {
            TreeItem<Nav> r = tree.getRoot();
            r.getChildren().clear();
            statementItems.clear();
            for (String id : ids) {
                TreeItem<Nav> s = new TreeItem<>(new Nav(id, null, id));
                // versions are named by language only here; titles and progress are read in the background
                // (readProgress), so that opening a large project stays fast
                List<String> order = project.manifest().languages();
                List<String> langs = new ArrayList<>(project.versionLanguages(id));
                // in the project's order (the original's language first, as in the desk), others after
                langs.sort(java.util.Comparator.comparingInt((String l) -> order.indexOf(l) < 0 ? Integer.MAX_VALUE
                        : order.indexOf(l)).thenComparing(java.util.Comparator.naturalOrder()));
                for (String lang : langs) {
                    s.getChildren().add(new TreeItem<>(new Nav(id, lang, lang)));
                }
                s.setExpanded(true);
                statementItems.add(s);
            }
            progress.keySet().retainAll(ids);
            applyStatementFilter();
            if (ids.isEmpty()) desk.showEmptyProject(this::importDialog);
        } finally {
            restoring = false;
        }
        readProgress(ids, true);
    }

    // ---------------------------------------------------------------- statements list: progress and filter

    /**
     * Reads the progress of {@code ids} in the background (a large project's versions and alignments are
     * not read on the FX thread), with the desk's unsaved states of the pairs it holds; the list shows it
     * when it is there.
     */
    private void readProgress(List<String> ids, boolean all) {
        if (project == null || ids.isEmpty()) return;
        Project p = project;
        double threshold = prefs.doubtfulThreshold();
        Map<String, Map<String, org.diptych.review.ReviewState>> open = new HashMap<>();
        for (ReviewViewModel vm : reviewCache.values()) {
            org.diptych.review.ReviewState st = vm.state();
            if (ids.contains(st.alignment().statementId())) {
                open.computeIfAbsent(st.alignment().statementId(), k -> new HashMap<>()).put(vm.sourceLang() + "-" + vm.targetLang(), st);
            }
        }
        long generation = all ? ++progressGeneration : progressGeneration;
        javafx.concurrent.Task<Map<String, org.diptych.review.StatementProgress>> task = new javafx.concurrent.Task<>() {
            @Override
            protected Map<String, org.diptych.review.StatementProgress> call() {
                Map<String, org.diptych.review.StatementProgress> out = new HashMap<>();
                for (String id : ids) {
                    if (isCancelled()) break;
                    out.put(id, org.diptych.review.StatementProgress.of(p, id, threshold, open.getOrDefault(id, Map.of())));
                }
                return out;
            }
        };
        task.setOnSucceeded(e -> {
            if (project != p || generation != progressGeneration) return; // the list was read again since
            progress.putAll(task.getValue());
            applyStatementFilter();
            tree.refresh();
        });
        // a statement that cannot be read says so when it is opened; the list just shows no progress
        task.setOnFailed(e -> java.util.logging.Logger.getLogger(MainWindow.class.getName())
                .fine("statements progress: " + task.getException()));
        progressReader.execute(task);
    }

    /** The progress the statements list shows for a statement (null until read). */
    public org.diptych.review.StatementProgress statementProgress(String statementId) {
        return progress.get(statementId);
    }

    /** The "Needs work" filter of the statements list. */
    public javafx.scene.control.CheckBox needsWorkFilter() {
        return needsWork;
    }

    /** Shows the statements the filter keeps (all of them until their progress is read), keeping the selection. */
    private void applyStatementFilter() {
        TreeItem<Nav> selected = tree.getSelectionModel().getSelectedItem();
        List<TreeItem<Nav>> shown = statementItems.stream().filter(i -> {
            if (!needsWork.isSelected()) return true;
            org.diptych.review.StatementProgress sp = progress.get(i.getValue().statementId());
            return sp == null || sp.needsWork();
        }).toList();
        if (shown.equals(tree.getRoot().getChildren())) return;
        boolean was = restoring;
        restoring = true;
        try {
            tree.getRoot().getChildren().setAll(shown);
            if (selected != null && tree.getRow(selected) >= 0) tree.getSelectionModel().select(selected);
        } finally {
            restoring = was;
        }
    }

    /** "id · en ru pt · no pt" and one line per aligned pair: "en→ru: 3 of 8 confirmed, 2 doubtful, 1 untranslated". */
    private String progressText(org.diptych.review.StatementProgress sp) {
        StringBuilder b = new StringBuilder();
        if (sp.title() != null) b.append(sp.statementId()).append(" · ");
        b.append(String.join(" ", sp.languages()));
        if (!sp.missing().isEmpty()) b.append(" · ").append(i18n.t("statements.missing", String.join(" ", sp.missing())));
        for (org.diptych.review.StatementProgress.Pair x : sp.pairs()) {
            b.append('\n').append(i18n.t("statements.pair", x.source(), x.target(), x.confirmed(), x.total(), x.doubtful(), x.untranslated()));
        }
        return b.toString();
    }

    private TreeItem<Nav> find(String statementId, String lang) {
        for (TreeItem<Nav> s : tree.getRoot().getChildren()) {
            if (!s.getValue().statementId().equals(statementId)) continue;
            if (lang == null) return s;
            for (TreeItem<Nav> v : s.getChildren()) if (lang.equals(v.getValue().lang())) return v;
        }
        return null;
    }

    /** Selects a statement (desk) or one of its versions (paragraphs) in the tree and shows it. */
    public void selectInTree(String statementId, String lang) {
        TreeItem<Nav> item = find(statementId, lang);
        if (item != null) tree.getSelectionModel().select(item);
    }

    private void select(Nav n, boolean switchTab) {
        if (project == null) return;
        if (!n.statementId().equals(desk.statementId())) {
            // a message about the statement left (import, export, QA) says nothing about this one
            status.setText("");
            desk.show(project, saver, n.statementId(), null);
        }
        if (n.lang() != null) {
            showParagraphs(n.statementId(), n.lang());
            if (switchTab) tabs.getSelectionModel().select(paragraphsTab);
        } else {
            List<String> langs = project.versionLanguages(n.statementId());
            if (!langs.isEmpty()) showParagraphs(n.statementId(), desk.pair() != null ? desk.pair().source() : langs.get(0));
            else paragraphs.getItems().clear();
            if (switchTab) tabs.getSelectionModel().select(reviewTab);
        }
        uiStateChanged();
    }

    private void showParagraphs(String statementId, String lang) {
        try {
            DocumentVersion v = reviewedVersion(statementId, lang);
            if (v == null) v = project.loadVersion(statementId, lang).orElse(null);
            shownVersion = v;
            paragraphs.getItems().setAll(v == null ? List.of() : v.paragraphs());
            paragraphsHeader.setText(v == null ? i18n.t("paragraphs.none")
                    : i18n.t("paragraphs.header", statementId, lang, v.paragraphs().size(), v.format())
                    + (v.title() == null ? "" : " · " + v.title()));
        } catch (DiptychException e) {
            error(e.getMessage());
        }
    }

    /** A version as the desk holds it (with corrections not yet written), or null if no desk has it. */
    private DocumentVersion reviewedVersion(String statementId, String lang) {
        for (ReviewViewModel vm : reviewCache.values()) {
            if (!vm.state().alignment().statementId().equals(statementId)) continue;
            if (vm.sourceLang().equals(lang)) return vm.state().source();
            if (vm.targetLang().equals(lang)) return vm.state().target();
        }
        return null;
    }

    /** The paragraph list: id and lightly rendered text, wrapped. */
    private final class ParagraphCell extends ListCell<Paragraph> {
        private final TextFlow flow = new TextFlow();
        private final Label id = new Label();
        private final HBox box = new HBox(8, id, flow);

        ParagraphCell() {
            id.getStyleClass().add("paragraph-id");
            id.setMinWidth(40);
            flow.prefWidthProperty().bind(paragraphs.widthProperty().subtract(80));
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Paragraph p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            id.setText(p.id());
            boolean md = shownVersion == null || !List.of("html", "docx", "xliff").contains(shownVersion.format());
            MarkdownFlow.fill(flow, List.of(p), md);
            setGraphic(box);
        }
    }

    // ---------------------------------------------------------------- import

    private void importDialog() {
        if (project == null) {
            error(i18n.t("error.noProject"));
            return;
        }
        List<Path> files = choosers.open(stage, i18n.t("import.title"), List.of(
                new FileChooser.ExtensionFilter(i18n.t("import.filter"), "*.md", "*.markdown", "*.txt", "*.html",
                        "*.htm", "*.docx", "*.xlf", "*.xliff"),
                new FileChooser.ExtensionFilter(i18n.t("import.all"), "*.*")), true);
        if (!files.isEmpty()) importFiles(files);
    }

    /** Asks where to import {@code files} (statement, language) and imports them in the background. */
    public void importFiles(List<Path> files) {
        if (project == null) {
            error(i18n.t("error.noProject"));
            return;
        }
        ImportDialog.show(stage, i18n, files, project.statementIds(), desk.statementId(), project.manifest().languages())
                .ifPresent(c -> importFiles(files, c.statementId(), c.lang(), c.replace()));
    }

    private static final String ASK_PREFIX = "\u0000ask:";

    /** Imports {@code files} into a statement in the background; the tree and desk follow. */
    public void importFiles(List<Path> files, String statementId, String lang, boolean replace) {
        importFiles(files, statementId, lang, replace, false);
    }

    /**
     * Imports in the background; a replace that would leave confirmed beads without their paragraphs is not
     * done but asked first, in the window's language, and then done with {@code force}.
     */
    private void importFiles(List<Path> files, String statementId, String lang, boolean replace, boolean force) {
        Project p = project;
        Services s = services;
        tasks.run(i18n.t("task.importing", files.size()), progress -> {
            List<String> reports = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                progress.checkCancelled();
                progress.update(i, files.size(), files.get(i).getFileName().toString());
                try {
                    reports.add(s.importer().importFile(p, statementId, files.get(i), lang, replace, force, progress));
                } catch (org.diptych.formats.Importer.VersionExists e) {
                    throw new org.diptych.DiptychException(i18n.t("import.exists", files.get(i).getFileName(), statementId));
                } catch (org.diptych.project.VersionReplace.ReviewWouldBeLost e) {
                    if (i > 0 || files.size() > 1) {
                        throw new org.diptych.DiptychException(i18n.t("import.reviewLost", e.plan().confirmedLost()));
                    }
                    return List.of(ASK_PREFIX + e.plan().confirmedLost());
                }
            }
            progress.update(files.size(), files.size(), null);
            return reports;
        }, reports -> {
            if (project != p) return;
            if (reports.size() == 1 && reports.get(0).startsWith(ASK_PREFIX)) {
                javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                        i18n.t("import.reviewLost", reports.get(0).substring(ASK_PREFIX.length())),
                        javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
                ask.initOwner(stage);
                ask.setTitle(i18n.t("import.title"));
                ask.getDialogPane().setId("import-review-lost");
                if (ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent()) {
                    importFiles(files, statementId, lang, replace, true);
                }
                return;
            }
            reviewCache.keySet().removeIf(k -> k.startsWith(statementId + "|"));
            desk.invalidate(statementId);
            desk.clear();
            reloadTree();
            selectInTree(statementId, null);
            String text = String.join("; ", reports);
            // a replace can be undone: say so, in the window's language
            if (replace && org.diptych.project.VersionReplace.undoableLanguage(p, statementId) != null) {
                text = i18n.t("status.replaced", text);
            }
            status.setText(text);
        }, null);
    }

    /** The statement on screen and the language of its last replace that can be undone, or null. */
    private String[] undoableReplace() {
        if (project == null) return null;
        String id = currentStatement();
        if (id == null) return null;
        String lang = org.diptych.project.VersionReplace.undoableLanguage(project, id);
        return lang == null ? null : new String[] {id, lang};
    }

    /**
     * File → Undo replace: the statement's last replace undone in the background (the previous version and
     * alignments with their review statuses, one transaction); refused in one line if they changed since.
     */
    public void undoReplace() {
        if (project == null) {
            error(i18n.t("error.noProject"));
            return;
        }
        String id = currentStatement();
        if (id == null) {
            error(i18n.t("error.noStatement"));
            return;
        }
        Project p = project;
        Autosaver s = saver;
        tasks.run(i18n.t("task.undoReplace", id), progress -> {
            s.flush(); // the desk's last review steps are on disk before the check
            String lang = org.diptych.project.VersionReplace.undoableLanguage(p, id);
            if (lang == null) {
                for (String l : p.versionLanguages(id)) {
                    if (org.diptych.project.VersionReplace.lastSnapshot(p, id, l) != null) {
                        throw new org.diptych.DiptychException(i18n.t("undoReplace.changed", id, l));
                    }
                }
                throw new org.diptych.DiptychException(i18n.t("undoReplace.none", id));
            }
            try {
                org.diptych.project.VersionReplace.undo(p, id, lang);
            } catch (org.diptych.project.VersionReplace.ChangedSince e) {
                throw new org.diptych.DiptychException(i18n.t("undoReplace.changed", id, lang));
            }
            return lang;
        }, lang -> {
            if (project != p) return;
            reviewCache.keySet().removeIf(k -> k.startsWith(id + "|"));
            desk.invalidate(id);
            desk.clear();
            reloadTree();
            selectInTree(id, null);
            status.setText(i18n.t("status.undoneReplace", lang, id));
        }, null);
    }

    // ---------------------------------------------------------------- open a whole site (org.diptych.site)

    /** File → Open site…: choose the site's folder, read it in the background, confirm the plan, import it. */
    public void openSiteDialog() {
        if (project == null) {
            error(i18n.t("error.noProject"));
            return;
        }
        Path dir = choosers.folder(stage, i18n.t("opensite.title"), null);
        if (dir != null) openSite(dir);
    }

    /** Reads {@code site} in the background and shows what would be imported; Import runs it in the background. */
    public void openSite(Path site) {
        Project p = project;
        tasks.run(i18n.t("task.siteScan"), progress -> org.diptych.site.SitePlanner.plan(p, site, progress), plan -> {
            if (project != p) return;
            OpenSiteDialog.create(stage, i18n, plan).showAndWait().filter(Boolean::booleanValue).ifPresent(ok ->
                    tasks.run(i18n.t("task.siteImport"), progress -> org.diptych.site.SiteImporter.run(p, plan, true, progress), r -> {
                        if (project != p) return;
                        reviewCache.clear();
                        desk.clear();
                        reloadTree();
                        status.setText(r.summary());
                    }, null));
        }, null);
    }

    // ---------------------------------------------------------------- site profiles and export

    /** Shows the site profiles dialog of the open project; Save writes them to its manifest. */
    public void siteProfilesDialog() {
        if (project == null) {
            error(i18n.t("error.noProject"));
            return;
        }
        SiteProfilesDialog.show(stage, i18n, project).ifPresent(m -> status.setText(i18n.t("status.sitesSaved")));
    }

    /** The statement the user is on: the one selected in the tree, else the one on the desk, else null. */
    private String currentStatement() {
        TreeItem<Nav> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() != null && item.getValue().statementId() != null) return item.getValue().statementId();
        return desk.statementId();
    }

    /** The aligned pairs of a statement as {@code SRC-TGT}, in the project's language order. */
    private List<String> alignedPairs(String statementId) {
        List<String> langs = project.versionLanguages(statementId);
        List<String> out = new ArrayList<>();
        for (String a : langs) {
            for (String b : langs) {
                if (!a.equals(b) && java.nio.file.Files.isRegularFile(project.alignmentFile(statementId, a, b))) out.add(a + "-" + b);
            }
        }
        return out;
    }

    /** Asks how to export the selected statement, then exports it in the background. */
    public void exportDialog() {
        if (project == null) {
            error(i18n.t("error.noProject"));
            return;
        }
        String id = currentStatement();
        if (id == null) {
            error(i18n.t("error.noStatement"));
            return;
        }
        Project p = project;
        Path folder = lastExportFolder != null ? lastExportFolder : defaultExportFolder(p);
        ExportDialog.show(stage, i18n, id, alignedPairs(id), folder, choosers,
                () -> p.versionLanguages(id).stream().filter(l -> !p.manifest().sites().containsKey(l)).toList(),
                owner -> SiteProfilesDialog.show(owner, i18n, p).ifPresent(m -> status.setText(i18n.t("status.sitesSaved"))),
                o -> new Exporter(p).destinations(o))
                .ifPresent(this::export);
    }

    /**
     * The export folder proposed before the first export of a session: {@code <project folder>-export}
     * beside the project (an export never writes inside the project).
     */
    static Path defaultExportFolder(Project p) {
        Path dir = p.dir().toAbsolutePath().normalize();
        String name = dir.getFileName() == null ? "diptych" : dir.getFileName().toString();
        return dir.resolveSibling(name + "-export");
    }

    /**
     * Exports in the background (progress and cancel in the status bar), then shows the summary. Corrections
     * still being written by the desk are flushed first, so that the export sees them.
     */
    public void export(ExportOptions options) {
        Project p = project;
        flushSaves();
        lastExportFolder = options.outDir();
        tasks.run(i18n.t("task.exporting", options.statementId()), progress -> {
                    try {
                        return (Object) new Exporter(p).export(options, progress);
                    } catch (Exporter.IncompleteExport incomplete) {
                        return incomplete; // nothing written: ask first
                    }
                },
                result -> {
                    if (result instanceof Exporter.IncompleteExport e) {
                        if (ExportDialog.confirmIncomplete(stage, i18n, e.check())) export(options.allowingIncomplete(true));
                        return;
                    }
                    ExportReport report = (ExportReport) result;
                    status.setText(i18n.t("status.exported", report.files().size(), report.outDir()));
                    ExportDialog.summary(stage, i18n, report, this::openFolder);
                }, null);
    }

    /**
     * Sets what "Open folder" does with the export folder (the application passes its host services; tests
     * record the request).
     */
    public void setFolderOpener(Consumer<Path> opener) {
        this.folderOpener = java.util.Objects.requireNonNull(opener);
    }

    /** Sets how the window tells whether a file browser is there to open a folder (tests). */
    public void setFileBrowserCheck(java.util.function.BooleanSupplier check) {
        this.fileBrowser = java.util.Objects.requireNonNull(check);
    }

    /**
     * Opens an export folder in the file browser. Where none is registered (or opening fails), the folder's
     * path goes to the clipboard instead; returns the one line that says so, or null when it was opened.
     */
    String openFolder(Path folder) {
        String failure = null;
        if (!fileBrowser.getAsBoolean()) {
            failure = i18n.t("export.noBrowser");
        } else {
            try {
                folderOpener.accept(folder);
                return null;
            } catch (RuntimeException e) {
                failure = Dialogs.message(e);
            }
        }
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(folder.toString());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        return i18n.t("export.folderCopied", failure, folder);
    }

    /** Whether the platform has a file browser to open a folder with (on Linux and BSD: xdg-open or a peer on the PATH). */
    static boolean fileBrowserRegistered() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return true;
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String tool : List.of("xdg-open", "gio", "kde-open", "exo-open")) {
                if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, tool))) return true;
            }
        }
        return false;
    }

    /** Sets how the window asks for files and folders (the platform's dialogs unless a test passes its own). */
    public void setFileChoosers(org.diptych.ui.FileChoosers c) {
        this.choosers = java.util.Objects.requireNonNull(c);
        translate.setFileChoosers(c);
    }

    private static void openWithDesktop(Path folder) {
        // AWT's Desktop, where there is one; the application replaces this with its HostServices
        if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
            try {
                java.awt.Desktop.getDesktop().open(folder.toFile());
            } catch (java.io.IOException | RuntimeException ignored) {
                // nothing more to try
            }
        }
    }

    // ---------------------------------------------------------------- preferences

    /** Where the Preferences dialog's "Test connection" runs: never the FX thread nor the desk's TM thread. */
    private final java.util.concurrent.ExecutorService teamTests = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "diptych-team-test");
        t.setDaemon(true);
        return t;
    });

    private void preferencesDialog() {
        Project p = project;
        TeamPrefsSection team = new TeamPrefsSection(i18n, p != null && p.writable() ? p.dir() : null,
                org.diptych.platform.Locations.user().config(), teamTests);
        ProjectDialogs.preferences(stage, i18n, prefs, team).ifPresent(s -> {
            try {
                if (team.apply()) translate.teamChanged();
            } catch (org.diptych.DiptychException e) {
                Dialogs.error(stage, i18n.t("error.title"), e.getMessage());
            }
            prefs.setReviewer(s.reviewer());
            if (s.spelling() != prefs.spellCheck()) {
                prefs.setSpellCheck(s.spelling());
                translate.spellingChanged();
            }
            boolean changed = !s.language().equals(prefs.language());
            prefs.setLanguage(s.language());
            if (changed) rebuild();
        });
    }

    // ---------------------------------------------------------------- UI state

    private void uiStateChanged() {
        if (project != null && !restoring) uiStateDelay.playFromStart();
    }

    private void watchScroll() {
        if (desk.table().lookup(".virtual-flow") instanceof VirtualFlow<?> f) {
            f.positionProperty().addListener((o, a, b) -> uiStateChanged());
        }
    }

    /** The current view as a {@link UiState}. */
    public UiState currentUiState() {
        ReviewViewModel vm = desk.viewModel();
        ReviewDesk.Pair pair = desk.pair();
        return new UiState(desk.statementId(), pair == null ? null : pair.source(), pair == null ? null : pair.target(),
                desk.topVisibleBead(), vm == null ? -1 : vm.cursorProperty().get(),
                vm == null ? BeadFilter.ALL.name() : vm.filterProperty().get().name(),
                tabs.getSelectionModel().getSelectedItem() == paragraphsTab ? "paragraphs" : "review");
    }

    private void saveUiState() {
        if (project == null || !project.writable() || restoring) return;
        UiState s = currentUiState();
        Project p = project;
        saver.schedule("ui", () -> s.save(p));
    }

    private void restoreUiState() {
        UiState s = UiState.load(project.dir());
        if (s.statement() == null || !project.statementIds().contains(s.statement())) {
            if (!tree.getRoot().getChildren().isEmpty()) tree.getSelectionModel().select(tree.getRoot().getChildren().get(0));
            return;
        }
        restoring = true;
        try {
            tree.getSelectionModel().select(find(s.statement(), null));
            desk.show(project, saver, s.statement(),
                    s.sourceLang() == null ? null : new ReviewDesk.Pair(s.sourceLang(), s.targetLang()));
            List<String> langs = project.versionLanguages(s.statement());
            if (!langs.isEmpty()) showParagraphs(s.statement(), desk.pair() != null ? desk.pair().source() : langs.get(0));
            BeadFilter f;
            try {
                f = BeadFilter.valueOf(s.filter());
            } catch (RuntimeException e) {
                f = BeadFilter.ALL;
            }
            desk.restoreView(f, s.cursor(), s.topBead());
            tabs.getSelectionModel().select("paragraphs".equals(s.tab()) ? paragraphsTab : reviewTab);
        } finally {
            restoring = false;
        }
    }

    public void error(String message) {
        Dialogs.error(stage, i18n.t("error.title"), message);
    }
}
