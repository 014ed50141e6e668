package org.diptych.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SmokeFxTest {
    Button b;
    int clicks;
    @Start
    void start(Stage stage) {
        b = new Button("Привет ção");
        b.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new StackPane(b), 300, 200));
        stage.show();
    }
    @Test
    void click(FxRobot robot) {
        robot.clickOn(b);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertThat(clicks).isEqualTo(2);
        System.out.println("platform=" + System.getProperty("glass.platform"));
    }
}
