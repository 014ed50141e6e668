package org.diptych.ui.review;

import java.util.List;
import java.util.Optional;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.diptych.review.FindReplace;
import org.diptych.review.Side;
import org.diptych.ui.I18n;

/**
 * Find and replace in one version of the desk's pair: what to find and what instead, the side (source or
 * target language), case and whole-word options, and a preview of every paragraph that changes (before →
 * after), updated as one types. "Replace all" returns the previewed changes; the desk applies them as one step.
 */
final class FindReplaceDialog {

    private FindReplaceDialog() {}

    static Optional<List<FindReplace.Hit>> show(Window owner, I18n i18n, ReviewViewModel vm) {
        Dialog<List<FindReplace.Hit>> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.t("find.title"));
        d.setHeaderText(i18n.t("find.header"));
        d.getDialogPane().setId("find-dialog");
        TextField find = new TextField();
        find.setId("find-text");
        find.setPrefColumnCount(30);
        TextField replace = new TextField();
        replace.setId("replace-text");
        ChoiceBox<Side> side = new ChoiceBox<>();
        side.setId("find-side");
        side.getItems().setAll(Side.SOURCE, Side.TARGET);
        side.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Side s) {
                return s == null ? "" : i18n.t(s == Side.SOURCE ? "find.source" : "find.target",
                        s == Side.SOURCE ? vm.sourceLang() : vm.targetLang());
            }

            @Override
            public Side fromString(String s) {
                return null;
            }
        });
        side.setValue(Side.TARGET);
        CheckBox matchCase = new CheckBox(i18n.t("find.case"));
        matchCase.setId("find-case");
        CheckBox wholeWord = new CheckBox(i18n.t("find.word"));
        wholeWord.setId("find-word");
        ListView<FindReplace.Hit> preview = new ListView<>();
        preview.setId("find-preview");
        preview.setPrefHeight(220);
        preview.setPlaceholder(new Label(i18n.t("find.none")));
        preview.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FindReplace.Hit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.paragraphId() + ": " + h.before() + "\n   → " + h.after());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label count = new Label();
        count.setId("find-count");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label(i18n.t("find.find")), find);
        g.addRow(1, new Label(i18n.t("find.replace")), replace);
        g.addRow(2, new Label(i18n.t("find.in")), side);
        GridPane.setHgrow(find, Priority.ALWAYS);
        VBox box = new VBox(8, g, new HBox(12, matchCase, wholeWord), count, preview);
        box.setPrefWidth(640);
        d.getDialogPane().setContent(box);
        ButtonType replaceAll = new ButtonType(i18n.t("find.replaceAll"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(replaceAll, ButtonType.CANCEL);
        javafx.scene.Node replaceButton = d.getDialogPane().lookupButton(replaceAll);
        replaceButton.setId("find-replace-all");
        Runnable update = () -> {
            if (find.getText().isEmpty()) {
                preview.getItems().clear();
                count.setText("");
            } else {
                List<FindReplace.Hit> hits = vm.findPreview(side.getValue(),
                        new FindReplace.Query(find.getText(), replace.getText(), matchCase.isSelected(), wholeWord.isSelected()));
                preview.getItems().setAll(hits);
                count.setText(i18n.t("find.count", hits.stream().mapToInt(FindReplace.Hit::count).sum(), hits.size()));
            }
            replaceButton.setDisable(preview.getItems().isEmpty());
        };
        find.textProperty().addListener((o, a, b) -> update.run());
        replace.textProperty().addListener((o, a, b) -> update.run());
        side.valueProperty().addListener((o, a, b) -> update.run());
        matchCase.selectedProperty().addListener((o, a, b) -> update.run());
        wholeWord.selectedProperty().addListener((o, a, b) -> update.run());
        update.run();
        d.setResultConverter(bt -> bt == replaceAll ? List.copyOf(preview.getItems()) : null);
        d.setOnShown(e -> find.requestFocus());
        return d.showAndWait();
    }
}
