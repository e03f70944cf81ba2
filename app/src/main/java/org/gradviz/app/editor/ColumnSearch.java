package org.gradviz.app.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.Position;

/**
 * The largest arrangement of a small network on one screen, found by trying them all: boxes in an order where each
 * comes after its inputs, cut into columns (left to right), each column into rows (top to bottom), each row holding
 * one box or two side by side. An arrangement counts only when every edge runs forward (the consumer right of its
 * producer, or below it, where the edge wraps as a line of text does: {@link EdgeRoute}) and passes no third box.
 * Every gap between boxes is {@code gap}: room for the edges and their labels.
 */
final class ColumnSearch {
    /** Up to this many boxes the search is exhaustive or nearly (3^(n-1) cuttings per order). */
    static final int MAX_BOXES = 10;
    /** How many cuttings are tried at most, over all orders (tens of milliseconds: it runs on the FX thread). */
    private static final long BUDGET = 250_000;
    /** How many of the largest cuttings have their edges checked at most. */
    private static final int CANDIDATES = 2_000;
    /** An output port's centre is this far inside its box's right side, an input's inside its left side. */
    static final double PORT_INSET = 23;
    /** Input ports are stacked this far apart (a dot and the space between). */
    static final double PORT_SPACING = 28;
    private static final int SAMPLES = 8;
    /** Two edges closer than this (editor units) along several points read as one line. */
    private static final double ALONGSIDE = 4;
    private static final int NEW_COLUMN = 0;
    private static final int NEW_ROW = 1;
    private static final int BESIDE = 2;
    /**
     * How boxes sit in room left over (down, across): centred and left first (the calmest picture), then the others,
     * which may clear other edges' ways.
     */
    private static final double[][] ALIGNMENTS = {{0.5, 0}, {0, 0}, {1, 0}, {0.5, 1}, {0, 1}, {1, 1}};

    private final List<String> names;
    private final double[] widths;
    private final double[] heights;
    private final List<int[]> edges;
    private final int[][] inputs;
    private final double gap;
    /** Reused by every cutting tried (hundreds of thousands), so that trying one allocates nothing. */
    private final int[] scratchColumn;
    private final int[] scratchRow;
    private final double[] scratchRowWidth;
    private final double[] scratchRowHeight;
    private final double[] scratchColumnWidth;
    private final double[] scratchColumnHeight;
    private double fitWidth;
    private double fitHeight;

