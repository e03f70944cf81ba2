package org.gradviz.app.animation;

/**
 * What an edge carries at one moment of the animation.
 *
 * @param label the value, compact ({@code 0.2661}, {@code [0.2661, 0.1179, 0.0027]}, or the shape when big)
 * @param maxAbs its largest absolute element (NaN when any element is NaN): the edge's width and colour
 * @param current whether it travels this edge at this very step (the pulse), not earlier
 */
public record EdgeFlow(String label, double maxAbs, boolean current) {
}
