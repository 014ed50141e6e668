package org.diptych.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The two-column forms of Diptych's dialogs: a label and its field per row. Each label names its field
 * ({@link Label#setLabelFor}), so a screen reader reads the field by its label and a click on the label focuses it.
 */
public final class Forms {
    private Forms() {}

    /** One row of a form: the label's text and the field it names. */
    public record Row(String label, Node field) {}

    public static Row row(String label, Node field) {
        return new Row(label, field);
    }

    /** A grid of {@code rows} from row 0, with the dialogs' spacing; callers may add more cells below. */
    public static GridPane grid(Row... rows) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        for (int i = 0; i < rows.length; i++) {
            Node field = rows[i].field();
            Label label = new Label(rows[i].label());
            label.setLabelFor(field);
            label.setOnMouseClicked(e -> field.requestFocus());
            g.addRow(i, label, field);
        }
        return g;
    }
}
