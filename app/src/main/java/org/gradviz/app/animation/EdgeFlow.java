package org.gradviz.app.animation;

/**
 * What an edge carries at one moment of the animation.
 *
 * @param label the value, compact ({@code 0.2661}, {@code [0.2661, 0.1179, 0.0027]}, or the shape when big)
 * @param magnitude its largest absolute element relative to the largest of the whole recording, 0 to 1
 * @param current whether it travels this edge at this very step (the pulse), not earlier
 */
public record EdgeFlow(String label, double magnitude, boolean current) {

    /** Magnitude buckets, 0 (smallest) to {@value #BUCKETS} - 1: the edge's width and colour class. */
    public static final int BUCKETS = 5;

    public int bucket() {
        if (!(magnitude > 0)) {
            return 0;
        }
        return Math.min(BUCKETS - 1, (int) Math.ceil(magnitude * (BUCKETS - 1)));
    }
}
