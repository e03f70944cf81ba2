package org.gradviz.engine.kernels;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.VectorApi;

/**
 * PyTorch 1.13's CPU kernels for sin, cos, exp, log, tanh and sigmoid on contiguous data, as this machine
 * runs them (AVX2 capability, one thread), over float32 ({@code float[]}) or float64 ({@code double[]}) values.
 *
 * <p>Two loops, as in ATen:
 * <ul>
 *   <li>sin, cos, exp, log, tanh go through {@code at::vml} ({@code vec::map}): vectors from the first
 *   element, the last partial vector loaded with zeros in its empty lanes; every element is SLEEF's.</li>
 *   <li>sigmoid goes through {@code cpu_kernel_vec}'s {@code vectorized_loop}: two vectors per step,
 *   then the elements left over (up to 15 in float32, 7 in float64) one by one with {@code std::exp}.</li>
 * </ul>
 * With the Vector API ({@link VectorApi#PRESENT}) the SLEEF parts run on whole vectors ({@link VectorSleefFloat}),
 * with the same bits. With {@link CpuCapability#DEFAULT} ({@code ATEN_CPU_CAPABILITY=default}) every element is glibc's
 * ({@code std::exp} and so on, as torch's generic {@code Vectorized} maps them); {@link LaneMath} decides.
 */
public final class TorchUnaryKernels {
    private static final int F = SleefFloat.LANES;
    private static final int D = SleefDouble.LANES;

    private TorchUnaryKernels() {
    }

    // ----- float32

    public static float[] sinFloat(float[] x) {
        return trigFloat(x, true);
    }

    public static float[] cosFloat(float[] x) {
        return trigFloat(x, false);
    }

    /** sin or cos: the reduction is chosen per vector of 8 (see {@link SleefFloat}). */
    private static float[] trigFloat(float[] x, boolean sin) {
        float[] r = new float[x.length];
        if (!LaneMath.sleef()) {
            for (int i = 0; i < r.length; i++) {
                r[i] = sin ? GlibcSinCosF.sinf(x[i]) : GlibcSinCosF.cosf(x[i]);
            }
            return r;
        }
        for (int start = 0; start < x.length; start += F) {
            int end = Math.min(start + F, x.length);
            boolean payneHanek = false;
            for (int i = start; i < end; i++) {
                payneHanek |= SleefFloat.needsPayneHanek(x[i]);
            }
            for (int i = start; i < end; i++) {
                r[i] = sin ? SleefFloat.sin(x[i], payneHanek) : SleefFloat.cos(x[i], payneHanek);
            }
        }
        return r;
    }

    public static float[] expFloat(float[] x) {
        float[] r = new float[x.length];
        if (VectorApi.PRESENT && LaneMath.sleef()) {
            VectorSleefFloat.exp(x, r, 0, r.length);
            return r;
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = LaneMath.exp(x[i], true);
        }
        return r;
    }

    public static float[] logFloat(float[] x) {
        float[] r = new float[x.length];
        if (VectorApi.PRESENT && LaneMath.sleef()) {
            VectorSleefFloat.log(x, r, 0, r.length);
            return r;
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = LaneMath.log(x[i], true);
        }
        return r;
    }

    public static float[] tanhFloat(float[] x) {
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = LaneMath.tanh(x[i], true);
        }
        return r;
    }

    /**
     * 1 / (1 + e^-x): SLEEF's exp over blocks of 16, glibc's {@code expf} for the rest, each step
     * rounded to float.
     */
    public static float[] sigmoidFloat(float[] x) {
        float[] r = new float[x.length];
        int vectorized = x.length - x.length % (2 * F);
        int i = VectorApi.PRESENT && LaneMath.sleef() ? VectorSleefFloat.sigmoid(x, r, vectorized) : 0;
        for (; i < vectorized; i++) {
            // NOTE: the vector kernel negates as 0 - x, which only differs from -x at 0 (same exp)
            float e = LaneMath.exp(0f - x[i], true);
            r[i] = 1f / (e + 1f);
        }
        for (; i < x.length; i++) {
            float e = GlibcMath.expf(-x[i]);
            r[i] = 1f / (1f + e);
        }
        return r;
    }

    // ----- float64

    public static double[] sinDouble(double[] x) {
        return trigDouble(x, true);
    }

    public static double[] cosDouble(double[] x) {
        return trigDouble(x, false);
    }

    /** sin or cos: the reduction is chosen per vector of 4 (see {@link SleefDouble}). */
    private static double[] trigDouble(double[] x, boolean sin) {
        double[] r = new double[x.length];
        if (!LaneMath.sleef()) {
            for (int i = 0; i < r.length; i++) {
                r[i] = sin ? GlibcSinCos.sin(x[i]) : GlibcSinCos.cos(x[i]);
            }
            return r;
        }
        for (int start = 0; start < x.length; start += D) {
            int end = Math.min(start + D, x.length);
            int range = 0;
            for (int i = start; i < end; i++) {
                range = Math.max(range, SleefDouble.reduction(x[i]));
            }
            for (int i = start; i < end; i++) {
                r[i] = sin ? SleefDouble.sin(x[i], range) : SleefDouble.cos(x[i], range);
            }
        }
        return r;
    }

    public static double[] expDouble(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = LaneMath.exp(x[i], true);
        }
        return r;
    }

    public static double[] logDouble(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = LaneMath.log(x[i], true);
        }
        return r;
    }

    public static double[] tanhDouble(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = LaneMath.tanh(x[i], true);
        }
        return r;
    }

    /** 1 / (1 + e^-x): SLEEF's exp over blocks of 8, glibc's {@code exp} for the rest. */
    public static double[] sigmoidDouble(double[] x) {
        double[] r = new double[x.length];
        int vectorized = x.length - x.length % (2 * D);
        for (int i = 0; i < vectorized; i++) {
            double e = LaneMath.exp(0d - x[i], true);
            r[i] = 1d / (e + 1d);
        }
        for (int i = vectorized; i < x.length; i++) {
            r[i] = 1d / (1d + GlibcMath.exp(-x[i]));
        }
        return r;
    }
}
