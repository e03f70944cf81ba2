package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimatedGifTest {
    @TempDir
    Path dir;

    private static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    @Test
    void everyFrameIsKeptWithItsDelayAndTheAnimationLoopsForever() throws Exception {
        Path out = dir.resolve("a.gif");
        AnimatedGif.write(List.of(filled(40, 30, Color.RED), filled(40, 30, Color.BLUE), filled(40, 30, Color.GREEN)),
                800, out);

        GifFile gif = GifFile.read(out);
        assertEquals(3, gif.frames().size());
        assertEquals(List.of(80, 80, 80), gif.delaysCentis(), "800 ms is 80 hundredths of a second");
        assertEquals(0, gif.loopCount(), "NETSCAPE2.0 loop count 0: forever");
    }

    @Test
    void framesOfDifferentSizesAreCentredOnTheLargestCanvasOfTheBackground() throws Exception {
        Path out = dir.resolve("a.gif");
        AnimatedGif.write(List.of(filled(60, 20, Color.RED), filled(20, 50, Color.BLUE)), 100, Color.BLACK, out);

        GifFile gif = GifFile.read(out);
        for (BufferedImage frame : gif.frames()) {
            assertEquals(60, frame.getWidth());
            assertEquals(50, frame.getHeight());
        }
        BufferedImage second = gif.frames().get(1);
        assertEquals(Color.BLACK.getRGB(), second.getRGB(0, 0), "outside the smaller frame: the background");
        assertEquals(Color.BLUE.getRGB(), second.getRGB(30, 25), "the frame itself, centred");
    }

    @Test
    void noFramesIsRefusedAndWritesNothing() {
        Path out = dir.resolve("a.gif");
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(List.of(), 800, out));
        assertFalse(Files.exists(out));
    }
}
