package org.gradviz.app.editor.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Labeled;

/** Test helper: what the edge labels on a canvas cover, and which carried edges have none. Call on the FX thread. */
final class EdgeLabelChecks {
    private EdgeLabelChecks() {
    }

    /** Adds each carried edge whose gradient label is not shown; returns how many edges carried. */
    static int carriedWithoutLabel(javafx.scene.Parent canvas, List<String> problems, String where) {
        int carried = 0;
        for (javafx.scene.Node curve : canvas.lookupAll(".graph-edge")) {
            if (!curve.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("carried"))) {
                continue;
            }
            carried++;
            String edge = curve.getParent().getId().substring("edge-".length());
            Labeled flow = (Labeled) canvas.lookup("#edge-labels-" + edge + " .flow-label");
            if (flow == null || !shown(flow) || flow.getText().isEmpty()) {
                problems.add(where + ": the gradient label of " + edge + " is hidden");
            }
        }
        return carried;
    }

    /** Each shown edge label (shape or gradient) drawn over an edge's line, with the edge. */
    static List<String> labelsOverEdges(javafx.scene.Parent canvas) {
        List<String> over = new ArrayList<>();
        for (String style : new String[] {".graph-edge-label", ".flow-label"}) {
            for (javafx.scene.Node n : canvas.lookupAll(style)) {
                Labeled label = (Labeled) n;
                if (!shown(label) || label.getText().isEmpty()) {
                    continue;
                }
                javafx.geometry.Bounds b = label.localToScene(label.getLayoutBounds());
                for (javafx.scene.Node c : canvas.lookupAll(".graph-edge")) {
                    javafx.scene.shape.Path drawn = (javafx.scene.shape.Path) c;
                    // the line as drawn, without the area its ends enclose (which a transparent fill still has)
                    javafx.scene.shape.Path curve = new javafx.scene.shape.Path(drawn.getElements());
                    curve.setFill(null);
                    curve.setStroke(javafx.scene.paint.Color.BLACK);
                    curve.setStrokeWidth(drawn.getStrokeWidth());
                    javafx.geometry.Bounds local = drawn.sceneToLocal(b);
                    javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(local.getMinX() + 0.5,
                            local.getMinY() + 0.5, local.getWidth() - 1, local.getHeight() - 1);
                    javafx.scene.shape.Shape common = javafx.scene.shape.Shape.intersect(curve, r);
                    javafx.geometry.Bounds hit = common.getBoundsInLocal();
                    if (!hit.isEmpty() && hit.getWidth() > 0 && hit.getHeight() > 0) {
                        over.add(label.getText() + " over " + c.getParent().getId());
                    }
                }
            }
        }
        return over;
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
