package org.diptych.ui;

import java.util.List;

import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/** Draws paragraphs as wrapped, lightly styled text ({@link InlineMarkdown}): one flow, a paragraph per line. */
public final class MarkdownFlow {
    private static final double BASE = Font.getDefault().getSize();

    private MarkdownFlow() {}

    /** Fills {@code flow} with {@code paragraphs}, replacing what it held. */
    public static void fill(TextFlow flow, List<Paragraph> paragraphs, boolean markdown) {
        flow.getChildren().clear();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i > 0) flow.getChildren().add(new Text("\n"));
            InlineMarkdown.Block b = InlineMarkdown.block(paragraphs.get(i), markdown);
            double size = b.kind() == BlockKind.HEADING ? BASE * (b.level() <= 1 ? 1.35 : b.level() == 2 ? 1.2 : 1.08) : BASE;
            if (!b.prefix().isEmpty()) flow.getChildren().add(styled(new Text(b.prefix()), false, false, size));
            for (InlineMarkdown.Span s : b.spans()) {
                Text t = styled(new Text(s.text()), s.bold(), s.italic(), size);
                if (s.code()) t.getStyleClass().add("md-code");
                if (s.link() != null) {
                    t.getStyleClass().add("md-link");
                    t.setUnderline(true);
                }
                flow.getChildren().add(t);
            }
        }
    }

    private static Text styled(Text t, boolean bold, boolean italic, double size) {
        t.getStyleClass().add("md-text");
        t.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL,
                italic ? FontPosture.ITALIC : FontPosture.REGULAR, size));
        return t;
    }
}
