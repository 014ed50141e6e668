package org.diptych.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;

/**
 * One user command with its text, shortcut and handler, from which the menu item, the toolbar button
 * and the scene shortcut are made, so that the three always agree.
 */
public final class UiAction {
    private final String id;
    private final String text;
    private final String shortText;
    private final KeyCombination shortcut;
    private final Runnable handler;
    private final BooleanProperty disabled = new SimpleBooleanProperty();

    /**
     * @param id        stable id (used as the controls' css id: {@code menu-<id>}, {@code button-<id>})
     * @param text      menu text
     * @param shortText toolbar text
     * @param shortcut  key combination, or null
     */
    public UiAction(String id, String text, String shortText, KeyCombination shortcut, Runnable handler) {
        this.id = id;
        this.text = text;
        this.shortText = shortText;
        this.shortcut = shortcut;
        this.handler = handler;
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public KeyCombination shortcut() {
        return shortcut;
    }

    public BooleanProperty disabledProperty() {
        return disabled;
    }

    /** Makes the action disabled whenever {@code condition} holds. */
    public UiAction disableWhen(BooleanExpression condition) {
        disabled.bind(condition);
        return this;
    }

    /** Runs the handler unless the action is disabled. */
    public void fire() {
        if (!disabled.get()) handler.run();
    }

    /** The text with its shortcut, e.g. {@code "Merge with next (Ctrl+M)"}. */
    public String tooltipText() {
        return shortcut == null ? text : text + " (" + shortcut.getDisplayText() + ")";
    }

    public MenuItem menuItem() {
        MenuItem m = new MenuItem(text);
        m.setId("menu-" + id);
        if (shortcut != null) m.setAccelerator(shortcut);
        m.disableProperty().bind(disabled);
        m.setOnAction(e -> fire());
        return m;
    }

    public Button button() {
        Button b = new Button(shortText);
        b.setId("button-" + id);
        b.setTooltip(new Tooltip(tooltipText()));
        b.disableProperty().bind(disabled);
        keyboardOnlyFocus(b);
        b.setOnAction(e -> fire());
        return b;
    }

    /**
     * Makes {@code b} reachable by Tab (and fired by Space) but leaves the focus where it was when it is
     * clicked, like Swing's {@code setRequestFocusEnabled(false)}: a translator who clicks a toolbar button
     * goes on typing in the editor, and Enter after a click still confirms the row rather than pressing
     * the button again. JavaFX's button takes the focus on a press only when it is focus-traversable, so
     * it is made so for the length of the press only when something else holds the focus.
     */
    public static void keyboardOnlyFocus(javafx.scene.control.ButtonBase b) {
        b.setFocusTraversable(true);
        b.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!b.isFocused() && b.getScene() != null && b.getScene().getFocusOwner() != null) {
                b.setFocusTraversable(false);
            }
        });
        b.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> b.setFocusTraversable(true));
        b.addEventHandler(MouseEvent.MOUSE_EXITED, e -> b.setFocusTraversable(true));
    }

    /** Registers the shortcut in {@code scene} (for a scene without a menu bar carrying the action). */
    public void install(Scene scene) {
        if (shortcut != null) scene.getAccelerators().put(shortcut, this::fire);
    }
}
