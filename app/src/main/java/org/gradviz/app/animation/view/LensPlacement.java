package org.gradviz.app.animation.view;

import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.gradviz.app.animation.FlowFrame;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TracePlayer;

/**
 * Puts the chain-rule lens beside the node the engine is at: in the autograd view when it is shown, else beside
 * the node's box in the network view; to the right of it where there is room, else to the left, kept inside the
 * layer it floats in.
 */
public final class LensPlacement {
    private static final double GAP = 16;

    private final Pane layer;
    private final LensPanel lens;
    private final AutogradView autograd;
    private final TracePlayer player;

    public LensPlacement(Pane layer, LensPanel lens, AutogradView autograd, TracePlayer player) {
        this.layer = layer;
        this.lens = lens;
        this.autograd = autograd;
        this.player = player;
        lens.setManaged(false);
        layer.getChildren().add(lens);
        layer.setPickOnBounds(false);
        player.frameProperty().addListener((obs, old, now) -> Platform.runLater(this::place));
        layer.widthProperty().addListener((obs, old, now) -> place());
        layer.heightProperty().addListener((obs, old, now) -> place());
    }

    private void place() {
        FlowFrame frame = player.frameProperty().get();
        Optional<Bounds> target = frame.activeNode() == null ? Optional.empty() : boundsOf(frame.activeNode());
        if (!lens.isVisible() || target.isEmpty()) {
            return;
        }
        lens.applyCss();
        lens.autosize();
        Bounds node = target.get();
        double w = lens.getWidth();
        double h = lens.getHeight();
        double x = node.getMaxX() + GAP + w <= layer.getWidth() ? node.getMaxX() + GAP : node.getMinX() - GAP - w;
        x = Math.max(0, Math.min(x, layer.getWidth() - w));
        double y = Math.max(0, Math.min(node.getCenterY() - h / 2, layer.getHeight() - h));
        lens.relocate(Math.round(x), Math.round(y));
    }

    /** Where node {@code id} is drawn, in the layer's coordinates: its autograd box, else its network box. */
    private Optional<Bounds> boundsOf(int id) {
        Optional<Node> box = autograd.getScene() != null && autograd.isVisible() && autograd.getParent() != null
                && autograd.getWidth() > 0 ? autograd.nodeView(id).map(n -> (Node) n) : Optional.empty();
        if (box.isEmpty()) {
            Recording recording = player.recordingProperty().get();
            box = recording == null || layer.getScene() == null ? Optional.empty()
                    : recording.elements().elementOfNode(id).map(e -> layer.getScene().lookup("#node-" + e));
        }
        return box.filter(n -> n.getScene() != null).map(n -> layer.sceneToLocal(n.localToScene(n.getBoundsInLocal())));
    }
}
