package org.gradviz.app.editor.canvas;

import javafx.scene.paint.Color;

/**
 * A diverging colour scale for tensor cells: blue for negative, white for zero, red for positive, scaled
 * by the largest magnitude in the tensor, so the sign and relative size read at a glance.
 */
final class HeatColors {
    private static final Color NEGATIVE = Color.web("#2166ac");
    private static final Color ZERO = Color.WHITE;
    private static final Color POSITIVE = Color.web("#b2182b");

    private HeatColors() {
    }

    static Color of(double value, double maxMagnitude) {
        if (!Double.isFinite(value)) {
            return Color.web("#6a3d9a");
        }
        double t = maxMagnitude == 0 ? 0 : Math.min(1, Math.abs(value) / maxMagnitude);
        return ZERO.interpolate(value < 0 ? NEGATIVE : POSITIVE, 0.85 * t);
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue();
        return luminance > 0.55 ? Color.BLACK : Color.WHITE;
    }
}
