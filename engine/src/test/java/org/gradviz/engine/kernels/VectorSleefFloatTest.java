package org.gradviz.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.gradviz.engine.VectorApi;
import org.junit.jupiter.api.Test;

/**
 * The Vector API exp, log and sigmoid against the scalar SLEEF port ({@link SleefFloat}, itself checked against torch
 * 1.13) lane by lane: a sweep over every 251st float bit pattern (17 million values of both signs, denormals, NaNs and
 * infinities among them) and the edges of each function's ranges. NaNs compare as NaN (payloads aside).
 */
class VectorSleefFloatTest {
    private static final int L = VectorSleefFloat.LANES;

    /** Special values and the edges where exp under- or overflows and log scales denormals. */
    private static final float[] EDGES = {
        0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, -Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), Math.nextUp(Float.MIN_NORMAL),
        Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f, 0.75f, Math.nextUp(0.75f), Math.nextDown(0.75f), 2f, 0.5f,
        -104f, Math.nextDown(-104f), Math.nextUp(-104f), 100f, Math.nextUp(100f), Math.nextDown(100f),
        88.72284f, 88.72283f, 88.7229f, -87.33655f, -103.97208f, -103.9721f, -87.3f, -88f, -89f, -95f, -100f,
        0.34657359f, -0.34657359f, 0x1p-24f, -0x1p-24f, 0x1p22f, -0x1p22f, 0x1p23f, 3e6f, -3e6f, 0x1p31f, -0x1p31f,
        1.0000001f, 0.99999994f, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000),
    };

    @Test
    void testsRunWithTheVectorApi() {
        assertTrue(VectorApi.PRESENT, "surefire's argLine adds jdk.incubator.vector");
    }

    @Test
    void expOfEveryLaneHasTheScalarPortsBits() {
        sweep((x, r) -> VectorSleefFloat.exp(x, 0, r, 0), SleefFloat::exp, "exp");
    }

    @Test
    void logOfEveryLaneHasTheScalarPortsBits() {
        sweep((x, r) -> VectorSleefFloat.log(x, 0, r, 0), SleefFloat::log, "log");
    }

    @Test
    void sigmoidOfEveryLaneHasTheScalarVectorLoopsBits() {
        sweep((x, r) -> VectorSleefFloat.sigmoid(x, r, L), x -> 1f / (SleefFloat.exp(0f - x) + 1f), "sigmoid");
    }

    @Test
    void expNearEveryHalfIntegerMultipleOfLn2RoundsTheExponentAsTheScalarPort() {
        // d·(1/ln 2) close to k + 1/2: the rounding of the exponent, ties to even
        float[] x = new float[2 * 300 * 64];
        int n = 0;
        for (int k = -300; k < 300; k++) {
            float d = (float) ((k + 0.5) * Math.log(2));
            for (int ulp = -32; ulp < 32; ulp++) {
                x[n++] = d;
                d = Math.nextUp(d);
            }
        }
        check(x, n, (v, r) -> VectorSleefFloat.exp(v, 0, r, 0), SleefFloat::exp, "exp");
    }

    @Test
    void arrayLoopsFinishTheLastPartialVectorWithTheScalarPort() {
        float[] x = new float[3 * L + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - 20) * 0.37f;
        }
        float[] e = new float[x.length];
        float[] g = new float[x.length];
        VectorSleefFloat.exp(x, e, 2, x.length);
        VectorSleefFloat.log(x, g, 2, x.length);
        assertEquals(0f, e[0]);
        assertEquals(0f, g[1]);
        for (int i = 2; i < x.length; i++) {
            assertEquals(Float.floatToIntBits(SleefFloat.exp(x[i])), Float.floatToIntBits(e[i]), "exp at " + i);
            assertEquals(Float.floatToIntBits(SleefFloat.log(x[i])), Float.floatToIntBits(g[i]), "log at " + i);
        }
    }

    /** A vector function from the first {@link #L} values of one array into another. */
    private interface OneVector {
        void apply(float[] x, float[] r);
    }

    private static void sweep(OneVector vector, UnaryOperator<Float> scalar, String name) {
        check(EDGES, EDGES.length, vector, scalar, name);
        float[] block = new float[1 << 16];
        int n = 0;
        for (long bits = 0; bits <= 0xffffffffL; bits += 251) {
            block[n++] = Float.intBitsToFloat((int) bits);
            if (n == block.length) {
                check(block, n, vector, scalar, name);
                n = 0;
            }
        }
        check(block, n, vector, scalar, name);
    }

    /** Every lane of the vectors over x[0..n) (the last one padded with its first value) against the scalar. */
    private static void check(float[] x, int n, OneVector vector, UnaryOperator<Float> scalar,
            String name) {
        float[] lanes = new float[L];
        float[] out = new float[L];
        for (int start = 0; start < n; start += L) {
            for (int l = 0; l < L; l++) {
                lanes[l] = start + l < n ? x[start + l] : x[start];
            }
            vector.apply(lanes, out);
            for (int l = 0; l < L; l++) {
                float expected = scalar.apply(lanes[l]);
                if (Float.floatToIntBits(expected) != Float.floatToIntBits(out[l])) {
                    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(out[l]),
                            name + "(" + lanes[l] + " = 0x" + Integer.toHexString(Float.floatToRawIntBits(lanes[l]))
                                    + "): scalar " + expected + ", vector " + out[l]);
                }
            }
        }
    }
}
