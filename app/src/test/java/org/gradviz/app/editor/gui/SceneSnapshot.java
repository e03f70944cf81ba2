package org.gradviz.app.editor.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Test helper: writes what a scene looks like to a PNG. Call on the FX thread. */
public final class SceneSnapshot {

    private SceneSnapshot() {
    }

    public static void writePng(Scene scene, Path png) {
        WritableImage image = scene.snapshot(null);
        try {
            Files.createDirectories(png.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write snapshot " + png, e);
        }
    }
}
