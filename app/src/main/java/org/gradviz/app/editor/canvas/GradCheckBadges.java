package org.gradviz.app.editor.canvas;

import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.GradCheckReport;
import org.gradviz.app.editor.LeafGradCheck;

/** Shows the last gradcheck on the leaves' boxes: a badge beside the name, the numbers on hover. */
public final class GradCheckBadges {
    private final EditorModel model;
    private final GraphCanvas canvas;
    /** The check each box shows (null: none), by box: boxes come and go, so weakly. */
    private final java.util.Map<NodeView, LeafGradCheck> shown = new java.util.WeakHashMap<>();

    public GradCheckBadges(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        model.gradChecks().reportProperty().addListener((obs, old, now) -> show(now));
        canvas.boxesDrawnProperty().addListener((obs, old, now) -> show(model.gradChecks().reportProperty().get()));
    }

    private void show(GradCheckReport report) {
        model.document().tensors().forEach(t -> {
            NodeView box = canvas.nodeView(t.name());
            if (box != null) {
                LeafGradCheck check = model.gradChecks().leaf(t.name()).orElse(null);
                // the boxes are drawn again four times a second while Train runs: a badge is redone only when its
                // check changed
                if (!shown.containsKey(box) || shown.get(box) != check) {
                    shown.put(box, check);
                    box.setGradCheck(check == null ? null : check.passed(), check == null ? "" : check.hoverText());
                }
            }
        });
    }
}
