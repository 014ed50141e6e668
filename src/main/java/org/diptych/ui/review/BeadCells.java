package org.diptych.ui.review;

import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.TextFlow;

import org.diptych.model.Bead;
import org.diptych.model.BeadStatus;
import org.diptych.model.Paragraph;
import org.diptych.review.BeadFilter;
import org.diptych.review.Side;
import org.diptych.ui.I18n;
import org.diptych.ui.MarkdownFlow;
import org.diptych.ui.review.ReviewViewModel.BeadRow;

/** The cells and rows of the desk's table. */
final class BeadCells {
    static final PseudoClass CONFIRMED = PseudoClass.getPseudoClass("confirmed");
    static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");
    static final PseudoClass DOUBTFUL = PseudoClass.getPseudoClass("doubtful");
    static final PseudoClass GAP = PseudoClass.getPseudoClass("gap");

    private BeadCells() {}

    /** Rows coloured by status: confirmed, rejected, doubtful. */
    static TableRow<BeadRow> row(ReviewViewModel vm) {
        return new TableRow<>() {
            @Override
            protected void updateItem(BeadRow r, boolean empty) {
                super.updateItem(r, empty);
                Bead b = empty || r == null ? null : r.bead();
                pseudoClassStateChanged(CONFIRMED, b != null && b.status() == BeadStatus.CONFIRMED);
                pseudoClassStateChanged(REJECTED, b != null && b.status() == BeadStatus.REJECTED);
                pseudoClassStateChanged(DOUBTFUL, b != null && BeadFilter.isDoubtful(b, vm.thresholdProperty().get()));
            }
        };
    }

    /** The paragraphs of one side, wrapped and lightly rendered; empty (hatched) for a gap. */
    static final class ParagraphCell<S> extends TableCell<S, S> {
        private final java.util.function.Function<S, List<Paragraph>> paragraphs;
        private final java.util.function.Predicate<S> muted;
        private final boolean markdown;
        private final TextFlow flow = new TextFlow();

        ParagraphCell(java.util.function.Function<S, List<Paragraph>> paragraphs, java.util.function.Predicate<S> muted,
                      boolean markdown) {
            this.paragraphs = paragraphs;
            this.muted = muted;
            this.markdown = markdown;
            getStyleClass().add("paragraph-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        /** One side of the desk's beads. */
        static ParagraphCell<BeadRow> of(Side side, ReviewViewModel vm) {
            return new ParagraphCell<>(r -> side == Side.SOURCE ? r.source() : r.target(),
                    r -> r.bead().status() == BeadStatus.REJECTED, vm.isMarkdown(side));
        }

        /** Tall enough for the wrapped text at the column's width (a text flow alone would ask for far more). */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null) return super.computePrefHeight(width);
            double w = Math.max(40, getTableColumn().getWidth() - snappedLeftInset() - snappedRightInset());
            return Math.ceil(flow.prefHeight(w)) + snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected void updateItem(S r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                pseudoClassStateChanged(GAP, false);
                return;
            }
            List<Paragraph> ps = paragraphs.apply(r);
            pseudoClassStateChanged(GAP, ps.isEmpty());
            if (ps.isEmpty()) {
                setGraphic(null);
            } else {
                MarkdownFlow.fill(flow, ps, markdown, muted.test(r));
                setGraphic(flow);
            }
        }
    }

    /** Bead number (in the whole alignment) and its type, e.g. "12 · 2:1". */
    static final class NumberCell extends TableCell<BeadRow, BeadRow> {
        private final ReviewViewModel vm;

        NumberCell(ReviewViewModel vm) {
            this.vm = vm;
            getStyleClass().add("number-cell");
        }

        @Override
        protected void updateItem(BeadRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null || getIndex() < 0 || getIndex() >= vm.visible().size()) {
                setText(null);
            } else {
                setText((vm.visible().getSourceIndex(getIndex()) + 1) + "\n" + r.bead().type());
            }
        }
    }

    /** A confidence bar coloured low (below the threshold), middling or high, with the value. */
    static final class ConfidenceCell extends TableCell<BeadRow, BeadRow> {
        private final ReviewViewModel vm;
        private final I18n i18n;
        private final Region bar = new Region();
        private final Tooltip byHandTip = new Tooltip();

        ConfidenceCell(ReviewViewModel vm, I18n i18n) {
            this.vm = vm;
            this.i18n = i18n;
            getStyleClass().add("confidence-cell");
            bar.setMinHeight(8);
            bar.setMaxHeight(8);
            setContentDisplay(ContentDisplay.LEFT);
            setGraphicTextGap(6);
        }

        @Override
        protected void updateItem(BeadRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Bead b = r.bead();
            if (vm.madeByHand(b)) {
                // the engine's figure was said of the beads this one was built from: say it was made by hand
                setGraphic(null);
                setText(i18n.t("desk.byHand"));
                byHandTip.setText(i18n.t("desk.byHandTip"));
                setTooltip(byHandTip);
                return;
            }
            setTooltip(null);
            if (!vm.showsConfidence(b)) {
                // a reviewer's bead shows who confirmed (or rejected) it; a translation's row shows nothing
                setGraphic(null);
                setText(b.status() == org.diptych.model.BeadStatus.AUTO ? null
                        : (b.status() == org.diptych.model.BeadStatus.CONFIRMED ? "✓ " : "✗ ")
                        + (b.reviewer() == null ? "" : b.reviewer()));
                return;
            }
            double c = b.confidence();
            double w = Math.max(2, 50 * c);
            bar.setMinWidth(w);
            bar.setPrefWidth(w);
            bar.setMaxWidth(w);
            String level = c < vm.thresholdProperty().get() ? "low" : c < 0.8 ? "mid" : "high";
            if (bar.getStyleClass().size() != 2 || !bar.getStyleClass().get(1).equals(level)) {
                bar.getStyleClass().setAll("confidence-fill", level);
            }
            setText(String.format(java.util.Locale.ROOT, "%.2f", c));
            setGraphic(bar);
        }
    }

    /** Status in words, with the reviewer and the note as tooltip. */
    static final class StatusCell extends TableCell<BeadRow, BeadRow> {
        private final I18n i18n;
        private final Tooltip tip = new Tooltip();

        StatusCell(I18n i18n) {
            this.i18n = i18n;
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(BeadRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            Bead b = r.bead();
            String s = i18n.t("status." + b.status().name().toLowerCase(java.util.Locale.ROOT));
            if (b.note() != null) s += "\n✎";
            setText(s);
            StringBuilder tip = new StringBuilder();
            if (b.reviewer() != null) tip.append(b.reviewer());
            if (b.reviewedAt() != null) tip.append(tip.length() > 0 ? ", " : "").append(b.reviewedAt());
            if (b.note() != null) tip.append(tip.length() > 0 ? "\n" : "").append(b.note());
            if (tip.length() == 0) {
                setTooltip(null);
            } else {
                this.tip.setText(tip.toString());
                setTooltip(this.tip);
            }
        }
    }
}
