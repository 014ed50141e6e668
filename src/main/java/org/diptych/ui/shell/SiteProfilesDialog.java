package org.diptych.ui.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.diptych.DiptychException;
import org.diptych.export.LinkStyle;
import org.diptych.export.Site;
import org.diptych.project.Manifest;
import org.diptych.project.Manifest.SiteProfile;
import org.diptych.project.Project;
import org.diptych.ui.Forms;
import org.diptych.ui.I18n;

/**
 * The "Site profiles" dialog: per project language, the URL pattern of a post, the path pattern of its
 * file, the reciprocal link style and the locale its posts name ({@code pt_BR}; empty for the usual one). Edits of every language are kept while switching between them; Save
 * validates each edited profile with {@link Site#of} and, if one is wrong, shows its one-line error under
 * the fields and keeps the dialog open (nothing is written). A language whose two patterns are both left
 * empty keeps no profile.
 */
final class SiteProfilesDialog {
    private SiteProfilesDialog() {}

    /**
     * Shows the dialog and, on Save, writes the project's manifest with the edited profiles.
     *
     * @return the manifest saved, or empty if cancelled
     */
    static Optional<Manifest> show(Window owner, I18n i18n, Project project) {
        Manifest start = project.manifest();
        Map<String, SiteProfile> edits = new LinkedHashMap<>();
        for (String l : start.languages()) edits.put(l, start.sites().get(l));
        for (Map.Entry<String, SiteProfile> e : start.sites().entrySet()) edits.putIfAbsent(e.getKey(), e.getValue());

        Dialog<Manifest> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.t("site.title"));
        d.setHeaderText(i18n.t("site.header"));
        d.getDialogPane().setId("site-dialog");
        ComboBox<String> lang = new ComboBox<>();
        lang.setId("site-lang");
        lang.getItems().setAll(edits.keySet());
        TextField url = new TextField();
        url.setId("site-url");
        url.setPromptText("https://example.org/blog/en/:year/:month/:day/:slug");
        url.setPrefColumnCount(40);
        TextField path = new TextField();
        path.setId("site-path");
        path.setPromptText("blog/en/_posts/:year-:month-:day-:slug.md");
        ComboBox<String> style = new ComboBox<>();
        style.setId("site-style");
        for (LinkStyle s : LinkStyle.values()) style.getItems().add(s.id());
        TextField locale = new TextField();
        locale.setId("site-locale");
        locale.setPromptText("pt_BR");
        locale.setPrefColumnCount(8);
        Label error = new Label();
        error.setId("site-error");
        error.getStyleClass().add("error-text");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);
        error.setMaxWidth(560);

        String[] current = {null};
        Runnable keep = () -> {
            if (current[0] != null) edits.put(current[0], profileOf(url, path, style, locale));
        };
        Runnable load = () -> {
            SiteProfile p = edits.get(current[0]);
            url.setText(p == null || p.urlPattern() == null ? "" : p.urlPattern());
            path.setText(p == null || p.pathPattern() == null ? "" : p.pathPattern());
            style.setValue(p == null || p.linkStyle() == null || p.linkStyle().isBlank() ? LinkStyle.TOP_LINE.id() : p.linkStyle());
            locale.setText(p == null || p.locale() == null ? "" : p.locale());
            error.setText("");
        };
        lang.valueProperty().addListener((o, was, now) -> {
            keep.run();
            current[0] = now;
            load.run();
        });
        if (!lang.getItems().isEmpty()) lang.setValue(lang.getItems().get(0));

        GridPane g = Forms.grid(
                Forms.row(i18n.t("site.lang"), lang),
                Forms.row(i18n.t("site.url"), url),
                Forms.row(i18n.t("site.path"), path),
                Forms.row(i18n.t("site.style"), style),
                Forms.row(i18n.t("site.locale"), locale));
        g.add(new Label(i18n.t("site.placeholders")), 1, 5);
        g.add(error, 1, 6);
        d.getDialogPane().setContent(g);
        ButtonType save = new ButtonType(i18n.t("site.save"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        saveButton.setId("site-save");
        Manifest[] saved = {null};
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            keep.run();
            try {
                Manifest m = project.manifest();
                for (Map.Entry<String, SiteProfile> en : edits.entrySet()) {
                    SiteProfile p = en.getValue();
                    if (p == null || (blank(p.urlPattern()) && blank(p.pathPattern()))) {
                        if (m.sites().containsKey(en.getKey())) m = withoutSite(m, en.getKey());
                        continue;
                    }
                    try {
                        m = m.withSite(en.getKey(), Site.of(en.getKey(), p).toProfile());
                    } catch (DiptychException bad) {
                        lang.setValue(en.getKey());
                        throw bad;
                    }
                }
                project.saveManifest(m);
                saved[0] = m;
            } catch (DiptychException bad) {
                error.setText(Dialogs.message(bad));
                e.consume();
            }
        });
        d.setResultConverter(bt -> bt == save ? saved[0] : null);
        return d.showAndWait();
    }

    private static SiteProfile profileOf(TextField url, TextField path, ComboBox<String> style, TextField locale) {
        String l = locale.getText().strip();
        return new SiteProfile(url.getText().strip(), path.getText().strip(), style.getValue(), l.isEmpty() ? null : l);
    }

    private static Manifest withoutSite(Manifest m, String lang) {
        Map<String, SiteProfile> sites = new LinkedHashMap<>(m.sites());
        sites.remove(lang);
        return new Manifest(m.schemaVersion(), m.name(), m.languages(), sites);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
