package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;

/** Checks on exported files shared by the export tests: decodable, not blank, the DPI asked for, a real PDF. */
public final class Pictures {
    private Pictures() {
    }

    /** Skips a test of the dot program where it is not installed; the embedded engine's twin still runs. */
    public static void assumeEngineAvailable(GraphvizEngineKind kind) {
        Assumptions.assumeTrue(kind == GraphvizEngineKind.EMBEDDED
                        || GraphvizEngineKind.detect() == GraphvizEngineKind.DOT_BINARY,
                "Graphviz's dot program is not on the PATH (apt-get install graphviz; .ci/run installs it): the"
                        + " dot-binary case is skipped, the same case with the embedded engine still runs");
    }

    /** The PNG decoded, after checking that it is not blank. */
    public static BufferedImage assertPngNotBlank(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "decodes as an image");
        assertNotBlank(image);
        return image;
    }

    public static void assertNotBlank(BufferedImage image) {
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

    /** The resolution a PNG's pHYs chunk records, in dots per inch. */
    public static int dpiOf(byte[] png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertTrue(phys != null, "has a pHYs chunk");
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            return (int) Math.round(Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254);
        }
    }

    /** Checks a PDF of one page that PDFBox can read, and returns its text. */
    public static String assertOnePagePdf(byte[] pdf) throws IOException {
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "starts with %PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            return new PDFTextStripper().getText(document);
        }
    }
}
