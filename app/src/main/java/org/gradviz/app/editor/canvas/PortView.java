package org.gradviz.app.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/**
 * A connection point on a box: one of an op's named inputs, or the box's one output. A dot big enough to see on a
 * projector, inside a larger invisible circle that takes the mouse, so a press need not hit the dot's pixels.
 */
final class PortView extends StackPane {
    /** The drawn dot's radius, in editor units. */
    static final double RADIUS = 11;
    /** The radius within which a press on the port starts a wire (invisible; the box lays out around the dot). */
    static final double HIT_RADIUS = 20;

    private final String element;
    private final String port;
    private final Circle dot = new Circle(RADIUS);
    private final Circle hit = new Circle(HIT_RADIUS);

    /** @param port the input's name, or null for the output */
    PortView(String element, String port) {
        this.element = element;
        this.port = port;
        getStyleClass().add(CanvasStyles.PORT);
        setId("port-" + element + "-" + (port == null ? "out" : port));
        dot.getStyleClass().add(CanvasStyles.PORT_DOT);
        hit.getStyleClass().add(CanvasStyles.PORT_HIT);
        hit.setManaged(false);
        getChildren().addAll(hit, dot);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Point2D centre = dotCentre();
        hit.setCenterX(centre.getX());
        hit.setCenterY(centre.getY());
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
        return ancestor.sceneToLocal(localToScene(dotCentre()));
    }

    private Point2D dotCentre() {
        return dot.localToParent(dot.getCenterX(), dot.getCenterY());
    }
}
