package org.diptych.ui.translate;

import java.util.List;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import org.diptych.export.FrontMatterKeys;
import org.diptych.model.FrontMatter;
import org.diptych.review.AlignmentEditor;
import org.diptych.review.NotApplicable;
import org.diptych.tm.MarkdownCodes;
import org.diptych.translate.Confirmation;
import org.diptych.translate.FrontMatterRows;
import org.diptych.translate.TranslationSession;
import org.diptych.ui.I18n;

/**
 * The target version's front matter above the translation panel: every top-level text field editable
 * ({@code fm-<key>}, written on Enter or when the field loses focus, one undoable step of the desk), and
 * for the source's text keys the source value, the row's status, the best TM match (a click inserts it) and
 * a confirm button that puts the row into the TM.
 */
final class FrontMatterPane extends TitledPane {
    private final I18n i18n;
    private final Supplier<TmService> tm;
    private final GridPane grid = new GridPane();
    private final AlignmentEditor.Listener refresh = (b, a, op) -> Platform.runLater(this::rebuild);
    private TranslationSession session;
    private boolean rebuilding;

    FrontMatterPane(I18n i18n, Supplier<TmService> tm) {
        this.i18n = i18n;
        this.tm = tm;
        setId("tr-front-matter");
        setText(i18n.t("tr.fm.title"));
        setExpanded(false);
        grid.setHgap(6);
        grid.setVgap(4);
        grid.setPadding(new Insets(4, 8, 4, 8));
        ColumnConstraints key = new ColumnConstraints();
        ColumnConstraints source = new ColumnConstraints();
        source.setPercentWidth(30);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(key, source, value);
        setContent(grid);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Shows the front matter of a session's target (nothing for null or a version without front matter). */
    void setSession(TranslationSession next) {
        if (session != null) session.editor().removeListener(refresh);
        session = next;
        if (session != null) session.editor().addListener(refresh);
        rebuild();
    }

    private void rebuild() {
        rebuilding = true;
        grid.getChildren().clear();
        FrontMatter fm = session == null ? FrontMatter.NONE : session.state().target().frontMatter();
        setVisible(session != null && fm.style() != FrontMatter.Style.NONE);
        if (!isVisible()) {
            rebuilding = false;
            return;
        }
        List<FrontMatterRows.Row> rows = session.frontMatterRows();
        int r = 0;
        for (String key : fm.fields().keySet()) {
            String value = FrontMatterKeys.scalar(fm, key);
            if (value == null) continue; // lists and maps: shown by 'diptych meta', edited in the file's own form later
            FrontMatterRows.Row row = rows.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
            Label name = new Label(key);
            Label source = new Label(row == null ? "" : row.source());
            source.setWrapText(true);
            source.setId("fm-source-" + key);
            TextField field = new TextField(value);
            field.setId("fm-" + key);
            field.setOnAction(e -> write(key, field.getText()));
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now && !rebuilding) write(key, field.getText());
            });
            grid.addRow(r, name, source, field);
            if (row != null) {
                Label status = new Label(i18n.t("tr.status." + row.status().name().toLowerCase(java.util.Locale.ROOT)));
                status.setId("fm-status-" + key);
                Button match = new Button();
                match.setId("fm-match-" + key);
                match.setVisible(false);
                match.managedProperty().bind(match.visibleProperty());
                Button confirm = new Button(i18n.t("tr.fm.confirm"));
                confirm.setId("fm-confirm-" + key);
                confirm.setOnAction(e -> confirm(key, field.getText()));
                grid.add(status, 3, r);
                grid.add(match, 4, r);
                grid.add(confirm, 5, r);
                lookup(row, match, field);
            }
            r++;
        }
        rebuilding = false;
    }

    private void write(String key, String text) {
        if (session == null || text == null) return;
        String now = FrontMatterKeys.scalar(session.state().target().frontMatter(), key);
        if (text.equals(now)) return;
        session.setFrontMatter(key, text); // the editor's listener rebuilds the pane
    }

    private void confirm(String key, String text) {
        write(key, text);
        try {
            Confirmation c = session.confirmFrontMatter(key, false);
            TmService service = tm.get();
            if (service != null) service.write(c);
        } catch (NotApplicable e) {
            return;
        }
        rebuild();
    }

    private void lookup(FrontMatterRows.Row row, Button match, TextField field) {
        TmService service = tm.get();
        if (service == null || row.source() == null) return;
        TranslationSession s = session;
        service.lookup(MarkdownCodes.encode(FrontMatterRows.sourceParagraph(row)), null, s.state().source().lang(),
                s.state().target().lang(), 1, false).whenComplete((list, err) -> Platform.runLater(() -> {
                    if (err != null || list == null || list.isEmpty() || s != session) return;
                    TmService.Suggestion best = list.get(0);
                    match.setText(best.score() + "% " + best.target());
                    match.setOnAction(e -> {
                        field.setText(best.target());
                        write(row.key(), best.target());
                    });
                    match.setVisible(true);
                }));
    }
}
