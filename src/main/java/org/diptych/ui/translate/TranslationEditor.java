package org.diptych.ui.translate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import javafx.scene.input.KeyCode;

import org.diptych.spell.SpellFinding;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The translation panel's editor: a RichTextFX text area (a JavaFX {@code TextArea} cannot style a range of
 * its text) with the {@code TextArea} methods the panel and its tests use ({@link #setText}, {@link #end},
 * {@link #positionCaret}), and spelling findings shown as underlines ({@link #showFindings}: style class
 * {@code spell-error} or {@code grammar-error} on the finding's characters, drawn by {@code diptych.css}).
 * Undo (Ctrl+Z inside the editor) takes back text changes only: the underlines are no undoable step. Tab
 * moves the focus on (as in any field); the panel's key filter types a tab for Ctrl+Tab.
 */
public final class TranslationEditor extends StyleClassedTextArea {
    public static final String SPELLING_CLASS = "spell-error";
    public static final String GRAMMAR_CLASS = "grammar-error";

    private List<SpellFinding> findings = List.of();
    /** The text the findings were made for (they are no longer shown as current once the text changes). */
    private String findingsText = "";

    public TranslationEditor() {
        super(false); // plain-text undo: styling is not recorded
        getStyleClass().add("translation-editor");
        setWrapText(true);
        // RichTextFX types a tab for Tab: let the key go on to the scene, which moves the focus
        Nodes.addInputMap(this, InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB)));
    }

    /** Replaces the whole text (another row is shown): the caret at the start, the undo history and findings gone. */
    public void setText(String text) {
        replaceText(text == null ? "" : text);
        getUndoManager().forgetHistory();
        showFindings(List.of(), getText());
    }

    /** Moves the caret to {@code pos}, clearing the selection (as {@code TextArea.positionCaret}). */
    public void positionCaret(int pos) {
        moveTo(Math.max(0, Math.min(pos, getLength())));
    }

    /** Moves the caret to the end of the text (as {@code TextArea.end}). */
    public void end() {
        moveTo(getLength());
    }

    /** The editor's height in lines of text (as {@code TextArea.setPrefRowCount}). */
    public void setPrefRowCount(int rows) {
        setPrefHeight(rows * 18 + 12);
    }

    /**
     * Underlines {@code found}, made for {@code text}; nothing changes if the editor no longer holds that text
     * (the translator typed on: a newer check follows). Findings that overlap an earlier one are not drawn.
     */
    public void showFindings(List<SpellFinding> found, String text) {
        if (!getText().equals(text)) return;
        List<SpellFinding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(SpellFinding::offset));
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        List<SpellFinding> drawn = new ArrayList<>();
        int at = 0, len = getLength();
        for (SpellFinding f : sorted) {
            if (f.offset() < at || f.end() > len || f.length() == 0) continue;
            if (f.offset() > at) b.add(List.of(), f.offset() - at);
            b.add(List.of(f.kind() == SpellFinding.Kind.SPELLING ? SPELLING_CLASS : GRAMMAR_CLASS), f.length());
            drawn.add(f);
            at = f.end();
        }
        if (len > at || drawn.isEmpty()) b.add(List.of(), len - at);
        if (len > 0) setStyleSpans(0, b.create());
        findings = List.copyOf(drawn);
        findingsText = text;
    }

    /** The findings underlined now (empty once the text changed since they were made). */
    public List<SpellFinding> findings() {
        return getText().equals(findingsText) ? findings : List.of();
    }

    /** The finding under character {@code index}, or null. */
    public SpellFinding findingAt(int index) {
        for (SpellFinding f : findings()) {
            if (index >= f.offset() && index < f.end()) return f;
        }
        return null;
    }
}
