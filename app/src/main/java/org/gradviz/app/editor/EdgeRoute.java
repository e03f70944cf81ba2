package org.gradviz.app.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * The way an edge runs from an output port (on a box's right side) to an input port (on another box's left side),
 * as cubic pieces: the canvas draws them, the screen packing checks that they pass no third box. An input to the
 * right of its output gets one S-curve; an input below its producer but not to its right gets a <em>wrap</em>, as a
 * line of text wraps: out to the right, down beside the producer, back left just above the consumer, down beside it
 * and in from the left; never a curve drawn backwards across the boxes.
 */
public record EdgeRoute(List<double[]> pieces) {
    /** How far a wrap runs out beside a box at text scale 100 % (half the packing's gap between boxes). */
    public static final double RUN_OUT = 10;
    /** An S-curve leaves and enters its ports at least this far sideways. */
    private static final double MIN_BEND = 80;
    /** Corner radius of a wrap, at most. */
    private static final double CORNER = 12;

    public EdgeRoute {
        pieces = List.copyOf(pieces);
    }

    /**
     * The route from the output port at {@code from} to the input port at {@code to} (x, y), of a producer and a
     * consumer box whose bounds are {@code producer} and {@code consumer} (min x, min y, max x, max y). A consumer
     * below its producer and not to its right gets a wrap that runs {@code runOut} beside the boxes.
     */
    public static EdgeRoute between(double[] from, double[] to, double[] producer, double[] consumer, double runOut) {
        boolean wraps = consumer[0] < producer[2] + runOut && consumer[1] >= producer[3] + runOut;
        return wraps ? wrap(from, to, producer[2] + runOut, consumer[0] - runOut, consumer[1] - runOut, runOut)
                : sCurve(from[0], from[1], to[0], to[1]);
    }

    /** Whether this is a wrap (more than one piece). */
    public boolean wraps() {
        return pieces.size() > 1;
    }

    /** The left-to-right S-curve: leaves the output and enters the input sideways, however far apart in height. */
    public static EdgeRoute sCurve(double fx, double fy, double tx, double ty) {
        double bend = Math.max(MIN_BEND, Math.max(Math.abs(tx - fx) / 2, Math.abs(ty - fy) / 3));
        return new EdgeRoute(List.of(new double[] {fx, fy, fx + bend, fy, tx - bend, ty, tx, ty}));
    }

    /** Out right, down, back left half a gap above the consumer, down beside it, in: straight runs, round corners. */
    private static EdgeRoute wrap(double[] from, double[] to, double right, double left, double across,
            double runOut) {
        double[][] corners = {from, {right, from[1]}, {right, across}, {left, across}, {left, to[1]}, to};
        return rounded(corners, Math.min(CORNER, runOut / 2));
    }

    /** A polyline with its inner corners rounded by {@code radius}, each run and each corner one cubic piece. */
    private static EdgeRoute rounded(double[][] points, double radius) {
        List<double[]> pieces = new ArrayList<>();
        double[] at = points[0];
        for (int i = 1; i < points.length; i++) {
            double[] corner = points[i];
            boolean last = i == points.length - 1;
            double[] before = last ? corner : towards(corner, points[i - 1], radius);
            pieces.add(line(at, before));
            if (!last) {
                double[] after = towards(corner, points[i + 1], radius);
                // a quarter turn: the controls halfway to the corner (close to a circular arc's 0.55)
                pieces.add(new double[] {before[0], before[1], mid(before[0], corner[0]), mid(before[1], corner[1]),
                        mid(after[0], corner[0]), mid(after[1], corner[1]), after[0], after[1]});
                at = after;
            }
        }
        return new EdgeRoute(pieces);
    }

    private static double mid(double from, double corner) {
        return from + 0.55 * (corner - from);
    }

    private static double[] towards(double[] from, double[] to, double distance) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double length = Math.hypot(dx, dy);
        double d = Math.min(distance, length / 2);
        return length == 0 ? from.clone() : new double[] {from[0] + dx / length * d, from[1] + dy / length * d};
    }

    private static double[] line(double[] a, double[] b) {
        return new double[] {a[0], a[1], a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3,
                a[0] + 2 * (b[0] - a[0]) / 3, a[1] + 2 * (b[1] - a[1]) / 3, b[0], b[1]};
    }

    /**
     * The point at {@code t} (0 at the output, 1 at the input), pieces weighted by their length so that 0.5 is
     * about halfway along.
     */
    public double[] at(double t) {
        double[] lengths = new double[pieces.size()];
        double total = 0;
        for (int i = 0; i < lengths.length; i++) {
            double[] p = pieces.get(i);
            lengths[i] = Math.hypot(p[6] - p[0], p[7] - p[1]);
            total += lengths[i];
        }
        double want = Math.max(0, Math.min(1, t)) * total;
        for (int i = 0; i < lengths.length; i++) {
            if (want <= lengths[i] || i == lengths.length - 1) {
                return point(pieces.get(i), lengths[i] == 0 ? 0 : Math.min(1, want / lengths[i]));
            }
            want -= lengths[i];
        }
        return point(pieces.get(0), 0);
    }

    /** {@code samples} points along every piece (its ends included). */
    public List<double[]> points(int samples) {
        List<double[]> points = new ArrayList<>();
        for (double[] p : pieces) {
            for (int i = 0; i <= samples; i++) {
                points.add(point(p, (double) i / samples));
            }
        }
        return points;
    }

    /** The same route the other way, from the input to the output (the way a gradient travels). */
    public EdgeRoute reversed() {
        List<double[]> back = new ArrayList<>();
        for (int i = pieces.size() - 1; i >= 0; i--) {
            double[] p = pieces.get(i);
            back.add(new double[] {p[6], p[7], p[4], p[5], p[2], p[3], p[0], p[1]});
        }
        return new EdgeRoute(back);
    }

    private static double[] point(double[] p, double t) {
        double u = 1 - t;
        double a = u * u * u;
        double b = 3 * u * u * t;
        double c = 3 * u * t * t;
        double d = t * t * t;
        return new double[] {a * p[0] + b * p[2] + c * p[4] + d * p[6], a * p[1] + b * p[3] + c * p[5] + d * p[7]};
    }
}
