package org.gradviz.app.editor.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;

/** Test helper: which shown edge labels are drawn over a box or over another shown label. Call on the FX thread. */
final class EdgeLabelOverlaps {
    private EdgeLabelOverlaps() {
    }

    /** Each shown edge label (shape or gradient) under {@code root} that overlaps a box or another, with what. */
    static List<String> of(Parent root) {
        List<Labeled> shown = new ArrayList<>();
        for (String style : new String[] {".graph-edge-label", ".flow-label"}) {
            root.lookupAll(style).stream().map(n -> (Labeled) n).filter(l -> shown(l) && !l.getText().isEmpty())
                    .forEach(shown::add);
        }
        List<Node> boxes = new ArrayList<>(root.lookupAll(".graph-node"));
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Bounds a = shrunk(shown.get(i).localToScene(shown.get(i).getLayoutBounds()));
            for (Node box : boxes) {
                if (shown(box) && a.intersects(box.localToScene(box.getLayoutBounds()))) {
                    covered.add(shown.get(i).getText() + " over " + box.getId());
                }
            }
            for (int j = i + 1; j < shown.size(); j++) {
                if (a.intersects(shrunk(shown.get(j).localToScene(shown.get(j).getLayoutBounds())))) {
                    covered.add(shown.get(i).getText() + " over " + shown.get(j).getText());
                }
            }
        }
        return covered;
    }

    /** Half a pixel in on every side: labels that only touch do not overlap. */
    private static Bounds shrunk(Bounds b) {
        return new BoundingBox(b.getMinX() + 0.5, b.getMinY() + 0.5, b.getWidth() - 1, b.getHeight() - 1);
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
