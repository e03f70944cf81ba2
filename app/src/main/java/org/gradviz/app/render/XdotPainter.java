package org.gradviz.app.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/**
 * Draws a graph from Graphviz's {@code json} output by replaying its xdot drawing operations (polygons,
 * ellipses, Béziers, text) on a {@link DrawingSurface}: a PNG picture or a PDF page. Graphviz decides every
 * position and colour; this only paints, so pictures keep named colours exactly. All text is set in the
 * {@link BundledFont}, whatever face Graphviz names (gradviz's graphs ask for monospace only).
 */
final class XdotPainter {
    private static final String[] DRAW_KEYS = {"_draw_", "_hdraw_", "_tdraw_", "_ldraw_", "_hldraw_", "_tldraw_"};
    private static final double DEFAULT_FONT_SIZE = 14;
    /** Graphviz's default {@code pad}: the margin, in points, its own pictures leave around the drawing. */
    private static final double PAD = 4;

    private final JsonNode root;
    private final double width;
    private final double height;
    private final double fitScale;

    private Color pen;
    private Color fill;
    private double fontSize;
    private LineStyle line;
    private double textScale;

    XdotPainter(String layoutJson) {
        GraphvizJson layout = GraphvizJson.parse(layoutJson);
        this.root = layout.root();
        this.width = layout.width() + 2 * PAD;
        this.height = layout.height() + 2 * PAD;
        this.fitScale = fitScale(root.path("size").asText(""), width, height);
    }

