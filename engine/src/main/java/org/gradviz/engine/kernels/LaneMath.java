package org.gradviz.engine.kernels;

import org.gradviz.engine.CpuCapability;

/**
 * One element of a PyTorch 1.13 CPU kernel in this run's capability ({@link CpuCapability}), for the kernels that
 * split a loop into {@code Vectorized<T>} steps and a scalar rest: {@code vector} true for a lane of a
 * {@code Vectorized<T>} function, false for the {@code std::} call of the scalar loop.
 *
 * <p>On AVX2 a lane is SLEEF 3.5.1's u10 function ({@link SleefFloat}, {@link SleefDouble}, {@link SleefSpecial}).
 * With the default capability {@code Vectorized<T>} is {@code vec_base.h}'s, which maps every lane through the
 * {@code std::} function of T: glibc's float function ({@code expf}, {@code powf}, ...) for float32, its double one
 * for float64, as the scalar loop does, so {@code vector} changes nothing there. This class is where a lane's
 * function is chosen; kernels say only which loop an element is in.
 */
public final class LaneMath {
    private static final boolean SLEEF = !CpuCapability.SCALAR;

    private LaneMath() {
    }

    /**
     * Whether a lane is SLEEF's (AVX2), so a kernel may run its SLEEF port on whole vectors instead
     * ({@link VectorSleefFloat}, the per-vector choices of sin and cos).
     */
    public static boolean sleef() {
        return SLEEF;
    }

    // ----- float32

    public static float exp(float x, boolean vector) {
        return vector && SLEEF ? SleefFloat.exp(x) : GlibcMath.expf(x);
    }

    public static float log(float x, boolean vector) {
        return vector && SLEEF ? SleefFloat.log(x) : GlibcLog.logf(x);
    }

    public static float log1p(float x, boolean vector) {
        return vector && SLEEF ? SleefSpecial.log1p(x) : GlibcFloatSpecial.log1pf(x);
    }

    public static float expm1(float x, boolean vector) {
        return vector && SLEEF ? SleefSpecial.expm1(x) : GlibcFloatSpecial.expm1f(x);
    }

    public static float tanh(float x, boolean vector) {
        return vector && SLEEF ? SleefFloat.tanh(x) : GlibcFloatSpecial.tanhf(x);
    }

    /** A lane of {@code Vectorized<float>::log10}: SLEEF's {@code log10f8_u10}, or glibc's {@code log10f}. */
    public static float log10(float x) {
        return SLEEF ? SleefLogarithms.log10(x) : GlibcFloatSpecial.log10f(x);
    }

    public static float log2(float x) {
        return SLEEF ? SleefLogarithms.log2(x) : GlibcPowF.log2f(x);
    }

    /** A lane of {@code Vectorized<float>::pow}: {@code powf8_u10}, or glibc's {@code powf}. */
    public static float pow(float x, float y) {
        return SLEEF ? SleefFloat.pow(x, y) : GlibcPowF.powf(x, y);
    }

    // ----- float64

    public static double exp(double x, boolean vector) {
        return vector && SLEEF ? SleefDouble.exp(x) : GlibcMath.exp(x);
    }

    public static double log(double x, boolean vector) {
        return vector && SLEEF ? SleefDouble.log(x) : GlibcLog.log(x);
    }

    public static double log1p(double x, boolean vector) {
        return vector && SLEEF ? SleefDoubleSpecial.log1p(x) : GlibcLog.log1p(x);
    }

    public static double expm1(double x, boolean vector) {
        return vector && SLEEF ? SleefDoubleSpecial.expm1(x) : GlibcHyperbolic.expm1(x);
    }

    public static double erf(double x, boolean vector) {
        return vector && SLEEF ? SleefDoubleSpecial.erf(x) : GlibcErf.erf(x);
    }

    public static double tanh(double x, boolean vector) {
        return vector && SLEEF ? SleefDouble.tanh(x) : GlibcHyperbolic.tanh(x);
    }

    public static double log10(double x) {
        return SLEEF ? SleefLogarithms.log10(x) : GlibcLog.log10(x);
    }

    public static double log2(double x) {
        return SLEEF ? SleefLogarithms.log2(x) : GlibcLog.log2(x);
    }

    /** A lane of {@code Vectorized<double>::pow}: {@code powd4_u10}, or glibc's {@code pow}. */
    public static double pow(double x, double y) {
        return SLEEF ? SleefDouble.pow(x, y) : GlibcPow.pow(x, y);
    }
}
