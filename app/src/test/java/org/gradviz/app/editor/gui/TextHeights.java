package org.gradviz.app.editor.gui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.gradviz.app.editor.canvas.TensorGrid;

/** Test helper: how big text really is on the screen, zoom and every scale included. Call on the FX thread. */
final class TextHeights {
    private TextHeights() {
    }

    /** The smallest on-screen size, in pixels, of the numbers in the grids under {@code root}. */
    static double smallestGridNumbers(Parent root) {
        return grids(root).stream().mapToDouble(g -> g.fontSize() * scaleY(g)).min().orElse(0);
    }

    /** The on-screen font size, in pixels, of a label (its font times every scale above it). */
    static double labelSize(Labeled label) {
        return label.getFont().getSize() * scaleY(label);
    }

    static List<TensorGrid> grids(Parent root) {
        return root.lookupAll("*").stream().filter(n -> n instanceof TensorGrid && n.isVisible())
                .map(n -> (TensorGrid) n).filter(TextHeights::shown).toList();
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    static double scaleY(Node n) {
        return n.getLocalToSceneTransform().getMyy();
    }
}
