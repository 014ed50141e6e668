package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
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

import org.diptych.project.Project;
import org.diptych.qa.QaRule;
import org.diptych.spell.ProjectDictionary;
import org.diptych.translate.Demo;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.shell.MainWindow;

/**
 * Spell checking in the translation editor, in the window: a misspelt Portuguese word typed into an empty
 * row is underlined after a pause, a right click offers LanguageTool's suggestions, choosing one fixes the
 * word (and Ctrl+Z takes the fix back); a name added to the project's dictionary loses its underline and is
 * in {@code dictionary.pt.txt}.
 */
@ExtendWith(FxApp.class)
class EditorSpellingUiTest {
    static final String TYPED = "Os operários da Severotruba exigem condiçoes seguras.";

    Path tmp;
    Path dir;
    UiPrefs prefs;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("diptych-spelling");
        dir = Demo.copy(tmp.resolve("demo"));
        try (Project p = Project.open(dir, true)) {
            p.saveAlignment(Demo.heatRuPt(p));
        }
        prefs = FxFixtures.freshPrefs();
        prefs.setSpellCheck(true);
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

    private boolean underlined(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!editor().getStyleOfChar(i).contains(TranslationEditor.SPELLING_CLASS)) return false;
        }
        return true;
    }

    /** Underlined, and the finding there is the current text's (a right click on it offers its menu). */
    private boolean flagged(int from, int to) {
        return underlined(from, to) && editor().findingAt(from) != null;
    }

    private boolean underlinedAnywhere(int from, int to) {
        for (int i = from; i < to; i++) {
            if (editor().getStyleOfChar(i).contains(TranslationEditor.SPELLING_CLASS)) return true;
        }
        return false;
    }

    /** Right-clicks the middle of the characters {@code [from, to)} of the editor. */
    private void rightClick(FxRobot robot, int from, int to) {
        Bounds[] b = new Bounds[1];
        robot.interact(() -> b[0] = editor().getCharacterBoundsOnScreen(from, to).orElseThrow());
        robot.moveTo(new javafx.geometry.Point2D(b[0].getMinX() + b[0].getWidth() / 2, b[0].getMinY() + b[0].getHeight() / 2));
        robot.clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aMisspellingIsUnderlinedFixedFromItsMenuAndANameGoesToTheDictionary(FxRobot robot) throws Exception {
        robot.clickOn(window.desk().table());
        robot.interact(() -> window.desk().viewModel().cursorProperty().set(14)); // ru p15, no Portuguese yet
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor().isFocused()).isTrue();
        assertThat(editor().getText()).isEmpty();
        FxFixtures.write(robot, TYPED);
        assertThat(editor().getText()).isEqualTo(TYPED);

        // the checker is made in the background the first time: the underline comes when it answers
        int bad = TYPED.indexOf("condiçoes");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> flagged(bad, bad + "condiçoes".length()));
        assertThat(underlinedAnywhere(0, TYPED.indexOf("Severotruba"))).as("«Os operários da» is right").isFalse();

        rightClick(robot, bad, bad + 3);
        List<MenuItem> items = panel().spelling().menu().getItems();
        assertThat(panel().spelling().menu().isShowing()).isTrue();
        int pick = -1;
        for (int i = 0; i < items.size(); i++) if ("condições".equals(items.get(i).getText())) pick = i;
        assertThat(pick).as(items.stream().map(MenuItem::getText).toList().toString()).isGreaterThanOrEqualTo(0);
        robot.clickOn("#sp-suggestion-" + pick);
        WaitForAsyncUtils.waitForFxEvents();
        String fixed = TYPED.replace("condiçoes", "condições");
        assertThat(editor().getText()).isEqualTo(fixed);

        // the fix is an edit like typing: Ctrl+Z in the editor takes it back
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor().getText()).isEqualTo(TYPED);
        robot.interact(() -> editor().replaceText(bad, bad + "condiçoes".length(), "condições"));

        // the name: flagged, added to the project's dictionary from its menu, then no longer underlined
        int name = fixed.indexOf("Severotruba");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> flagged(name, name + "Severotruba".length()));
        rightClick(robot, name, name + 4);
        robot.clickOn("#sp-add");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !underlinedAnywhere(0, editor().getLength()));
        Path file = dir.resolve("dictionary.pt.txt");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly("Severotruba");
        try (Project p = Project.open(dir, false)) {
            assertThat(ProjectDictionary.load(p, "pt").accepts("Severotruba")).isTrue();
        }

        // QA (F9) lists a misspelling of the row as a spelling warning
        robot.interact(() -> editor().replaceText(0, 2, "Oos"));
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> panel().qaList().getItems().stream()
                .anyMatch(q -> q.rule() == QaRule.SPELLING && q.bead() == 14 && q.args().get(0).equals("Oos")));
        assertThat(panel().qaList().getItems()).filteredOn(q -> q.rule() == QaRule.SPELLING)
                .extracting(q -> q.args().get(0)).doesNotContain("Severotruba");

        // Preferences: spell checking off takes the underlines away, and QA lists no spelling
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> underlinedAnywhere(0, 3));
        robot.clickOn("#menu-file").clickOn("#menu-preferences");
        robot.clickOn("#prefs-spelling");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(prefs.spellCheck()).isFalse();
        assertThat(underlinedAnywhere(0, editor().getLength())).isFalse();
        robot.clickOn(editor());
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> panel().qaList().getItems().stream()
                .noneMatch(q -> q.rule() == QaRule.SPELLING));
    }
}
