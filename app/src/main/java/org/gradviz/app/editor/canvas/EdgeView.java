package org.gradviz.app.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Path;
import org.gradviz.app.animation.EdgeFlow;
import org.gradviz.app.animation.view.FlowStyles;
import org.gradviz.app.animation.view.GradientMagnitude;
import org.gradviz.app.document.Connection;
import org.gradviz.app.editor.EdgeRoute;
import org.gradviz.app.editor.LabelRoom;

/**
 * An edge drawn along its {@link EdgeRoute} from an output port to an input port, labelled with the shape it carries
 * (above the curve) and, in the animation, the gradient it carried (below). The canvas places the labels of all its
 * edges together ({@link LabelRoom}): each beside its edge where nothing (a box, another label, any edge) is under
 * it, the gradient travelling at this step first (the step's callout), then the other gradients; a gradient that
 * does not fit in full says only its largest magnitude, and one with no room beside its edge goes where there is
 * room nearby, tied to its edge by a thin leader line. A label with no free place at all is not shown rather than
 * drawn over a box, a label or a line.
 */
final class EdgeView extends Group {
    private final Connection connection;
    private final java.util.function.Consumer<EdgeView> labelsChanged;
    private final Path curve = new Path();
    private EdgeRoute route = EdgeRoute.sCurve(0, 0, 0, 0);
    private final Label shape = new Label();
    private final Label flow = new Label();
    private final Group labels = new Group();
    /** From a gradient label placed away from its edge to the edge. */
    private final Line leader = new Line();
    /** What the flow label says when there is room, and when there is not (its largest magnitude only). */
    private String fullFlow = "";
    private String shortFlow = "";
    /** Whether the gradient travels the edge at this very step (its label is the step's callout). */
    private boolean current;

    /** {@code labelsChanged}: told when the edge's way or its labels' text changed, so the labels need places. */
    EdgeView(Connection connection, java.util.function.Consumer<EdgeView> labelsChanged) {
        this.connection = connection;
        this.labelsChanged = labelsChanged;
        setId("edge-" + connection.from() + "-" + connection.to() + "-" + connection.port());
        curve.getStyleClass().add(CanvasStyles.EDGE);
        shape.getStyleClass().add(CanvasStyles.EDGE_LABEL);
        shape.setMouseTransparent(true);
        flow.getStyleClass().add(FlowStyles.FLOW_LABEL);
        flow.setMouseTransparent(true);
        flow.setVisible(false);
        getChildren().add(curve);
        labels.setId("edge-labels-" + connection.from() + "-" + connection.to() + "-" + connection.port());
        labels.setMouseTransparent(true);
        leader.getStyleClass().add(CanvasStyles.EDGE_LABEL_LEADER);
        leader.setVisible(false);
        labels.getChildren().addAll(leader, shape, flow);
    }

    /** The edge's labels, drawn above every curve and under the boxes (the canvas puts them in a layer of their own). */
    Group labels() {
        return labels;
    }

    Path curve() {
        return curve;
    }

    /** The way the edge runs now. */
    EdgeRoute route() {
        return route;
    }

    /**
     * Shows what the edge carried in the animation (null: nothing yet): the value under the curve, its size as
     * the curve's width and colour class, and whether it travels the edge at this very step.
     */
    void showFlow(EdgeFlow carried) {
        for (GradientMagnitude m : GradientMagnitude.values()) {
            curve.pseudoClassStateChanged(m.pseudoClass(), carried != null && GradientMagnitude.of(carried.maxAbs()) == m);
        }
        curve.pseudoClassStateChanged(FlowStyles.CARRIED, carried != null);
        curve.pseudoClassStateChanged(FlowStyles.CURRENT, carried != null && carried.current());
        current = carried != null && carried.current();
        flow.pseudoClassStateChanged(FlowStyles.CURRENT, current);
        fullFlow = carried == null ? "" : "grad " + carried.label();
        shortFlow = carried == null ? "" : "grad max " + org.gradviz.app.document.DecimalText.of(carried.maxAbs());
        flow.setText(fullFlow);
        labelsChanged.accept(this);
    }

