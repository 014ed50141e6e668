package org.diptych.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.review.Fixtures;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;

/** The shell of issue 2: open a project, see its statements, versions and paragraphs. */
@ExtendWith(FxApp.class)
class MainWindowTest {
    @TempDir
    static Path tmp;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) {
        prefs = FxFixtures.freshPrefs();
        window = FxFixtures.showWindow(stage, prefs);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
    }

    @Test
    void createsAProjectAndReportsBadFoldersInADialog(FxRobot robot) throws Exception {
        Path fresh = tmp.resolve("created");
        robot.interact(() -> window.createProject(fresh, "Declarações", java.util.List.of("pt", "ru")));
        assertThat(window.project()).isNotNull();
        assertThat(window.project().manifest().languages()).containsExactly("pt", "ru");
        assertThat(window.stage().getTitle()).contains("Declarações");
        assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
        robot.interact(window::closeProject);
        assertThat(robot.lookup("#welcome").tryQuery()).isPresent();

        Path notAProject = java.nio.file.Files.createDirectories(tmp.resolve("plain-folder"));
        javafx.application.Platform.runLater(() -> window.openProject(notAProject));
        WaitForAsyncUtils.waitForFxEvents();
        var dialog = robot.lookup("#error-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getContentText()).isEqualTo(notAProject
                + ": not a Diptych project (no diptych.json); create one with 'diptych new'");
        robot.clickOn("OK");
        javafx.application.Platform.runLater(() -> window.createProject(fresh, "again", java.util.List.of("en")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-dialog").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .isEqualTo(fresh + ": folder is not empty; choose a new folder for the project");
        robot.clickOn("OK");
        assertThat(window.project()).isNull();
    }

    @Test
    void theStatementsListShowsTitleLanguagesProgressAndFiltersThoseThatNeedWork(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("progress");
        try (org.diptych.project.Project p = org.diptych.project.Project.create(dir, "Progress", java.util.List.of("en", "ru"))) {
            p.saveVersion(Fixtures.STATEMENT, Fixtures.english(), null);
            p.saveVersion(Fixtures.STATEMENT, Fixtures.russian(), null);
            p.saveAlignment(Fixtures.englishRussian());
            p.saveVersion("2024-04-01-done", Fixtures.english(), null); // one version of two: a translation to make
        }
        prefs.setReviewer("Ana");
        robot.interact(() -> window.openProject(dir));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup(".statement-summary").queryAll().size() == 2);
        javafx.scene.control.TreeCell<?> cell = robot.lookup(".tree-cell")
                .match((javafx.scene.control.TreeCell<?> c) -> c.getItem() != null
                        && Fixtures.STATEMENT.equals(((MainWindow.Nav) c.getItem()).statementId()) && ((MainWindow.Nav) c.getItem()).lang() == null)
                .query();
        assertThat(cell.getText()).as("the title, not only the id").isEqualTo("Solidarity with the strikers");
        assertThat(((javafx.scene.control.Label) cell.getGraphic()).getText())
                .isEqualTo(Fixtures.STATEMENT + " · en ru\nen→ru: 0 of 8 confirmed, 3 doubtful, 1 untranslated");
        assertThat(robot.lookup(".statement-summary").queryAll()).extracting(n -> ((javafx.scene.control.Label) n).getText())
                .contains("2024-04-01-done · en · no ru");

        // reviewing in the desk: the last row selected, everything above confirmed, then the last row
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.desk().viewModel().cursorProperty().set(7));
        robot.clickOn("#button-confirmAbove");
        robot.interact(() -> window.desk().viewModel().cursorProperty().set(7));
        robot.clickOn("#button-confirm");
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> window.statementProgress(Fixtures.STATEMENT).pairs().get(0).confirmed() == 8);
        assertThat(window.statementProgress(Fixtures.STATEMENT).pairs())
                .containsExactly(new org.diptych.review.StatementProgress.Pair("en", "ru", 8, 8, 0, 0));
        // the tree may rebuild its cells on the refresh: look the statement's row up again rather than holding one cell
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(".statement-summary").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText())
                .anyMatch(t -> t.startsWith(Fixtures.STATEMENT + " ") && t.endsWith("en→ru: 8 of 8 confirmed, 0 doubtful, 0 untranslated")));

        robot.clickOn("#statements-needs-work");
        assertThat(window.tree().getRoot().getChildren()).extracting(i -> i.getValue().statementId())
                .as("only the statement with work left").containsExactly("2024-04-01-done");
        robot.clickOn("#statements-needs-work");
        assertThat(window.tree().getRoot().getChildren()).hasSize(2);
        assertThat(window.desk().statementId()).as("the desk stays where it was").isEqualTo(Fixtures.STATEMENT);
    }

    @Test
    void opensProjectAndShowsParagraphsOfAVersion(FxRobot robot) throws Exception {
        Path dir = Fixtures.project(tmp.resolve("shell"));
        robot.interact(() -> window.openProject(dir));
        assertThat(window.tree().getRoot().getChildren()).extracting(i -> i.getValue().statementId())
                .containsExactly(Fixtures.STATEMENT);
        TreeItem<MainWindow.Nav> st = window.tree().getRoot().getChildren().get(0);
        // in the project's language order (en, ru, pt), not alphabetical
        assertThat(st.getChildren()).extracting(i -> i.getValue().lang()).containsExactly("en", "ru", "pt");
        // the statement's progress is counted in the background and then shown under its title, which moves the
        // rows below it down: wait for it, or the click meant for "ru" can land on the row that moved there (a
        // CI-like run at load 9 timed out waiting for the ru paragraphs)
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup(".statement-summary").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".tree-cell").match((javafx.scene.control.TreeCell<?> c) -> "ru".equals(c.getText()))
                .queryAs(javafx.scene.Node.class));
        // the version is read off the FX thread: wait for the list to show it, not for a fixed number of events
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> window.paragraphs().getItems().size() == 8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.paragraphs().getItems()).hasSize(8);
        assertThat(window.paragraphs().getItems().get(1).text()).isEqualTo("Докеры порта бастуют уже три недели.");
        assertThat(robot.lookup("#paragraph-list").queryListView().isVisible()).isTrue();
        assertThat(robot.lookup("#paragraphs-header").queryLabeled().getText())
                .isEqualTo(Fixtures.STATEMENT + " · ru · 8 paragraphs (markdown)");
        assertThat(robot.lookup("Докеры порта бастуют уже три недели.").tryQuery()).isPresent();
        assertThat(prefs.recentProjects()).containsExactly(dir.toAbsolutePath().normalize());

        // a new, empty project shows none of the previous one's paragraphs or messages
        robot.interact(() -> window.createProject(tmp.resolve("empty"), "Empty", java.util.List.of("en", "pt")));
        assertThat(window.paragraphs().getItems()).isEmpty();
        assertThat(robot.lookup("#paragraphs-header").queryLabeled().getText()).isEqualTo(window.i18n().t("paragraphs.none"));
        assertThat(robot.lookup("Докеры порта бастуют уже три недели.").tryQuery()).isEmpty();
        if (System.getProperty("diptych.debugshots") != null) {
            robot.interact(() -> {
                try {
                    FxFixtures.savePng(window.stage().getScene(), Path.of("target/main-test.png"));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
        }
    }

    /**
     * In Russian and in Portuguese no button, menu item, tab or tooltip of the window shows an English text
     * of the interface, the standard dialog buttons included, and the translation panel stays open across
     * the switch.
     */
    @Test
    void russianAndPortugueseShowNoEnglishAndKeepTheTranslationPanel(FxRobot robot) throws Exception {
        Path dir = Fixtures.project(tmp.resolve("langs"));
        robot.interact(() -> {
            window.openProject(dir);
            window.selectInTree(Fixtures.STATEMENT, null);
            window.translatePanel().shownProperty().set(true);
        });
        java.util.Properties en = bundle("messages.properties");
        for (String tag : new String[] {"ru", "pt"}) {
            java.util.Properties tr = bundle("messages_" + tag + ".properties");
            java.util.Set<String> english = new java.util.HashSet<>();
            for (String k : en.stringPropertyNames()) {
                if (!en.getProperty(k).equals(tr.getProperty(k))) english.add(en.getProperty(k));
            }
            prefs.setLanguage(tag);
            robot.interact(window::rebuild);
            assertThat(window.translatePanel().shownProperty().get()).as(tag + ": panel kept").isTrue();
            java.util.List<String> texts = new java.util.ArrayList<>();
            robot.interact(() -> collect(window.stage().getScene().getRoot(), texts));
            for (var m : robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus()) collect(m, texts);
            assertThat(texts).as(tag).hasSizeGreaterThan(40).noneMatch(english::contains);
            // a standard dialog names its buttons in the interface language
            javafx.application.Platform.runLater(() -> org.diptych.ui.Dialogs.error(window.stage(), "x", "y"));
            WaitForAsyncUtils.waitForFxEvents();
            var pane = robot.lookup("#error-dialog").queryAs(javafx.scene.control.DialogPane.class);
            var ok = (javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK);
            assertThat(ok.getText()).isEqualTo(tr.getProperty("button.ok"));
            robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
        }
    }

    private static java.util.Properties bundle(String name) throws java.io.IOException {
        var p = new java.util.Properties();
        try (var in = MainWindowTest.class.getResourceAsStream("/org/diptych/ui/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    private static void collect(javafx.scene.Node n, java.util.List<String> out) {
        if (n instanceof javafx.scene.control.Labeled l) {
            if (l.getText() != null && !l.getText().isBlank()) out.add(l.getText());
            if (l.getTooltip() != null) out.add(l.getTooltip().getText());
        }
        if (n instanceof javafx.scene.control.TabPane tp) for (var t : tp.getTabs()) out.add(t.getText());
        if (n instanceof javafx.scene.control.ToolBar tb) for (var c : tb.getItems()) collect(c, out);
        if (n instanceof javafx.scene.Parent p) for (var c : p.getChildrenUnmodifiable()) collect(c, out);
    }

    private static void collect(javafx.scene.control.MenuItem m, java.util.List<String> out) {
        if (m.getText() != null && !m.getText().isBlank()) out.add(m.getText());
        if (m instanceof javafx.scene.control.Menu menu) for (var i : menu.getItems()) collect(i, out);
    }
}
