package org.gradviz.app.editor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.Position;

/**
 * Packs a small network's boxes to fill one screen, so a projector shows them as large as they can be. Up to
 * {@value ColumnSearch#MAX_BOXES} boxes, {@link ColumnSearch} tries every cutting into columns of rows whose edges
 * all run forward clear of other boxes. Larger networks (or one with no such cutting): the boxes,
 * in an order where every box comes after its inputs, are cut into columns (read left to right, each top to
 * bottom) or rows (top to bottom, each left to right), with the cuts placed where the whole picture gets the
 * largest scale that still fits the screen. A layered layout keeps every input in a column of its own and leaves
 * much of the screen empty; this one trades some straightness of edges for size, which is what a lecture needs.
 * Big graphs ({@value #MAX_BOXES} boxes and more) are left to the layered layout.
 */
public final class ScreenArrangement {
    /** Above this many boxes the quadratic search is not worth it and the picture is unreadable anyway. */
    static final int MAX_BOXES = 60;
    private static final int SEARCH_STEPS = 40;
    /** A later candidate (less natural reading order) must be this much larger to be chosen. */
    private static final double PREFER_EARLIER = 1.03;
    /** Worth moving boxes from a layout of their own only for a picture at least this much larger. */
    public static final double WORTH_IT = 1.05;
    /** The space between boxes at text scale 100 %: room for an edge and its label. */
    public static final double GAP = 2 * EdgeRoute.RUN_OUT;

    /**
     * Where each box goes and the scale at which the arrangement fits the screen.
     *
     * @param scale screen pixels per editor unit when the arrangement is fitted to the screen
     */
    public record Result(Map<String, Position> places, double scale) {
    }

    private final Map<String, double[]> sizes;
    private final List<Connection> edges;
    private final double gap;

    /**
     * @param sizes each box's width and height in editor units, in document order
     * @param edges the document's edges (inputs before their consumers)
     * @param gap the space between boxes and between columns, in editor units
     */
    public ScreenArrangement(Map<String, double[]> sizes, List<Connection> edges, double gap) {
        this.sizes = new LinkedHashMap<>(sizes);
        this.edges = List.copyOf(edges);
        this.gap = gap;
    }

