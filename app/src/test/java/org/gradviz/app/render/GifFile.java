package org.gradviz.app.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** A GIF file read back with ImageIO: its frames, each frame's delay, and its NETSCAPE2.0 loop count. */
public record GifFile(List<BufferedImage> frames, List<Integer> delaysCentis, Integer loopCount) {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    /** Reads {@code file}; {@code loopCount} is null when the file has no NETSCAPE2.0 extension. */
    public static GifFile read(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            Integer loops = null;
            for (int i = 0; i < count; i++) {
                frames.add(reader.read(i));
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
                delays.add(Integer.parseInt(first(root, "GraphicControlExtension").getAttribute("delayTime")));
                IIOMetadataNode loop = first(root, "ApplicationExtension");
                if (loop != null && "NETSCAPE".equals(loop.getAttribute("applicationID"))
                        && "2.0".equals(loop.getAttribute("authenticationCode"))) {
                    byte[] data = (byte[]) loop.getUserObject();
                    loops = (data[1] & 0xff) | (data[2] & 0xff) << 8;
                }
            }
            return new GifFile(frames, delays, loops);
        } finally {
            reader.dispose();
        }
    }

    private static IIOMetadataNode first(IIOMetadataNode root, String name) {
        var nodes = root.getElementsByTagName(name);
        Node node = nodes.getLength() == 0 ? null : nodes.item(0);
        return (IIOMetadataNode) node;
    }
}
