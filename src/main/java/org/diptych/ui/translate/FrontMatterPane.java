package org.diptych.ui.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diptych.DiptychException;

import org.diptych.export.FrontMatterKeys;
import org.diptych.formats.FrontMatterParser;
import org.diptych.model.FrontMatter;
import org.diptych.review.AlignmentEditor;
import org.diptych.review.NotApplicable;
import org.diptych.tm.MarkdownCodes;
import org.diptych.translate.Confirmation;
import org.diptych.translate.FrontMatterEdit;
import org.diptych.translate.FrontMatterRows;
import org.diptych.translate.TranslationSession;
import org.diptych.ui.I18n;

/**
 * The target version's front matter above the translation panel: every top-level text field editable
 * ({@code fm-<key>}, written on Enter or when the field loses focus, one undoable step of the desk), and
 * for the source's text keys the source value, the row's status, the best TM match (a click inserts it) and
 * a confirm button that puts the row into the TM. A list ({@code tags}) or list of maps ({@code signatories}
 * with name and organisation) is a small list editor: a field per item ({@code fm-<key>-<n>}, or
 * {@code fm-<key>-<n>-<field>}), a remove button per item ({@code fm-<key>-<n>-remove}) and a line to add one
 * ({@code fm-<key>-new}, {@code fm-<key>-new-<field>}, {@code fm-<key>-add}; Enter adds); each change goes
 * through {@link FrontMatterEdit}, the core of {@code diptych meta}, and is one undoable, logged step.
 */