    /**
     * The scale at which boxes placed at {@code places} fit a {@code width × height} screen; 0 when two of them
     * overlap (boxes grown by larger text), which is no layout to keep.
     */
    public double scaleOf(Map<String, Position> places, double width, double height) {
        if (overlapping(places)) {
            return 0;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Map.Entry<String, double[]> box : sizes.entrySet()) {
            Position p = places.get(box.getKey());
            if (p == null) {
                continue;
            }
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x() + box.getValue()[0]);
            maxY = Math.max(maxY, p.y() + box.getValue()[1]);
        }
        return minX > maxX ? 0 : Math.min(width / (maxX - minX), height / (maxY - minY));
    }

    /**
     * Whether {@code packing} shows the boxes worth-it larger ({@value #WORTH_IT} times) than {@code places} do on a
     * {@code width × height} screen, neither shown larger than {@code maxScale} (a fit never enlarges beyond it).
     */
    public boolean isWorthIt(Result packing, Map<String, Position> places, double width, double height,
            double maxScale) {
        return Math.min(maxScale, packing.scale())
                > WORTH_IT * Math.min(maxScale, scaleOf(places, width, height));
    }

    /**
     * The best packing for a {@code width × height} screen (both in screen pixels), or empty when there are no boxes
     * or too many.
     */
    public Optional<Result> arrange(double width, double height) {
        if (sizes.isEmpty() || sizes.size() >= MAX_BOXES || width <= 0 || height <= 0) {
            return Optional.empty();
        }
        List<List<String>> orders = orders();
        if (sizes.size() <= ColumnSearch.MAX_BOXES) {
            Optional<Result> found = columnSearch(orders.get(0)).search(width, height);
            if (found.isPresent()) {
                return found;
            }
        }
        Result best = null;
        for (List<String> order : orders) {
            for (boolean columns : new boolean[] {true, false}) {
                Result r = columns ? pack(order, width, height, true) : pack(order, height, width, false);
                if (best == null || r.scale() > best.scale() * PREFER_EARLIER) {
                    best = r;
                }
            }
        }
        return Optional.of(best);
    }

    /** The exhaustive search for a small network, trying {@code natural} (a topological order) first. */
    private ColumnSearch columnSearch(List<String> natural) {
        Map<String, Integer> index = new HashMap<>();
        double[] widths = new double[natural.size()];
        double[] heights = new double[natural.size()];
        for (int i = 0; i < natural.size(); i++) {
            index.put(natural.get(i), i);
            widths[i] = sizes.get(natural.get(i))[0];
            heights[i] = sizes.get(natural.get(i))[1];
        }
        List<int[]> links = new ArrayList<>();
        for (Connection e : edges) {
            if (index.containsKey(e.from()) && index.containsKey(e.to()) && !e.from().equals(e.to())) {
                links.add(new int[] {index.get(e.from()), index.get(e.to())});
            }
        }
        return new ColumnSearch(natural, widths, heights, links, gap);
    }

    /**
     * Orders in which each box comes after its inputs, the most natural to read first: each input just before its
     * first user (x, w, x@w, b, z, ...), then document order.
     */
    private List<List<String>> orders() {
        Map<String, List<String>> inputs = new HashMap<>();
        for (Connection e : edges) {
            if (sizes.containsKey(e.from()) && sizes.containsKey(e.to())) {
                inputs.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
            }
        }
        List<String> documentOrder = topological(new ArrayList<>(sizes.keySet()), inputs);
        List<String> inputsFirst = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String box : documentOrder) {
            placeWithInputs(box, inputs, placed, inputsFirst);
        }
        return inputsFirst.equals(documentOrder) ? List.of(documentOrder) : List.of(inputsFirst, documentOrder);
    }

    /** Kahn's order, ties broken by {@code preferred}'s order; boxes on a cycle (none in a valid document) go last. */
    private static List<String> topological(List<String> preferred, Map<String, List<String>> inputs) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> users = new HashMap<>();
        for (String box : preferred) {
            List<String> in = inputs.getOrDefault(box, List.of());
            waiting.put(box, in.size());
            for (String from : in) {
                users.computeIfAbsent(from, k -> new ArrayList<>()).add(box);
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < preferred.size(); i++) {
            rank.put(preferred.get(i), i);
        }
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingInt(rank::get));
        preferred.stream().filter(b -> waiting.get(b) == 0).forEach(ready::add);
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String box = ready.poll();
            order.add(box);
            for (String user : users.getOrDefault(box, List.of())) {
                if (waiting.merge(user, -1, Integer::sum) == 0) {
                    ready.add(user);
                }
            }
        }
        preferred.stream().filter(b -> !order.contains(b)).forEach(order::add);
        return order;
    }

    /** Adds {@code box} to {@code order} after those of its inputs not yet placed (iteratively, depth first). */
    private static void placeWithInputs(String box, Map<String, List<String>> inputs, Set<String> placed,
            List<String> order) {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> expanded = new java.util.HashSet<>();
        pending.push(box);
        while (!pending.isEmpty()) {
            String top = pending.peek();
            if (placed.contains(top)) {
                pending.pop();
            } else if (expanded.add(top)) {
                List<String> in = inputs.getOrDefault(top, List.of());
                for (int i = in.size() - 1; i >= 0; i--) {
                    if (!placed.contains(in.get(i)) && !expanded.contains(in.get(i))) {
                        pending.push(in.get(i));
                    }
                }
            } else {
                pending.pop();
                placed.add(top);
                order.add(top);
            }
        }
    }

    /**
     * Cuts {@code order} into lines across a screen {@code across} long, laid one after another along a side
     * {@code along} long: columns when {@code columns} (across = height), rows otherwise (across = width).
     */
    private Result pack(List<String> order, double along, double across, boolean columns) {
        double[] alongSize = new double[order.size()];
        double[] acrossSize = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            double[] wh = sizes.get(order.get(i));
            alongSize[i] = columns ? wh[0] : wh[1];
            acrossSize[i] = columns ? wh[1] : wh[0];
        }
        double lo = 0;
        double hi = across / max(acrossSize);
        int[] cuts = null;
        for (int step = 0; step < SEARCH_STEPS; step++) {
            double s = (lo + hi) / 2;
            int[] found = lines(alongSize, acrossSize, across / s, along / s);
            if (found != null) {
                lo = s;
                cuts = found;
            } else {
                hi = s;
            }
        }
        if (cuts == null) { // one box per line does not fit at any scale: fall back to a single line
            lo = Math.min(along / (sum(alongSize) + gap * (order.size() - 1)), across / max(acrossSize));
            cuts = new int[order.size()];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = i + 1;
            }
        }
        return new Result(places(order, alongSize, acrossSize, cuts, across / lo, columns), lo);
    }

    /**
     * The ends of the lines that make the shortest picture along, each line at most {@code acrossLimit} long, or
     * null when the shortest is longer than {@code alongLimit}. Dynamic programming over where lines end.
     */
    private int[] lines(double[] alongSize, double[] acrossSize, double acrossLimit, double alongLimit) {
        int n = alongSize.length;
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = -gap;
        for (int end = 1; end <= n; end++) {
            double length = -gap;
            double thickness = 0;
            for (int start = end - 1; start >= 0; start--) {
                length += acrossSize[start] + gap;
                if (length > acrossLimit) {
                    break;
                }
                thickness = Math.max(thickness, alongSize[start]);
                double total = best[start] + gap + thickness;
                if (total < best[end]) {
                    best[end] = total;
                    from[end] = start;
                }
            }
        }
        if (best[n] > alongLimit) {
            return null;
        }
        Deque<Integer> ends = new ArrayDeque<>();
        for (int end = n; end > 0; end = from[end]) {
            ends.push(end);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Each line's boxes centred in it, the lines centred across a screen {@code across} long. */
    private Map<String, Position> places(List<String> order, double[] alongSize, double[] acrossSize, int[] ends,
            double across, boolean columns) {
        Map<String, Position> places = new LinkedHashMap<>();
        double lineStart = 0;
        int start = 0;
        for (int end : ends) {
            double thickness = 0;
            double length = -gap;
            for (int i = start; i < end; i++) {
                thickness = Math.max(thickness, alongSize[i]);
                length += acrossSize[i] + gap;
            }
            double at = (across - length) / 2;
            for (int i = start; i < end; i++) {
                double a = lineStart + (thickness - alongSize[i]) / 2;
                places.put(order.get(i), columns ? new Position(Math.round(a), Math.round(at))
                        : new Position(Math.round(at), Math.round(a)));
                at += acrossSize[i] + gap;
            }
            lineStart += thickness + gap;
            start = end;
        }
        return places;
    }

    private boolean overlapping(Map<String, Position> places) {
        List<String> names = new ArrayList<>(sizes.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Position a = places.get(names.get(i));
                Position b = places.get(names.get(j));
                if (a != null && b != null && overlap(a, sizes.get(names.get(i)), b, sizes.get(names.get(j)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean overlap(Position a, double[] aSize, Position b, double[] bSize) {
        return a.x() < b.x() + bSize[0] && b.x() < a.x() + aSize[0] && a.y() < b.y() + bSize[1]
                && b.y() < a.y() + aSize[1];
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
