package org.gradviz.app.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Paints a laid-out graph into a PNG at a given DPI and records that DPI in the file (its pHYs chunk). */
final class PngWriter {
    private static final double INCH_PER_METRE = 1 / 0.0254;

    private PngWriter() {
    }

    /** More than this and the picture would not fit in memory: about 1 GB as ARGB. */
    private static final long MAX_PIXELS = 250_000_000L;

    static byte[] write(XdotPainter painter, int dpi) {
        return encode(paint(painter, dpi), dpi);
    }

    /** The picture of {@code painter} at {@code dpi}, as pixels. */
    static BufferedImage paint(XdotPainter painter, int dpi) {
        double pixelsPerPoint = dpi / 72.0;
        long w = Math.max(1, (long) Math.ceil(painter.width() * pixelsPerPoint));
        long h = Math.max(1, (long) Math.ceil(painter.height() * pixelsPerPoint));
        if (w * h > MAX_PIXELS) {
            throw new RenderException("the picture would be " + w + " x " + h + " pixels, too big to draw; lower"
                    + " --dpi, or export .svg or .pdf");
        }
        double scale = pixelsPerPoint * painter.scale();
        BufferedImage image = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            painter.paint(new Java2dSurface(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** {@code image} as a PNG that records {@code dpi}. */
    static byte[] encode(BufferedImage image, int dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            String ppm = Long.toString(Math.round(dpi * INCH_PER_METRE));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode tree = new IIOMetadataNode("javax_imageio_png_1.0");
            tree.appendChild(phys);
            metadata.mergeTree("javax_imageio_png_1.0", tree);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new RenderException("cannot encode the PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }
}
