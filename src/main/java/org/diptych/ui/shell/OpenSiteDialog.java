package org.diptych.ui.shell;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import org.diptych.site.ImportPlan;
import org.diptych.site.PlanSummary;
import org.diptych.ui.I18n;

/**
 * File → Open site…: shows what importing a site would do (statements and pairings, ambiguous posts, other
 * languages, what is skipped and why, the inferred site profiles) for confirmation. The reading before and
 * the import after run in the background through {@link TaskRunner} (progress and Cancel in the status bar).
 */
final class OpenSiteDialog {
    static final ButtonType IMPORT = new ButtonType("import", ButtonBar.ButtonData.OK_DONE);

    private OpenSiteDialog() {}

    /** The confirmation dialog of a plan; its result is true if the user chose Import. */
    static Dialog<Boolean> create(Window owner, I18n i18n, ImportPlan plan) {
        Dialog<Boolean> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.t("opensite.title"));
        d.setHeaderText(i18n.t("opensite.header", plan.site().getFileName()));
        TextArea preview = new TextArea(PlanSummary.describe(plan));
        preview.setId("site-preview");
        preview.setEditable(false);
        preview.setPrefColumnCount(90);
        preview.setPrefRowCount(22);
        d.getDialogPane().setContent(preview);
        ButtonType ok = new ButtonType(i18n.t("site.import"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("site-import");
        d.setResultConverter(bt -> bt == ok);
        return d;
    }
}
