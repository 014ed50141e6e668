package org.diptych.ui.translate;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

import org.diptych.DiptychException;
import org.diptych.spell.ProjectDictionary;
import org.diptych.spell.SpellFinding;
import org.diptych.spell.Spelling;
import org.diptych.ui.I18n;

/**
 * Spell checking as the translator types, in the {@link TranslationEditor}: a pause in typing (0.4 s) starts a
 * check of the editor's text on a background thread ({@link Spelling}'s checker of the target language, made
 * the first time a row is shown in the open panel), and the findings come back as underlines if the text is
 * still the same. A right click on
 * one offers its suggestions (choosing one replaces the word: an edit like typing, so Ctrl+Z takes it back),
 * "Add to the project's dictionary" (written at once, every editor of the language then accepts the word) and
 * "Ignore" (for the rest of the session); elsewhere Cut, Copy and Paste.
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
    /** Words ignored in this window (any language), until it closes. */
    private final Set<String> ignored = ConcurrentHashMap.newKeySet();
    private final ContextMenu menu = new ContextMenu();

    private boolean enabled = true;
    /** The panel is open: a hidden editor is not checked (and makes no checker). */
    private boolean shown;
    private String lang;
    private ProjectDictionary dictionary = ProjectDictionary.none();
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
            if (enabled && shown && lang != null) pause.playFromStart();
        });
        editor.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
        // where the platform sends no context-menu event for a right click
        editor.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
                showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /** The language checked and its project dictionary (the pair shown changed); null: none. */
    void setLanguage(String language, ProjectDictionary dict) {
        this.lang = language;
        this.dictionary = dict == null ? ProjectDictionary.none() : dict;
        checkNow();
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

    /** What the project's dictionary and the words ignored accept. */
    Predicate<String> accepted() {
        ProjectDictionary d = dictionary;
        return w -> ignored.contains(w) || d.accepts(w);
    }

    /** Checks the editor's text now (after a pause in typing, a new row, a word added). */
    void checkNow() {
        pause.stop();
        long gen = ++generation;
        String text = editor.getText();
        if (!enabled || !shown || lang == null || text.isBlank()) {
            editor.showFindings(List.of(), text);
            return;
        }
        Predicate<String> ok = accepted();
        spelling.checker(lang).thenAcceptAsync(checker -> {
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
                ignore.setOnAction(e -> {
                    ignored.add(f.word());
                    checkNow();
                });
                menu.getItems().addAll(new SeparatorMenuItem(), add, ignore);
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
        try {
            if (dictionary.add(word)) say.accept(i18n.t("sp.added", word, lang));
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
