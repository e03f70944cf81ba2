package org.gradviz.app.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Path;
import org.gradviz.app.animation.EdgeFlow;
import org.gradviz.app.animation.view.CoveredArea;
import org.gradviz.app.animation.view.FlowStyles;
import org.gradviz.app.animation.view.GradientMagnitude;
import org.gradviz.app.document.Connection;
import org.gradviz.app.editor.EdgeRoute;

/**
 * An edge drawn along its {@link EdgeRoute} from an output port to an input port, labelled with the shape it carries
 * (above the curve) and, in the animation, the gradient it carried (below). The labels sit at the first point along
 * the route, from its middle outwards, where nothing (a box, another label) covers them; a gradient that does not
 * fit in full says only its largest magnitude, and a label with no free place at all is not shown rather than
 * drawn over a box or another label.
 */
final class EdgeView extends Group {
    /** Where along the curve labels may go, best first. */
    private static final double[] LABEL_PLACES = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88};
    private final Connection connection;
    private final java.util.function.Function<EdgeView, java.util.List<javafx.geometry.Bounds>> boxes;
    private final Path curve = new Path();
    private EdgeRoute route = EdgeRoute.sCurve(0, 0, 0, 0);
    private final Label shape = new Label();
    private final Label flow = new Label();
    private final Group labels = new Group();
    /** What the flow label says when there is room, and when there is not (its largest magnitude only). */
    private String fullFlow = "";
    private String shortFlow = "";

    /**
     * {@code boxes}: for an edge, what its labels keep clear of (the boxes, the other edges' labels), in the edge's
     * coordinates.
     */
    EdgeView(Connection connection, java.util.function.Function<EdgeView, java.util.List<javafx.geometry.Bounds>> boxes) {
        this.connection = connection;
        this.boxes = boxes;
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
        labels.getChildren().addAll(shape, flow);
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
        flow.pseudoClassStateChanged(FlowStyles.CURRENT, carried != null && carried.current());
        fullFlow = carried == null ? "" : "grad " + carried.label();
        shortFlow = carried == null ? "" : "grad max " + org.gradviz.app.document.DecimalText.of(carried.maxAbs());
        flow.setText(fullFlow);
        placeLabels();
    }

    /** The bounds of the labels shown, in the edge's coordinates. */
    java.util.List<javafx.geometry.Bounds> labelBounds() {
        java.util.List<javafx.geometry.Bounds> shown = new java.util.ArrayList<>(2);
        for (Label label : new Label[] {shape, flow}) {
            if (label.isVisible() && !label.getText().isEmpty()) {
                shown.add(label.getBoundsInParent());
            }
        }
        return shown;
    }

    Connection connection() {
        return connection;
    }

    void setShapeText(String text) {
        shape.setText(text);
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
        placeLabels();
    }

    private static double[] corners(javafx.geometry.Bounds b) {
        return new double[] {b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()};
    }

    /**
     * Puts each label at the first place along the curve where nothing covers it (the shape first, above the
     * curve; then the gradient below it, clear of the shape label too); failing that, the gradient's short form
     * where nothing covers it; failing that, each where least is covered.
     */
    private void placeLabels() {
        java.util.List<javafx.geometry.Bounds> covering = new java.util.ArrayList<>(boxes.apply(this));
        shape.setVisible(true);
        javafx.geometry.Bounds s = shapeBounds(leastCovered(this::shapeBounds, covering));
        shape.relocate(s.getMinX(), s.getMinY());
        // drawn over a box or another label it helps nobody: the edge itself still shows the connection
        shape.setVisible(shape.getText().isEmpty() || CoveredArea.of(s, covering) == 0);
        if (shape.isVisible()) {
            covering.add(s);
        }
        if (fullFlow.isEmpty()) {
            flow.setVisible(false);
            return;
        }
        flow.setVisible(true);
        flow.setText(fullFlow);
        javafx.geometry.Bounds f = flowBounds(leastCovered(this::flowBounds, covering));
        if (CoveredArea.of(f, covering) > 0 && !shortFlow.equals(fullFlow)) {
            flow.setText(shortFlow);
            f = flowBounds(leastCovered(this::flowBounds, covering));
        }
        flow.relocate(f.getMinX(), f.getMinY());
        flow.setVisible(CoveredArea.of(f, covering) == 0);
    }

    private Point2D leastCovered(java.util.function.Function<Point2D, javafx.geometry.Bounds> label,
            java.util.List<javafx.geometry.Bounds> covering) {
        Point2D at = null;
        double least = Double.MAX_VALUE;
        for (double t : LABEL_PLACES) {
            double[] xy = route.at(t);
            Point2D p = new Point2D(xy[0], xy[1]);
            double covered = CoveredArea.of(label.apply(p), covering);
            if (covered < least) {
                at = p;
                least = covered;
            }
            if (covered == 0) {
                break;
            }
        }
        return at;
    }

    private javafx.geometry.Bounds shapeBounds(Point2D p) {
        double w = shape.prefWidth(-1);
        double h = shape.prefHeight(-1);
        return new javafx.geometry.BoundingBox(p.getX() - w / 2, p.getY() - h - 2, w, h);
    }

    private javafx.geometry.Bounds flowBounds(Point2D p) {
        double w = flow.prefWidth(-1);
        return new javafx.geometry.BoundingBox(p.getX() - w / 2, p.getY() + 4, w, flow.prefHeight(-1));
    }
}
