package org.gradviz.engine.random;

/**
 * float32 {@code log} and {@code sincos} as PyTorch's AVX2 kernel computes them: the
 * Cephes-style polynomials of {@code avx_mathfun.h} ({@code log256_ps},
 * {@code sincos256_ps}), one lane at a time.
 *
 * <p>NOTE: PyTorch compiles that kernel with {@code -mavx2 -mfma} and GCC's default
 * {@code -ffp-contract=fast}, so every multiply whose only use is an add or subtract
 * becomes one fused multiply-add. {@link Math#fma(float, float, float)} reproduces
 * exactly that; where two products meet in one sum, the first product in source order
 * is the fused one. Golden data from an AVX2 machine confirms the choice bit for bit.
 */
final class AvxMathFun {
    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final float[] LOG_P = {
        7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f, 1.4249322787E-1f,
        -1.6668057665E-1f, 2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f,
    };
    private static final float LOG_Q1 = -2.12194440e-4f;
    private static final float LOG_Q2 = 0.693359375f;

    private static final float FOUR_OVER_PI = 1.27323954473516f;
    private static final float MINUS_DP1 = -0.78515625f;
    private static final float MINUS_DP2 = -2.4187564849853515625e-4f;
    private static final float MINUS_DP3 = -3.77489497744594108e-8f;
    private static final float[] SIN_P = {-1.9515295891E-4f, 8.3321608736E-3f, -1.6666654611E-1f};
    private static final float[] COS_P = {2.443315711809948E-005f, -1.388731625493765E-003f, 4.166664568298827E-002f};
    private static final int SIGN_BIT = 0x80000000;

    private AvxMathFun() {
    }

    /** {@code log256_ps} for one positive float (the only inputs Box–Muller gives it). */
    static float log(float value) {
        int bits = Float.floatToRawIntBits(Math.max(value, Float.MIN_NORMAL));
        // split into exponent e and mantissa x in [0.5, 1)
        float x = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f));
        float e = (float) ((bits >>> 23) - 0x7f) + 1f;
        boolean small = x < SQRT_HALF;
        float tmp = small ? x : 0f;
        x = x - 1f;
        e = e - (small ? 1f : 0f);
        x = x + tmp;
        float z = x * x;
        float y = LOG_P[0];
        for (int i = 1; i < LOG_P.length; i++) {
            y = Math.fma(y, x, LOG_P[i]);
        }
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(-z, 0.5f, y);
        x = x + y;
        return Math.fma(e, LOG_Q2, x);
    }

    /** {@code sincos256_ps} for one float: returns {sin, cos}. */
    static float[] sincos(float value) {
        int signSin = Float.floatToRawIntBits(value) & SIGN_BIT;
        float x = Math.abs(value);
        // octant j = (int(x * 4/pi) + 1) & ~1
        int j = ((int) (x * FOUR_OVER_PI) + 1) & ~1;
        float y = j;
        int swapSignSin = (j & 4) << 29;
        boolean sinPolynomialIsSine = (j & 2) == 0;
        // extended precision modular arithmetic: x - j * pi/4 in three pieces
        x = Math.fma(y, MINUS_DP1, x);
        x = Math.fma(y, MINUS_DP2, x);
        x = Math.fma(y, MINUS_DP3, x);
        int signCos = (~(j - 2) & 4) << 29;
        signSin ^= swapSignSin;

        float z = x * x;
        float cosPoly = Math.fma(Math.fma(COS_P[0], z, COS_P[1]), z, COS_P[2]);
        cosPoly = cosPoly * z;
        cosPoly = Math.fma(cosPoly, z, -(z * 0.5f));
        cosPoly = cosPoly + 1f;
        float sinPoly = Math.fma(Math.fma(SIN_P[0], z, SIN_P[1]), z, SIN_P[2]);
        sinPoly = sinPoly * z;
        sinPoly = Math.fma(sinPoly, x, x);

        // the kernel blends the two polynomials with masks and adds a +0 to each
        float sinPart = sinPolynomialIsSine ? sinPoly : 0f;
        float cosPart = sinPolynomialIsSine ? 0f : cosPoly;
        float sin = cosPart + sinPart;
        float cos = (cosPoly - cosPart) + (sinPoly - sinPart);
        return new float[] {
            Float.intBitsToFloat(Float.floatToRawIntBits(sin) ^ signSin),
            Float.intBitsToFloat(Float.floatToRawIntBits(cos) ^ signCos),
        };
    }
}
