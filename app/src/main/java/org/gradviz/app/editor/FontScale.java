package org.gradviz.app.editor;

/**
 * The steps of the canvas text size, independent of zoom (View ▸ Larger Text, Ctrl+Shift+=): 75 % to 300 %, as
 * browsers step their text zoom, so a lecturer reaches a readable size in a few presses and back again exactly.
 */
public final class FontScale {
    private static final double[] STEPS = {0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};
    public static final double NORMAL = 1.0;

    private FontScale() {
    }

    /** The next larger step after {@code scale} (the largest stays). */
    public static double larger(double scale) {
        for (double step : STEPS) {
            if (step > scale + 1e-9) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** The next smaller step before {@code scale} (the smallest stays). */
    public static double smaller(double scale) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < scale - 1e-9) {
                return STEPS[i];
            }
        }
        return STEPS[0];
    }

    /** {@code scale} brought into the range of the steps (a remembered or typed value). */
    public static double clamp(double scale) {
        return Double.isFinite(scale) ? Math.max(STEPS[0], Math.min(STEPS[STEPS.length - 1], scale)) : NORMAL;
    }

    /** As the menu and the status say it: {@code 150%}. */
    public static String percent(double scale) {
        return Math.round(scale * 100) + "%";
    }
}
