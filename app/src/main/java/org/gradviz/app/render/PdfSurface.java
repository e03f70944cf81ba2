package org.gradviz.app.render;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link DrawingSurface} on one PDF page: shapes become PDF paths, text real text in the embedded bundled
 * font. PDF's y axis points up from the bottom, so every y is flipped against the page height.
 */
final class PdfSurface implements DrawingSurface {
    private final PDPageContentStream content;
    private final PDFont font;
    private final double pageHeight;
    private final AffineTransform flip;

    PdfSurface(PDPageContentStream content, PDFont font, double pageHeight) {
        this.content = content;
        this.font = font;
        this.pageHeight = pageHeight;
        this.flip = new AffineTransform(1, 0, 0, -1, 0, pageHeight);
    }

    @Override
    public void fill(Shape shape, Color color) {
        io(() -> {
            content.saveGraphicsState();
            opacity(color, false);
            content.setNonStrokingColor(opaque(color));
            path(shape);
            content.fill();
            content.restoreGraphicsState();
        });
    }

    @Override
    public void stroke(Shape shape, Color color, LineStyle line) {
        io(() -> {
            content.saveGraphicsState();
            opacity(color, true);
            content.setStrokingColor(opaque(color));
            content.setLineWidth((float) line.width());
            content.setLineDashPattern(line.dash(), 0);
            path(shape);
            content.stroke();
            content.restoreGraphicsState();
        });
    }

    @Override
    public void text(String text, double x, double y, double size, double horizontalScale, Color color) {
        io(() -> {
            content.saveGraphicsState();
            opacity(color, false);
            content.setNonStrokingColor(opaque(color));
            content.beginText();
            content.setFont(font, (float) size);
            content.setTextMatrix(new Matrix((float) horizontalScale, 0, 0, 1, (float) x, (float) (pageHeight - y)));
            content.showText(encodable(text));
            content.endText();
            content.restoreGraphicsState();
        });
    }

    private void path(Shape shape) throws IOException {
        double[] c = new double[6];
        double lastX = 0;
        double lastY = 0;
        for (PathIterator it = shape.getPathIterator(flip); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            switch (type) {
                case PathIterator.SEG_MOVETO -> content.moveTo((float) c[0], (float) c[1]);
                case PathIterator.SEG_LINETO -> content.lineTo((float) c[0], (float) c[1]);
                case PathIterator.SEG_QUADTO -> content.curveTo( // the same curve as a cubic
                        (float) (lastX + 2 * (c[0] - lastX) / 3), (float) (lastY + 2 * (c[1] - lastY) / 3),
                        (float) (c[2] + 2 * (c[0] - c[2]) / 3), (float) (c[3] + 2 * (c[1] - c[3]) / 3),
                        (float) c[2], (float) c[3]);
                case PathIterator.SEG_CUBICTO -> content.curveTo((float) c[0], (float) c[1], (float) c[2],
                        (float) c[3], (float) c[4], (float) c[5]);
                default -> content.closePath();
            }
            int end = type == PathIterator.SEG_CUBICTO ? 4 : type == PathIterator.SEG_QUADTO ? 2 : 0;
            if (type != PathIterator.SEG_CLOSE) {
                lastX = c[end];
                lastY = c[end + 1];
            }
        }
    }

    /** A colour with some transparency needs a graphics state with that alpha. */
    private void opacity(Color color, boolean stroking) throws IOException {
        if (color.getAlpha() == 255) {
            return;
        }
        PDExtendedGraphicsState state = new PDExtendedGraphicsState();
        if (stroking) {
            state.setStrokingAlphaConstant(color.getAlpha() / 255f);
        } else {
            state.setNonStrokingAlphaConstant(color.getAlpha() / 255f);
        }
        content.setGraphicsStateParameters(state);
    }

    private static Color opaque(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The text with any character the font has no glyph for replaced by '?'. */
    private String encodable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                sb.append(s);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private interface PdfOperation {
        void run() throws IOException;
    }

    private static void io(PdfOperation operation) {
        try {
            operation.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
