package org.diptych.ui.translate;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

import org.diptych.DiptychException;
import org.diptych.spell.ProjectSpelling;
import org.diptych.spell.SpellFinding;
import org.diptych.spell.Spelling;
import org.diptych.ui.I18n;

/**
 * Spell checking as the translator types, in the {@link TranslationEditor}: a pause in typing (0.4 s) starts a
 * check of the editor's text on a background thread ({@link Spelling}'s checker of the target's locale, as
 * {@link ProjectSpelling} finds it, made the first time a row is shown in the open panel), and the findings come
 * back as underlines if the text is still the same. A right click on one, or the context-menu key or Shift+F10
 * with the caret in it (the menu then opens at the caret), offers its suggestions (choosing one replaces the
 * word: an edit like typing, so Ctrl+Z takes it back); for a misspelling "Add to the project's dictionary" and
 * "Ignore" (both kept in the project folder, so reopening the project keeps them), for a grammar finding
 * "Ignore this rule" (by LanguageTool rule id, kept in the project too); elsewhere Cut, Copy and Paste. QA sees
 * the same locale, words and rules through {@link #checkers()} and {@link #accepted()}.
 */
final class EditorSpelling {
    private final TranslationEditor editor;
    private final I18n i18n;
    private final Spelling spelling;
    private final Consumer<String> say;
    private final PauseTransition pause = new PauseTransition(Duration.millis(400));
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spell-check");
        t.setDaemon(true);
        return t;
    });
    private final ContextMenu menu = new ContextMenu();

    private boolean enabled = true;
    /** The panel is open: a hidden editor is not checked (and makes no checker). */
    private boolean shown;
    /** The target language's locale, dictionary and ignores; null: nothing to check. */
    private volatile ProjectSpelling target;
    /** Counts the checks asked for: an answer to an older one is dropped. */
    private long generation;

    EditorSpelling(TranslationEditor editor, I18n i18n, Spelling spelling, Consumer<String> say) {
        this.editor = editor;
        this.i18n = i18n;
        this.spelling = spelling;
        this.say = say;
        menu.setId("sp-menu");
        pause.setOnFinished(e -> checkNow());
        editor.textProperty().addListener((o, a, b) -> {
            if (enabled && shown && target != null) pause.playFromStart();
        });
        editor.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) showMenuAtCaret();
            else showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
        // the keyboard's own ways to the menu, where the platform sends no context-menu event for them
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CONTEXT_MENU
                    || e.getCode() == KeyCode.F10 && e.isShiftDown() && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                showMenuAtCaret();
                e.consume();
            }
        });
        // where the platform sends no context-menu event for a right click
        editor.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
                showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /** The language checked, its locale, dictionary and ignores (the pair shown changed); null: none. */
    void setLanguage(ProjectSpelling spelling) {
        this.target = spelling;
        checkNow();
    }

    /** What the editor checks now (null: nothing). */
    ProjectSpelling target() {
        return target;
    }

    /** Spell checking on or off (Preferences): off, the underlines go and no checker is made. */
    void setEnabled(boolean on) {
        enabled = on;
        checkNow();
    }

    /** The panel was opened or closed: opened, the editor's text is checked. */
    void setShown(boolean on) {
        shown = on;
        checkNow();
    }

    boolean enabled() {
        return enabled;
    }

    /** What the project's dictionary and the words ignored accept (in the language checked now). */
    Predicate<String> accepted() {
        ProjectSpelling t = target;
        return t == null ? w -> false : t::accepts;
    }

    /**
     * The checkers as the editor uses them, for QA: the language checked now in its locale and without its
     * ignored rules; another language as it is.
     */
    Spelling checkers() {
        return spelling.forProject(l -> {
            ProjectSpelling t = target;
            return t != null && t.lang().equals(l) ? t : null;
        });
    }

    /** Checks the editor's text now (after a pause in typing, a new row, a word added). */
    void checkNow() {
        pause.stop();
        long gen = ++generation;
        String text = editor.getText();
        ProjectSpelling t = target;
        if (!enabled || !shown || t == null || text.isBlank()) {
            editor.showFindings(List.of(), text);
            return;
        }
        Predicate<String> ok = t::accepts;
        spelling.forProject(l -> t).checker(t.lang()).thenAcceptAsync(checker -> {
            if (checker.isEmpty()) return;
            List<SpellFinding> found = checker.get().check(text, ok);
            Platform.runLater(() -> {
                if (gen == generation && enabled && shown) editor.showFindings(found, text);
            });
        }, checks).exceptionally(err -> {
            Throwable cause = err.getCause() == null ? err : err.getCause();
            Platform.runLater(() -> say.accept(i18n.t("sp.failed", String.valueOf(cause.getMessage()))));
            return null;
        });
    }

    private void showMenu(double x, double y, double screenX, double screenY) {
        var hit = editor.hit(x, y);
        openMenu(hit.getCharacterIndex().orElse(hit.getInsertionIndex()), screenX, screenY);
    }

    /**
     * Opens the menu at the caret, for the finding the caret is in or just after (the context-menu key,
     * Shift+F10).
     */
    void showMenuAtCaret() {
        int caret = editor.getCaretPosition();
        int index = editor.findingAt(caret) == null && caret > 0 && editor.findingAt(caret - 1) != null ? caret - 1 : caret;
        var b = editor.getCaretBounds();
        openMenu(index, b.map(x -> x.getMinX()).orElse(0.0), b.map(x -> x.getMaxY()).orElse(0.0));
    }

    /** Opens the menu of the character at {@code index} under it (as a right click there does). */
    void showMenuAt(int index) {
        var b = editor.getCharacterBoundsOnScreen(index, Math.min(index + 1, editor.getLength()));
        openMenu(index, b.map(x -> x.getMinX()).orElse(0.0), b.map(x -> x.getMaxY()).orElse(0.0));
    }

    private void openMenu(int index, double screenX, double screenY) {
        SpellFinding f = editor.findingAt(index);
        menu.getItems().clear();
        if (f != null) {
            if (editor.isEditable()) {
                for (int i = 0; i < f.suggestions().size(); i++) {
                    String s = f.suggestions().get(i);
                    MenuItem item = new MenuItem(s);
                    item.setId("sp-suggestion-" + i);
                    item.setOnAction(e -> replace(f, s));
                    menu.getItems().add(item);
                }
            }
            if (f.suggestions().isEmpty()) {
                MenuItem none = new MenuItem(i18n.t("sp.noSuggestions"));
                none.setDisable(true);
                menu.getItems().add(none);
            }
            if (f.kind() == SpellFinding.Kind.SPELLING) {
                MenuItem add = new MenuItem(i18n.t("sp.add", f.word()));
                add.setId("sp-add");
                add.setOnAction(e -> addToDictionary(f.word()));
                MenuItem ignore = new MenuItem(i18n.t("sp.ignore", f.word()));
                ignore.setId("sp-ignore");
                ignore.setOnAction(e -> ignoreWord(f.word()));
                menu.getItems().addAll(new SeparatorMenuItem(), add, ignore);
            } else {
                MenuItem rule = new MenuItem(i18n.t("sp.ignoreRule", f.rule()));
                rule.setId("sp-ignore-rule");
                rule.setOnAction(e -> ignoreRule(f.rule()));
                menu.getItems().addAll(new SeparatorMenuItem(), rule);
            }
            menu.getItems().add(new SeparatorMenuItem());
        }
        MenuItem cut = new MenuItem(i18n.t("sp.cut"));
        cut.setOnAction(e -> editor.cut());
        cut.setDisable(!editor.isEditable() || editor.getSelection().getLength() == 0);
        MenuItem copy = new MenuItem(i18n.t("sp.copy"));
        copy.setOnAction(e -> editor.copy());
        copy.setDisable(editor.getSelection().getLength() == 0);
        MenuItem paste = new MenuItem(i18n.t("sp.paste"));
        paste.setOnAction(e -> editor.paste());
        paste.setDisable(!editor.isEditable());
        menu.getItems().addAll(cut, copy, paste);
        menu.hide();
        menu.show(editor, screenX, screenY);
    }

    /** Replaces a finding's text with a suggestion: one edit, undone by Ctrl+Z like typing. */
    private void replace(SpellFinding f, String suggestion) {
        if (!editor.getText().regionMatches(f.offset(), f.word(), 0, f.length())) return;
        editor.replaceText(f.offset(), f.end(), suggestion);
        editor.moveTo(f.offset() + suggestion.length());
        editor.requestFocus();
        checkNow();
    }

    private void addToDictionary(String word) {
        ProjectSpelling t = target;
        if (t == null) return;
        try {
            if (t.dictionary().add(word)) say.accept(i18n.t("sp.added", word, t.lang()));
        } catch (DiptychException e) {
            say.accept(e.getMessage());
        }
        checkNow();
    }

    private void ignoreWord(String word) {
        ProjectSpelling t = target;
        if (t == null) return;
        try {
            if (t.ignoreWord(word)) say.accept(i18n.t("sp.ignored", word, t.lang()));
        } catch (DiptychException e) {
            say.accept(e.getMessage());
        }
        checkNow();
    }

    private void ignoreRule(String rule) {
        ProjectSpelling t = target;
        if (t == null) return;
        try {
            if (t.ignoreRule(rule)) say.accept(i18n.t("sp.ruleIgnored", rule, t.lang()));
        } catch (DiptychException e) {
            say.accept(e.getMessage());
        }
        checkNow();
    }

    /** The menu shown by a right click (for tests and for the panel's Escape). */
    ContextMenu menu() {
        return menu;
    }
}
