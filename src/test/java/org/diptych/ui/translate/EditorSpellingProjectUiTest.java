package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.diptych.qa.QaIssue;
import org.diptych.qa.QaRule;
import org.diptych.translate.Demo;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.shell.MainWindow;

/**
 * Spell checking as a project sets it, in the window: a Brazilian site (its pt profile names {@code pt_BR}) is
 * checked with Brazilian spelling in the editor and in QA; a word ignored and a grammar rule ignored from the
 * editor's menu are kept in the project folder, honoured by QA, and still ignored in a window opened again on
 * the project; the context-menu key and Shift+F10 open the menu at the caret, wherever the mouse is.
 */
@ExtendWith(FxApp.class)
class EditorSpellingProjectUiTest {
    /** Brazilian spelling ("contato econômico"), a name, a doubled article and one misspelling. */
    static final String TYPED = "Os os operários da Severotruba querem um contato econômico na reuniao.";
    static final int ROW = 14; // ru p15, no Portuguese yet

    Path tmp;
    Path dir;
    UiPrefs prefs;
    Stage stage;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        tmp = Files.createTempDirectory("diptych-spelling-project");
        dir = Demo.copy(tmp.resolve("demo"));
        try (Project p = Project.open(dir, true)) {
            p.saveAlignment(Demo.heatRuPt(p));
            p.saveManifest(p.manifest().withSite("pt", new SiteProfile("https://example.org/pt/:year/:month/:day/:slug/",
                    "pt/_posts/:year-:month-:day-:slug.md", "top-line", "pt_BR")));
        }
        prefs = FxFixtures.freshPrefs();
        prefs.setSpellCheck(true);
        openWindow();
    }

    private void openWindow() {
        window = FxFixtures.openWindow(stage, prefs, dir);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
    }

    private TranslatePanel panel() {
        return window.translatePanel();
    }

    private TranslationEditor editor() {
        return panel().editor();
    }

    private boolean styled(String cls, int from, int to) {
        for (int i = from; i < to; i++) if (!editor().getStyleOfChar(i).contains(cls)) return false;
        return true;
    }

    private boolean styledAnywhere(String cls, int from, int to) {
        for (int i = from; i < to; i++) if (editor().getStyleOfChar(i).contains(cls)) return true;
        return false;
    }

    /** The word is underlined as a misspelling and the finding there is the current text's. */
    private boolean misspelt(String word) {
        int at = editor().getText().indexOf(word);
        return at >= 0 && styled(TranslationEditor.SPELLING_CLASS, at, at + word.length()) && editor().findingAt(at) != null;
    }

    private boolean underlinedAt(String word) {
        int at = editor().getText().indexOf(word);
        return styledAnywhere(TranslationEditor.SPELLING_CLASS, at, at + word.length())
                || styledAnywhere(TranslationEditor.GRAMMAR_CLASS, at, at + word.length());
    }

    private void rightClick(FxRobot robot, int from, int to) {
        Bounds[] b = new Bounds[1];
        robot.interact(() -> b[0] = editor().getCharacterBoundsOnScreen(from, to).orElseThrow());
        robot.moveTo(new Point2D(b[0].getMinX() + b[0].getWidth() / 2, b[0].getMinY() + b[0].getHeight() / 2));
        robot.clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for {@code condition}; on a timeout the failure says what the editor holds and what it checks. */
    private void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            String[] state = new String[1];
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> state[0] = "text «" + editor().getText() + "», findings "
                    + editor().findings() + ", checking " + (panel().spelling().target() == null ? "nothing"
                    : panel().spelling().target().lang() + " as " + panel().spelling().target().locale())
                    + ", panel shown " + panel().shownProperty().get());
            throw new AssertionError("timed out after " + seconds + " s: " + state[0], e);
        }
    }

    private void translateRow(FxRobot robot) {
        robot.clickOn(window.desk().table());
        robot.interact(() -> window.desk().viewModel().cursorProperty().set(ROW));
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor().isFocused()).isTrue();
    }

    private List<QaIssue> qaOfRow(FxRobot robot, String waitForWord) throws Exception {
        robot.clickOn(editor());
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> panel().qaList().getItems().stream()
                .anyMatch(q -> q.rule() == QaRule.SPELLING && q.bead() == ROW && q.args().get(0).equals(waitForWord)));
        return panel().qaList().getItems().stream().filter(q -> q.bead() == ROW
                && (q.rule() == QaRule.SPELLING || q.rule() == QaRule.GRAMMAR)).toList();
    }

    @Test
    void aBrazilianSiteIsCheckedAsBrazilianAndIgnoresAreKeptInTheProject(FxRobot robot) throws Exception {
        translateRow(robot);
        assertThat(editor().getText()).isEmpty();
        FxFixtures.write(robot, TYPED);
        assertThat(editor().getText()).isEqualTo(TYPED);

        // pt-BR: the misspelling and the name are flagged, the Brazilian spelling is not
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> misspelt("reuniao") && misspelt("Severotruba")
                && styled(TranslationEditor.GRAMMAR_CLASS, 0, "Os os".length()));
        assertThat(underlinedAt("contato econômico")).as("Brazilian spelling on a pt_BR site").isFalse();
        assertThat(qaOfRow(robot, "reuniao")).extracting(q -> q.args().get(0))
                .containsExactlyInAnyOrder("Os os", "Severotruba", "reuniao");

        // the name: Ignore, from its menu; kept in ignored-words.pt.txt
        int name = TYPED.indexOf("Severotruba");
        rightClick(robot, name, name + 4);
        robot.clickOn("#sp-ignore");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !underlinedAt("Severotruba") && misspelt("reuniao"));
        assertThat(Files.readAllLines(dir.resolve("ignored-words.pt.txt"), StandardCharsets.UTF_8))
                .containsExactly("Severotruba");

        // the doubled article: Ignore this rule, from its menu; kept in ignored-rules.pt.txt by rule id
        String rule = editor().findingAt(0).rule();
        rightClick(robot, 0, 2);
        robot.clickOn("#sp-ignore-rule");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !underlinedAt("Os os") && misspelt("reuniao"));
        assertThat(Files.readAllLines(dir.resolve("ignored-rules.pt.txt"), StandardCharsets.UTF_8)).containsExactly(rule);

        // QA honours both
        robot.interact(() -> panel().qaList().getItems().clear());
        assertThat(qaOfRow(robot, "reuniao")).extracting(q -> q.args().get(0)).containsExactly("reuniao");

        // a window opened again on the project still ignores them
        robot.interact(() -> {
            window.close();
            openWindow();
        });
        translateRow(robot);
        // the row holds the translation saved before (a blank line typed after it makes a check now, as typing does)
        assertThat(editor().getText()).isEqualTo(TYPED);
        robot.interact(() -> editor().replaceText(0, editor().getLength(), TYPED + " "));
        waitUntil(60, () -> misspelt("reuniao"));
        assertThat(underlinedAt("Severotruba")).isFalse();
        assertThat(underlinedAt("Os os")).isFalse();
        assertThat(underlinedAt("contato econômico")).isFalse();
    }

    @Test
    void theContextMenuKeyAndShiftF10OpenTheMenuAtTheCaret(FxRobot robot) throws Exception {
        translateRow(robot);
        FxFixtures.write(robot, TYPED);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> misspelt("reuniao"));
        int bad = TYPED.indexOf("reuniao");
        // the mouse far from the word: the menu must follow the caret, not the pointer
        robot.moveTo(new Point2D(stage.getX() + 5, stage.getY() + 5));
        robot.interact(() -> editor().positionCaret(bad + 3));
        Bounds[] caret = new Bounds[1];
        robot.interact(() -> caret[0] = editor().getCaretBounds().orElseThrow());

        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        var menu = panel().spelling().menu();
        assertThat(menu.isShowing()).as("Shift+F10 opens the menu").isTrue();
        assertThat(menu.getItems()).extracting(MenuItem::getText).contains("reunião");
        assertThat(menu.getAnchorX()).isBetween(caret[0].getMinX() - 2, caret[0].getMaxX() + 2);
        assertThat(menu.getAnchorY()).isBetween(caret[0].getMinY(), caret[0].getMaxY() + 2);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.isShowing()).isFalse();

        // the context-menu key, with the caret just after the word
        robot.interact(() -> editor().positionCaret(bad + "reuniao".length()));
        robot.type(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.isShowing()).as("the context-menu key opens the menu").isTrue();
        int pick = -1;
        for (int i = 0; i < menu.getItems().size(); i++) if ("reunião".equals(menu.getItems().get(i).getText())) pick = i;
        assertThat(pick).isGreaterThanOrEqualTo(0);
        robot.clickOn("#sp-suggestion-" + pick);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor().getText()).isEqualTo(TYPED.replace("reuniao", "reunião"));
    }
}
