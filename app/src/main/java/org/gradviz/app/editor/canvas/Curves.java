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
}
