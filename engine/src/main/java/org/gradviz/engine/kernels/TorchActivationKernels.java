package org.gradviz.engine.kernels;

import org.gradviz.engine.CpuCapability;

/**
 * PyTorch 1.13's CPU kernels for elu, silu, softplus and gelu (ATen's {@code Activation.cpp}) and their backward
 * kernels, as this machine runs them (AVX2 capability, one thread), over contiguous float32 or float64 values.
 *
 * <p>Each goes through {@code cpu_kernel_vec}'s {@code vectorized_loop}: two vectors per step (16 floats, 8
 * doubles) with SLEEF's u10 functions, then the elements left over one by one with the scalar {@code std::}
 * functions (glibc). The loops below split the same way: {@link #vectorized} elements first, each element's functions
 * chosen by {@link LaneMath} (glibc's in both loops with {@code ATEN_CPU_CAPABILITY=default}).
 *
 * <p>NOTE: {@code 1 + x * y} in these kernels is one fused multiply-add on AVX2, as GCC contracts it in the vector
 * loop and the scalar tail alike (as in tanh's backward); the default build rounds it twice
 * ({@link CpuCapability#mulAdd}).
 */
public final class TorchActivationKernels {
    private static final int F = SleefFloat.LANES;
    private static final int D = SleefDouble.LANES;
    private static final double SQRT1_2 = 0.70710678118654752440;
    private static final double TWO_SQRTPI = 1.12837916709551257390;
    private static final double SQRT2 = 1.41421356237309504880;

    private TorchActivationKernels() {
    }

    /** How many of {@code n} elements the vectorised loop takes: whole steps of two vectors of {@code lanes}. */
    public static int vectorized(int n, int lanes) {
        return n - n % (2 * lanes);
    }

    /** A float32 element function: the vector form (SLEEF) or the scalar one (glibc). */
    @FunctionalInterface
    private interface FloatFn {
        float apply(float x, boolean vector);
    }

    /** A float32 function of two elements (a gradient and an input). */
    @FunctionalInterface
    private interface FloatFn2 {
        float apply(float g, float x, boolean vector);
    }

    @FunctionalInterface
    private interface DoubleFn {
        double apply(double x, boolean vector);
    }

    @FunctionalInterface
    private interface DoubleFn2 {
        double apply(double g, double x, boolean vector);
    }

    private static float[] loop(float[] x, FloatFn f) {
        float[] r = new float[x.length];
        int v = vectorized(x.length, F);
        for (int i = 0; i < r.length; i++) {
            r[i] = f.apply(x[i], i < v);
        }
        return r;
    }

    private static float[] loop(float[] g, float[] x, FloatFn2 f) {
        float[] r = new float[x.length];
        int v = vectorized(x.length, F);
        for (int i = 0; i < r.length; i++) {
            r[i] = f.apply(g[i], x[i], i < v);
        }
        return r;
    }

    private static double[] loop(double[] x, DoubleFn f) {
        double[] r = new double[x.length];
        int v = vectorized(x.length, D);
        for (int i = 0; i < r.length; i++) {
            r[i] = f.apply(x[i], i < v);
        }
        return r;
    }

    private static double[] loop(double[] g, double[] x, DoubleFn2 f) {
        double[] r = new double[x.length];
        int v = vectorized(x.length, D);
        for (int i = 0; i < r.length; i++) {
            r[i] = f.apply(g[i], x[i], i < v);
        }
        return r;
    }

    // ----- elu (scale 1, input_scale 1)

    /** a > 0 ? a : (e^a - 1)·alpha. */
    public static float[] eluFloat(float[] x, float alpha) {
        return loop(x, (a, v) -> a > 0 || Float.isNaN(a) && !v ? a : (LaneMath.exp(a, v) - 1f) * alpha);
    }

    public static double[] eluDouble(double[] x, double alpha) {
        return loop(x, (a, v) -> a > 0 || Double.isNaN(a) && !v ? a : (LaneMath.exp(a, v) - 1d) * alpha);
    }

    /** elu_backward with is_result false: b > 0 ? g : g·1·alpha·e^b (b the input). */
    public static float[] eluBackwardFloat(float[] g, float[] x, float alpha) {
        return loop(g, x, (a, b, v) -> b > 0 || Float.isNaN(b) && !v ? a : a * 1f * alpha * LaneMath.exp(b, v));
    }

    public static double[] eluBackwardDouble(double[] g, double[] x, double alpha) {
        return loop(g, x, (a, b, v) -> b > 0 || Double.isNaN(b) && !v ? a : a * 1d * alpha * LaneMath.exp(b, v));
    }

    // ----- silu

    /** x / (1 + e^-x). */
    public static float[] siluFloat(float[] x) {
        return loop(x, (a, v) -> a / (1f + LaneMath.exp(-a, v)));
    }

    public static double[] siluDouble(double[] x) {
        return loop(x, (a, v) -> a / (1d + LaneMath.exp(-a, v)));
    }

    /** g·σ·(1 + x·(1 - σ)) with σ = 1 / (1 + e^-x). */
    public static float[] siluBackwardFloat(float[] g, float[] x) {
        return loop(g, x, (dy, a, v) -> {
            float s = 1f / (1f + LaneMath.exp(-a, v));
            return dy * s * CpuCapability.mulAdd(a, 1f - s, 1f);
        });
    }

    public static double[] siluBackwardDouble(double[] g, double[] x) {
        return loop(g, x, (dy, a, v) -> {
            double s = 1d / (1d + LaneMath.exp(-a, v));
            return dy * s * CpuCapability.mulAdd(a, 1d - s, 1d);
        });
    }

