package org.gradviz.app.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.gradviz.app.editor.EdgeRoute;

/** The left-to-right S-curve the wire being drawn follows, and edges' routes as paths. */
final class Curves {
    private Curves() {
    }

    static void shape(CubicCurve curve, Point2D from, Point2D to) {
        double[] p = EdgeRoute.sCurve(from.getX(), from.getY(), to.getX(), to.getY()).pieces().get(0);
        curve.setStartX(p[0]);
        curve.setStartY(p[1]);
        curve.setControlX1(p[2]);
        curve.setControlY1(p[3]);
        curve.setControlX2(p[4]);
        curve.setControlY2(p[5]);
        curve.setEndX(p[6]);
        curve.setEndY(p[7]);
    }

    /** Sets {@code path}'s elements to {@code route}'s pieces. */
    static void draw(Path path, EdgeRoute route) {
        java.util.List<javafx.scene.shape.PathElement> elements = new java.util.ArrayList<>();
        double[] first = route.pieces().get(0);
        elements.add(new MoveTo(first[0], first[1]));
        for (double[] p : route.pieces()) {
            elements.add(new CubicCurveTo(p[2], p[3], p[4], p[5], p[6], p[7]));
        }
        path.getElements().setAll(elements);
    }

    /** A new path along {@code route}. */
    static Path path(EdgeRoute route) {
        Path path = new Path();
        draw(path, route);
        return path;
    }
}