    Connection connection() {
        return connection;
    }

    void setShapeText(String text) {
        shape.setText(text);
    }

    /** Whether the gradient's label found a place and shows. */
    boolean flowShown() {
        return flow.isVisible() && !fullFlow.isEmpty();
    }

    /** Whether the gradient travels the edge at this very step (so its label has the first pick of room). */
    boolean carriesCurrentGradient() {
        return current && carriesGradient();
    }

    /** Whether the edge shows a gradient (so its label needs a place first). */
    boolean carriesGradient() {
        return !fullFlow.isEmpty();
    }

    /**
     * Runs the edge from {@code from} to {@code to}, the ports of boxes with bounds {@code producer} and
     * {@code consumer}; a wrap runs {@code runOut} beside them.
     */
    void route(Point2D from, Point2D to, javafx.geometry.Bounds producer, javafx.geometry.Bounds consumer,
            double runOut) {
        route = EdgeRoute.between(new double[] {from.getX(), from.getY()}, new double[] {to.getX(), to.getY()},
                corners(producer), corners(consumer), runOut);
        Curves.draw(curve, route);
        labelsChanged.accept(this);
    }

    private static double[] corners(javafx.geometry.Bounds b) {
        return new double[] {b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()};
    }

    /**
     * Puts the gradient's label beside the edge where {@code room} has a free place (in full, else its largest
     * magnitude only), else where there is room nearby with a leader line; hides it when there is none.
     */
    void placeFlow(LabelRoom room) {
        leader.setVisible(false);
        if (fullFlow.isEmpty()) {
            flow.setVisible(false);
            return;
        }
        flow.setText(fullFlow);
        java.util.Optional<LabelRoom.Spot> spot = beside(room, flow, false);
        if (spot.isEmpty() && !shortFlow.equals(fullFlow)) {
            flow.setText(shortFlow);
            spot = beside(room, flow, false);
        }
        if (spot.isEmpty()) {
            spot = room.callout(route, flow.prefWidth(-1), flow.prefHeight(-1));
        }
        show(flow, spot, room);
        spot.filter(LabelRoom.Spot::isCallout).ifPresent(s -> {
            double[] end = {Math.max(s.rect()[0], Math.min(s.anchor()[0], s.rect()[2])),
                Math.max(s.rect()[1], Math.min(s.anchor()[1], s.rect()[3]))};
            leader.setStartX(s.anchor()[0]);
            leader.setStartY(s.anchor()[1]);
            leader.setEndX(end[0]);
            leader.setEndY(end[1]);
            leader.setVisible(true);
        });
    }

    /** Puts the shape's label beside the edge, above it if it can, where {@code room} has a free place; else hides it. */
    void placeShape(LabelRoom room) {
        show(shape, shape.getText().isEmpty() ? java.util.Optional.empty() : beside(room, shape, true), room);
    }

    /** Both labels at the middle of the route, looking at nothing (a big graph, where looking would cost too much). */
    void placeAtMiddle() {
        double[] m = route.at(0.5);
        shape.setVisible(true);
        shape.relocate(m[0] - shape.prefWidth(-1) / 2, m[1] - shape.prefHeight(-1) - LabelRoom.AIR);
        flow.setVisible(!fullFlow.isEmpty());
        flow.relocate(m[0] - flow.prefWidth(-1) / 2, m[1] + LabelRoom.AIR);
        leader.setVisible(false);
    }

    private java.util.Optional<LabelRoom.Spot> beside(LabelRoom room, Label label, boolean above) {
        return room.beside(route, label.prefWidth(-1), label.prefHeight(-1), LabelRoom.AIR, above);
    }

    private static void show(Label label, java.util.Optional<LabelRoom.Spot> spot, LabelRoom room) {
        label.setVisible(spot.isPresent());
        spot.ifPresent(s -> {
            label.relocate(s.rect()[0], s.rect()[1]);
            room.take(s);
        });
    }
}
