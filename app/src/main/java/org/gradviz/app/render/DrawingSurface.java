package org.gradviz.app.render;

import java.awt.Color;
import java.awt.Shape;

/**
 * Where {@link XdotPainter} draws a laid-out graph: a picture ({@link Java2dSurface}) or a PDF page
 * ({@link PdfSurface}). Coordinates are points (1/72 inch) from the top-left corner, y pointing down; all text
 * is set in the {@link BundledFont}.
 */
interface DrawingSurface {

    void fill(Shape shape, Color color);

    void stroke(Shape shape, Color color, LineStyle line);

    /**
     * {@code text} with its baseline starting at ({@code x}, {@code y}), {@code size} points high, its width
     * multiplied by {@code horizontalScale} (1 for the font's own width).
     */
    void text(String text, double x, double y, double size, double horizontalScale, Color color);
}
