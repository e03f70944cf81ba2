package org.gradviz.app.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Graphviz's {@code json} output read once: its bounding box, its nodes and edges with their coordinates turned
 * from Graphviz's (y upwards from the bottom) to the screen's (y downwards from the top), in points. Objects that
 * are clusters or subgraphs are not nodes.
 */
public final class GraphvizJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double POINTS_PER_INCH = 72;
    /** Graphviz's font size where a drawing sets none. */
    private static final double DEFAULT_FONT_SIZE = 14;

    private final JsonNode root;
    private final double width;
    private final double height;

    /**
     * A node: its DOT name, centre and size in points, the lines of its label where Graphviz put them, and the
     * rules it draws inside its outline (the lines between a record's fields).
     */
    public record LaidOutNode(String name, LayoutPoint centre, double width, double height, List<LayoutText> texts,
            List<List<LayoutPoint>> rules) {
        public LaidOutNode {
            texts = List.copyOf(texts);
            rules = rules.stream().map(List::copyOf).toList();
        }
    }

    /**
     * An edge: the names of its tail and head, its spline as cubic Bézier points (start, then three per segment),
     * and the polygon of its arrowhead at the head (empty when it has none).
     */
    public record LaidOutEdge(String tail, String head, List<LayoutPoint> spline, List<LayoutPoint> arrowhead) {
        public LaidOutEdge {
            spline = List.copyOf(spline);
            arrowhead = List.copyOf(arrowhead);
        }
    }

    private GraphvizJson(JsonNode root) {
        this.root = root;
        String[] bb = root.path("bb").asText("0,0,0,0").split(",");
        this.width = Double.parseDouble(bb[2]);
        this.height = Double.parseDouble(bb[3]);
    }

    /** Reads Graphviz's json; a text it cannot read is a {@link RenderException} saying so. */
    public static GraphvizJson parse(String json) {
        try {
            return new GraphvizJson(JSON.readTree(json));
        } catch (IOException | RuntimeException e) {
            throw new RenderException("Graphviz gave an unreadable layout: " + e.getMessage(), e);
        }
    }

    /** The whole json tree, for replaying its drawing operations. */
    JsonNode root() {
        return root;
    }

    /** The width of the layout's bounding box, in points. */
    public double width() {
        return width;
    }

    /** The height of the layout's bounding box, in points. */
    public double height() {
        return height;
    }

    /** Graphviz's (x, y upwards) as a point with y downwards. */
    public LayoutPoint point(double x, double y) {
        return new LayoutPoint(x, height - y);
    }

    /** The nodes that have a position, in Graphviz's order (that of the DOT text). */
    public List<LaidOutNode> nodes() {
        List<LaidOutNode> out = new ArrayList<>();
        for (JsonNode object : root.path("objects")) {
            if (object.has("nodes") || object.has("subgraphs") || !object.has("pos")) {
                continue;
            }
            out.add(new LaidOutNode(object.path("name").asText(), point(object.get("pos").asText()),
                    object.path("width").asDouble() * POINTS_PER_INCH,
                    object.path("height").asDouble() * POINTS_PER_INCH, texts(object.path("_ldraw_")),
                    rules(object.path("_draw_"))));
        }
        return out;
    }

    /**
     * The edges, in Graphviz's order: by tail, not the order of the DOT text; edges between the same two nodes
     * keep their DOT order.
     */
    public List<LaidOutEdge> edges() {
        List<String> names = new ArrayList<>();
        for (JsonNode object : root.path("objects")) {
            names.add(object.path("name").asText());
        }
        List<LaidOutEdge> out = new ArrayList<>();
        for (JsonNode e : root.path("edges")) {
            out.add(new LaidOutEdge(names.get(e.path("tail").asInt()), names.get(e.path("head").asInt()),
                    spline(e.path("pos").asText("")), arrowhead(e.path("_hdraw_"))));
        }
        return out;
    }

    /** {@code "x,y"} as a point. */
    private LayoutPoint point(String xy) {
        String[] p = xy.split(",");
        return point(Double.parseDouble(p[0]), Double.parseDouble(p[1]));
    }

    /** An edge's {@code pos}: {@code [e,x,y] [s,x,y] x,y x,y …}; the start and end marks are not on the spline. */
    private List<LayoutPoint> spline(String pos) {
        List<LayoutPoint> points = new ArrayList<>();
        for (String part : pos.strip().split("\\s+")) {
            if (!part.isEmpty() && !part.startsWith("e,") && !part.startsWith("s,")) {
                points.add(point(part));
            }
        }
        return points;
    }

    /** The text operations of a label, each with the font size set before it. */
    private List<LayoutText> texts(JsonNode ops) {
        List<LayoutText> out = new ArrayList<>();
        double size = DEFAULT_FONT_SIZE;
        for (JsonNode op : ops) {
            String kind = op.path("op").asText();
            if (kind.equals("F")) {
                size = op.path("size").asDouble(DEFAULT_FONT_SIZE);
            } else if (kind.equals("T")) {
                JsonNode pt = op.path("pt");
                out.add(new LayoutText(op.path("text").asText(), point(pt.get(0).asDouble(), pt.get(1).asDouble()),
                        LayoutText.Align.of(op.path("align").asText("c")), op.path("width").asDouble(), size));
            }
        }
        return out;
    }

    /** The open polylines ({@code L}) of a drawing: a record's field separators. */
    private List<List<LayoutPoint>> rules(JsonNode ops) {
        List<List<LayoutPoint>> out = new ArrayList<>();
        for (JsonNode op : ops) {
            if (op.path("op").asText().equals("L")) {
                out.add(points(op.path("points")));
            }
        }
        return out;
    }

    private List<LayoutPoint> points(JsonNode xy) {
        List<LayoutPoint> points = new ArrayList<>();
        for (JsonNode p : xy) {
            points.add(point(p.get(0).asDouble(), p.get(1).asDouble()));
        }
        return points;
    }

    /** The first polygon Graphviz draws for the head's arrow. */
    private List<LayoutPoint> arrowhead(JsonNode ops) {
        for (JsonNode op : ops) {
            String kind = op.path("op").asText();
            if (kind.equals("P") || kind.equals("p")) {
                return points(op.path("points"));
            }
        }
        return List.of();
    }
}
