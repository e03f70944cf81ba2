package org.gradviz.app.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurve;

/** The left-to-right S-curve every edge and the wire being drawn follow. */
final class Curves {
    private Curves() {
    }

    static void shape(CubicCurve curve, Point2D from, Point2D to) {
        // leave the output port and enter the input port sideways, even when the boxes are close and far apart
        // in height: otherwise the curve climbs out of its own box's top
        double bend = Math.max(80, Math.max(Math.abs(to.getX() - from.getX()) / 2, Math.abs(to.getY() - from.getY()) / 3));
        curve.setStartX(from.getX());
        curve.setStartY(from.getY());
        curve.setControlX1(from.getX() + bend);
        curve.setControlY1(from.getY());
        curve.setControlX2(to.getX() - bend);
        curve.setControlY2(to.getY());
        curve.setEndX(to.getX());
        curve.setEndY(to.getY());
    }

    /** The point of {@code curve} at parameter {@code t} (0 at its start, 1 at its end). */
    static Point2D at(CubicCurve curve, double t) {
        double u = 1 - t;
        double a = u * u * u;
        double b = 3 * u * u * t;
        double c = 3 * u * t * t;
        double d = t * t * t;
        return new Point2D(
                a * curve.getStartX() + b * curve.getControlX1() + c * curve.getControlX2() + d * curve.getEndX(),
                a * curve.getStartY() + b * curve.getControlY1() + c * curve.getControlY2() + d * curve.getEndY());
    }
}
