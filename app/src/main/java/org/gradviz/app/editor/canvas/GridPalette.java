package org.gradviz.app.editor.canvas;

import javafx.scene.paint.Color;
import org.gradviz.app.document.Theme;

/**
 * The colours of tensor grids in one theme: a diverging scale (ColorBrewer's RdBu ends, blue for negative and red for
 * positive; blue and orange in high contrast; told apart with every common colour-vision deficiency, and the sign is
 * printed too: never colour alone)
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
    /** Blue against orange (ColorBrewer PuOr's hue pair): far apart in lightness and hue for every eye. */
    public static final GridPalette HIGH_CONTRAST = new GridPalette(Color.WHITE, Color.web("#084594"),
            Color.web("#e66101"), Color.BLACK, Color.web("#e6e6e6"), Color.web("#3f007d"), 1.0);

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

    /**
     * Black or white, whichever contrasts more with {@code background} (WCAG's relative luminance): never below 4.58
     * to 1, above WCAG AA's 4.5, whatever the cell's colour.
     */
    public static Color textOn(Color background) {
        double l = relativeLuminance(background);
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? Color.BLACK : Color.WHITE;
    }

    private static double relativeLuminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
