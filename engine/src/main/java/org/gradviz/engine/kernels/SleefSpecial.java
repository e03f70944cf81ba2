package org.gradviz.engine.kernels;

/**
 * log1p, expm1, erf and tanh as PyTorch 1.13's vectorised CPU loops compute them ({@code vector} true: SLEEF 3.5.1's
 * {@code Sleef_log1pf8_u10}, {@code Sleef_expm1f8_u10}, ATen's own float {@code erf}, SLEEF's tanh) or as its scalar
 * tail does ({@code std::log1p}, ... of glibc).
 *
 * <p>Ports: float32 vector log1p and expm1 (SLEEF), erf (ATen's Abramowitz–Stegun form) and tanh ({@link SleefFloat});
 * float32 scalar log1pf, expm1f and tanhf (glibc, {@link GlibcFloatSpecial}); float64 vector log1p, expm1 and erf
 * ({@link SleefDoubleSpecial}) and tanh ({@link SleefDouble}); float64 scalar log1p, expm1 and tanh
 * ({@link StrictMath}, fdlibm's, as glibc's are) and erf (glibc's, below). NOTE: the float32 scalar erf is glibc's
 * double erf rounded to float, not glibc's erff (torch's float gelu runs oneDNN instead, see TorchActivationsTest).
 */
public final class SleefSpecial {
    private static final float L2UF = 0.693145751953125f;
    private static final float L2LF = 1.428606765330187045e-06f;
    private static final float R_LN2F = (float) 1.442695040888963407359924681001892137426645954152985934135449406931;

    private SleefSpecial() {
    }

    // ----- float32

    public static float log1p(float d, boolean vector) {
        return vector ? log1pVector(d) : GlibcFloatSpecial.log1pf(d);
    }

    public static float expm1(float a, boolean vector) {
        return vector ? expm1Vector(a) : GlibcFloatSpecial.expm1f(a);
    }

    public static float erf(float x, boolean vector) {
        return vector ? erfVector(x) : (float) erf((double) x);
    }

    public static float tanh(float x, boolean vector) {
        return vector ? SleefFloat.tanh(x) : GlibcFloatSpecial.tanhf(x);
    }

    // ----- float64

    public static double log1p(double d, boolean vector) {
        return vector ? SleefDoubleSpecial.log1p(d) : StrictMath.log1p(d);
    }

    public static double expm1(double a, boolean vector) {
        return vector ? SleefDoubleSpecial.expm1(a) : StrictMath.expm1(a);
    }

    public static double erf(double x, boolean vector) {
        return vector ? SleefDoubleSpecial.erf(x) : erf(x);
    }

    public static double tanh(double x, boolean vector) {
        return vector ? SleefDouble.tanh(x) : StrictMath.tanh(x);
    }

    /** {@code Sleef_log1pf8_u10} (xlog1pf, AVX2 path) of one lane. */
    static float log1pVector(float d) {
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
        float x2 = qx * qx;
        float p = 0.3027294874f;
        p = Math.fma(p, x2, 0.3996108174f);
        p = Math.fma(p, x2, 0.6666694880f);
        // s = dfadd(s, dfscale(x, 2))
        float ax = qx * 2f;
        float ay = qy * 2f;
        float s1 = sx + ax;
        float s1y = (((sx - s1) + ax) + sy) + ay;
        // s = dfadd(s, x2 * x.x * p)
        float z = (x2 * qx) * p;
        float s2 = s1 + z;
        float s2y = ((s1 - s2) + z) + s1y;
        float r = s2 + s2y;
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
    static float expm1Vector(float a) {
        float[] d = expk2(a);
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
    static float erfVector(float x) {
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

    /** expk2f: e^(d, 0) as a float-float pair (as SLEEF's tanhf and expm1f use it). */
    private static float[] expk2(float d) {
        float u = (d + 0f) * R_LN2F;
        int q = SleefFloat.rintToInt(u);
        float fq = q;
        float[] s = {d, 0};
        dfadd2(s, fq * -L2UF);
        dfadd2(s, fq * -L2LF);
        float sx = s[0];
        float sy = s[1];
        u = 0.1980960224e-3f;
        u = Math.fma(u, sx, 0.1394256484e-2f);
        u = Math.fma(u, sx, 0.8333456703e-2f);
        u = Math.fma(u, sx, 0.4166637361e-1f);
        float[] t = {sx * u, 0};
        t[1] = Math.fma(sy, u, Math.fma(sx, u, -t[0]));
        dfadd2(t, 0.166666659414234244790680580464e+0f);
        float mx = sx * t[0];
        float my = Math.fma(sx, t[1], Math.fma(sy, t[0], Math.fma(sx, t[0], -mx)));
        t[0] = mx;
        t[1] = my;
        dfadd2(t, 0.5f);
        float qx = sx * sx;
        float qy = Math.fma(sx + sx, sy, Math.fma(sx, sx, -qx));
        float px = qx * t[0];
        float py = Math.fma(qx, t[1], Math.fma(qy, t[0], Math.fma(qx, t[0], -px)));
        float a = sx + px;
        float av = a - sx;
        float at = (sx - (a - av)) + (px - av);
        float ay = at + (sy + py);
        float rx = 1f + a;
        float ry = ((1f - rx) + a) + ay;
        rx = ldexp2(rx, q);
        ry = ldexp2(ry, q);
        if (d < -104) {
            rx = 0f;
            ry = 0f;
        }
        return new float[] {rx, ry};
    }

    private static void dfadd2(float[] s, float y) {
        float x = s[0];
        float r = x + y;
        float v = r - x;
        float t = (x - (r - v)) + (y - v);
        s[0] = r;
        s[1] = t + s[1];
    }

    private static int ilogb2k(float d) {
        return ((Float.floatToRawIntBits(d) >>> 23) & 0xff) - 0x7f;
    }

    private static float ldexp3(float d, int q) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(d) + (q << 23));
    }

    private static float pow2i(int q) {
        return Float.intBitsToFloat((q + 0x7f) << 23);
    }

    private static float ldexp2(float d, int e) {
        return d * pow2i(e >> 1) * pow2i(e - (e >> 1));
    }

    // ----- erf of a double (glibc 2.36's s_erf.c, fdlibm's algorithm)

    private static final double ERX = 8.45062911510467529297e-01;
    private static final double EFX = 1.28379167095512586316e-01;
    private static final double[] PP = {1.28379167095512558561e-01, -3.25042107247001499370e-01,
        -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05};
    private static final double[] QQ = {0.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02,
        5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06};
    private static final double[] PA = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,
        -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01,
        3.54783043256182359371e-02, -2.16637559486879084300e-03};
    private static final double[] QA = {0.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01,
        7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02,
        1.19844998467991074170e-02};
    private static final double[] RA = {-9.86494403484714822705e-03, -6.93858572707181764372e-01,
        -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02,
        -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00};
    private static final double[] SA = {0.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02,
        4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02,
        1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02};
    private static final double[] RB = {-9.86494292470009928597e-03, -7.99283237680523006574e-01,
        -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02,
        -1.02509513161107724954e+03, -4.83519191608651397019e+02};
    private static final double[] SB = {0.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02,
        1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03,
        4.74528541206955367215e+02, -2.24409524465858183362e+01};

