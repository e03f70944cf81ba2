package org.gradviz.app.animation.view;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.gradviz.app.animation.FlowFrame;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TracePlayer;

/**
 * Puts the chain-rule lens beside the node the engine is at: in the autograd view when it is shown, else beside
 * the node's box in the network view; kept inside the layer it floats in. Of the places beside the node (right,
 * left, below, above), the layer's corners and a grid over the layer, it takes the first that covers the fewest
 * boxes of the network view
 * and of the autograd view (whose numbers the class is reading), least of all the boxes the node sends its gradients
 * to and its own element's box, and never the node itself. Its text grows with the display's text size, as
 * far as the lens still takes at most half the layer's width and height; in a small window it shrinks to that
 * size, as far as its text stays readable. While presentation mode reserves its band under the views
 * ({@link LensBand}), the lens goes there instead, below its node as far as the band allows, and covers nothing.
 */
public final class LensPlacement {
    private static final double GAP = 16;
    /**
     * The lens shrinks in a small window as far as its lines (16 px at 100 %) stay 11 px high: in a 1280x720 window
     * at 100 % it takes about a third of the views instead of two thirds.
     */
    static final double MIN_SCALE = 11.0 / 16;
    private static final double RECIPIENT_WEIGHT = 1000;
    /** The grid of further places has this many steps across and down. */
    private static final int GRID = 24;

    private final Pane layer;
    private final LensPanel lens;
    private final LensPanel result;
    private final LensBand band;
    private final AutogradView autograd;
    private final TracePlayer player;
    private final DoubleProperty textScale;

    /** @param result the pass's result ({@link LensPanel#passResult}): shown in the band only, never beside a node */
    public LensPlacement(Pane layer, LensPanel lens, LensPanel result, LensBand band, AutogradView autograd,
            TracePlayer player, DoubleProperty textScale) {
        this.layer = layer;
        this.lens = lens;
        this.result = result;
        this.band = band;
        this.autograd = autograd;
        this.player = player;
        this.textScale = textScale;
        textScale.addListener((obs, old, now) -> place());
        lens.setManaged(false);
        layer.getChildren().add(lens);
        result.setManaged(false);
        layer.getChildren().add(result);
        // placed again for each new text (the result, the start's keys, the gradcheck's verdict)
        result.shownCountProperty().addListener((obs, old, now) -> Platform.runLater(this::place));
        layer.setPickOnBounds(false);
        player.frameProperty().addListener((obs, old, now) -> Platform.runLater(this::place));
        // its text changes after the frame: placed again for its new size
        lens.shownProperty().addListener((obs, old, now) -> Platform.runLater(this::place));
        band.strip().prefHeightProperty().addListener((obs, old, now) -> place());
        layer.widthProperty().addListener((obs, old, now) -> place());
        layer.heightProperty().addListener((obs, old, now) -> place());
    }

    private void place() {
        FlowFrame frame = player.frameProperty().get();
        Optional<Bounds> target = frame.activeNode() == null ? Optional.empty() : boundsOf(frame.activeNode());
        boolean resultShown = band.reserved() && result.shownResultProperty().get() != null;
        result.setVisible(resultShown);
        if (resultShown) {
            placeInBand(result, Optional.empty());
        }
        if (lens.isVisible() && band.reserved()) {
            placeInBand(lens, target);
            return;
        }
        if (!lens.isVisible() || target.isEmpty()) {
            return;
        }
        lens.arrange(0); // its blocks one under another
        lens.applyCss();
        lens.autosize();
        Bounds node = target.get();
        double scale = Math.max(MIN_SCALE, Math.min(textScale.get(), Math.min(layer.getWidth() / 2 / lens.getWidth(),
                layer.getHeight() / 2 / lens.getHeight())));
        lens.setScaleX(scale);
        lens.setScaleY(scale);
        double w = lens.getWidth() * scale;
        double h = lens.getHeight() * scale;
        java.util.List<double[]> places = new java.util.ArrayList<>(java.util.List.of(
            new double[] {node.getMaxX() + GAP, node.getCenterY() - h / 2},
            new double[] {node.getMinX() - GAP - w, node.getCenterY() - h / 2},
            new double[] {node.getCenterX() - w / 2, node.getMaxY() + GAP},
            new double[] {node.getCenterX() - w / 2, node.getMinY() - GAP - h},
            new double[] {0, 0}, new double[] {layer.getWidth() - w, 0}, new double[] {0, layer.getHeight() - h},
            new double[] {layer.getWidth() - w, layer.getHeight() - h}));
        // and, should all of those cover what the lens explains (a small window), anywhere on a grid
        double stepX = Math.max(8, (layer.getWidth() - w) / GRID);
        double stepY = Math.max(8, (layer.getHeight() - h) / GRID);
        for (double y = 0; y <= layer.getHeight() - h; y += stepY) {
            for (double x = 0; x <= layer.getWidth() - w; x += stepX) {
                places.add(new double[] {x, y});
            }
        }
        java.util.List<Bounds> boxes = new java.util.ArrayList<>(networkBoxes());
        boxes.addAll(autogradBoxes());
        java.util.List<Bounds> recipients = new java.util.ArrayList<>(recipients(frame.activeNode()));
        networkBoxOf(frame.activeNode()).filter(b -> !b.equals(node)).ifPresent(recipients::add);
        double[] best = null;
        double least = Double.MAX_VALUE;
        for (double[] p : places) {
            double x = Math.max(0, Math.min(p[0], layer.getWidth() - w));
            double y = Math.max(0, Math.min(p[1], layer.getHeight() - h));
            Bounds at = new javafx.geometry.BoundingBox(x, y, w, h);
            // NOTE: covering a box that is about to change (a gradient arriving) weighs far more than any other
            double covered = (at.intersects(node) ? Double.MAX_VALUE / 2 : 0) + CoveredArea.of(at, boxes)
                    + RECIPIENT_WEIGHT * CoveredArea.of(at, recipients);
            if (covered < least) {
                least = covered;
                best = new double[] {x, y};
            }
        }
        relocate(lens, best[0], best[1], w, h);
    }

