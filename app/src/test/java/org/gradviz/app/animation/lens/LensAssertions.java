package org.gradviz.app.animation.lens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradviz.app.animation.TensorValue;

/** Comparisons of recorded values. */
final class LensAssertions {
    /** True when the JVM has the Vector API, with which the engine's float32 matrix products fuse multiply-adds. */
    private static final boolean FUSED_FLOAT_PRODUCTS =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private LensAssertions() {
    }

    /**
     * {@code actual} has {@code expected}'s shape, dtype and elements, to the last bit: the lenses round each
     * step as torch does. Only where the engine's float32 matrix products use fused multiply-adds (JVMs with the
     * Vector API) may float32 elements differ, by at most 1e-6 of the larger of 1 and the largest element.
     */
    static void assertSameValues(TensorValue expected, TensorValue actual, String where) {
        assertArrayEquals(expected.shape(), actual.shape(), where + ": shape");
        assertEquals(expected.dtype(), actual.dtype(), where + ": dtype");
        boolean fused = FUSED_FLOAT_PRODUCTS && expected.dtype().equals("float32");
        double tolerance = fused ? 1e-6 * Math.max(1, expected.maxAbs()) : 0;
        for (int i = 0; i < expected.numel(); i++) {
            double diff = Math.abs(expected.get(i) - actual.get(i));
            assertTrue(diff <= tolerance, where + ": element " + i + " is " + actual.get(i) + ", the engine's "
                    + expected.get(i));
        }
    }
}
