package org.gradviz.engine.kernels;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.SpareFloats;
import org.gradviz.engine.VectorApi;

/**
 * {@code binary_cross_entropy_with_logits} on float32 values in one pass over the elements, with the bits of PyTorch
 * 1.13's composition of ops: every intermediate is rounded to float as the op that makes it in torch rounds it, so
 * fusing the ops changes nothing. The vector parts use {@link VectorBceWithLogits} when the JVM has the Vector API.
 * With {@link CpuCapability#DEFAULT}, glibc's {@code expf} and {@code logf} on every element ({@link LaneMath}).
 */
public final class BceWithLogitsFloat {
    private BceWithLogitsFloat() {
    }

    /**
     * The element-wise loss (1-t)·x + m + ln(e^-m + e^(-x-m)) with m = max(-x, 0). One of e^-m, e^(-x-m) is e^0 = 1
     * exactly, so the sum is 1 + e^-|x|: the same bits with one exp fewer. exp and log are SLEEF's for every element
     * (torch's {@code vec::map} also covers the last partial vector).
     */
    public static float[] loss(float[] x, float[] t) {
        return loss(x, t, new float[x.length]);
    }

    /** {@link #loss(float[], float[])} into {@code r} (as long as x), which it returns. */
    public static float[] loss(float[] x, float[] t, float[] r) {
        int i = VectorApi.PRESENT && LaneMath.sleef() ? VectorBceWithLogits.loss(x, t, r) : 0;
        for (; i < r.length; i++) {
            r[i] = loss(x[i], t[i]);
        }
        return r;
    }

    static float loss(float x, float t) {
        float m = Math.max(-x, 0f);
        float sum = 1f + LaneMath.exp(-Math.abs(x), true);
        return ((1f - t) * x + m) + LaneMath.log(sum, true);
    }

    /**
     * The input's gradient ((σ(x) - t) · g), then / n when {@code mean}, each step rounded to float. σ is torch's
     * sigmoid kernel: SLEEF's exp over blocks of 16 ({@code cpu_kernel_vec}'s two vectors per step), glibc's
     * {@code expf} for the elements left over.
     */
    public static float[] inputGrad(float[] x, float[] t, float g, boolean mean, float n) {
        float[] r = SpareFloats.forOverwrite(x.length);
        int vectorized = x.length - x.length % (2 * SleefFloat.LANES);
        int i = VectorApi.PRESENT && LaneMath.sleef() ? VectorBceWithLogits.inputGrad(x, t, g, mean, n, r, vectorized)
                : 0;
        for (; i < vectorized; i++) {
            float e = LaneMath.exp(0f - x[i], true);
            r[i] = scaled(1f / (e + 1f), t[i], g, mean, n);
        }
        for (; i < x.length; i++) {
            float e = GlibcMath.expf(-x[i]);
            r[i] = scaled(1f / (1f + e), t[i], g, mean, n);
        }
        return r;
    }

    private static float scaled(float sigmoid, float t, float g, boolean mean, float n) {
        float d = (sigmoid - t) * g;
        return mean ? d / n : d;
    }
}