    /**
     * Puts {@code panel} in presentation mode's band under the views ({@link LensBand}), below its node as far as
     * the band allows, else in the band's middle.
     */
    private void placeInBand(LensPanel panel, Optional<Bounds> node) {
        double scale = band.fit(panel);
        panel.setScaleX(scale);
        panel.setScaleY(scale);
        double w = panel.getWidth() * scale;
        double h = panel.getHeight() * scale;
        Bounds area = band.area();
        double centre = node.map(Bounds::getCenterX).orElse(area.getCenterX());
        relocate(panel, Math.max(area.getMinX(), Math.min(centre - w / 2, area.getMaxX() - w)),
                area.getMinY() + Math.max(0, (area.getHeight() - h) / 2), w, h);
    }

    /** Puts {@code panel}, scaled to {@code w × h} on screen, with its top-left corner at ({@code x}, {@code y}). */
    private static void relocate(LensPanel panel, double x, double y, double w, double h) {
        // NOTE: a node scales about its centre: shift it so that its scaled top-left corner lands on the place
        panel.relocate(Math.round(x + (w - panel.getWidth()) / 2), Math.round(y + (h - panel.getHeight()) / 2));
    }

    /** The boxes of the nodes that {@code node} sends gradients to in the recording, where they are drawn. */
    private java.util.List<Bounds> recipients(int node) {
        Recording recording = player.recordingProperty().get();
        if (recording == null) {
            return java.util.List.of();
        }
        return recording.events().stream()
                .filter(e -> e instanceof TraceEvent.GradientSent sent && sent.fromId() == node)
                .map(e -> boundsOf(((TraceEvent.GradientSent) e).toId())).flatMap(Optional::stream).toList();
    }

    /** The autograd view's boxes when it is shown, in the layer's coordinates. */
    private java.util.List<Bounds> autogradBoxes() {
        if (autograd.getScene() == null || !autograd.isVisible() || autograd.getWidth() <= 0) {
            return java.util.List.of();
        }
        return autograd.lookupAll("." + AutogradStyles.NODE).stream().filter(n -> n.getScene() != null)
                .map(n -> layer.sceneToLocal(n.localToScene(n.getBoundsInLocal()))).toList();
    }

    /** Where the box of node {@code id}'s element is drawn in the network view, in the layer's coordinates. */
    private Optional<Bounds> networkBoxOf(int id) {
        Recording recording = player.recordingProperty().get();
        if (recording == null || layer.getScene() == null) {
            return Optional.empty();
        }
        return recording.elements().elementOfNode(id).map(e -> layer.getScene().lookup("#node-" + e))
                .filter(n -> n.getScene() != null && n.isVisible())
                .map(n -> layer.sceneToLocal(n.localToScene(n.getBoundsInLocal())));
    }

    /** The network view's boxes, in the layer's coordinates. */
    private java.util.List<Bounds> networkBoxes() {
        if (layer.getScene() == null) {
            return java.util.List.of();
        }
        return layer.getScene().getRoot().lookupAll(".graph-node").stream().filter(n -> n.getScene() != null)
                .map(n -> layer.sceneToLocal(n.localToScene(n.getBoundsInLocal()))).toList();
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
