package org.gradviz.app.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.gradviz.app.document.AtomicFiles;

/**
 * An animated GIF of pictures, e.g. one per step of a backward pass: every frame shown for the same time, looping
 * forever (the NETSCAPE2.0 application extension browsers and slide programs read). Frames of different sizes are
 * centred on one canvas of the largest width and height, filled with the background. ImageIO's own GIF writer; the
 * file is written whole or not at all.
 */
public final class AnimatedGif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() {
    }

    /** Writes {@code frames} to {@code out} on white, {@code delayMillis} each (GIF keeps hundredths of a second). */
    public static void write(List<BufferedImage> frames, int delayMillis, Path out) throws IOException {
        write(frames, delayMillis, Color.WHITE, out);
    }

    /** Writes {@code frames} to {@code out} on {@code background}, {@code delayMillis} each. */
    public static void write(List<BufferedImage> frames, int delayMillis, Color background, Path out)
            throws IOException {
        AtomicFiles.write(out, encode(frames, delayMillis, background));
    }

    /** The GIF file's bytes. */
    public static byte[] encode(List<BufferedImage> frames, int delayMillis, Color background) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animated GIF needs at least one frame");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("the delay must not be negative, not " + delayMillis);
        }
        int width = frames.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int height = frames.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage canvas = onCanvas(frames.get(i), width, height, background);
                IIOMetadata metadata = metadata(writer, canvas, delayMillis, i == 0);
                writer.writeToSequence(new IIOImage(canvas, null, metadata), null);
            }
            writer.endWriteSequence();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new RenderException("cannot encode the GIF: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    /** {@code frame} centred on a {@code width} x {@code height} canvas of {@code background}. */
    private static BufferedImage onCanvas(BufferedImage frame, int width, int height, Color background) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(background);
            g.fillRect(0, 0, width, height);
            g.drawImage(frame, (width - frame.getWidth()) / 2, (height - frame.getHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** The frame's delay and, on the first frame, the loop-forever extension. */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage canvas, int delayMillis, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(canvas),
                writer.getDefaultWriteParam());
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "restoreToBackgroundColor");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.round(delayMillis / 10f)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 (little endian), forever
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        metadata.setFromTree(FORMAT, root);
        return metadata;
    }

    /** The child of {@code parent} named {@code name}, added when missing. */
    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