    /** glibc 2.36's {@code erf} (no fused multiply-adds; its exp is glibc's). */
    static double erf(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            return Double.isNaN(x) ? x : Math.copySign(1.0, x);
        }
        if (ix < 0x3feb0000) {
            if (ix < 0x3e300000) {
                if (ix < 0x00800000) {
                    return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
                }
                return x + EFX * x;
            }
            double z = x * x;
            double r1 = PP[0] + z * PP[1];
            double z2 = z * z;
            double r2 = PP[2] + z * PP[3];
            double z4 = z2 * z2;
            double s1 = 1.0 + z * QQ[1];
            double s2 = QQ[2] + z * QQ[3];
            double s3 = QQ[4] + z * QQ[5];
            double r = r1 + z2 * r2 + z4 * PP[4];
            double s = s1 + z2 * s2 + z4 * s3;
            double y = r / s;
            return x + x * y;
        }
        if (ix < 0x3ff40000) {
            double s = Math.abs(x) - 1.0;
            double p1 = PA[0] + s * PA[1];
            double s2 = s * s;
            double q1 = 1.0 + s * QA[1];
            double s4 = s2 * s2;
            double p2 = PA[2] + s * PA[3];
            double s6 = s4 * s2;
            double q2 = QA[2] + s * QA[3];
            double p3 = PA[4] + s * PA[5];
            double q3 = QA[4] + s * QA[5];
            double p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6];
            double q = q1 + s2 * q2 + s4 * q3 + s6 * QA[6];
            return hx >= 0 ? ERX + p / q : -ERX - p / q;
        }
        if (ix >= 0x40180000) {
            return hx >= 0 ? 1.0 - 1e-300 : 1e-300 - 1.0;
        }
        double ax = Math.abs(x);
        double s = 1.0 / (ax * ax);
        double bigR;
        double bigS;
        if (ix < 0x4006DB6E) {
            double r1 = RA[0] + s * RA[1];
            double s2 = s * s;
            double t1 = 1.0 + s * SA[1];
            double s4 = s2 * s2;
            double r2 = RA[2] + s * RA[3];
            double s6 = s4 * s2;
            double t2 = SA[2] + s * SA[3];
            double s8 = s4 * s4;
            double r3 = RA[4] + s * RA[5];
            double t3 = SA[4] + s * SA[5];
            double r4 = RA[6] + s * RA[7];
            double t4 = SA[6] + s * SA[7];
            bigR = r1 + s2 * r2 + s4 * r3 + s6 * r4;
            bigS = t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA[8];
        } else {
            double r1 = RB[0] + s * RB[1];
            double s2 = s * s;
            double t1 = 1.0 + s * SB[1];
            double s4 = s2 * s2;
            double r2 = RB[2] + s * RB[3];
            double s6 = s4 * s2;
            double t2 = SB[2] + s * SB[3];
            double r3 = RB[4] + s * RB[5];
            double t3 = SB[4] + s * SB[5];
            double t4 = SB[6] + s * SB[7];
            bigR = r1 + s2 * r2 + s4 * r3 + s6 * RB[6];
            bigS = t1 + s2 * t2 + s4 * t3 + s6 * t4;
        }
        double z = Double.longBitsToDouble(Double.doubleToRawLongBits(ax) & 0xffffffff00000000L);
        double r = GlibcMath.exp(-z * z - 0.5625) * GlibcMath.exp((z - ax) * (z + ax) + bigR / bigS);
        return hx >= 0 ? 1.0 - r / ax : r / ax - 1.0;
    }
}
