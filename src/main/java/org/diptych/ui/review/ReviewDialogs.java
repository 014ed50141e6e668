package org.diptych.ui.review;

import java.util.List;
import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.diptych.model.Bead;
import org.diptych.model.Paragraph;
import org.diptych.ui.Forms;
import org.diptych.ui.I18n;

/** The small dialogs of the desk: where to split, which text to correct, the note. */
final class ReviewDialogs {
    private ReviewDialogs() {}

    /** The default split point of a bead: about half of each side, leaving both parts non-empty. */
    static int[] defaultSplit(Bead b) {
        int n = b.source().size(), m = b.target().size();
        int sc = (n + 1) / 2, tc = (m + 1) / 2;
        if (sc + tc == n + m) tc = m / 2;
        if (sc + tc == n + m) sc = n / 2;
        return new int[] {sc, tc};
    }

    /** Asks after how many source and target paragraphs to cut; empty if cancelled. */
    static Optional<int[]> split(Window owner, I18n i18n, Bead b) {
        Dialog<int[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(i18n.t("split.title"));
        d.setHeaderText(i18n.t("split.header", b.type()));
        int[] def = defaultSplit(b);
        Spinner<Integer> s = new Spinner<>(0, b.source().size(), def[0]);
        Spinner<Integer> t = new Spinner<>(0, b.target().size(), def[1]);
        s.setId("split-source");
        t.setId("split-target");
        s.setEditable(true);
        t.setEditable(true);
        GridPane g = Forms.grid(
                Forms.row(i18n.t("split.source"), s),
                Forms.row(i18n.t("split.target"), t));
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(bt -> bt == ButtonType.OK ? new int[] {s.getValue(), t.getValue()} : null);
        return d.showAndWait();
    }

    /** Asks for the corrected markup of one of {@code paragraphs}; returns {@code {id, markup}}. */
    static Optional<String[]> editText(Window owner, I18n i18n, String lang, List<Paragraph> paragraphs) {
        Dialog<String[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(i18n.t("edit.title"));
        d.setHeaderText(i18n.t("edit.header", lang));
        ComboBox<Paragraph> which = new ComboBox<>();
        which.setId("edit-paragraph");
        which.getItems().setAll(paragraphs);
        which.setCellFactory(lv -> new ParagraphListCell());
        which.setButtonCell(new ParagraphListCell());
        which.getSelectionModel().select(0);
        TextArea area = new TextArea(paragraphs.get(0).markup());
        area.setId("edit-text");
        area.setWrapText(true);
        area.setPrefRowCount(6);
        area.setPrefColumnCount(60);
        which.valueProperty().addListener((o, a, p) -> area.setText(p.markup()));
        VBox box = new VBox(8);
        if (paragraphs.size() > 1) box.getChildren().add(which);
        box.getChildren().addAll(area, new Label(i18n.t("edit.hint")));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(bt -> bt == ButtonType.OK ? new String[] {which.getValue().id(), area.getText()} : null);
        d.setOnShown(e -> area.requestFocus());
        return d.showAndWait();
    }

    /** Asks for the note of a bead (blank removes it). */
    static Optional<String> note(Window owner, I18n i18n, String current) {
        TextInputDialog d = new TextInputDialog(current == null ? "" : current);
        d.initOwner(owner);
        d.setTitle(i18n.t("note.title"));
        d.setHeaderText(i18n.t("note.header"));
        d.getEditor().setId("note-text");
        d.getEditor().setPrefColumnCount(40);
        return d.showAndWait();
    }

    /** Asks the reviewer's name (stored with each confirmation); empty if cancelled or left blank. */
    static Optional<String> reviewerName(Window owner, I18n i18n) {
        TextInputDialog d = new TextInputDialog("");
        d.initOwner(owner);
        d.setTitle(i18n.t("reviewer.title"));
        d.setHeaderText(i18n.t("reviewer.header"));
        d.getEditor().setId("reviewer-name");
        d.getEditor().setPrefColumnCount(30);
        return d.showAndWait().map(String::strip).filter(n -> !n.isEmpty());
    }

    private static final class ParagraphListCell extends ListCell<Paragraph> {
        @Override
        protected void updateItem(Paragraph p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.id() + ": " + abbreviate(p.text()));
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
