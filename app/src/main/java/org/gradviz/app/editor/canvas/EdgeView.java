package org.gradviz.app.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import org.gradviz.app.animation.EdgeFlow;
import org.gradviz.app.animation.view.FlowStyles;
import org.gradviz.app.animation.view.GradientMagnitude;
import org.gradviz.app.document.Connection;

/** An edge drawn as a curve from an output port to an input port, labelled with the shape it carries. */
final class EdgeView extends Group {
    private final Connection connection;
    private final CubicCurve curve = new CubicCurve();
    private final Label shape = new Label();
    private final Label flow = new Label();

    EdgeView(Connection connection) {
        this.connection = connection;
        setId("edge-" + connection.from() + "-" + connection.to() + "-" + connection.port());
        curve.getStyleClass().add(CanvasStyles.EDGE);
        shape.getStyleClass().add(CanvasStyles.EDGE_LABEL);
        shape.setMouseTransparent(true);
        flow.getStyleClass().add(FlowStyles.FLOW_LABEL);
        flow.setMouseTransparent(true);
        flow.setVisible(false);
        getChildren().addAll(curve, shape, flow);
    }

    CubicCurve curve() {
        return curve;
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
        flow.setVisible(carried != null);
        flow.setText(carried == null ? "" : "grad " + carried.label());
        placeFlowLabel();
    }

    Connection connection() {
        return connection;
    }

    void setShapeText(String text) {
        shape.setText(text);
    }

    void route(Point2D from, Point2D to) {
        Curves.shape(curve, from, to);
        shape.relocate((from.getX() + to.getX()) / 2 - shape.prefWidth(-1) / 2,
                (from.getY() + to.getY()) / 2 - shape.prefHeight(-1) - 2);
        placeFlowLabel();
    }

    private void placeFlowLabel() {
        double x = (curve.getStartX() + curve.getEndX()) / 2;
        double y = (curve.getStartY() + curve.getEndY()) / 2;
        flow.relocate(x - flow.prefWidth(-1) / 2, y + 4);
    }
}
