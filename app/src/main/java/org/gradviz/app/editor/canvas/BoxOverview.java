package org.gradviz.app.editor.canvas;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.gradviz.app.document.Theme;

/**
 * A big graph seen from afar: every box a filled rectangle in its role's colour (a selected one with a thick
 * outline, a failed one in the failure colour), every connection a thin curve, drawn into one bitmap the size of the
 * view. Thousands of boxes cost one redraw of this picture, where as controls they cost seconds of styling; the
 * canvas shows it while the boxes' text would be too small to read anyway.
 */
final class BoxOverview extends Canvas {

    /** What kind of box a rectangle is, for its colour. */
    enum Role { PARAMETER, INPUT, OP, OUTPUT }

    /** One box: its place and size in drawing units; {@code active}: the box the engine is at (the player's step). */
    record Box(Bounds bounds, Role role, boolean selected, boolean failed, boolean active) {
    }

    /** The ring of the box the engine is at, as {@code .graph-node:active}: Okabe-Ito orange, never below 4 px. */
    private static final Color ACTIVE = Color.web("#e69f00");

    /** One connection: from the producer's output to the consumer's input, drawing units. */
    record Wire(Point2D from, Point2D to) {
    }

    /** The colours of one theme, those of the stylesheet's boxes ({@code .graph-node}) and edges. */
    private record Colours(Color op, Color parameter, Color input, Color output, Color border, Color selected,
            Color failed, Color failedFill, Color wire) {
        static Colours of(Theme theme) {
            return switch (theme == null ? Theme.LIGHT : theme) {
                case LIGHT -> new Colours(Color.WHITE, Color.web("#add8e6"), Color.web("#f0f2f4"), Color.web("#caff70"),
                        Color.web("#57606a"), Color.web("#0969da"), Color.web("#cf222e"), Color.web("#ffebe9"),
                        Color.web("#24292f"));
                case DARK -> new Colours(Color.web("#22252b"), Color.web("#1f5f8b"), Color.web("#2d3036"),
                        Color.web("#4b6b1f"), Color.web("#a9b1bd"), Color.web("#58a6ff"), Color.web("#ff7b72"),
                        Color.web("#4a1c1c"), Color.web("#c9d1d9"));
                case HIGH_CONTRAST -> new Colours(Color.WHITE, Color.web("#9fd3ff"), Color.WHITE, Color.web("#caff70"),
                        Color.BLACK, Color.web("#0969da"), Color.web("#cf222e"), Color.web("#ffebe9"), Color.BLACK);
            };
        }

        Color fill(Box box) {
            if (box.failed()) {
                return failedFill;
            }
            return switch (box.role()) {
                case PARAMETER -> parameter;
                case INPUT -> input;
                case OP -> op;
                case OUTPUT -> output;
            };
        }
    }

    /** Boxes smaller than this on screen (pixels) are drawn as a filled spot. */
    static final double TINY = 6;

    BoxOverview() {
        setMouseTransparent(true);
        setId("box-overview");
    }

    /**
     * Draws {@code boxes} and {@code wires} as the view shows them at {@code zoom}, the drawing's origin at
     * {@code pan} (view pixels); only what falls in the view is drawn.
     */
    void draw(List<Box> boxes, List<Wire> wires, double zoom, Point2D pan, Theme theme) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        Colours colours = Colours.of(theme);
        double left = -pan.getX() / zoom;
        double top = -pan.getY() / zoom;
        double right = left + getWidth() / zoom;
        double bottom = top + getHeight() / zoom;
        g.save();
        g.translate(pan.getX(), pan.getY());
        g.scale(zoom, zoom);
        g.setStroke(colours.wire());
        g.setLineWidth(Math.max(1, 2.5 * zoom) / zoom); // never thinner than a pixel
        g.setGlobalAlpha(zoom < 0.1 ? 0.35 : 1); // from very far, wires would hide the boxes
        for (Wire w : wires) {
            if (Math.max(w.from().getX(), w.to().getX()) >= left && Math.min(w.from().getX(), w.to().getX()) <= right
                    && Math.max(w.from().getY(), w.to().getY()) >= top
                    && Math.min(w.from().getY(), w.to().getY()) <= bottom) {
                double bend = Math.max(80, Math.max(Math.abs(w.to().getX() - w.from().getX()) / 2,
                        Math.abs(w.to().getY() - w.from().getY()) / 3)); // as Curves shapes the edges
                g.beginPath();
                g.moveTo(w.from().getX(), w.from().getY());
                g.bezierCurveTo(w.from().getX() + bend, w.from().getY(), w.to().getX() - bend, w.to().getY(),
                        w.to().getX(), w.to().getY());
                g.stroke();
            }
        }
        g.setGlobalAlpha(1);
        double outline = Math.max(1, 2 * zoom) / zoom;
        for (Box box : boxes) {
            Bounds b = box.bounds();
            if (b.getMaxX() < left || b.getMinX() > right || b.getMaxY() < top || b.getMinY() > bottom) {
                continue;
            }
            Color mark = box.active() ? ACTIVE : box.failed() ? colours.failed() : box.selected() ? colours.selected()
                    : null;
            if (Math.min(b.getWidth(), b.getHeight()) * zoom < TINY) {
                // a few pixels: no room for an outline, so the box is its outline's colour unless its role has one
                Color fill = mark != null ? mark : box.role() == Role.OP ? colours.border() : colours.fill(box);
                g.setFill(fill);
                g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
                continue;
            }
            g.setFill(colours.fill(box));
            g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            g.setStroke(mark != null ? mark : colours.border());
            g.setLineWidth(mark != null ? Math.max(3, 4 * zoom) / zoom : outline);
            g.strokeRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        }
        for (Box box : boxes) {
            if (box.active()) { // however small, a ring a lecture hall sees around the box the engine is at
                Bounds b = box.bounds();
                double ring = Math.max(4, 6 * zoom) / zoom;
                double pad = Math.max(0, (8 / zoom - Math.min(b.getWidth(), b.getHeight())) / 2);
                g.setStroke(ACTIVE);
                g.setLineWidth(ring);
                g.strokeRect(b.getMinX() - pad, b.getMinY() - pad, b.getWidth() + 2 * pad, b.getHeight() + 2 * pad);
            }
        }
        g.restore();
    }

    /** Clears the picture (the boxes are drawn as controls). */
    void clear() {
        getGraphicsContext2D().clearRect(0, 0, getWidth(), getHeight());
    }
}
