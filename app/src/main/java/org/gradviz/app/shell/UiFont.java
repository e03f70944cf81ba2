package org.gradviz.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javafx.scene.text.Font;

/**
 * The bundled UI typeface, DejaVu Sans (assets/fonts/ui, Bitstream Vera licence), so text measures and
 * renders the same on every machine, and DejaVu Sans Mono (assets/fonts), the font of the autograd view's boxes
 * as of the exported pictures. Loaded once before the first scene; {@code gradviz.css} names them.
 */
public final class UiFont {
    /** The family name the stylesheet uses. */
    public static final String FAMILY = "DejaVu Sans";
    /** The monospace family the stylesheet uses where columns must line up (torchviz's labels). */
    public static final String MONO_FAMILY = "DejaVu Sans Mono";
    static final List<String> FILES = List.of("fonts/ui/DejaVuSans.ttf", "fonts/ui/DejaVuSans-Bold.ttf",
            "fonts/DejaVuSansMono.ttf");

    private static boolean loaded;

    private UiFont() {
    }

    /** Registers the bundled faces with JavaFX (idempotent). Call on or before the FX thread starts. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String file : FILES) {
            try (InputStream in = Assets.open(file)) {
                if (Font.loadFont(in, 16) == null) {
                    throw new IllegalStateException("JavaFX could not load the bundled font " + file);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled font " + file + ": " + e.getMessage(), e);
            }
        }
        loaded = true;
    }
}
