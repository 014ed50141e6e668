package org.diptych.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import org.diptych.ui.shell.MainWindow;

/** Issue 13: the first start fits a small screen; size, position and the statements pane width come back. */
@ExtendWith(FxApp.class)
class WindowMemoryTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;
    UiPrefs prefs;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prefs = FxFixtures.freshPrefs();
        window = new MainWindow(stage, prefs, new Services(FxFixtures.textImporter(), FxFixtures.positionalAligner(0)),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        FxFixtures.dispose(prefs);
    }

    @Test
    void firstStartFitsTheScreenThenGeometryIsRemembered(FxRobot robot) {
        WindowMemory m = new WindowMemory(prefs);
        robot.interact(() -> {
            m.restoreGeometry(stage);
            stage.show();
        });
        var screen = Screen.getPrimary().getVisualBounds();
        assertThat(stage.getWidth()).isLessThanOrEqualTo(Math.min(WindowMemory.FIRST_WIDTH, screen.getWidth()));
        assertThat(stage.getHeight()).isLessThanOrEqualTo(Math.min(WindowMemory.FIRST_HEIGHT, screen.getHeight()));

        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
            stage.setX(40);
            stage.setY(30);
            m.save(stage);
            stage.setWidth(1000);
            stage.setX(100);
            new WindowMemory(prefs).restoreGeometry(stage);
        });
        assertThat(stage.getWidth()).isEqualTo(900);
        assertThat(stage.getHeight()).isEqualTo(600);
        assertThat(stage.getX()).isEqualTo(40);
    }

    @Test
    void statementsPaneWidthIsKeptInPixels(FxRobot robot) {
        prefs.node().putDouble("statements.width", 300);
        robot.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(700);
            stage.show();
            window.createProject(tmp.resolve("p"), "t", java.util.List.of("ru", "en"));
        });
        robot.interact(() -> new WindowMemory(prefs).restoreDividers(stage));
        SplitPane sp = robot.lookup(".split-pane").queryAll().stream().filter(n -> n instanceof SplitPane s
                && !s.getItems().isEmpty() && "statements-pane".equals(s.getItems().get(0).getId()))
                .map(n -> (SplitPane) n).findFirst().orElseThrow();
        assertThat(sp.getDividerPositions()[0] * sp.getWidth()).isCloseTo(300, org.assertj.core.data.Offset.offset(12.0));
    }
}
