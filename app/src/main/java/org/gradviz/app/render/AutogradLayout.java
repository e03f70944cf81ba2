package org.gradviz.app.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Graphviz puts the boxes and edges of an {@link AutogradPicture}: each box's centre and size, each edge's
 * Bézier points and arrowhead, in points with y downwards from the top-left corner of the layout. Laid out from
 * the same DOT the export writes (without its dpi), so the window and the exported pictures agree. Asking Graphviz
 * is slow for big graphs: call {@link #of} off the FX thread.
 */
public final class AutogradLayout {
    private final double width;
    private final double height;
    private final Map<String, Box> boxes;
    private final List<Curve> curves;

    /**
     * A box: the DOT id of its picture node, its centre, width and height, the lines of its label where Graphviz
     * put them, and the rules between a record's fields.
     */
    public record Box(String id, double centreX, double centreY, double width, double height, List<LayoutText> texts,
            List<List<LayoutPoint>> rules) {
        public Box {
            texts = List.copyOf(texts);
            rules = rules.stream().map(List::copyOf).toList();
        }

        public double minX() {
            return centreX - width / 2;
        }

        public double minY() {
            return centreY - height / 2;
        }
    }

    /**
     * An edge of the picture as drawn: its cubic Bézier points (start, then three per segment, from the tail to the
     * head) and the polygon of its arrowhead (empty for saved tensors' edges, which have none).
     */
    public record Curve(PictureEdge edge, List<LayoutPoint> points, List<LayoutPoint> arrowhead) {
        public Curve {
            points = List.copyOf(points);
            arrowhead = List.copyOf(arrowhead);
        }
    }

    private AutogradLayout(double width, double height, Map<String, Box> boxes, List<Curve> curves) {
        this.width = width;
        this.height = height;
        this.boxes = boxes;
        this.curves = List.copyOf(curves);
    }

    /** Lays {@code picture} out with the Graphviz this machine has ({@code dot}, else the embedded engine). */
    public static AutogradLayout of(AutogradPicture picture) {
        return of(picture, GraphvizService.shared(null));
    }

    public static AutogradLayout of(AutogradPicture picture, GraphvizService graphviz) {
        return parse(picture, graphviz.layoutJson(AutogradDot.render(picture, picture.options().withDpi(null))));
    }

    /**
     * Reads Graphviz's json layout of {@code picture}'s DOT. Edges are matched by their two ends (Graphviz lists
     * them by tail), edges between the same two boxes in order.
     */
    public static AutogradLayout parse(AutogradPicture picture, String json) {
        GraphvizJson layout = GraphvizJson.parse(json);
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (GraphvizJson.LaidOutNode n : layout.nodes()) {
            boxes.put(n.name(), new Box(n.name(), n.centre().x(), n.centre().y(), n.width(), n.height(), n.texts(),
                    n.rules()));
        }
        Map<String, Box> ordered = new LinkedHashMap<>();
        for (PictureNode n : picture.nodes()) {
            Box box = boxes.get(n.id());
            if (box == null) {
                throw new RenderException("Graphviz's layout has no box " + n.id()
                        + ": lay out the picture's own DOT (AutogradDot.render)");
            }
            ordered.put(n.id(), box);
        }
        Map<String, Deque<GraphvizJson.LaidOutEdge>> byEnds = new HashMap<>();
        for (GraphvizJson.LaidOutEdge e : layout.edges()) {
            byEnds.computeIfAbsent(e.tail() + "->" + e.head(), k -> new ArrayDeque<>()).add(e);
        }
        List<Curve> curves = new ArrayList<>();
        for (PictureEdge e : picture.edges()) {
            Deque<GraphvizJson.LaidOutEdge> same = byEnds.get(e.from() + "->" + e.to());
            if (same == null || same.isEmpty()) {
                throw new RenderException("Graphviz's layout has no edge " + e.from() + " -> " + e.to());
            }
            GraphvizJson.LaidOutEdge laid = same.poll();
            curves.add(new Curve(e, laid.spline(), laid.arrowhead()));
        }
        return new AutogradLayout(layout.width(), layout.height(), ordered, curves);
    }

    /** The width of the whole layout, in points. */
    public double width() {
        return width;
    }

    /** The height of the whole layout, in points. */
    public double height() {
        return height;
    }

    /** The box of the picture node with DOT id {@code id}. */
    public Box box(String id) {
        Box box = boxes.get(id);
        if (box == null) {
            throw new IllegalArgumentException("no box " + id + " in this layout");
        }
        return box;
    }

    /** The boxes in the order of the picture's nodes. */
    public List<Box> boxes() {
        return List.copyOf(boxes.values());
    }

    /** The edges in the order of the picture's edges. */
    public List<Curve> curves() {
        return curves;
    }
}