    /**
     * @param names the boxes, the most natural reading order first (ties go to orders found first)
     * @param edges producer and consumer, as indices into {@code names}
     */
    ColumnSearch(List<String> names, double[] widths, double[] heights, List<int[]> edges, double gap) {
        this.names = List.copyOf(names);
        this.widths = widths.clone();
        this.heights = heights.clone();
        this.edges = List.copyOf(edges);
        this.gap = gap;
        int n = names.size();
        scratchColumn = new int[n];
        scratchRow = new int[n];
        scratchRowWidth = new double[n];
        scratchRowHeight = new double[n];
        scratchColumnWidth = new double[n];
        scratchColumnHeight = new double[n];
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            in.add(new ArrayList<>());
        }
        for (int[] e : edges) {
            in.get(e[1]).add(e[0]);
        }
        inputs = in.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** The largest arrangement on a {@code width × height} screen whose edges all run forward clear of other boxes. */
    java.util.Optional<ScreenArrangement.Result> search(double width, double height) {
        Best best = new Best();
        // first every cutting's size, keeping the largest few; then their edges, largest first
        java.util.PriorityQueue<Candidate> largest = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingDouble(Candidate::scale).thenComparing(Candidate::found,
                        java.util.Comparator.reverseOrder()));
        int n = names.size();
        int cuttings = 1;
        for (int i = 1; i < n; i++) {
            cuttings *= 3;
        }
        // orders depth first, each time taking the first ready box in the natural order (n is at most MAX_BOXES)
        int[] order = new int[n];
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            waiting[i] = inputs[i].length;
        }
        boolean[] used = new boolean[n];
        int[] choice = new int[n]; // at each depth, the next box to try
        int depth = 0;
        long tried = 0;
        while (depth >= 0 && tried < BUDGET) {
            if (depth == n) {
                for (int code = 0; code < cuttings && tried < BUDGET; code++, tried++) {
                    double scale = fit(order, code, width, height);
                    if (scale > 0 && (largest.size() < CANDIDATES || scale > largest.peek().scale())) {
                        largest.add(new Candidate(scale, tried, order.clone(), code));
                        if (largest.size() > CANDIDATES) {
                            largest.poll();
                        }
                    }
                }
                depth--;
                undo(order[depth], used, waiting);
                continue;
            }
            int next = choice[depth];
            while (next < n && (used[next] || waiting[next] > 0)) {
                next++;
            }
            if (next == n) {
                choice[depth] = 0;
                depth--;
                if (depth >= 0) {
                    undo(order[depth], used, waiting);
                }
                continue;
            }
            choice[depth] = next + 1;
            order[depth] = next;
            used[next] = true;
            for (int[] e : edges) {
                if (e[0] == next) {
                    waiting[e[1]]--;
                }
            }
            depth++;
        }
        // the largest first; ties to the one found first (the more natural order)
        List<Candidate> ranked = new ArrayList<>(largest);
        ranked.sort(java.util.Comparator.comparingDouble(Candidate::scale).reversed()
                .thenComparingLong(Candidate::found));
        for (Candidate c : ranked) {
            if (c.scale() <= best.scale * (1 + 1e-9)) {
                break; // its routes can only make it smaller
            }
            fit(c.order(), c.code(), width, height);
            keepIfClear(c.order(), width, height, best);
        }
        return best.places == null ? java.util.Optional.empty()
                : java.util.Optional.of(new ScreenArrangement.Result(best.places, best.scale));
    }

    private void undo(int box, boolean[] used, int[] waiting) {
        used[box] = false;
        for (int[] e : edges) {
            if (e[0] == box) {
                waiting[e[1]]++;
            }
        }
    }

    private static final class Best {
        double scale;
        Map<String, Position> places;
    }

    /** A cutting worth checking the edges of: its scale (boxes only), when it was found, its order and cuts. */
    private record Candidate(double scale, long found, int[] order, int code) {
    }

    /**
     * The scale at which {@code order} cut as {@code code} says (a base-3 digit per box after the first) fits the
     * screen, boxes only; -1 when the code is no cutting (three boxes side by side). Leaves the rows' and columns'
     * sizes in the scratch arrays.
     */
    private double fit(int[] order, int code, double width, double height) {
        int n = order.length;
        int[] column = scratchColumn;
        int[] row = scratchRow; // rows numbered across all columns
        int rows = 1;
        int columns = 1;
        int inRow = 1;
        for (int i = 1, c = code; i < n; i++, c /= 3) {
            int cut = c % 3;
            if (cut == BESIDE) {
                if (inRow == 2) {
                    return -1;
                }
                inRow++;
            } else {
                inRow = 1;
                rows++;
                columns += cut == NEW_COLUMN ? 1 : 0;
            }
            column[i] = columns - 1;
            row[i] = rows - 1;
        }
        double[] rowWidth = scratchRowWidth;
        double[] rowHeight = scratchRowHeight;
        double[] columnWidth = scratchColumnWidth;
        double[] columnHeight = scratchColumnHeight;
        java.util.Arrays.fill(rowWidth, 0, rows, 0);
        java.util.Arrays.fill(rowHeight, 0, rows, 0);
        java.util.Arrays.fill(columnWidth, 0, columns, 0);
        java.util.Arrays.fill(columnHeight, 0, columns, 0);
        for (int i = 0; i < n; i++) {
            int box = order[i];
            boolean first = i == 0 || row[i - 1] != row[i];
            rowWidth[row[i]] += widths[box] + (first ? 0 : gap);
            rowHeight[row[i]] = Math.max(rowHeight[row[i]], heights[box]);
        }
        for (int i = 0; i < n; i++) {
            boolean firstInRow = i == 0 || row[i - 1] != row[i];
            if (firstInRow) {
                boolean firstInColumn = i == 0 || column[i - 1] != column[i];
                columnWidth[column[i]] = Math.max(columnWidth[column[i]], rowWidth[row[i]]);
                columnHeight[column[i]] += rowHeight[row[i]] + (firstInColumn ? 0 : gap);
            }
        }
        double totalWidth = gap * (columns - 1);
        double totalHeight = 0;
        for (int c = 0; c < columns; c++) {
            totalWidth += columnWidth[c];
            totalHeight = Math.max(totalHeight, columnHeight[c]);
        }
        fitWidth = totalWidth;
        fitHeight = totalHeight;
        return Math.min(width / totalWidth, height / totalHeight);
    }

    /** Places the boxes of the cutting {@link #fit} just measured; keeps the first alignment whose edges are clear. */
    private void keepIfClear(int[] order, double width, double height, Best best) {
        int n = order.length;
        int[] column = scratchColumn;
        int[] row = scratchRow;
        double[] rowWidth = scratchRowWidth;
        double[] rowHeight = scratchRowHeight;
        double[] columnWidth = scratchColumnWidth;
        double[] columnHeight = scratchColumnHeight;
        double totalWidth = fitWidth;
        double totalHeight = fitHeight;
        for (double[] align : ALIGNMENTS) {
            double[][] xy = places(order, column, row, rowWidth, columnWidth, columnHeight, rowHeight, totalHeight,
                    align[0], align[1]);
            double[] extent = {0, 0, totalWidth, totalHeight};
            if (!edgesClear(xy[0], xy[1], extent)) {
                continue;
            }
            double drawn = Math.min(width / (extent[2] - extent[0]), height / (extent[3] - extent[1]));
            if (drawn > best.scale * (1 + 1e-9)) {
                Map<String, Position> places = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    places.put(names.get(i), new Position(xy[0][i], xy[1][i]));
                }
                best.scale = drawn;
                best.places = places;
            }
            return;
        }
    }

    /**
     * Each box's x and y (indexed by box): columns left to right, rows down each column, boxes in a row left to
     * right; a column shorter than the tallest and a box lower than its row sit {@code down} of the way down the
     * room left (0 top, 0.5 centred, 1 bottom), a row narrower than its column {@code across} of the way right.
     */
    private double[][] places(int[] order, int[] column, int[] row, double[] rowWidth, double[] columnWidth,
            double[] columnHeight, double[] rowHeight, double totalHeight, double down, double across) {
        int n = order.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double columnX = 0;
        double rowY = 0;
        double rowX = 0;
        for (int i = 0; i < n; i++) {
            int box = order[i];
            if (i == 0 || column[i - 1] != column[i]) {
                if (i > 0) {
                    columnX += columnWidth[column[i - 1]] + gap;
                }
                rowY = (totalHeight - columnHeight[column[i]]) * down;
            } else if (row[i - 1] != row[i]) {
                rowY += rowHeight[row[i - 1]] + gap;
            }
            if (i == 0 || row[i - 1] != row[i]) {
                rowX = columnX + (columnWidth[column[i]] - rowWidth[row[i]]) * across;
            }
            x[box] = Math.round(rowX);
            y[box] = Math.round(rowY + (rowHeight[row[i]] - heights[box]) * down);
            rowX += widths[box] + gap;
        }
        return new double[][] {x, y};
    }

    /**
     * Whether every edge runs forward (right, or wrapping below) and its route passes no third box; grows
     * {@code extent} (min x, min y, max x, max y) to take in the routes (a wrap runs out beside the boxes).
     */
    private boolean edgesClear(double[] x, double[] y, double[] extent) {
        for (int[] e : edges) {
            int p = e[0];
            int c = e[1];
            boolean right = x[c] >= x[p] + widths[p] + gap - 1;
            boolean below = y[c] >= y[p] + heights[p] + gap - 1;
            if (!right && !below) {
                return false;
            }
        }
        List<List<double[]>> lines = new ArrayList<>();
        boolean[] wraps = new boolean[edges.size()];
        int[] arrived = new int[x.length];
        for (int i = 0; i < edges.size(); i++) {
            int[] e = edges.get(i);
            EdgeRoute route = route(e[0], e[1], arrived[e[1]]++, x, y);
            if (!clear(route, e[0], e[1], x, y, extent)) {
                return false;
            }
            lines.add(route.points(SAMPLES));
            wraps[i] = route.wraps();
        }
        // two S-curves from different boxes do not run along each other; a wrap's straight runs may
        for (int a = 0; a < edges.size(); a++) {
            for (int b = 0; b < edges.size(); b++) {
                if (a != b && (wraps[a] || wraps[b]) && edges.get(a)[0] != edges.get(b)[0]
                        && alongside(lines.get(a), lines.get(b))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether line {@code a} runs along line {@code b} (several of its points on it), so that the two read as one:
     * two wraps into one box, or a wrap's run beside a box where another edge runs. Crossing is fine. Edges out of
     * one box may share their way out (a fork).
     */
    private static boolean alongside(List<double[]> a, List<double[]> b) {
        int near = 0;
        for (double[] p : a) {
            for (int i = 1; i < b.size(); i++) {
                if (distance(p, b.get(i - 1), b.get(i)) < ALONGSIDE) {
                    near++;
                    break;
                }
            }
            if (near > 2) {
                return true;
            }
        }
        return false;
    }

    /** The distance from {@code p} to the segment from {@code s} to {@code e}. */
    private static double distance(double[] p, double[] s, double[] e) {
        double dx = e[0] - s[0];
        double dy = e[1] - s[1];
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - s[0]) * dx + (p[1] - s[1]) * dy) / length));
        return Math.hypot(p[0] - s[0] - t * dx, p[1] - s[1] - t * dy);
    }

    /** The route of an edge into the {@code port}-th input of {@code c} (inputs stacked around the box's middle). */
    private EdgeRoute route(int p, int c, int port, double[] x, double[] y) {
        double[] from = {x[p] + widths[p] - PORT_INSET, y[p] + heights[p] / 2};
        double[] to = {x[c] + PORT_INSET, y[c] + heights[c] / 2 + (port - (inputs[c].length - 1) / 2.0) * PORT_SPACING};
        return EdgeRoute.between(from, to, new double[] {x[p], y[p], x[p] + widths[p], y[p] + heights[p]},
                new double[] {x[c], y[c], x[c] + widths[c], y[c] + heights[c]}, gap / 2);
    }

    private boolean clear(EdgeRoute route, int p, int c, double[] x, double[] y, double[] extent) {
        for (double[] point : route.points(SAMPLES)) {
            extent[0] = Math.min(extent[0], point[0]);
            extent[1] = Math.min(extent[1], point[1]);
            extent[2] = Math.max(extent[2], point[0]);
            extent[3] = Math.max(extent[3], point[1]);
            for (int box = 0; box < x.length; box++) {
                if (box != p && box != c && point[0] > x[box] - 1 && point[0] < x[box] + widths[box] + 1
                        && point[1] > y[box] - 1 && point[1] < y[box] + heights[box] + 1) {
                    return false;
                }
            }
        }
        return true;
    }
}
