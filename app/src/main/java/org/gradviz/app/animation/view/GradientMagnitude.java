package org.gradviz.app.animation.view;

import javafx.css.PseudoClass;

/**
 * How big a gradient is, in five decades, shown on its edge by width and by a colour-blind-safe (viridis) colour,
 * never by colour alone: pseudo-classes {@code :magnitude-1} (thinnest) to {@code :magnitude-5} (thickest).
 */
public enum GradientMagnitude {
    /** Largest |value| below 0.001 (zero included). */
    TINY(1e-3),
    /** Below 0.01. */
    SMALL(1e-2),
    /** Below 0.1. */
    MEDIUM(1e-1),
    /** Below 1. */
    LARGE(1),
    /** 1 or more, or not a number. */
    HUGE(Double.POSITIVE_INFINITY);

    private final double below;
    private final PseudoClass pseudoClass = PseudoClass.getPseudoClass("magnitude-" + (ordinal() + 1));

    GradientMagnitude(double below) {
        this.below = below;
    }

    /** The bucket of a gradient whose largest absolute element is {@code maxAbs}. */
    public static GradientMagnitude of(double maxAbs) {
        double m = Math.abs(maxAbs);
        for (GradientMagnitude g : values()) {
            if (m < g.below) {
                return g;
            }
        }
        return HUGE; // infinities and NaN: the most visible
    }

    /** The bucket of a gradient's elements: that of the largest absolute value (NaN counts as huge). */
    public static GradientMagnitude of(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Double.isNaN(v) ? Double.POSITIVE_INFINITY : Math.max(max, Math.abs(v));
        }
        return of(max);
    }

    public PseudoClass pseudoClass() {
        return pseudoClass;
    }
}
