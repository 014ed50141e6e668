package org.diptych.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1024×700 in English, Russian and Portuguese: the desk's main actions (Next doubtful,
 * Re-align, Confirm) and the translation panel's are on screen and not in an overflow menu, the
 * confidence column is shown; at 1400 px the desk's toolbars take one line each, in Russian too.
 */
class ToolbarLayoutTest extends DeskTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** True if the node is laid out in the window, visible, and inside the window's width. */
    static boolean onScreen(Node n, double width) {
        if (n == null || n.getScene() == null || !n.isVisible()) return false;
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (!p.isVisible()) return false;
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getWidth() > 0 && b.getMinX() >= 0 && b.getMaxX() <= width + 0.5;
    }

    void size(FxRobot robot, String lang, double w, double h) {
        robot.interact(() -> {
            prefs.setLanguage(lang);
            window.rebuild();
            stage.setWidth(w);
            stage.setHeight(h);
            window.translatePanel().shownProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void mainActionsStayVisibleAt1024InEveryLanguageAndTheRussianToolbarFitsAt1400(FxRobot robot) {
        StringBuilder report = new StringBuilder();
        for (String lang : List.of("en", "ru", "pt")) {
            size(robot, lang, 1024, 700);
            double width = stage.getScene().getWidth();
            for (String id : List.of("#button-nextDoubtful", "#button-realign", "#button-confirm", "#desk-filter",
                    "#button-confirmTranslation", "#button-nextUntranslated", "#tr-status-filter")) {
                Node n = robot.lookup(id).tryQuery().orElse(null);
                if (!onScreen(n, width)) report.append(lang).append(": ").append(id).append(" not on screen")
                        .append(n == null ? "" : " " + n.localToScene(n.getBoundsInLocal()) + " visible " + n.isVisible()).append('\n');
            }
            if (robot.lookup("#desk-viewbar .tool-bar-overflow-button").tryQuery().filter(Node::isVisible).isPresent()) {
                report.append(lang).append(": the desk's view bar has an overflow menu\n");
            }
            TableColumn<?, ?> conf = window.desk().table().getColumns().get(3);
            Node header = robot.lookup("#bead-table .column-header").nth(3).tryQuery().orElse(null);
            if (!conf.isVisible() || conf.getWidth() < 40 || !onScreen(header, width)) {
                report.append(lang).append(": the confidence column is hidden (width ").append(conf.getWidth()).append(")\n");
            }
        }
        for (String lang : List.of("ru", "en", "pt")) {
            size(robot, lang, 1400, 800);
            Node ops = robot.lookup("#desk-toolbar").query();
            if (System.getProperty("diptych.layoutReport") != null) {
                javafx.scene.layout.Pane pane = (javafx.scene.layout.Pane) ops;
                double sum = 0;
                for (Node c : pane.getChildren()) sum += c.prefWidth(-1) + 4;
                System.out.println("LAYOUT " + lang + " ops one line " + sum + " available " + pane.getWidth());
            }
            double firstRowBottom = -1;
            for (Node c : ((javafx.scene.layout.Pane) ops).getChildren()) {
                if (!c.isManaged()) continue;
                Bounds b = c.getBoundsInParent();
                if (firstRowBottom < 0) firstRowBottom = b.getMaxY();
                else if (b.getMinY() >= firstRowBottom) { // below the first line: wrapped
                    report.append(lang).append(" at 1400: the desk's toolbar wraps onto a second line at ")
                            .append(c.getId() != null ? c.getId() : c.toString()).append('\n');
                    break;
                }
            }
        }
        assertThat(report.toString()).isEmpty();
    }
}
