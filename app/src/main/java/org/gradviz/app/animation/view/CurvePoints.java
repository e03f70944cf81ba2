package org.gradviz.app.animation.view;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.render.LayoutPoint;

/**
 * A cubic Bézier spline (start, then three points per segment) as a fine polyline, so that a point can be found
 * at a fraction of its length: where a pulse is after half its time, where the middle of an edge is.
 */
final class CurvePoints {
    /** Straight pieces per Bézier segment: at torchviz's sizes each is a few points long. */
    private static final int STEPS = 24;

    private final List<LayoutPoint> polyline = new ArrayList<>();
    private final List<Double> lengths = new ArrayList<>();

    CurvePoints(List<LayoutPoint> bezier) {
        if (bezier.isEmpty()) {
            polyline.add(new LayoutPoint(0, 0));
        } else {
            polyline.add(bezier.get(0));
        }
        for (int i = 1; i + 2 < bezier.size(); i += 3) {
            LayoutPoint p0 = bezier.get(i - 1);
            for (int step = 1; step <= STEPS; step++) {
                polyline.add(cubic(p0, bezier.get(i), bezier.get(i + 1), bezier.get(i + 2), step / (double) STEPS));
            }
        }
        double total = 0;
        lengths.add(0.0);
        for (int i = 1; i < polyline.size(); i++) {
            LayoutPoint a = polyline.get(i - 1);
            LayoutPoint b = polyline.get(i);
            total += Math.hypot(b.x() - a.x(), b.y() - a.y());
            lengths.add(total);
        }
    }

    /** The point {@code fraction} (0 to 1) of the way along the curve, by length. */
    LayoutPoint at(double fraction) {
        double total = lengths.get(lengths.size() - 1);
        double wanted = Math.max(0, Math.min(1, fraction)) * total;
        for (int i = 1; i < polyline.size(); i++) {
            if (lengths.get(i) >= wanted) {
                double piece = lengths.get(i) - lengths.get(i - 1);
                double t = piece == 0 ? 0 : (wanted - lengths.get(i - 1)) / piece;
                LayoutPoint a = polyline.get(i - 1);
                LayoutPoint b = polyline.get(i);
                return new LayoutPoint(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
            }
        }
        return polyline.get(polyline.size() - 1);
    }

    private static LayoutPoint cubic(LayoutPoint p0, LayoutPoint p1, LayoutPoint p2, LayoutPoint p3, double t) {
        double u = 1 - t;
        double a = u * u * u;
        double b = 3 * u * u * t;
        double c = 3 * u * t * t;
        double d = t * t * t;
        return new LayoutPoint(a * p0.x() + b * p1.x() + c * p2.x() + d * p3.x(),
                a * p0.y() + b * p1.y() + c * p2.y() + d * p3.y());
    }
}
