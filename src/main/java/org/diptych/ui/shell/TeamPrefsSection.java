package org.diptych.ui.shell;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.diptych.DiptychException;
import org.diptych.tm.solr.SolrTeam;
import org.diptych.tm.solr.TeamCredentials;
import org.diptych.tm.solr.TeamTmConfig;
import org.diptych.ui.Forms;
import org.diptych.ui.I18n;

/**
 * The Preferences dialog's team TM section of the open project: Solr URL, collection, user and password,
 * and "Test connection", which tries the server on a thread of its own (never the FX thread, never the
 * desk's TM thread) and says in one line what it found. {@link #apply()} writes the URL, collection and
 * user into the project's {@code team.json} and the password into the user's own credentials file
 * ({@link TeamCredentials}), never into the project; an empty URL removes the project's team TM.
 */
final class TeamPrefsSection {
    private final I18n i18n;
    private final Path projectDir;
    private final TeamCredentials credentials;
    private final Executor background;
    private final TextField url = new TextField();
    private final TextField collection = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button test = new Button();
    private final Label status = new Label();
    private final Node node;
    /** The settings as loaded, to tell whether {@link #apply()} changed anything. */
    private final TeamTmConfig loaded;
    private final String loadedPassword;

    /**
     * @param projectDir the open project's folder, or {@code null} (no project: the section says so)
     * @param configDir  the app's config folder, where the credentials file is
     * @param background where "Test connection" runs
     */
    TeamPrefsSection(I18n i18n, Path projectDir, Path configDir, Executor background) {
        this.i18n = i18n;
        this.projectDir = projectDir;
        this.credentials = new TeamCredentials(configDir);
        this.background = background;
        status.setId("prefs-team-status");
        status.setWrapText(true);
        status.setMaxWidth(460);
        Label title = new Label(i18n.t("prefs.team"));
        title.setStyle("-fx-font-weight: bold");
        if (projectDir == null) {
            loaded = null;
            loadedPassword = null;
            Label none = new Label(i18n.t("prefs.team.none"));
            none.setId("prefs-team-none");
            node = new VBox(6, title, none);
            return;
        }
        TeamTmConfig c = null;
        String pw = null;
        try {
            c = TeamTmConfig.load(projectDir);
            if (c != null && c.user() != null) pw = credentials.password(c.solrUrl(), c.user());
        } catch (DiptychException e) {
            status.setText(e.getMessage());
        }
        loaded = c;
        loadedPassword = pw;
        url.setId("prefs-team-url");
        url.setPromptText(i18n.t("prefs.team.url.prompt"));
        collection.setId("prefs-team-collection");
        user.setId("prefs-team-user");
        user.setPromptText(i18n.t("prefs.team.user.prompt"));
        password.setId("prefs-team-password");
        if (c != null) {
            url.setText(c.solrUrl());
            collection.setText(c.collection());
            user.setText(c.user() == null ? "" : c.user());
            password.setText(pw == null ? "" : pw);
        }
        test.setId("prefs-team-test");
        test.setText(i18n.t("prefs.team.test"));
        test.setOnAction(e -> testConnection());
        GridPane g = Forms.grid(
                Forms.row(i18n.t("prefs.team.url"), url),
                Forms.row(i18n.t("prefs.team.collection"), collection),
                Forms.row(i18n.t("prefs.team.user"), user),
                Forms.row(i18n.t("prefs.team.password"), password));
        url.setPrefColumnCount(28);
        Label note = new Label(i18n.t("prefs.team.password.note"));
        note.setWrapText(true);
        note.setMaxWidth(460);
        node = new VBox(6, title, g, note, test, status);
    }

    Node node() {
        return node;
    }

    /** The settings typed, or {@code null} for none (empty URL); a one-line error when they are not valid. */
    private TeamTmConfig typed() {
        String u = url.getText().strip();
        if (u.isEmpty()) return null;
        return new TeamTmConfig(u, collection.getText().strip(), user.getText().strip());
    }

    /** A one-line problem with what is typed, or {@code null}; shown in the section's status line too. */
    String validate() {
        if (projectDir == null) return null;
        try {
            typed();
            return null;
        } catch (DiptychException e) {
            status.setText(e.getMessage());
            return e.getMessage();
        }
    }

    /** Tries the typed settings on the background executor; the status line says the result. */
    void testConnection() {
        TeamTmConfig c;
        try {
            c = typed();
        } catch (DiptychException e) {
            status.setText(e.getMessage());
            return;
        }
        if (c == null) {
            status.setText(i18n.t("prefs.team.url.prompt"));
            return;
        }
        String pw = c.user() == null ? null : password.getText();
        test.setDisable(true);
        status.setText(i18n.t("prefs.team.testing"));
        CompletableFuture.supplyAsync(() -> SolrTeam.testConnection(c, pw), background)
                .whenComplete((units, err) -> Platform.runLater(() -> {
                    test.setDisable(false);
                    status.setText(err == null ? i18n.t("prefs.team.ok", units) : oneLine(err));
                }));
    }

    private static String oneLine(Throwable err) {
        Throwable t = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
        String m = t instanceof DiptychException ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
        int nl = m == null ? -1 : m.indexOf('\n');
        return nl < 0 ? String.valueOf(m) : m.substring(0, nl);
    }

    /**
     * Writes the settings (call after {@link #validate()} found none wrong): the project's {@code team.json}
     * (or removes it for an empty URL) and the password in the user's credentials file. Returns true if the
     * project's team TM changed (the desk then opens it again).
     */
    boolean apply() {
        if (projectDir == null) return false;
        TeamTmConfig c = typed();
        String pw = c == null || c.user() == null || password.getText().isEmpty() ? null : password.getText();
        if (Objects.equals(c, loaded) && Objects.equals(pw, loadedPassword)) return false;
        if (c == null) {
            TeamTmConfig.remove(projectDir);
        } else {
            if (c.user() != null) credentials.store(c.solrUrl(), c.user(), pw);
            c.save(projectDir);
        }
        return true;
    }

    /** The status line's text (for tests). */
    String statusText() {
        return status.getText();
    }
}
