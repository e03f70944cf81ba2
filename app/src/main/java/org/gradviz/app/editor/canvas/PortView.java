package org.gradviz.app.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.shape.Circle;

/** A connection point on a box: one of an op's named inputs, or the box's one output. */
final class PortView extends Circle {
    static final double RADIUS = 8;

    private final String element;
    private final String port;

    /** @param port the input's name, or null for the output */
    PortView(String element, String port) {
        super(RADIUS);
        this.element = element;
        this.port = port;
        getStyleClass().add(CanvasStyles.PORT);
        setId("port-" + element + "-" + (port == null ? "out" : port));
    }

    String element() {
        return element;
    }

    /** The input's name; null on the output. */
    String port() {
        return port;
    }

    boolean isOutput() {
        return port == null;
    }

    /** The centre in the coordinates of {@code ancestor}. */
    Point2D centerIn(Node ancestor) {
        return ancestor.sceneToLocal(localToScene(getCenterX(), getCenterY()));
    }
}
