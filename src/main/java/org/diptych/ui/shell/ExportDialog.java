package org.diptych.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.diptych.export.ExportOptions;
import org.diptych.export.ExportReport;
import org.diptych.export.Exporter;
import org.diptych.export.ExportReport.ExportedFile;
import org.diptych.export.ExportReport.LinkCheck;
import org.diptych.ui.FileChoosers;
import org.diptych.ui.Forms;
import org.diptych.ui.I18n;

/** The export dialog (folder, pair, bundle or posts) and the summary shown after an export. */
final class ExportDialog {
    private ExportDialog() {}

    /**
     * Asks what to export of a statement.
     *
     * @param pairs  the statement's aligned pairs as {@code SRC-TGT}; the pair box offers these and "all"
     * @param folder the folder proposed, or null
     * @param withoutSite the statement's languages that have no site profile (their posts would not link to
     *                    the others): the dialog says so, with a button that runs {@code editSites}
     * @param editSites   opens the site profiles dialog over the given window
     * @param destinations where each version of the statement would go for options (read off the FX thread)
     * @return the options, or empty if cancelled
     */
    static Optional<ExportOptions> show(Window owner, I18n i18n, String statementId, List<String> pairs, Path folder,
                                        FileChoosers choosers, java.util.function.Supplier<List<String>> withoutSite,
                                        Consumer<Window> editSites,
                                        java.util.function.Function<ExportOptions, List<Exporter.Destination>> destinations) {
        Dialog<ExportOptions> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.t("export.title"));
        d.setHeaderText(i18n.t("export.header", statementId));
        d.getDialogPane().setId("export-dialog");
        TextField dir = new TextField(folder == null ? "" : folder.toString());
        dir.setId("export-folder");
        dir.setPrefColumnCount(36);
        Button browse = new Button(i18n.t("export.browse"));
        browse.setId("export-browse");
        browse.setOnAction(e -> {
            Path start = dir.getText().isBlank() ? null : Path.of(dir.getText().strip());
            Path chosen = choosers.folder(d.getDialogPane().getScene().getWindow(), i18n.t("export.folder"), start);
            if (chosen != null) dir.setText(chosen.toAbsolutePath().toString());
        });
        HBox.setHgrow(dir, Priority.ALWAYS);
        String all = i18n.t("export.pair.all");
        ComboBox<String> pair = new ComboBox<>();
        pair.setId("export-pair");
        pair.getItems().add(all);
        pair.getItems().addAll(pairs);
        pair.setValue(all);
        CheckBox bundle = new CheckBox(i18n.t("export.bundle"));
        bundle.setId("export-bundle");
        Label noSite = new Label();
        noSite.setId("export-no-site");
        noSite.setWrapText(true);
        noSite.setMaxWidth(520);
        noSite.setStyle("-fx-text-fill: #8a5a00;");
        Button sites = new Button(i18n.t("menu.siteProfiles"));
        sites.setId("export-sites");
        VBox siteBox = new VBox(6, noSite, sites);
        siteBox.managedProperty().bind(siteBox.visibleProperty());
        Runnable showMissing = () -> {
            List<String> missing = withoutSite.get();
            noSite.setText(missing.isEmpty() ? "" : i18n.t("export.noSite", String.join(", ", missing)));
            siteBox.setVisible(!missing.isEmpty());
        };
        sites.setOnAction(e -> {
            editSites.accept(d.getDialogPane().getScene().getWindow());
            showMissing.run();
            d.getDialogPane().getScene().getWindow().sizeToScene();
        });
        showMissing.run();
        // where the files go (a new version of a site's statement: beside its sibling's file), for the pair chosen
        Label where = new Label();
        where.setId("export-destinations");
        where.setWrapText(true);
        where.setMaxWidth(520);
        Runnable showWhere = () -> {
            String p = all.equals(pair.getValue()) ? null : pair.getValue();
            ExportOptions o = new ExportOptions(statementId, Path.of("."), false, p);
            java.util.concurrent.CompletableFuture.supplyAsync(() -> destinations.apply(o))
                    .whenComplete((list, failed) -> javafx.application.Platform.runLater(() -> {
                        if (!java.util.Objects.equals(p, all.equals(pair.getValue()) ? null : pair.getValue())) return;
                        where.setText(failed != null || list.isEmpty() ? "" : i18n.t("export.destinations") + "\n"
                                + String.join("\n", list.stream().map(x -> destination(i18n, x)).toList()));
                    }));
        };
        pair.valueProperty().addListener((obs, was, now) -> showWhere.run());
        showWhere.run();
        GridPane g = Forms.grid(
                Forms.row(i18n.t("export.folder"), new HBox(6, dir, browse)),
                Forms.row(i18n.t("export.pair"), pair));
        g.add(bundle, 1, 2);
        g.add(siteBox, 1, 3);
        g.add(where, 1, 4);
        d.getDialogPane().setContent(g);
        ButtonType run = new ButtonType(i18n.t("export.run"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().addAll(run, ButtonType.CANCEL);
        Button runButton = (Button) d.getDialogPane().lookupButton(run);
        runButton.setId("export-run");
        runButton.disableProperty().bind(dir.textProperty().isEmpty());
        d.setResultConverter(bt -> {
            if (bt != run) return null;
            String p = all.equals(pair.getValue()) ? null : pair.getValue();
            return new ExportOptions(statementId, Path.of(dir.getText().strip()), bundle.isSelected(), p);
        });
        return d.showAndWait();
    }

    /** One line of the preview: where a version goes and why there. */
    static String destination(I18n i18n, Exporter.Destination d) {
        return switch (d.how()) {
            case SITE_FILE -> i18n.t("export.dest.site", d.lang(), d.path());
            case BESIDE_SIBLING -> i18n.t("export.dest.beside", d.lang(), d.path(), d.siblingLang(), d.siblingPath());
            case PROFILE -> i18n.t("export.dest.profile", d.lang(), d.path());
            case DEFAULT -> i18n.t("export.dest.default", d.lang(), d.path());
        };
    }

    /**
     * Says what is missing before an export (per language: untranslated rows, drafts, QA errors, each row
     * listed) and asks whether to export anyway; untranslated rows are then named in the summary.
     *
     * @return true to export anyway
     */
    static boolean confirmIncomplete(Window owner, I18n i18n, org.diptych.export.ExportCheck check) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        if (owner != null && owner.isShowing()) a.initOwner(owner);
        a.setTitle(i18n.t("export.title"));
        StringBuilder head = new StringBuilder();
        for (org.diptych.export.ExportCheck.Language l : check.incomplete()) {
            if (head.length() > 0) head.append('\n');
            head.append(i18n.t("export.incomplete.lang", l.lang(), l.untranslated().size(), l.drafts().size(), l.errors().size()));
        }
        a.setHeaderText(head.toString());
        a.getDialogPane().setId("export-incomplete");
        TextArea list = new TextArea(String.join("\n", check.lines()));
        list.setId("export-incomplete-list");
        list.setEditable(false);
        list.setPrefRowCount(Math.min(12, check.lines().size() + 1));
        list.setPrefColumnCount(80);
        a.getDialogPane().setContent(new VBox(8, new Label(i18n.t("export.incomplete.ask")), list));
        ButtonType anyway = new ButtonType(i18n.t("export.incomplete.anyway"), ButtonType.OK.getButtonData());
        a.getButtonTypes().setAll(anyway, ButtonType.CANCEL);
        ((Button) a.getDialogPane().lookupButton(anyway)).setId("export-anyway");
        return a.showAndWait().filter(b -> b == anyway).isPresent();
    }