    /**
     * Graphviz's {@code size="W,H"} (inches): a drawing larger than that is shrunk to fit, keeping its
     * proportions, as Graphviz's own renderers and torchviz's pictures do; {@code "W,H!"} also enlarges.
     */
    static double fitScale(String size, double width, double height) {
        String[] wh = size.replace("!", "").split(",");
        if (size.isBlank() || width <= 0 || height <= 0) {
            return 1;
        }
        try {
            double maxWidth = Double.parseDouble(wh[0].strip()) * 72;
            double maxHeight = wh.length > 1 ? Double.parseDouble(wh[1].strip()) * 72 : maxWidth;
            double scale = Math.min(maxWidth / width, maxHeight / height);
            return scale < 1 || size.endsWith("!") ? scale : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The picture's size in points (1/72 inch): the layout and Graphviz's margin, after {@link #scale()}. */
    double width() {
        return width * fitScale;
    }

    double height() {
        return height * fitScale;
    }

    /** How much the layout is scaled to make the picture (1 unless the graph's {@code size} shrinks it). */
    double scale() {
        return fitScale;
    }

    /** The layout's own height in points, before {@link #scale()}: what {@link #paint} draws in. */
    double layoutHeight() {
        return height;
    }

    /**
     * Paints everything: the graph's own drawing, clusters, edges, then nodes on top, in layout points (the
     * surface applies {@link #scale()}).
     */
    void paint(DrawingSurface surface) {
        background(surface);
        ops(surface, root);
        JsonNode objects = root.path("objects");
        for (JsonNode o : objects) {
            if (o.has("nodes") || o.has("subgraphs")) {
                ops(surface, o); // clusters first, under everything
            }
        }
        for (JsonNode e : root.path("edges")) {
            ops(surface, e);
        }
        for (JsonNode o : objects) {
            if (!o.has("nodes") && !o.has("subgraphs")) {
                ops(surface, o);
            }
        }
    }

    /**
     * The graph's own filled rectangle (its bgcolor), drawn over the margin too, as in Graphviz's pictures; the
     * rectangle itself is drawn again by {@link #ops}, which changes nothing.
     */
    private void background(DrawingSurface surface) {
        resetState();
        for (JsonNode op : root.path("_draw_")) {
            String kind = op.path("op").asText();
            if (kind.equals("C")) {
                fill = GraphColors.parse(op.path("color").asText());
            } else if (kind.equals("P")) {
                fill(surface, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
                return;
            }
        }
    }

    private void ops(DrawingSurface surface, JsonNode object) {
        for (String key : DRAW_KEYS) {
            resetState(); // each drawing list starts from Graphviz's defaults
            textScale = textScale(object.path(key));
            resetState();
            for (JsonNode op : object.path(key)) {
                op(surface, op);
            }
        }
    }

    /**
     * One horizontal scale for all the text of a drawing list: 1, or less when a line is wider in the bundled
     * font than the width Graphviz measured for it, so text never spills out of its box. Lines of one label
     * shrink alike, so monospace columns stay aligned. With Graphviz measuring monospace (see
     * {@link GraphvizFontNames}) the scale stays within a fraction of a percent of 1.
     */
    private double textScale(JsonNode ops) {
        double scale = 1;
        for (JsonNode op : ops) {
            String kind = op.path("op").asText();
            if (kind.equals("F")) {
                fontSize = op.path("size").asDouble(DEFAULT_FONT_SIZE);
            } else if (kind.equals("T")) {
                double natural = BundledFont.width(op.path("text").asText(), fontSize);
                double wanted = op.path("width").asDouble(natural);
                if (natural > 0 && wanted > 0) {
                    scale = Math.min(scale, wanted / natural);
                }
            }
        }
        return scale;
    }

    private void resetState() {
        pen = Color.BLACK;
        fill = Color.BLACK;
        fontSize = DEFAULT_FONT_SIZE;
        line = LineStyle.SOLID;
    }

    private void op(DrawingSurface surface, JsonNode op) {
        switch (op.path("op").asText()) {
            case "c" -> pen = GraphColors.parse(op.path("color").asText());
            case "C" -> fill = GraphColors.parse(op.path("color").asText());
            case "S" -> style(op.path("style").asText());
            case "F" -> fontSize = op.path("size").asDouble(DEFAULT_FONT_SIZE);
            case "P", "p", "L" -> polygon(surface, op);
            case "E", "e" -> ellipse(surface, op);
            case "B", "b" -> bezier(surface, op);
            case "T" -> text(surface, op);
            default -> {
                // "t" (font characteristics) and images: nothing gradviz draws uses them
            }
        }
    }

    private void style(String style) {
        if (style.startsWith("setlinewidth(")) {
            line = line.withWidth(Double.parseDouble(style.substring("setlinewidth(".length(), style.length() - 1)));
        } else if (style.equals("dashed")) {
            line = line.withDash(5f, 2f);
        } else if (style.equals("dotted")) {
            line = line.withDash(1f, 5f);
        } else if (style.equals("solid")) {
            line = line.withDash();
        } else if (style.equals("bold")) {
            line = line.withWidth(2);
        }
    }

    private void polygon(DrawingSurface surface, JsonNode op) {
        Path2D.Double path = path(op.path("points"));
        String kind = op.path("op").asText();
        if (!kind.equals("L")) {
            path.closePath();
        }
        if (kind.equals("P")) {
            fill(surface, path);
        }
        stroke(surface, path);
    }

    private void ellipse(DrawingSurface surface, JsonNode op) {
        JsonNode r = op.path("rect");
        double cx = r.get(0).asDouble() + PAD;
        double cy = height - PAD - r.get(1).asDouble();
        double rx = r.get(2).asDouble();
        double ry = r.get(3).asDouble();
        Ellipse2D.Double e = new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
        if (op.path("op").asText().equals("E")) {
            fill(surface, e);
        }
        stroke(surface, e);
    }

    private void bezier(DrawingSurface surface, JsonNode op) {
        JsonNode pts = op.path("points");
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x(pts.get(0)), y(pts.get(0)));
        for (int i = 1; i + 2 < pts.size(); i += 3) {
            path.curveTo(x(pts.get(i)), y(pts.get(i)), x(pts.get(i + 1)), y(pts.get(i + 1)),
                    x(pts.get(i + 2)), y(pts.get(i + 2)));
        }
        // NOTE: Graphviz marks edge splines "b" (filled) in json output; filling an open curve draws a
        // second, chord-shaped outline, so splines are only ever stroked here.
        stroke(surface, path);
    }

    private void fill(DrawingSurface surface, Shape shape) {
        if (fill.getAlpha() != 0) {
            surface.fill(shape, fill);
        }
    }

    private void stroke(DrawingSurface surface, Shape shape) {
        if (pen.getAlpha() != 0) {
            surface.stroke(shape, pen, line);
        }
    }

    private void text(DrawingSurface surface, JsonNode op) {
        String text = op.path("text").asText();
        JsonNode pt = op.path("pt");
        double drawn = BundledFont.width(text, fontSize) * textScale;
        double x = x(pt);
        switch (op.path("align").asText("c")) {
            case "c" -> x -= drawn / 2;
            case "r" -> x -= drawn;
            default -> {
            }
        }
        surface.text(text, x, y(pt), fontSize, textScale, pen);
    }

    private Path2D.Double path(JsonNode pts) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < pts.size(); i++) {
            if (i == 0) {
                path.moveTo(x(pts.get(i)), y(pts.get(i)));
            } else {
                path.lineTo(x(pts.get(i)), y(pts.get(i)));
            }
        }
        return path;
    }

    /** Layout x (from the left) to picture x, inside the margin. */
    private static double x(JsonNode p) {
        return p.get(0).asDouble() + PAD;
    }

    /** Layout y (Graphviz's, from the bottom) to picture y (from the top), inside the margin. */
    private double y(JsonNode p) {
        return height - PAD - p.get(1).asDouble();
    }
}
