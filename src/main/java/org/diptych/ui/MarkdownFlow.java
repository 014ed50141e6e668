package org.diptych.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.diptych.model.BlockKind;
import org.diptych.model.Paragraph;

/**
 * Draws paragraphs as wrapped, lightly styled text ({@link InlineMarkdown}): one flow, a paragraph per
 * line. Cells of virtualized lists call {@link #fill} on every reuse, so it reuses the flow's text nodes
 * and caches fonts rather than creating them again.
 */
public final class MarkdownFlow {
    private static final double BASE = Font.getDefault().getSize();
    private static final String FAMILY = Font.getDefault().getFamily();
    private static final Map<String, Font> FONTS = new HashMap<>();
    private static final Paint TEXT = Color.BLACK;
    private static final Paint MUTED = Color.gray(0.53);
    private static final Paint LINK = Color.web("#1a5fb4");

    private MarkdownFlow() {}

    /** Fills {@code flow} with {@code paragraphs}, replacing what it held. */
    public static void fill(TextFlow flow, List<Paragraph> paragraphs, boolean markdown) {
        fill(flow, paragraphs, markdown, false);
    }

    /**
     * Fills {@code flow} with {@code paragraphs}; {@code muted} draws them grey and struck through (a
     * rejected bead).
     */
    public static void fill(TextFlow flow, List<Paragraph> paragraphs, boolean markdown, boolean muted) {
        ObservableList<Node> kids = flow.getChildren();
        int used = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i > 0) used = put(kids, used, "\n", false, false, BASE, null, false, muted);
            InlineMarkdown.Block b = InlineMarkdown.block(paragraphs.get(i), markdown);
            double size = b.kind() == BlockKind.HEADING ? BASE * (b.level() <= 1 ? 1.35 : b.level() == 2 ? 1.2 : 1.08) : BASE;
            if (!b.prefix().isEmpty()) used = put(kids, used, b.prefix(), false, false, size, null, false, muted);
            for (InlineMarkdown.Span s : b.spans()) {
                used = put(kids, used, s.text(), s.bold(), s.italic(), size, s.link(), s.code(), muted);
            }
        }
        if (used < kids.size()) kids.remove(used, kids.size());
    }

    private static int put(ObservableList<Node> kids, int at, String text, boolean bold, boolean italic, double size,
                           String link, boolean code, boolean muted) {
        Text t;
        if (at < kids.size() && kids.get(at) instanceof Text existing) {
            t = existing;
        } else {
            t = new Text();
            kids.add(at, t);
        }
        t.setText(text);
        t.setFont(font(code ? "monospace" : FAMILY, bold, italic, size));
        t.setFill(muted ? MUTED : link != null ? LINK : TEXT);
        t.setUnderline(link != null);
        t.setStrikethrough(muted);
        return at + 1;
    }

    private static Font font(String family, boolean bold, boolean italic, double size) {
        String key = family + '|' + bold + '|' + italic + '|' + size;
        Font f = FONTS.get(key);
        if (f == null) {
            f = family.equals("monospace") ? Font.font("DejaVu Sans Mono", bold ? FontWeight.BOLD : FontWeight.NORMAL,
                    italic ? FontPosture.ITALIC : FontPosture.REGULAR, size)
                    : Font.font(family, bold ? FontWeight.BOLD : FontWeight.NORMAL,
                    italic ? FontPosture.ITALIC : FontPosture.REGULAR, size);
            FONTS.put(key, f);
        }
        return f;
    }
}
