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
import org.gradviz.engine.Heap;

/** Paints a laid-out graph into a PNG at a given DPI and records that DPI in the file (its pHYs chunk). */
public final class PngWriter {
    private static final double INCH_PER_METRE = 1 / 0.0254;

    private PngWriter() {
    }

    /** Bytes a pixel takes while it is drawn (ARGB) and encoded (the PNG's bytes, taken as at most half as many). */
    private static final long BYTES_PER_PIXEL = 6;
    /** Heap left aside for the drawing and the encoder's own buffers. */
    private static final long HEADROOM = 32L * 1024 * 1024;
    /** Beyond this, PNG viewers give up whatever the memory: 250 million pixels, about 1 GB as ARGB. */
    private static final long MAX_PIXELS = 250_000_000L;

    static byte[] write(XdotPainter painter, int dpi) {
        return encode(paint(painter, dpi), dpi);
    }

    /** The picture of {@code painter} at {@code dpi}, as pixels, if the heap left now can hold it. */
    static BufferedImage paint(XdotPainter painter, int dpi) {
        return paint(painter, dpi, Heap.available());
    }

    /** {@link #paint(XdotPainter, int)} with {@code heapLeft} bytes of heap to draw and encode it in. */
    static BufferedImage paint(XdotPainter painter, int dpi, long heapLeft) {
        double pixelsPerPoint = dpi / 72.0;
        long w = Math.max(1, (long) Math.ceil(painter.width() * pixelsPerPoint));
        long h = Math.max(1, (long) Math.ceil(painter.height() * pixelsPerPoint));
        requireRoom(w, h, heapLeft, "lower --dpi");
        double scale = pixelsPerPoint * painter.scale();
        BufferedImage image;
        try {
            image = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_ARGB);
        } catch (OutOfMemoryError e) {
            // NOTE: one array that did not fit after a full collection: nothing else was half done
            throw tooBigForMemory(w, h, 0, "lower --dpi");
        }
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            painter.paint(new Java2dSurface(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Refuses, in one line, a picture of {@code w × h} pixels that no viewer opens or that {@code heapLeft} bytes of
     * heap cannot draw and encode; {@code smaller} says how to ask for a smaller one ("lower --dpi").
     */
    public static void requireRoom(long w, long h, long heapLeft, String smaller) {
        long fits = Math.max(0, heapLeft - HEADROOM) / BYTES_PER_PIXEL;
        if (w * h > MAX_PIXELS) {
            throw new RenderException("the picture would be " + w + " x " + h + " pixels, too big to draw; " + smaller
                    + ", or export .svg or .pdf");
        }
        if (w * h > fits || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw tooBigForMemory(w, h, fits, smaller);
        }
    }

    private static RenderException tooBigForMemory(long w, long h, long fits, String smaller) {
        return new RenderException("the picture would be " + w + " x " + h + " pixels, more than the memory left can"
                + " draw (" + fits + " pixels, of a " + Heap.max() / (1024 * 1024) + " MB heap); " + smaller
                + ", export .svg or .pdf, or give Java more memory (-Xmx)");
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
