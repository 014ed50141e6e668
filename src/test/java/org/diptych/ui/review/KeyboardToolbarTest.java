package org.diptych.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desk's toolbar buttons are reachable by Tab and pressed with Space, while a click on one with the
 * mouse leaves the focus in the table, so that Enter after the click still confirms the row.
 */
class KeyboardToolbarTest extends DeskTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private String focusId(FxRobot robot) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            Node owner = stage.getScene().getFocusOwner();
            return owner == null ? null : owner.getId();
        });
    }

    @Test
    void tabReachesTheToolbarButtonsAndAClickLeavesTheFocusInTheTable(FxRobot robot) {
        clickRow(robot, "Solidarity with the strikers");
        assertThat(desk().table().isFocused()).isTrue();

        // a mouse click on Next doubtful moves the cursor and leaves the focus in the table
        robot.clickOn("#button-nextDoubtful");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cursor()).isEqualTo(2);
        assertThat(desk().table().isFocused()).as("the click did not take the focus from the table").isTrue();
        // so Enter confirms that bead and goes on to the next doubtful one (not a second press of the button)
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stored().beads().get(2).status()).isEqualTo(org.diptych.model.BeadStatus.CONFIRMED);

        // Tab walks the window's controls and reaches both desk toolbars
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < 60 && !seen.contains("button-nextDoubtful"); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            seen.add(focusId(robot));
        }
        assertThat(seen).as("controls reached by Tab").contains("button-nextDoubtful");
        int before = cursor();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cursor()).as("Space on the focused button runs it").isNotEqualTo(before);
        for (int i = 0; i < 40 && !seen.contains("button-realign"); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            seen.add(focusId(robot));
        }
        assertThat(seen).contains("button-realign");
        // and on into the operations bar (merge, split, shifts…)
        for (int i = 0; i < 40 && seen.stream().filter(id -> id != null && id.startsWith("button-")).count() < 3; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            seen.add(focusId(robot));
        }
        assertThat(seen.stream().filter(id -> id != null && id.startsWith("button-")).count())
                .as("toolbar buttons in the Tab order: %s", seen).isGreaterThan(2);
    }
}
