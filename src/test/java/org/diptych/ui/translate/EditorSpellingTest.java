package org.diptych.ui.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.diptych.ui.FxApp;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.diptych.spell.ProjectSpelling;
import org.diptych.spell.Spelling;
import org.diptych.ui.I18n;

/**
 * {@link EditorSpelling} on an editor of its own, with checkers of its own: nothing is loaded while the panel
 * is closed, opening it checks the text, and a word ignored from the menu loses its underline.
 */
@ExtendWith(FxApp.class)
class EditorSpellingTest {
    private final Spelling checkers = new Spelling();
    private TranslationEditor editor;
    private EditorSpelling spelling;

    @Start
    void start(Stage stage) {
        editor = new TranslationEditor();
        spelling = new EditorSpelling(editor, new I18n(Locale.ENGLISH), checkers, text -> { });
        stage.setScene(new Scene(editor, 500, 200));
        stage.show();
    }

    private boolean underlined(String word) {
        int at = editor.getText().indexOf(word);
        return at >= 0 && editor.getStyleOfChar(at).contains(TranslationEditor.SPELLING_CLASS)
                && editor.findingAt(at) != null;
    }

    @Test
    void aClosedPanelLoadsNoCheckerAndOpeningItChecks(FxRobot robot) throws Exception {
        robot.interact(() -> {
            spelling.setLanguage(ProjectSpelling.none("en", "en"));
            editor.setText("The dockers of Krasnoborsk met on Tusday.");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(checkers.requested("en")).as("no checker for a closed panel").isFalse();

        robot.interact(() -> spelling.setShown(true));
        assertThat(checkers.requested("en")).isTrue();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> underlined("Tusday") && underlined("Krasnoborsk"));

        // Ignore, from the word's menu (the menu's action, as a click on it runs it)
        int at = editor.getText().indexOf("Krasnoborsk");
        robot.interact(() -> spelling.showMenuAt(at));
        robot.interact(() -> spelling.menu().getItems().stream().filter(i -> "sp-ignore".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !underlined("Krasnoborsk") && underlined("Tusday"));
    }
}
