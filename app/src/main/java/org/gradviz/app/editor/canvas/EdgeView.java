package org.gradviz.app.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import org.gradviz.app.document.Connection;

/** An edge drawn as a curve from an output port to an input port, labelled with the shape it carries. */
final class EdgeView extends Group {
    private final Connection connection;
    private final CubicCurve curve = new CubicCurve();
    private final Label shape = new Label();

    EdgeView(Connection connection) {
        this.connection = connection;
        setId("edge-" + connection.from() + "-" + connection.to() + "-" + connection.port());
        curve.getStyleClass().add(CanvasStyles.EDGE);
        shape.getStyleClass().add(CanvasStyles.EDGE_LABEL);
        shape.setMouseTransparent(true);
        getChildren().addAll(curve, shape);
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
    }
}
