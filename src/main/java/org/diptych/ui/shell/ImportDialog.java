package org.diptych.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.diptych.ui.Forms;
import org.diptych.ui.I18n;

/** Asks into which statement, as which language, files are imported. */
final class ImportDialog {
    /** The answer: statement id, language ({@code null} = detect), whether to replace an existing version. */
    record Choice(String statementId, String lang, boolean replace) {}

    private ImportDialog() {}

    /** A statement id from a file name: {@code 2018-01-15-rcit.ru.md} → {@code 2018-01-15-rcit}. */
    static String guessStatementId(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        if (dot > 0) n = n.substring(0, dot);
        n = n.replaceFirst("(?i)[._-](ru|en|pt|pt[-_]br|pt[-_]pt|rus|eng|por)$", "");
        n = n.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[^\\p{L}\\p{N}]+", "");
        return n.isEmpty() ? "statement" : n.toLowerCase(Locale.ROOT);
    }

    /**
     * The statement proposed for {@code file}: the id its name gives (Jekyll {@code YYYY-MM-DD-slug.md}, Hugo
     * {@code slug.lang.md}), an existing statement only if it is that id, otherwise a new one. The statement
     * open in the window is never proposed for a file that does not name it.
     */
    static String proposeStatementId(Path file, List<String> statements) {
        String guess = guessStatementId(file);
        for (String s : statements) {
            if (s.equalsIgnoreCase(guess)) return s;
        }
        return guess;
    }

    static Optional<Choice> show(Window owner, I18n i18n, List<Path> files, List<String> statements,
                                 String selected, List<String> languages) {
        Dialog<Choice> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.t("import.title"));
        d.setHeaderText(files.size() == 1 ? files.get(0).getFileName().toString()
                : i18n.t("import.files", files.size()));
        ComboBox<String> statement = new ComboBox<>();
        statement.setId("import-statement");
        statement.setEditable(true);
        statement.getItems().setAll(statements);
        statement.setValue(proposeStatementId(files.get(0), statements));
        Label which = new Label();
        which.setId("import-statement-kind");
        Runnable kind = () -> {
            String v = statement.getEditor().getText() == null ? "" : statement.getEditor().getText().strip();
            which.setText(statements.contains(v) ? i18n.t("import.existingStatement") : i18n.t("import.newStatement"));
        };
        statement.getEditor().textProperty().addListener((o, x, y) -> kind.run());
        statement.valueProperty().addListener((o, x, y) -> kind.run());
        kind.run();
        ComboBox<String> lang = new ComboBox<>();
        lang.setId("import-lang");
        String auto = i18n.t("import.detect");
        lang.getItems().add(auto);
        lang.getItems().addAll(languages);
        lang.setValue(auto);
        lang.setDisable(files.size() > 1);
        CheckBox replace = new CheckBox(i18n.t("import.replace"));
        replace.setId("import-replace");
        GridPane g = Forms.grid(
                Forms.row(i18n.t("import.statement"), statement),
                Forms.row(i18n.t("import.lang"), lang));
        g.add(which, 2, 0);
        g.add(replace, 1, 2);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(bt -> {
            if (bt != ButtonType.OK) return null;
            String id = statement.getEditor().getText().strip();
            String l = lang.getValue() == null || lang.getValue().equals(auto) ? null : lang.getValue();
            return new Choice(id, l, replace.isSelected());
        });
        return d.showAndWait();
    }
}
