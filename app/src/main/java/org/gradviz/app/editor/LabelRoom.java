package org.gradviz.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where edge labels may go: never over a box, a label already placed or an edge (their own included), so that a
 * label hides no line. Beside its edge first: the first place, from the route's middle outwards, above or below the
 * line, left or right of the point, or at one of its four corners (beside a wrap's corner there is often room where
 * the run itself has none). A label with no room beside its edge may go where there is room nearby, tied to the
 * edge by a leader line that crosses no box and no label, and as few other edges as a short way round allows
 * ({@link #callout}). Rectangles are {min x, min y, max x, max y}.
 */
public final class LabelRoom {
    /** How far (editor units) a label keeps from every line: half a thick edge's width and a little air. */
    public static final double LINE_CLEARANCE = 4;
    /** How far a label beside its edge sits from the edge's point. */
    public static final double AIR = 4;
    /** Where along the route a label may go, best first: the middle, then outwards. */
    private static final double[] ALONG = {0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8, 0.14, 0.86,
        0.08, 0.92};
    /** Points per cubic piece when an edge is checked against a label. */
    private static final int SAMPLES = 10;
    /**
     * A leader crossing an edge counts as this much longer: a crossing reads as a wire, so a way round up to about a
     * third of a projector's width longer is better. (Not without bound: the search stops at places this much
     * farther than the best found, and a big graph's labels would search its whole area.)
     */
    private static final double CROSSING = 400;

    /**
     * A label's place: its rectangle, and where its leader line meets the edge (null when it sits beside the edge).
     */
    public record Spot(double[] rect, double[] anchor) {
        public boolean isCallout() {
            return anchor != null;
        }
    }

    private final double[] area;
    private final List<double[]> taken;
    private final List<double[]> segments = new ArrayList<>();
    /** Where each route's pieces lie in {@link #segments}: from, to (exclusive). */
    private final java.util.Map<EdgeRoute, int[]> spans = new java.util.IdentityHashMap<>();
    private final List<double[]> leaders = new ArrayList<>();
    private final double clearance;

    /**
     * @param area where labels may go (the picture the view shows)
     * @param taken what labels and leader lines keep clear of besides the edges: the boxes
     * @param routes every edge's route
     * @param lineClearance how far a label keeps from every line
     */
    public LabelRoom(double[] area, List<double[]> taken, List<EdgeRoute> routes, double lineClearance) {
        this.area = area.clone();
        this.taken = new ArrayList<>(taken.size() + 16);
        taken.forEach(r -> this.taken.add(r.clone()));
        for (EdgeRoute route : routes) {
            int from = segments.size();
            List<double[]> points = route.points(SAMPLES);
            for (int i = 1; i < points.size(); i++) {
                double[] a = points.get(i - 1);
                double[] b = points.get(i);
                if (a[0] != b[0] || a[1] != b[1]) {
                    segments.add(new double[] {a[0], a[1], b[0], b[1]});
                }
            }
            spans.put(route, new int[] {from, segments.size()});
        }
        this.clearance = lineClearance;
    }

    /** Keeps later labels and leaders off {@code spot} (a label just placed) and later labels off its leader. */
    public void take(Spot spot) {
        taken.add(spot.rect().clone());
        if (spot.isCallout()) {
            double[] end = nearest(spot.rect(), spot.anchor());
            leaders.add(new double[] {spot.anchor()[0], spot.anchor()[1], end[0], end[1]});
        }
    }

    /**
     * The first free place for a {@code width × height} label beside {@code route}, {@code air} from the line, or
     * empty when there is none.
     *
     * @param above whether the label prefers the side above the line (else below)
     */
    public Optional<Spot> beside(EdgeRoute route, double width, double height, double air, boolean above) {
        for (double t : ALONG) {
            double[] p = route.at(t);
            double x = p[0];
            double y = p[1];
            double top = y - air - height;
            double bottom = y + air;
            double[][] corners = {
                {x - width / 2, above ? top : bottom},
                {x - width / 2, above ? bottom : top},
                {x + air, y - height / 2},
                {x - air - width, y - height / 2},
                {x + air, above ? top : bottom},
                {x - air - width, above ? top : bottom},
                {x + air, above ? bottom : top},
                {x - air - width, above ? bottom : top},
            };
            for (double[] c : corners) {
                double[] rect = {c[0], c[1], c[0] + width, c[1] + height};
                if (free(rect)) {
                    return Optional.of(new Spot(rect, null));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The free place for a {@code width × height} label nearest {@code route}'s middle that a straight leader line
     * from a point of the route reaches without crossing a box or a label, and crossing as few edges as may be, or
     * empty when there is none. Tried on a grid half the label's height fine over the whole area, and flush (a line's
     * clearance off) against every side of every box and label taken, sliding along it as finely.
     */
    public Optional<Spot> callout(EdgeRoute route, double width, double height) {
        double step = Math.max(2, height / 2);
        int[] own = spans.getOrDefault(route, new int[] {0, 0});
        double[][] anchors = new double[ALONG.length][];
        for (int i = 0; i < ALONG.length; i++) {
            anchors[i] = route.at(ALONG[i]);
        }
        // every place on the grid, and flush against each side of each box and label taken, sliding along it on the
        // grid (a gap between boxes only a little taller or wider than the label falls between the grid's lines),
        // with how far it is from the edge, nearest first: a place's leader is at least that long, so the search
        // stops at the first place farther than the best found
        List<double[]> places = new ArrayList<>();
        for (double top = area[1]; top + height <= area[3]; top += step) {
            for (double left = area[0]; left + width <= area[2]; left += step) {
                addPlace(places, left, top, width, height, anchors);
            }
        }
        for (double[] r : taken) {
            for (double top : new double[] {r[3] + clearance, r[1] - clearance - height}) {
                for (double left = r[0] - width; left <= r[2]; left += step) {
                    addPlace(places, left, top, width, height, anchors);
                }
            }
            for (double left : new double[] {r[2] + clearance, r[0] - clearance - width}) {
                for (double top = r[1] - height; top <= r[3]; top += step) {
                    addPlace(places, left, top, width, height, anchors);
                }
            }
        }
        places.sort(java.util.Comparator.comparingDouble(p -> p[2]));
        Spot best = null;
        double bestScore = Double.MAX_VALUE;
        for (double[] place : places) {
            if (place[2] >= bestScore) {
                break;
            }
            double[] rect = {place[0], place[1], place[0] + width, place[1] + height};
            if (!free(rect)) {
                continue;
            }
            for (double[] anchor : anchors) {
                double[] end = nearest(rect, anchor);
                double[] leader = {anchor[0], anchor[1], end[0], end[1]};
                double score = Math.hypot(end[0] - anchor[0], end[1] - anchor[1]) + CROSSING * crossings(leader, own);
                if (score < bestScore && leaderClear(leader)) {
                    bestScore = score;
                    best = new Spot(rect, anchor.clone());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Adds the place at ({@code left}, {@code top}) with how far it is from the nearest anchor, when in the area. */
    private void addPlace(List<double[]> places, double left, double top, double width, double height,
            double[][] anchors) {
        if (left < area[0] || top < area[1] || left + width > area[2] || top + height > area[3]) {
            return;
        }
        double[] rect = {left, top, left + width, top + height};
        double reach = Double.MAX_VALUE;
        for (double[] anchor : anchors) {
            reach = Math.min(reach, distance(rect, anchor));
        }
        places.add(new double[] {left, top, reach});
    }

    /** Whether {@code rect} lies in the area and covers nothing taken, no leader and no line. */
    public boolean free(double[] rect) {
        if (rect[0] < area[0] || rect[1] < area[1] || rect[2] > area[2] || rect[3] > area[3]) {
            return false;
        }
        for (double[] r : taken) {
            if (rect[0] < r[2] && r[0] < rect[2] && rect[1] < r[3] && r[1] < rect[3]) {
                return false;
            }
        }
        double[] grown = {rect[0] - clearance, rect[1] - clearance, rect[2] + clearance, rect[3] + clearance};
        for (double[] s : segments) {
            if (crosses(s, grown)) {
                return false;
            }
        }
        for (double[] s : leaders) {
            if (crosses(s, grown)) {
                return false;
            }
        }
        return true;
    }

    /** A leader crosses no box and no label (its ends may touch them). */
    private boolean leaderClear(double[] leader) {
        for (double[] r : taken) {
            double[] inner = {r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1};
            if (crosses(leader, inner)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many pieces of the other edges the leader crosses; not those of its own edge ({@code own}: from, to), where
     * it starts (and which, at a rounding error off the line, it would seem to cross there).
     */
    private int crossings(double[] leader, int[] own) {
        int n = 0;
        for (int i = 0; i < segments.size(); i++) {
            if ((i < own[0] || i >= own[1]) && intersect(leader, segments.get(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean intersect(double[] a, double[] b) {
        double d1 = side(b, a[0], a[1]);
        double d2 = side(b, a[2], a[3]);
        double d3 = side(a, b[0], b[1]);
        double d4 = side(a, b[2], b[3]);
        // NOTE: a piece's end on the leader counts: a leader through the point where two pieces of a line meet
        // crosses it
        return d1 * d2 < 0 && d3 * d4 <= 0;
    }

    private static double side(double[] s, double x, double y) {
        return (s[2] - s[0]) * (y - s[1]) - (s[3] - s[1]) * (x - s[0]);
    }

    /** The point of {@code rect} nearest {@code p}. */
    static double[] nearest(double[] rect, double[] p) {
        return new double[] {Math.max(rect[0], Math.min(p[0], rect[2])), Math.max(rect[1], Math.min(p[1], rect[3]))};
    }

    private static double distance(double[] rect, double[] p) {
        double[] q = nearest(rect, p);
        return Math.hypot(q[0] - p[0], q[1] - p[1]);
    }

    /** Whether the segment {@code s} (x1, y1, x2, y2) has a point inside {@code r} (Liang-Barsky clipping). */
    static boolean crosses(double[] s, double[] r) {
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {s[0] - r[0], r[2] - s[0], s[1] - r[1], r[3] - s[1]};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 >= t1) {
                    return false;
                }
            }
        }
        return true;
    }
}
