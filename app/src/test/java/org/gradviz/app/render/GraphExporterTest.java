package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.LayoutDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exports through the embedded engine (forced, so the test means the same with or without {@code dot}). */
class GraphExporterTest {
    private static GraphExporter exporter;

    @BeforeAll
    static void embeddedEngine() {
        exporter = new GraphExporter(GraphvizService.shared(GraphvizEngineKind.EMBEDDED));
    }

    static Stream<Arguments> examplesViewsAndFormats() {
        return Examples.documents().stream().flatMap(doc -> Stream.of("autograd", "network").flatMap(view ->
                Stream.of(ExportFormat.values()).map(f -> Arguments.of(doc.getFileName().toString(), view, f))));
    }

    private static String dot(String example, String view, GraphOptions options) {
        GraphDocument d = new DocumentReader().read(Examples.file(example));
        CompiledDocument c = new DocumentCompiler().compile(d);
        c.backward();
        return view.equals("network") ? NetworkDot.render(d, c, options)
                : AutogradDot.render(c.output(), c.tensors(), options);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("examplesViewsAndFormats")
    void everyExampleExportsToEveryFormat(String example, String view, ExportFormat format) throws Exception {
        byte[] bytes = exporter.export(dot(example, view, GraphOptions.DEFAULT), format, 72);
        switch (format) {
            case DOT -> assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("digraph {"));
            case SVG -> assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("<svg"));
            case PNG -> assertNotBlank(ImageIO.read(new ByteArrayInputStream(bytes)));
        }
    }

    @Test
    void pngRecordsTheRequestedDpiAndScalesWithIt() throws Exception {
        String dot = dot("one-layer-bce.json", "autograd", GraphOptions.DEFAULT);
        byte[] at96 = exporter.export(dot, ExportFormat.PNG, 96);
        byte[] at192 = exporter.export(dot, ExportFormat.PNG, 192);
        assertEquals(96, dpiOf(at96));
        assertEquals(192, dpiOf(at192));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(at96));
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(at192));
        assertEquals(2 * small.getWidth(), large.getWidth(), 2);
    }

    @Test
    void pngKeepsTorchvizNamedColours() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                exporter.export(dot("one-layer-bce.json", "autograd", GraphOptions.DEFAULT), ExportFormat.PNG, 96)));
        assertTrue(hasColour(image, 0xadd8e6), "lightblue leaves");
        assertTrue(hasColour(image, 0xcaff70), "darkolivegreen1 output");
        assertTrue(hasColour(image, 0xd3d3d3), "lightgrey backward nodes");
    }

    /** Writes the pictures of both views of the seed net to target/pictures, to look at. */
    @Test
    void writesTheSeedNetPicturesForReview() throws Exception {
        Path dir = Path.of("target", "pictures");
        Files.createDirectories(dir);
        exporter.export(dot("one-layer-bce.json", "autograd", GraphOptions.DEFAULT), ExportFormat.PNG, 96,
                dir.resolve("one-layer-bce-autograd.png"));
        exporter.export(dot("one-layer-bce.json", "autograd", GraphOptions.DEFAULT.withShowSaved(true)
                .withShowAttrs(true)), ExportFormat.PNG, 96, dir.resolve("one-layer-bce-autograd-full.png"));
        exporter.export(dot("one-layer-bce.json", "network", GraphOptions.DEFAULT), ExportFormat.PNG, 96,
                dir.resolve("one-layer-bce-network.png"));
        exporter.export(dot("one-layer-bce.json", "network", GraphOptions.DEFAULT.withValues(true)
                .withRankdir(LayoutDirection.LR).withTheme(org.gradviz.app.document.Theme.DARK)), ExportFormat.PNG,
                96, dir.resolve("one-layer-bce-network-values-dark.png"));
        assertTrue(Files.size(dir.resolve("one-layer-bce-network.png")) > 1000);
    }

    static int dpiOf(byte[] png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            return (int) Math.round(Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254);
        }
    }

    static void assertNotBlank(BufferedImage image) {
        assertTrue(image.getWidth() > 10 && image.getHeight() > 10, "has a size");
        int first = image.getRGB(0, 0);
        long different = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != first) {
                    different++;
                }
            }
        }
        assertTrue(different > image.getWidth() * image.getHeight() / 100, "more than 1% of pixels drawn");
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
