package org.gradviz.app.editor.canvas;

import javafx.scene.paint.Color;
import org.gradviz.app.document.Theme;

/**
 * The colours of tensor grids in one theme: a diverging scale (ColorBrewer's RdBu ends: blue for negative, red for
 * positive, told apart with every common colour-vision deficiency, and the sign is printed too: never colour alone)
 * around the theme's background for zero, the cell lines, empty cells and non-finite values.
 *
 * @param strength how far the largest magnitude goes towards its end colour (1: all the way)
 */
public record GridPalette(Color zero, Color negative, Color positive, Color lines, Color empty, Color nonFinite,
        double strength) {

    public static final GridPalette LIGHT = new GridPalette(Color.WHITE, Color.web("#2166ac"), Color.web("#b2182b"),
            Color.web("#8c959f"), Color.web("#eeeeee"), Color.web("#6a3d9a"), 0.85);
    public static final GridPalette DARK = new GridPalette(Color.web("#22252b"), Color.web("#4393c3"),
            Color.web("#d6604d"), Color.web("#6e7681"), Color.web("#30343b"), Color.web("#b294f0"), 0.9);
    public static final GridPalette HIGH_CONTRAST = new GridPalette(Color.WHITE, Color.web("#053061"),
            Color.web("#67001f"), Color.BLACK, Color.web("#e6e6e6"), Color.web("#3f007d"), 1.0);

    public static GridPalette of(Theme theme) {
        return switch (theme == null ? Theme.LIGHT : theme) {
            case LIGHT -> LIGHT;
            case DARK -> DARK;
            case HIGH_CONTRAST -> HIGH_CONTRAST;
        };
    }

    /** The fill of a cell holding {@code value} in a tensor whose largest finite magnitude is {@code maxMagnitude}. */
    public Color fill(double value, double maxMagnitude) {
        if (!Double.isFinite(value)) {
            return nonFinite;
        }
        double t = maxMagnitude == 0 ? 0 : Math.min(1, Math.abs(value) / maxMagnitude);
        return zero.interpolate(value < 0 ? negative : positive, strength * t);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue();
        return luminance > 0.55 ? Color.BLACK : Color.WHITE;
    }
}
