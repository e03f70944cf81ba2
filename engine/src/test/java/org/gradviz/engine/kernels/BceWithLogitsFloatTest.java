package org.gradviz.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.gradviz.engine.VectorApi;
import org.gradviz.engine.testing.KernelPath;
import org.junit.jupiter.api.Test;

/**
 * The fused float32 BCE-with-logits loops (vector lanes in surefire's default execution, plain loops in its
 * plain-kernels one) against torch's op-by-op steps written out one element at a time with the scalar SLEEF and glibc
 * ports, for lengths around the vector blocks and inputs that include ±0, NaN, ±infinity, denormals and the exp range
 * edges.
 */
class BceWithLogitsFloatTest {
    private static final float[] SPECIAL = {
        0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, 104f, -104f, 105f, -105f, 100f, -100f, 88.7f, -88.7f, 1e-8f, -1e-8f, 17f, -17f,
    };

    private static float[][] inputs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 3 == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) (r.nextGaussian() * Math.pow(10, r.nextInt(5) - 2));
            t[i] = i % 4 == 0 ? r.nextFloat() : (i % 2);
        }
        return new float[][] {x, t};
    }

    private static void assertBits(float expected, float actual, String what) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), what + ": " + expected + " vs " + actual);
    }

    @Test
    void testsRunOnTheKernelPathOfTheirExecution() {
        assertEquals(KernelPath.vectorApiExpected(), VectorApi.PRESENT, KernelPath.describe());
    }

    @Test
    void lossHasTheBitsOfTorchsOpsOneByOne() {
        for (int n : new int[] {1, 7, 15, 16, 17, 31, 32, 33, 100, 3072}) {
            float[][] xt = inputs(n, n);
            float[] x = xt[0];
            float[] t = xt[1];
            float[] r = BceWithLogitsFloat.loss(x, t);
            for (int i = 0; i < n; i++) {
                // max_val = (-x).clamp_min(0); (1 - t)·x + max_val + log(exp(-max_val) + exp(-x - max_val))
                float m = Math.max(-x[i], 0f);
                float sum = SleefFloat.exp(-m) + SleefFloat.exp(-x[i] - m);
                float expected = ((1f - t[i]) * x[i] + m) + SleefFloat.log(sum);
                assertBits(expected, r[i], "loss(" + x[i] + ", " + t[i] + ") of " + n);
            }
        }
    }

    @Test
    void inputGradientIsSleefOverBlocksOfSixteenAndGlibcForTheRest() {
        for (int n : new int[] {1, 15, 16, 17, 31, 32, 33, 47, 100, 3072, 3075}) {
            float[][] xt = inputs(n, 100 + n);
            float[] x = xt[0];
            float[] t = xt[1];
            float g = 0.75f;
            float[] mean = BceWithLogitsFloat.inputGrad(x, t, g, true, n);
            float[] sum = BceWithLogitsFloat.inputGrad(x, t, g, false, n);
            int vectorized = n - n % 16;
            for (int i = 0; i < n; i++) {
                float sigmoid = i < vectorized ? 1f / (SleefFloat.exp(0f - x[i]) + 1f)
                        : 1f / (1f + GlibcMath.expf(-x[i]));
                float d = (sigmoid - t[i]) * g;
                assertBits(d, sum[i], "sum at " + i + " of " + n);
                assertBits(d / n, mean[i], "mean at " + i + " of " + n);
            }
        }
    }
}