final class FrontMatterPane extends TitledPane {
    private final I18n i18n;
    private final Supplier<TmService> tm;
    private final GridPane grid = new GridPane();
    private final AlignmentEditor.Listener refresh = (b, a, op) -> Platform.runLater(this::rebuild);
    private TranslationSession session;
    private boolean rebuilding;
    private final Label error = new Label();
    /** The id of the field to focus after the next rebuild (the one typed in, or the list's new-item field). */
    private String refocus;

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
            if (value == null) {
                Object v = fm.value(key);
                if (v instanceof List<?> || v instanceof Map<?, ?>) {
                    Label name = new Label(key);
                    Object src = session.state().source().frontMatter().value(key);
                    Label source = new Label(src == null ? "" : FrontMatterParser.text(src));
                    source.setWrapText(true);
                    source.setId("fm-source-" + key);
                    grid.addRow(r++, name, source, v instanceof List<?> l ? listEditor(key, l) : mapEditor(key, (Map<?, ?>) v));
                }
                continue;
            }
            FrontMatterRows.Row row = rows.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
            Label name = new Label(key);
            Label source = new Label(row == null ? "" : row.source());
            source.setWrapText(true);
            source.setId("fm-source-" + key);
            TextField field = new TextField(value);
            field.setId("fm-" + key);
            field.setOnAction(e -> write(key, field.getText()));
            field.focusedProperty().addListener((o, was, now) -> {
                // a field taken out by a rebuild loses its focus later: it writes nothing
                if (!now && !rebuilding && field.getScene() != null && !field.getText().equals(value)) write(key, field.getText());
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
        error.setId("fm-error");
        error.setWrapText(true);
        error.setVisible(!error.getText().isEmpty());
        error.managedProperty().bind(error.visibleProperty());
        grid.add(error, 0, r, 6, 1);
        rebuilding = false;
        if (refocus != null) {
            javafx.scene.Node n = grid.lookup("#" + refocus);
            refocus = null;
            if (n != null) n.requestFocus();
        }
    }

    // ---------------------------------------------------------------- lists and maps

    /**
     * A list's items, each a field (or, for a list of maps, a field per key) with a remove button, and a
     * last line to add an item; every change is one edit of {@link FrontMatterEdit}, as {@code diptych meta}
     * makes it.
     */
    private VBox listEditor(String key, List<?> items) {
        VBox box = new VBox(2);
        box.setId("fm-list-" + key);
        List<String> fields = new ArrayList<>();
        boolean maps = !items.isEmpty();
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> { if (!fields.contains(String.valueOf(k))) fields.add(String.valueOf(k)); });
            } else {
                maps = false;
            }
        }
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            String n = key + "-" + (i + 1);
            HBox line = new HBox(4);
            line.setAlignment(Pos.CENTER_LEFT);
            if (items.get(i) instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String field = String.valueOf(e.getKey());
                    line.getChildren().add(new Label(field));
                    line.getChildren().add(valueField(n + "-" + field, e.getValue(),
                            text -> edit(key, () -> FrontMatterEdit.set(fm(), new FrontMatterEdit.Path(key, index, field), text))));
                }
            } else {
                line.getChildren().add(valueField(n, items.get(i),
                        text -> edit(key, () -> FrontMatterEdit.set(fm(), new FrontMatterEdit.Path(key, index, null), text))));
            }
            Button remove = new Button(i18n.t("tr.fm.remove"));
            remove.setId("fm-" + n + "-remove");
            remove.setOnAction(e -> {
                refocus = "fm-" + key + "-new" + (fields.isEmpty() ? "" : "-" + fields.get(0));
                edit(key, () -> FrontMatterEdit.remove(fm(), new FrontMatterEdit.Path(key, index, null), null));
            });
            line.getChildren().add(remove);
            box.getChildren().add(line);
        }
        HBox add = new HBox(4);
        add.setAlignment(Pos.CENTER_LEFT);
        Button addButton = new Button(i18n.t("tr.fm.add"));
        addButton.setId("fm-" + key + "-add");
        if (maps) {
            Map<String, TextField> fresh = new LinkedHashMap<>();
            for (String field : fields) {
                TextField f = new TextField();
                f.setId("fm-" + key + "-new-" + field);
                f.setPromptText(field);
                f.setOnAction(e -> addButton.fire());
                fresh.put(field, f);
                add.getChildren().add(f);
            }
            addButton.setOnAction(e -> {
                Map<String, Object> item = new LinkedHashMap<>();
                fresh.forEach((field, f) -> { if (!f.getText().isBlank()) item.put(field, f.getText().strip()); });
                if (item.isEmpty()) return;
                refocus = "fm-" + key + "-new-" + fields.get(0);
                edit(key, () -> FrontMatterEdit.add(fm(), key, item));
            });
        } else {
            TextField f = new TextField();
            f.setId("fm-" + key + "-new");
            f.setPromptText(i18n.t("tr.fm.newItem"));
            f.setOnAction(e -> addButton.fire());
            add.getChildren().add(f);
            addButton.setOnAction(e -> {
                if (f.getText().isBlank()) return;
                String text = f.getText().strip();
                refocus = "fm-" + key + "-new";
                edit(key, () -> FrontMatterEdit.add(fm(), key, FrontMatterEdit.item(text)));
            });
        }
        add.getChildren().add(addButton);
        box.getChildren().add(add);
        return box;
    }

    /** A map's fields ({@code author: {name: …, email: …}}), each editable as a text. */
    private HBox mapEditor(String key, Map<?, ?> map) {
        HBox line = new HBox(4);
        line.setId("fm-map-" + key);
        line.setAlignment(Pos.CENTER_LEFT);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String field = String.valueOf(e.getKey());
            line.getChildren().add(new Label(field));
            line.getChildren().add(valueField(key + "-" + field, e.getValue(), text -> edit(key, () -> {
                Map<String, Object> next = new LinkedHashMap<>();
                ((Map<?, ?>) fm().value(key)).forEach((k, v) -> next.put(String.valueOf(k), v));
                next.put(field, text);
                return next;
            })));
        }
        return line;
    }

    /**
     * A field for one value: a text, number, date or boolean is edited as its text (written on Enter or when
     * the field loses focus, unless unchanged); a nested list or map is shown in flow form, not editable here.
     */
    private javafx.scene.Node valueField(String id, Object value, java.util.function.Consumer<String> onChange) {
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            Label nested = new Label(FrontMatterParser.text(value));
            nested.setId("fm-" + id);
            return nested;
        }
        String before = value == null ? "" : String.valueOf(value);
        TextField field = new TextField(before);
        field.setId("fm-" + id);
        field.setPrefColumnCount(Math.max(6, Math.min(24, before.length() + 2)));
        Runnable commit = () -> {
            if (field.getScene() != null && !field.getText().equals(before)) {
                refocus = field.isFocused() ? field.getId() : null;
                onChange.accept(field.getText());
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now && !rebuilding) commit.run();
        });
        return field;
    }

    private FrontMatter fm() {
        return session.state().target().frontMatter();
    }

    /** Computes the key's new value and sets it as one step; a refused edit is one line under the fields. */
    private void edit(String key, Supplier<Object> value) {
        if (session == null) return;
        try {
            error.setText("");
            if (!session.setFrontMatterValue(key, value.get())) rebuild();
        } catch (DiptychException | IllegalArgumentException e) {
            error.setText(e.getMessage());
            refocus = null;
            rebuild();
        }
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
