package org.gradviz.app.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.io.IOException;

/**
 * Draws a graph from Graphviz's {@code json} output by replaying its xdot drawing operations (polygons,
 * ellipses, Béziers, text) on a {@link Graphics2D}. Graphviz decides every position and colour; this only
 * paints, so pictures keep named colours and the monospace font exactly.
 */
final class XdotPainter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DRAW_KEYS = {"_draw_", "_hdraw_", "_tdraw_", "_ldraw_", "_hldraw_", "_tldraw_"};

    private final JsonNode root;
    private final double width;
    private final double height;

    private Color pen = Color.BLACK;
    private Color fill = Color.BLACK;
    private Font font = new Font(Font.SERIF, Font.PLAIN, 14);
    private BasicStroke stroke = new BasicStroke(1f);
    private double textScale = 1;

    XdotPainter(String layoutJson) {
        try {
            this.root = JSON.readTree(layoutJson);
        } catch (IOException e) {
            throw new RenderException("Graphviz gave an unreadable layout: " + e.getMessage(), e);
        }
        String[] bb = root.path("bb").asText("0,0,0,0").split(",");
        this.width = Double.parseDouble(bb[2]);
        this.height = Double.parseDouble(bb[3]);
    }

    /** The drawing's size in points (1/72 inch). */
    double width() {
        return width;
    }

    double height() {
        return height;
    }

    /** Paints everything; {@code g} is already scaled from points to pixels. */
    void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        ops(g, root);
        JsonNode objects = root.path("objects");
        for (JsonNode o : objects) {
            if (o.has("nodes") || o.has("subgraphs")) {
                ops(g, o); // clusters first, under everything
            }
        }
        for (JsonNode e : root.path("edges")) {
            ops(g, e);
        }
        for (JsonNode o : objects) {
            if (!o.has("nodes") && !o.has("subgraphs")) {
                ops(g, o);
            }
        }
    }

    private void ops(Graphics2D g, JsonNode object) {
        for (String key : DRAW_KEYS) {
            resetState(); // each drawing list starts from Graphviz's defaults
            textScale = textScale(g, object.path(key));
            resetState();
            for (JsonNode op : object.path(key)) {
                op(g, op);
            }
        }
    }

    /**
     * One horizontal scale for all the text of a drawing list: the smallest that fits every line in the
     * width Graphviz gave it. Lines of one label shrink alike, so monospace columns stay aligned.
     */
    private double textScale(Graphics2D g, JsonNode ops) {
        double scale = 1;
        for (JsonNode op : ops) {
            String kind = op.path("op").asText();
            if (kind.equals("F")) {
                font = font(op.path("face").asText(), op.path("size").asDouble(14));
            } else if (kind.equals("T")) {
                double natural = g.getFontMetrics(font).getStringBounds(op.path("text").asText(), g).getWidth();
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
        font = new Font(Font.SERIF, Font.PLAIN, 1).deriveFont(14f);
        stroke = new BasicStroke(1f);
    }

    private void op(Graphics2D g, JsonNode op) {
        switch (op.path("op").asText()) {
            case "c" -> pen = GraphColors.parse(op.path("color").asText());
            case "C" -> fill = GraphColors.parse(op.path("color").asText());
            case "S" -> style(op.path("style").asText());
            case "F" -> font = font(op.path("face").asText(), op.path("size").asDouble(14));
            case "P", "p", "L" -> polygon(g, op);
            case "E", "e" -> ellipse(g, op);
            case "B", "b" -> bezier(g, op);
            case "T" -> text(g, op);
            default -> {
                // "t" (font characteristics) and images: nothing gradviz draws uses them
            }
        }
    }

    private void style(String style) {
        if (style.startsWith("setlinewidth(")) {
            float w = Float.parseFloat(style.substring("setlinewidth(".length(), style.length() - 1));
            stroke = new BasicStroke(w, stroke.getEndCap(), stroke.getLineJoin(), 10f, stroke.getDashArray(), 0f);
        } else if (style.equals("dashed")) {
            stroke = new BasicStroke(stroke.getLineWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {5f, 2f}, 0f);
        } else if (style.equals("dotted")) {
            stroke = new BasicStroke(stroke.getLineWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {1f, 5f}, 0f);
        } else if (style.equals("solid")) {
            stroke = new BasicStroke(stroke.getLineWidth());
        } else if (style.equals("bold")) {
            stroke = new BasicStroke(2f);
        }
    }

    private static Font font(String face, double size) {
        String f = face.toLowerCase(java.util.Locale.ROOT);
        String family = f.contains("mono") || f.contains("courier") ? Font.MONOSPACED
                : f.contains("times") || f.contains("serif") && !f.contains("sans") ? Font.SERIF : Font.SANS_SERIF;
        return new Font(family, Font.PLAIN, 1).deriveFont((float) size);
    }

    private void polygon(Graphics2D g, JsonNode op) {
        Path2D.Double path = path(op.path("points"), false);
        String kind = op.path("op").asText();
        if (kind.equals("P")) {
            path.closePath();
            g.setColor(fill);
            g.fill(path);
        } else if (kind.equals("p")) {
            path.closePath();
        }
        draw(g, path);
    }

    private void ellipse(Graphics2D g, JsonNode op) {
        JsonNode r = op.path("rect");
        double cx = r.get(0).asDouble();
        double cy = height - r.get(1).asDouble();
        double rx = r.get(2).asDouble();
        double ry = r.get(3).asDouble();
        Ellipse2D.Double e = new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
        if (op.path("op").asText().equals("E")) {
            g.setColor(fill);
            g.fill(e);
        }
        draw(g, e);
    }

    private void bezier(Graphics2D g, JsonNode op) {
        JsonNode pts = op.path("points");
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x(pts.get(0)), y(pts.get(0)));
        for (int i = 1; i + 2 < pts.size(); i += 3) {
            path.curveTo(x(pts.get(i)), y(pts.get(i)), x(pts.get(i + 1)), y(pts.get(i + 1)),
                    x(pts.get(i + 2)), y(pts.get(i + 2)));
        }
        // NOTE: Graphviz marks edge splines "b" (filled) in json output; filling an open curve draws a
        // second, chord-shaped outline, so splines are only ever stroked here.
        draw(g, path);
    }

    private void draw(Graphics2D g, java.awt.Shape shape) {
        if (pen.getAlpha() == 0) {
            return;
        }
        g.setColor(pen);
        g.setStroke(stroke);
        g.draw(shape);
    }

    private void text(Graphics2D g, JsonNode op) {
        String text = op.path("text").asText();
        JsonNode pt = op.path("pt");
        g.setFont(font);
        g.setColor(pen);
        double natural = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double wanted = natural * textScale;
        double x = x(pt);
        switch (op.path("align").asText("c")) {
            case "c" -> x -= wanted / 2;
            case "r" -> x -= wanted;
            default -> {
            }
        }
        // NOTE: Java's fonts are not the ones Graphviz measured with; text is squeezed to the widths
        // Graphviz laid out (see textScale), so it never spills out of its box.
        java.awt.geom.AffineTransform saved = g.getTransform();
        g.translate(x, y(pt));
        g.scale(textScale, 1);
        g.drawString(text, 0f, 0f);
        g.setTransform(saved);
    }

    private Path2D.Double path(JsonNode pts, boolean close) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < pts.size(); i++) {
            if (i == 0) {
                path.moveTo(x(pts.get(i)), y(pts.get(i)));
            } else {
                path.lineTo(x(pts.get(i)), y(pts.get(i)));
            }
        }
        if (close) {
            path.closePath();
        }
        return path;
    }

    private static double x(JsonNode p) {
        return p.get(0).asDouble();
    }

    private double y(JsonNode p) {
        return height - p.get(1).asDouble();
    }
}
