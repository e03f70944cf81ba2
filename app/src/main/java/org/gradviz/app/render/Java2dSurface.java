package org.gradviz.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;

/** A {@link DrawingSurface} on a {@link Graphics2D} (already scaled from points to pixels), for PNG. */
final class Java2dSurface implements DrawingSurface {
    private final Graphics2D g;

    Java2dSurface(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public void fill(Shape shape, Color color) {
        g.setColor(color);
        g.fill(shape);
    }

    @Override
    public void stroke(Shape shape, Color color, LineStyle line) {
        g.setColor(color);
        g.setStroke(line.dashed()
                ? new BasicStroke((float) line.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, line.dash(), 0f)
                : new BasicStroke((float) line.width()));
        g.draw(shape);
    }

    @Override
    public void text(String text, double x, double y, double size, double horizontalScale, Color color) {
        AffineTransform saved = g.getTransform();
        g.setFont(BundledFont.awt(size));
        g.setColor(color);
        g.translate(x, y);
        g.scale(horizontalScale, 1);
        g.drawString(text, 0f, 0f);
        g.setTransform(saved);
    }
}
