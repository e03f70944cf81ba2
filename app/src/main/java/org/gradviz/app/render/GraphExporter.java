package org.gradviz.app.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gradviz.app.document.AtomicFiles;

/**
 * Turns DOT text into a file: DOT as is, SVG from Graphviz, PNG and PDF drawn by gradviz from Graphviz's layout
 * (the same drawing for both, text in the bundled font; the PDF's text is real text).
 * Files are written whole or not at all.
 */
public final class GraphExporter {
    /** Graphviz's own default resolution for pictures. */
    public static final int DEFAULT_DPI = 96;

    private final GraphvizService graphviz;

    public GraphExporter(GraphvizService graphviz) {
        this.graphviz = graphviz;
    }

    public byte[] export(String dot, ExportFormat format, Integer dpi) {
        return switch (format) {
            case DOT -> dot.getBytes(StandardCharsets.UTF_8);
            case SVG -> graphviz.svg(dot).getBytes(StandardCharsets.UTF_8);
            case PNG -> PngWriter.write(new XdotPainter(graphviz.layoutJson(dot)), dpi == null ? DEFAULT_DPI : dpi);
            case PDF -> PdfWriter.write(new XdotPainter(graphviz.layoutJson(dot)));
        };
    }

    /** The picture of {@code dot} as pixels, drawn as a PNG export draws it ({@code dpi} null for the default). */
    public BufferedImage image(String dot, Integer dpi) {
        return PngWriter.paint(new XdotPainter(graphviz.layoutJson(dot)), dpi == null ? DEFAULT_DPI : dpi);
    }

    /** {@code image} as PNG bytes recording {@code dpi} (null for the default), as a PNG export writes them. */
    public static byte[] png(BufferedImage image, Integer dpi) {
        return PngWriter.encode(image, dpi == null ? DEFAULT_DPI : dpi);
    }

    public void export(String dot, ExportFormat format, Integer dpi, Path file) throws IOException {
        AtomicFiles.write(file, export(dot, format, dpi));
    }
}
