package org.diptych.ui;

import java.io.File;
import java.security.AccessControlContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;

/**
 * A dragboard holding files, as the platform hands one to a drop target. Monocle has no drag and drop,
 * so tests deliver drag events with this (JavaFX's internal helper, reachable on the class path).
 */
public final class TestDragboard implements TKClipboard {
    private final Map<DataFormat, Object> values = new HashMap<>();

    private TestDragboard() {}

    public static Dragboard withFiles(List<File> files) {
        TestDragboard peer = new TestDragboard();
        peer.values.put(DataFormat.FILES, files);
        Dragboard db = DragboardHelper.createDragboard(peer);
        DragboardHelper.setDataAccessRestriction(db, false);
        return db;
    }

    @Override public void setSecurityContext(AccessControlContext ctx) { }
    @Override public Set<DataFormat> getContentTypes() { return values.keySet(); }
    @SafeVarargs @Override public final boolean putContent(Pair<DataFormat, Object>... content) {
        for (Pair<DataFormat, Object> p : content) values.put(p.getKey(), p.getValue());
        return true;
    }
    @Override public Object getContent(DataFormat f) { return values.get(f); }
    @Override public boolean hasContent(DataFormat f) { return values.containsKey(f); }
    @Override public Set<TransferMode> getTransferModes() { return Set.of(TransferMode.COPY); }
    @Override public void setDragView(Image image) { }
    @Override public void setDragViewOffsetX(double x) { }
    @Override public void setDragViewOffsetY(double y) { }
    @Override public Image getDragView() { return null; }
    @Override public double getDragViewOffsetX() { return 0; }
    @Override public double getDragViewOffsetY() { return 0; }
}
