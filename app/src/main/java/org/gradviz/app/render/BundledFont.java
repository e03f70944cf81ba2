package org.gradviz.app.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * DejaVu Sans Mono, shipped in the jar ({@code org/gradviz/assets/fonts/}), the one font every exported picture
 * and PDF draws its text with, so text looks the same on every machine. Its advance is 0.602 em per character,
 * the width Graphviz measures monospace text with (see {@link GraphvizFontNames}).
 */
final class BundledFont {
    static final String RESOURCE = "/org/gradviz/assets/fonts/DejaVuSansMono.ttf";
    private static final FontRenderContext MEASURING = new FontRenderContext(null, true, true);
    private static byte[] bytes;
    private static Font font;

    private BundledFont() {
    }

    /** The font file's bytes (for embedding in a PDF). */
    static synchronized byte[] bytes() {
        if (bytes == null) {
            try (InputStream in = BundledFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new RenderException("the bundled font " + RESOURCE + " is missing from the jar; rebuild gradviz");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new RenderException("cannot read the bundled font " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    /** The font at {@code size} points. */
    static synchronized Font awt(double size) {
        if (font == null) {
            try {
                font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes()));
            } catch (FontFormatException | IOException e) {
                throw new RenderException("cannot load the bundled font " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return font.deriveFont((float) size);
    }

    /** The advance width of {@code text} at {@code size} points, in points. */
    static double width(String text, double size) {
        return awt(size).getStringBounds(text, MEASURING).getWidth();
    }
}