    // ----- softplus

    /** a·beta > threshold ? a : log1p(e^(a·beta)) / beta. */
    public static float[] softplusFloat(float[] x, float beta, float threshold) {
        return loop(x, (a, v) -> a * beta > threshold ? a
                : LaneMath.log1p(LaneMath.exp(a * beta, v), v) / beta);
    }

    public static double[] softplusDouble(double[] x, double beta, double threshold) {
        return loop(x, (a, v) -> a * beta > threshold ? a
                : LaneMath.log1p(LaneMath.exp(a * beta, v), v) / beta);
    }

    /** b·beta > threshold ? g : g·z / (z + 1) with z = e^(b·beta). */
    public static float[] softplusBackwardFloat(float[] g, float[] x, float beta, float threshold) {
        return loop(g, x, (a, b, v) -> {
            float z = LaneMath.exp(b * beta, v);
            return b * beta > threshold ? a : a * z / (z + 1f);
        });
    }

    public static double[] softplusBackwardDouble(double[] g, double[] x, double beta, double threshold) {
        return loop(g, x, (a, b, v) -> {
            double z = LaneMath.exp(b * beta, v);
            return b * beta > threshold ? a : a * z / (z + 1d);
        });
    }

    // ----- gelu

    /** x·0.5·(1 + erf(x·√½)): torch runs oneDNN's kernel for float32 ({@link OneDnnGelu}). */
    public static float[] geluFloat(float[] x) {
        return loop(x, (a, v) -> OneDnnGelu.forward(a));
    }

    public static double[] geluDouble(double[] x) {
        return loop(x, (a, v) -> a * 0.5 * (1d + LaneMath.erf(a * SQRT1_2, v)));
    }

    /** g·(cdf + x·pdf) as oneDNN's gelu_erf backward computes it for float32: its derivative times g. */
    public static float[] geluBackwardFloat(float[] g, float[] x) {
        return loop(g, x, (dy, a, v) -> OneDnnGelu.derivative(a) * dy);
    }

    /** g·(cdf + x·pdf), cdf = 0.5·(1 + erf(x·√½)), pdf = (2/√π·√½·0.5)·e^(x·x·-0.5). */
    public static double[] geluBackwardDouble(double[] g, double[] x) {
        double beta = TWO_SQRTPI * SQRT1_2 * 0.5;
        return loop(g, x, (dy, a, v) -> {
            double cdf = 0.5 * (1d + LaneMath.erf(a * SQRT1_2, v));
            double pdf = beta * LaneMath.exp(a * a * -0.5, v);
            // NOTE: GCC fuses cdf + x·pdf in the vector loop only
            return dy * (v ? CpuCapability.mulAdd(a, pdf, cdf) : cdf + a * pdf);
        });
    }

    /** approximate='tanh': 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
    public static float[] geluTanhFloat(float[] x) {
        float beta = (float) (SQRT2 * TWO_SQRTPI * 0.5);
        float kappa = 0.044715f;
        return loop(x, (a, v) -> {
            float cube = a * a * a;
            float inner = beta * CpuCapability.mulAdd(kappa, cube, a);
            return 0.5f * a * (1f + LaneMath.tanh(inner, v));
        });
    }

    public static double[] geluTanhDouble(double[] x) {
        double beta = SQRT2 * TWO_SQRTPI * 0.5;
        double kappa = 0.044715;
        return loop(x, (a, v) -> {
            double cube = a * a * a;
            double inner = beta * CpuCapability.mulAdd(kappa, cube, a);
            return 0.5 * a * (1d + LaneMath.tanh(inner, v));
        });
    }

    public static float[] geluTanhBackwardFloat(float[] g, float[] x) {
        float beta = (float) (SQRT2 * TWO_SQRTPI * 0.5);
        float kappa = 0.044715f;
        float threeKappa = 3f * kappa;
        return loop(g, x, (dy, a, v) -> {
            float sq = a * a;
            float cube = v ? a * a * a : sq * a;
            float inner = beta * CpuCapability.mulAdd(kappa, cube, a);
            float t = LaneMath.tanh(inner, v);
            float left = 0.5f * a;
            float right = 1f + t;
            float leftDerivative = 0.5f * right;
            float tanhDerivative = CpuCapability.mulAdd(-t, t, 1f);
            float innerDerivative = beta * CpuCapability.mulAdd(threeKappa, sq, 1f);
            float rightDerivative = left * tanhDerivative * innerDerivative;
            return dy * (leftDerivative + rightDerivative);
        });
    }

    public static double[] geluTanhBackwardDouble(double[] g, double[] x) {
        double beta = SQRT2 * TWO_SQRTPI * 0.5;
        double kappa = 0.044715;
        double threeKappa = 3 * kappa;
        return loop(g, x, (dy, a, v) -> {
            double sq = a * a;
            double cube = v ? a * a * a : sq * a;
            double inner = beta * CpuCapability.mulAdd(kappa, cube, a);
            double t = LaneMath.tanh(inner, v);
            double left = 0.5 * a;
            double right = 1d + t;
            double leftDerivative = 0.5 * right;
            double tanhDerivative = CpuCapability.mulAdd(-t, t, 1d);
            double innerDerivative = beta * CpuCapability.mulAdd(threeKappa, sq, 1d);
            double rightDerivative = left * tanhDerivative * innerDerivative;
            return dy * (leftDerivative + rightDerivative);
        });
    }
}
