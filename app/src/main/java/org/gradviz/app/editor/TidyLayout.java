package org.gradviz.app.editor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Position;
import org.gradviz.app.render.GraphvizJson;
import org.gradviz.app.render.GraphvizService;

/**
 * Asks Graphviz ({@code dot}, left to right) where the boxes should go, given each box's size in
 * editor units, and returns their top-left corners. Slow for big graphs: call it off the FX thread.
 */
public final class TidyLayout {
    /** Graphviz measures in points, 72 to the inch; editor units are pixels at 100 %. */
    private static final double POINTS_PER_INCH = 72;
    private final GraphvizService graphviz;

    public TidyLayout(GraphvizService graphviz) {
        this.graphviz = graphviz;
    }

    /** Positions for every element of {@code doc}; {@code sizes} gives each box's width and height. */
    public Map<String, Position> layout(GraphDocument doc, Map<String, double[]> sizes) {
        return positions(graphviz.layoutJson(dot(doc, sizes)), sizes);
    }

    static String dot(GraphDocument doc, Map<String, double[]> sizes) {
        StringBuilder dot = new StringBuilder("digraph tidy {\n  rankdir=LR; nodesep=0.5; ranksep=0.9;\n"
                + "  node [shape=box, fixedsize=true, label=\"\"];\n");
        sizes.forEach((name, wh) -> dot.append(String.format(Locale.ROOT, "  \"%s\" [width=%.3f, height=%.3f];%n",
                name, wh[0] / POINTS_PER_INCH, wh[1] / POINTS_PER_INCH)));
        for (Connection e : doc.edges()) {
            dot.append("  \"").append(e.from()).append("\" -> \"").append(e.to()).append("\";\n");
        }
        return dot.append("}\n").toString();
    }

    static Map<String, Position> positions(String json, Map<String, double[]> sizes) {
        try {
            Map<String, Position> places = new LinkedHashMap<>();
            for (GraphvizJson.LaidOutNode node : GraphvizJson.parse(json).nodes()) {
                double[] wh = sizes.get(node.name());
                if (wh != null) {
                    places.put(node.name(), new Position(Math.round(node.centre().x() - wh[0] / 2),
                            Math.round(node.centre().y() - wh[1] / 2)));
                }
            }
            return places;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Graphviz returned a layout gradviz cannot read: " + e.getMessage(), e);
        }
    }
}
