package org.diptych.ui.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Separator;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.diptych.ui.Forms;
import org.diptych.ui.I18n;
import org.diptych.ui.UiPrefs;

/** The new-project and preferences dialogs. */
final class ProjectDialogs {
    record NewProject(String name, List<String> languages) {}

    record Settings(String reviewer, String language, boolean spelling) {}

    private ProjectDialogs() {}

    static Optional<NewProject> newProject(Window owner, I18n i18n, String defaultName) {
        Dialog<NewProject> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.t("new.title"));
        d.setHeaderText(null);
        TextField name = new TextField(defaultName);
        name.setId("new-name");
        TextField langs = new TextField("ru, en, pt");
        langs.setId("new-languages");
        GridPane g = Forms.grid(
                Forms.row(i18n.t("new.name"), name),
                Forms.row(i18n.t("new.languages"), langs));
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(bt -> bt != ButtonType.OK ? null : new NewProject(name.getText().strip(),
                Arrays.stream(langs.getText().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList()));
        return d.showAndWait();
    }

    static Optional<Settings> preferences(Window owner, I18n i18n, UiPrefs prefs) {
        return preferences(owner, i18n, prefs, null);
    }

    /**
     * @param team the open project's team TM section, or {@code null} (left out); OK is refused while its
     *             settings are not valid (its status line says why)
     */
    static Optional<Settings> preferences(Window owner, I18n i18n, UiPrefs prefs, TeamPrefsSection team) {
        Dialog<Settings> d = preferencesDialog(owner, i18n, prefs, team);
        return d.showAndWait();
    }

    static Dialog<Settings> preferencesDialog(Window owner, I18n i18n, UiPrefs prefs, TeamPrefsSection team) {
        Dialog<Settings> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.t("prefs.title"));
        d.setHeaderText(null);
        TextField reviewer = new TextField(prefs.reviewer());
        reviewer.setId("prefs-reviewer");
        reviewer.setPromptText(i18n.t("prefs.reviewer.prompt"));
        ComboBox<String> lang = new ComboBox<>();
        lang.setId("prefs-language");
        lang.getItems().setAll(UiPrefs.LANGUAGES);
        lang.setConverter(new StringConverter<>() {
            @Override
            public String toString(String tag) {
                return tag == null ? "" : i18n.t("prefs.language." + (tag.isEmpty() ? "system" : tag));
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        lang.setValue(prefs.language());
        javafx.scene.control.CheckBox spelling = new javafx.scene.control.CheckBox(i18n.t("prefs.spelling"));
        spelling.setId("prefs-spelling");
        spelling.setSelected(prefs.spellCheck());
        GridPane g = Forms.grid(
                Forms.row(i18n.t("prefs.reviewer"), reviewer),
                Forms.row(i18n.t("prefs.language"), lang));
        g.add(spelling, 1, g.getRowCount());
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (team == null) {
            d.getDialogPane().setContent(g);
        } else {
            d.getDialogPane().setContent(new VBox(16, g, new Separator(), team.node()));
            d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
                if (team.validate() != null) e.consume();
            });
        }
        d.setResultConverter(bt -> bt != ButtonType.OK ? null : new Settings(reviewer.getText().strip(), lang.getValue(),
                spelling.isSelected()));
        return d;
    }
}
