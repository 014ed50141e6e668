package org.diptych.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Button;
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
import javafx.util.Duration;

import org.diptych.project.Project;
import org.diptych.review.FindReplace;
import org.diptych.review.ProjectReplace;
import org.diptych.review.Side;
import org.diptych.ui.Forms;
import org.diptych.ui.I18n;

/**
 * Find and replace: what to find and what instead, where (one version of the desk's pair, every version of
 * the statement, or every statement of the project in one language or all), case and whole-word options,
 * and a preview of every paragraph that changes (before → after), updated as one types. "Replace all"
 * returns the previewed changes; the desk applies them as one step (in the pair: an undoable step of the
 * desk; wider: one project transaction that "Undo last replace" puts back).
 */
final class FindReplaceDialog {

    /** Where to look: a side of the pair, or versions of the project. */
    record Where(Side side, ProjectReplace.Scope scope, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What the user chose: the pair's hits, a wider replace, or the undo of the last wider one. */
    record Outcome(List<FindReplace.Hit> pairHits, List<ProjectReplace.VersionHits> versionHits, boolean undoLast) {}

    /** One line of the preview. */
    record Row(String where, String before, String after) {}

    private FindReplaceDialog() {}

    static Optional<Outcome> show(Window owner, I18n i18n, ReviewViewModel vm, Project project, String statementId,
                                  Runnable flushSaves) {
        Dialog<Outcome> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.t("find.title"));
        d.setHeaderText(i18n.t("find.header"));
        d.getDialogPane().setId("find-dialog");
        TextField find = new TextField();
        find.setId("find-text");
        find.setPrefColumnCount(30);
        TextField replace = new TextField();
        replace.setId("replace-text");
        ChoiceBox<Where> where = new ChoiceBox<>();
        where.setId("find-side");
        where.getItems().add(new Where(Side.SOURCE, null, i18n.t("find.source", vm.sourceLang())));
        Where target = new Where(Side.TARGET, null, i18n.t("find.target", vm.targetLang()));
        where.getItems().add(target);
        if (project != null && statementId != null) {
            where.getItems().add(new Where(null, ProjectReplace.Scope.statement(statementId, List.of()), i18n.t("find.statement")));
            for (String l : project.manifest().languages()) {
                where.getItems().add(new Where(null, ProjectReplace.Scope.project(List.of(l)), i18n.t("find.project.lang", l)));
            }
            where.getItems().add(new Where(null, ProjectReplace.Scope.project(List.of()), i18n.t("find.project")));
        }
        where.setValue(target);
        CheckBox matchCase = new CheckBox(i18n.t("find.case"));
        matchCase.setId("find-case");
        CheckBox wholeWord = new CheckBox(i18n.t("find.word"));
        wholeWord.setId("find-word");
        ListView<Row> preview = new ListView<>();
        preview.setId("find-preview");
        preview.setPrefHeight(220);
        preview.setPlaceholder(new Label(i18n.t("find.none")));
        preview.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.where() + ": " + r.before() + "\n   → " + r.after());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label count = new Label();
        count.setId("find-count");
        GridPane g = Forms.grid(
                Forms.row(i18n.t("find.find"), find),
                Forms.row(i18n.t("find.replace"), replace),
                Forms.row(i18n.t("find.in"), where));
        GridPane.setHgrow(find, Priority.ALWAYS);
        VBox box = new VBox(8, g, new HBox(12, matchCase, wholeWord), count, preview);
        box.setPrefWidth(680);
        d.getDialogPane().setContent(box);
        ButtonType replaceAll = new ButtonType(i18n.t("find.replaceAll"), ButtonBar.ButtonData.OK_DONE);
        ButtonType undoLast = new ButtonType(i18n.t("find.undoLast"), ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(replaceAll, ButtonType.CANCEL);
        boolean canUndo = project != null && project.writable() && ProjectReplace.last(project).isPresent();
        if (canUndo) {
            d.getDialogPane().getButtonTypes().add(0, undoLast);
            ((Button) d.getDialogPane().lookupButton(undoLast)).setId("find-undo-last");
        }
        javafx.scene.Node replaceButton = d.getDialogPane().lookupButton(replaceAll);
        replaceButton.setId("find-replace-all");

        // the pair's hits are found at once in memory; wider scopes read the project's versions in the background
        List<FindReplace.Hit> pairHits = new ArrayList<>();
        List<ProjectReplace.VersionHits> versionHits = new ArrayList<>();
        AtomicLong generation = new AtomicLong();
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "find-replace preview");
            t.setDaemon(true);
            return t;
        });
        boolean[] flushed = {false};
        Runnable update = () -> {
            long gen = generation.incrementAndGet();
            pairHits.clear();
            versionHits.clear();
            Where w = where.getValue();
            if (find.getText().isEmpty() || w == null) {
                preview.getItems().clear();
                count.setText("");
                replaceButton.setDisable(true);
                return;
            }
            FindReplace.Query q = new FindReplace.Query(find.getText(), replace.getText(), matchCase.isSelected(), wholeWord.isSelected());
            if (w.scope() == null) {
                List<FindReplace.Hit> hits = vm.findPreview(w.side(), q);
                pairHits.addAll(hits);
                preview.getItems().setAll(hits.stream().map(h -> new Row(h.paragraphId(), h.before(), h.after())).toList());
                count.setText(i18n.t("find.count", hits.stream().mapToInt(FindReplace.Hit::count).sum(), hits.size()));
                replaceButton.setDisable(hits.isEmpty());
                return;
            }
            if (!flushed[0]) { // what the desk has not saved yet is what the preview must see
                flushSaves.run();
                flushed[0] = true;
            }
            count.setText(i18n.t("find.searching"));
            replaceButton.setDisable(true);
            background.submit(() -> {
                List<ProjectReplace.VersionHits> found;
                String error = null;
                try {
                    found = ProjectReplace.preview(project, w.scope(), q, () -> generation.get() != gen);
                } catch (RuntimeException e) {
                    found = List.of();
                    error = org.diptych.project.Messages.oneLine(String.valueOf(e.getMessage()));
                }
                List<ProjectReplace.VersionHits> result = found;
                String err = error;
                Platform.runLater(() -> {
                    if (generation.get() != gen) return;
                    versionHits.addAll(result);
                    List<Row> rows = new ArrayList<>();
                    for (ProjectReplace.VersionHits vh : result) {
                        for (FindReplace.Change c : vh.changes()) {
                            rows.add(new Row(vh.statementId() + " [" + vh.lang() + "] " + c.paragraphId(), c.before(), c.after()));
                        }
                    }
                    preview.getItems().setAll(rows);
                    int[] t = ProjectReplace.totals(result);
                    count.setText(err != null ? err : i18n.t("find.countVersions", t[0], t[1], result.size()));
                    replaceButton.setDisable(result.isEmpty() || !project.writable());
                });
            });
        };
        PauseTransition pause = new PauseTransition(Duration.millis(200));
        pause.setOnFinished(e -> update.run());
        Runnable later = () -> {
            Where w = where.getValue();
            if (w != null && w.scope() == null) update.run(); // in memory: at once
            else pause.playFromStart();
        };
        find.textProperty().addListener((o, a, b) -> later.run());
        replace.textProperty().addListener((o, a, b) -> later.run());
        where.valueProperty().addListener((o, a, b) -> update.run());
        matchCase.selectedProperty().addListener((o, a, b) -> update.run());
        wholeWord.selectedProperty().addListener((o, a, b) -> update.run());
        update.run();
        d.setResultConverter(bt -> {
            if (bt == replaceAll) {
                return where.getValue() != null && where.getValue().scope() == null
                        ? new Outcome(List.copyOf(pairHits), null, false) : new Outcome(null, List.copyOf(versionHits), false);
            }
            return bt == undoLast ? new Outcome(null, null, true) : null;
        });
        d.setOnShown(e -> find.requestFocus());
        d.setOnHidden(e -> {
            generation.incrementAndGet();
            background.shutdownNow();
        });
        return d.showAndWait();
    }
}
