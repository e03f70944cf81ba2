package org.gradviz.engine.kernels;

/**
 * SLEEF 3.5.1's {@code Sleef_log1pf8_u10} and {@code Sleef_expm1f8_u10} and ATen's own AVX2 float {@code erf}, one
 * lane at a time: what PyTorch 1.13's AVX2 kernels compute for a float32 lane ({@link LaneMath} chooses them; the
 * float64 ones are in {@link SleefDoubleSpecial}).
 */
public final class SleefSpecial {

    private SleefSpecial() {
    }

    /** {@code Sleef_log1pf8_u10} (xlog1pf, AVX2 path) of one lane. */
    public static float log1p(float d) {
        float dp1 = d + 1f;
        boolean o = dp1 < Float.MIN_NORMAL;
        if (o) {
            dp1 = dp1 * 0x1p64f;
        }
        int e = ilogb2k(dp1 * (1.0f / 0.75f));
        float t = ldexp3(1f, -e);
        float m = Math.fma(d, t, t - 1f);
        if (o) {
            e -= 64;
        }
        // s = dfmul((ln2 hi, lo), e)
        float fe = e;
        float lnHi = 0.69314718246459960938f;
        float lnLo = -1.904654323148236017e-09f;
        float sx = lnHi * fe;
        float sy = Math.fma(lnLo, fe, Math.fma(lnHi, fe, -sx));
        // x = dfdiv((m, 0), dfadd(2, m))
        float dx = 2f + m;
        float dy = (2f - dx) + m;
        float r1 = 1.0f / dx;
        float qx = m * r1;
        float u = Math.fma(r1, m, -qx);
        float v = Math.fma(-dy, r1, Math.fma(-dx, r1, 1f));
        float qy = Math.fma(qx, v, Math.fma(0f, r1, u));
        float r = SleefFloat.logSeries(sx, sy, qx, qy);
        if (d > 1e+38f) {
            r = Float.POSITIVE_INFINITY;
        }
        if (-1f > d) {
            r = Float.NaN;
        }
        if (d == -1f) {
            r = Float.NEGATIVE_INFINITY;
        }
        if (Float.floatToRawIntBits(d) == 0x80000000) {
            r = -0.0f;
        }
        return r;
    }

    /** {@code Sleef_expm1f8_u10} (xexpm1f) of one lane. */
    public static float expm1(float a) {
        float[] d = SleefFloat.expk2(a);
        // dfadd2(d, -1)
        float x = d[0];
        float s = x + -1f;
        float v = s - x;
        float t = (x - (s - v)) + (-1f - v);
        float r = s + (t + d[1]);
        if (a > 88.72283172607421875f) {
            r = Float.POSITIVE_INFINITY;
        }
        if (a < -16.635532333438687426013570f) {
            r = -1f;
        }
        if (Float.floatToRawIntBits(a) == 0x80000000) {
            r = -0.0f;
        }
        return r;
    }

    /**
     * ATen's {@code Vectorized<float>::erf} (AVX2): Abramowitz and Stegun's 7.1.26 with fused multiply-adds and SLEEF's
     * exp, sign(x)·(1 - r·t·e^(-x²)), t = 1 / (0.3275911·|x| + 1).
     */
    public static float erf(float x) {
        int sign = Float.floatToRawIntBits(x) & 0x80000000;
        float abs = Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ sign);
        float t = 1f / Math.fma(0.3275911f, abs, 1f);
        float r = Math.fma(1.061405429f, t, -1.453152027f);
        r = Math.fma(r, t, 1.421413741f);
        r = Math.fma(r, t, -0.284496736f);
        r = Math.fma(r, t, 0.254829592f);
        float e = SleefFloat.exp(-(x * x));
        float y = Math.fma(-e * t, r, 1f);
        return Float.intBitsToFloat(Float.floatToRawIntBits(y) ^ sign);
    }

    private static int ilogb2k(float d) {
        return ((Float.floatToRawIntBits(d) >>> 23) & 0xff) - 0x7f;
    }

    private static float ldexp3(float d, int q) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(d) + (q << 23));
    }
}
