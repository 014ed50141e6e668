package org.diptych.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers the main window's size, position and maximized state, and the divider positions of its split
 * panes (the statements pane's width among them, kept in pixels so it does not grow with the window), in
 * {@link UiPrefs}. The first start opens at 1280×800 or less, so the window fits a 1366×768 screen with
 * its task bar; a remembered position that is off every screen now (a monitor unplugged) is centred again.
 */
public final class WindowMemory {
    static final double FIRST_WIDTH = 1280;
    static final double FIRST_HEIGHT = 800;
    private final Preferences node;

    public WindowMemory(UiPrefs prefs) {
        this.node = prefs.node();
    }

    /** Sizes and places {@code stage} before it is shown. */
    public void restoreGeometry(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = node.getDouble("window.width", -1);
        double h = node.getDouble("window.height", -1);
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        if (w < 200 || h < 150) {
            w = Math.min(FIRST_WIDTH, screen.getWidth() * 0.95);
            h = Math.min(FIRST_HEIGHT, screen.getHeight() * 0.95);
            x = Double.NaN;
        }
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y, w, h)) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - w) / 2));
            stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - h) / 2));
        }
        stage.setMaximized(node.getBoolean("window.maximized", false));
    }

    private static boolean onSomeScreen(double x, double y, double w, double h) {
        // at least the title bar's middle must be on a screen
        return !Screen.getScreensForRectangle(x + w / 2 - 50, y, 100, 30).isEmpty();
    }

    /** Records the stage's geometry and its split panes' dividers. */
    public void save(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified()) {
            node.putDouble("window.width", stage.getWidth());
            node.putDouble("window.height", stage.getHeight());
            node.putDouble("window.x", stage.getX());
            node.putDouble("window.y", stage.getY());
        }
        node.putBoolean("window.maximized", stage.isMaximized());
        if (stage.getScene() != null) {
            for (SplitPane sp : splitPanes(stage.getScene().getRoot())) record(sp);
        }
        try {
            node.flush();
        } catch (java.util.prefs.BackingStoreException ignored) {
            // kept for this session only
        }
    }

    /** Applies the remembered dividers to the split panes now in the stage (after it is shown and laid out). */
    public void restoreDividers(Stage stage) {
        if (stage.getScene() == null) return;
        for (SplitPane sp : splitPanes(stage.getScene().getRoot())) {
            String key = key(sp);
            if (key == null) continue;
            restore(sp, key);
            track(sp);
        }
    }

    private void restore(SplitPane sp, String key) {
        if (isStatementsSplit(sp)) {
            double px = node.getDouble("statements.width", -1);
            double total = sp.getWidth();
            if (px > 40 && total > px + 100) sp.setDividerPositions(px / total);
            return;
        }
        String v = node.get(key, null);
        if (v == null) return;
        String[] parts = v.split(",");
        if (parts.length != sp.getDividers().size()) return;
        try {
            double[] pos = new double[parts.length];
            for (int i = 0; i < parts.length; i++) pos[i] = Double.parseDouble(parts[i]);
            sp.setDividerPositions(pos);
        } catch (NumberFormatException ignored) {
            // a damaged entry: keep the default
        }
    }

    private void record(SplitPane sp) {
        String key = key(sp);
        if (key == null || sp.getScene() == null || sp.getWidth() <= 0) return;
        if (isStatementsSplit(sp)) {
            node.putDouble("statements.width", sp.getItems().get(0).getLayoutBounds().getWidth());
        } else {
            StringBuilder b = new StringBuilder();
            for (double d : sp.getDividerPositions()) b.append(b.length() == 0 ? "" : ",").append(d);
            node.put(key, b.toString());
        }
    }

    /** Records a split pane's dividers whenever the user moves them (it may leave the window before it closes). */
    private void track(SplitPane sp) {
        if (sp.getProperties().containsKey(WindowMemory.class)) return;
        sp.getProperties().put(WindowMemory.class, Boolean.TRUE);
        for (SplitPane.Divider d : sp.getDividers()) d.positionProperty().addListener((o, a, b) -> record(sp));
    }

    private static boolean isStatementsSplit(SplitPane sp) {
        return !sp.getItems().isEmpty() && "statements-pane".equals(sp.getItems().get(0).getId());
    }

    /** A split pane's key: its id, else the id of its nearest parent with one, with its orientation. */
    private static String key(SplitPane sp) {
        Node n = sp;
        while (n != null && n.getId() == null) n = n.getParent();
        return n == null ? null : "split." + n.getId() + "." + sp.getOrientation().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<SplitPane> splitPanes(Node root) {
        List<SplitPane> out = new ArrayList<>();
        for (Node n : root.lookupAll(".split-pane")) if (n instanceof SplitPane sp) out.add(sp);
        return out;
    }
}