    /** The link check in one line: all good, or how many are good and how many broken. */
    static String linkSummary(I18n i18n, ExportReport r) {
        int broken = r.brokenLinks().size();
        int ok = r.links().size() - broken;
        if (r.links().isEmpty()) return i18n.t("export.links.none");
        return broken == 0 ? i18n.t("export.links.ok", ok) : i18n.t("export.links.broken", ok, broken);
    }

    /** The report as text: files written (path → URL), broken links, warnings. */
    static String details(I18n i18n, ExportReport r) {
        StringBuilder sb = new StringBuilder(i18n.t("export.files", r.files().size())).append('\n');
        for (ExportedFile f : r.files()) {
            Path rel = f.path().startsWith(r.outDir()) ? r.outDir().relativize(f.path()) : f.path();
            sb.append("  ").append(rel.toString().replace(File.separatorChar, '/'));
            if (f.url() != null) sb.append(" → ").append(f.url());
            if (!f.changed()) sb.append(' ').append(i18n.t("export.unchanged"));
            sb.append('\n');
        }
        if (!r.brokenLinks().isEmpty()) {
            sb.append(i18n.t("export.brokenList")).append('\n');
            for (LinkCheck l : r.brokenLinks()) {
                sb.append("  ").append(l.from()).append(": ").append(l.url()).append(" → ").append(l.expected()).append('\n');
            }
        }
        List<LinkCheck> notYet = r.links().stream().filter(LinkCheck::inProject).toList();
        if (!notYet.isEmpty()) {
            sb.append(i18n.t("export.inProjectList")).append('\n');
            for (LinkCheck l : notYet) {
                sb.append("  ").append(l.from()).append(": ").append(l.url()).append(" → ").append(l.expected()).append('\n');
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append(i18n.t("export.warnings")).append('\n');
            for (String w : r.warnings()) sb.append("  ").append(w).append('\n');
        }
        return sb.toString();
    }

    /** Shows what an export did, with a button that asks {@code openFolder} to show the export folder. */
    static void summary(Window owner, I18n i18n, ExportReport r, java.util.function.Function<Path, String> openFolder) {
        Dialog<Void> d = new Dialog<>();
        if (owner != null && owner.isShowing()) d.initOwner(owner);
        d.setTitle(i18n.t("export.summary.title"));
        d.setHeaderText(i18n.t("export.summary.header", r.statementId(), r.outDir()));
        d.getDialogPane().setId("export-summary");
        Label links = new Label(linkSummary(i18n, r));
        links.setId("export-links");
        if (!r.linksOk()) links.setStyle("-fx-text-fill: #b00020;");
        TextArea text = new TextArea(details(i18n, r));
        text.setId("export-details");
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(Math.min(16, 3 + text.getText().split("\n").length));
        text.setPrefColumnCount(80);
        Button open = new Button(i18n.t("export.openFolder"));
        open.setId("export-open-folder");
        Label openResult = new Label();
        openResult.setId("export-open-result");
        openResult.setWrapText(true);
        open.setOnAction(e -> openResult.setText(java.util.Objects.requireNonNullElse(openFolder.apply(r.outDir()), "")));
        VBox box = new VBox(8, links, text, new javafx.scene.layout.HBox(8, open, openResult));
        VBox.setVgrow(text, Priority.ALWAYS);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        d.showAndWait();
    }
}
