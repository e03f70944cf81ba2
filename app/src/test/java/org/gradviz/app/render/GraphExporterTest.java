package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.LayoutDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exports through the embedded engine (forced, so the test means the same with or without {@code dot}). */
class GraphExporterTest {
    private static GraphExporter exporter;

    @BeforeAll
    static void embeddedEngine() {
        exporter = new GraphExporter(GraphvizService.shared(GraphvizEngineKind.EMBEDDED));
    }

    private static String dot(String example, String view, GraphOptions options) {
        GraphDocument d = new DocumentReader().read(Examples.file(example));
        CompiledDocument c = new DocumentCompiler().compile(d);
        c.backward();
        return view.equals("network") ? NetworkDot.render(d, c, options)
                : AutogradDot.render(c.output(), c.tensors(), options);
    }

    @Test
    void pngRecordsTheRequestedDpiAndScalesWithIt() throws Exception {
        String dot = dot("one-layer-bce.json", "autograd", GraphOptions.DEFAULT);
        byte[] at96 = exporter.export(dot, ExportFormat.PNG, 96);
        byte[] at192 = exporter.export(dot, ExportFormat.PNG, 192);
        assertEquals(96, Pictures.dpiOf(at96));
        assertEquals(192, Pictures.dpiOf(at192));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(at96));
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(at192));
        assertEquals(2 * small.getWidth(), large.getWidth(), 2);
    }

    @Test
    void aGraphLargerThanItsSizeIsShrunkToFitAsGraphvizDoes() throws Exception {
        // four default ellipses (0.5 in high) and three rank gaps (0.5 in): 3.5 in high, asked to fit in 1 inch
        String dot = "digraph {\n\tgraph [size=\"1,1\"]\n\ta -> b -> c -> d\n}\n";
        BufferedImage png = Pictures.assertPngNotBlank(exporter.export(dot, ExportFormat.PNG, 144));
        assertEquals(144, png.getHeight(), 1, "1 inch at 144 dpi");
        assertTrue(png.getWidth() < 144 / 3, "proportions kept: " + png.getWidth());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                exporter.export(dot, ExportFormat.PDF, null))) {
            assertEquals(72, pdf.getPage(0).getMediaBox().getHeight(), 0.5, "1 inch in points");
        }
    }

    @Test
    void aPictureTooBigForMemoryIsRefusedWithTheFix() {
        // size="100,100!" enlarges the drawing to 100 inches: at 2400 dpi 240 000 pixels a side
        String dot = "digraph {\n\tgraph [size=\"100,100!\"]\n\ta -> b\n}\n";
        RenderException e = org.junit.jupiter.api.Assertions.assertThrows(RenderException.class,
                () -> exporter.export(dot, ExportFormat.PNG, 2400));
        assertTrue(e.getMessage().endsWith("too big to draw; lower --dpi, or export .svg or .pdf"), e.getMessage());
    }

    @Test
    void pngKeepsTorchvizNamedColours() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                exporter.export(dot("one-layer-bce.json", "autograd", GraphOptions.DEFAULT), ExportFormat.PNG, 96)));
        assertTrue(hasColour(image, 0xadd8e6), "lightblue leaves");
        assertTrue(hasColour(image, 0xcaff70), "darkolivegreen1 output");
        assertTrue(hasColour(image, 0xd3d3d3), "lightgrey backward nodes");
    }

    /**
     * Writes pictures of both views of the seed net in every theme, with saved tensors and attributes (autograd)
     * and values (network), to target/pictures, to look at.
     */
    @Test
    void writesTheSeedNetPicturesForReview() throws Exception {
        Path dir = Path.of("target", "pictures");
        Files.createDirectories(dir);
        for (org.gradviz.app.document.Theme theme : org.gradviz.app.document.Theme.values()) {
            String name = theme.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            GraphOptions full = GraphOptions.DEFAULT.withShowSaved(true).withShowAttrs(true).withTheme(theme);
            exporter.export(dot("one-layer-bce.json", "autograd", full), ExportFormat.PNG, 96,
                    dir.resolve("one-layer-bce-autograd-full-" + name + ".png"));
            exporter.export(dot("mlp-two-layer.json", "network", GraphOptions.DEFAULT.withValues(true)
                    .withRankdir(LayoutDirection.LR).withTheme(theme)), ExportFormat.PNG, 96,
                    dir.resolve("mlp-two-layer-network-values-" + name + ".png"));
            Pictures.assertPngNotBlank(Files.readAllBytes(dir.resolve("mlp-two-layer-network-values-" + name + ".png")));
        }
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
