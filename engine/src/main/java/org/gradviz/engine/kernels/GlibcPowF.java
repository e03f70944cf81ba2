package org.gradviz.engine.kernels;

/**
 * glibc 2.36's {@code powf} as its x86-64 FMA variant ({@code __powf_fma}) computes it: what {@code std::pow} of two
 * floats calls, so what PyTorch's default (scalar) build runs on every lane of a float32 {@code Vectorized::pow}.
 * log2(x) in double from a 16-entry table and a degree-5 polynomial, times y, then 2^(y·log2 x) from
 * {@link GlibcMath}'s 32-entry table, rounded once to float. Each {@code a*b + c} of the C source is one fused
 * multiply-add, as GCC contracts it. Also {@code log2f} ({@code __log2f_fma}), which shares powf's table.
 */
public final class GlibcPowF {
    private static final int OFF = 0x3f330000;
    private static final int LOG2_TABLE_BITS = 4;
    private static final int EXP2_TABLE_BITS = 5;
    private static final long SIGN_BIAS = 1L << (EXP2_TABLE_BITS + 11);
    /**
     * glibc's {@code __powf_log2_data.tab}: 1/c for each of 16 subintervals of [OFF, 2·OFF) (the same c as logf's,
     * {@link GlibcLog#LOGF_INVC}), and log2(c).
     */
    private static final double[] LOGC = {
        -0x1.efec65b963019p-2, -0x1.b0b6832d4fca4p-2, -0x1.7418b0a1fb77bp-2, -0x1.39de91a6dcf7bp-2,
        -0x1.01d9bf3f2b631p-2, -0x1.97c1d1b3b7afp-3, -0x1.2f9e393af3c9fp-3, -0x1.960cbbf788d5cp-4,
        -0x1.a6f9db6475fcep-5, 0x0p+0, 0x1.338ca9f24f53dp-4, 0x1.476a9543891bap-3,
        0x1.e840b4ac4e4d2p-3, 0x1.40645f0c6651cp-2, 0x1.88e9c2c1b9ff8p-2, 0x1.ce0a44eb17bccp-2,
    };
    /** log1p(r)/ln2 ≈ A0·r⁵ + A1·r⁴ + A2·r³ + A3·r² + A4·r. */
    private static final double A0 = 0x1.27616c9496e0bp-2;
    private static final double A1 = -0x1.71969a075c67ap-2;
    private static final double A2 = 0x1.ec70a6ca7baddp-2;
    private static final double A3 = -0x1.7154748bef6c8p-1;
    private static final double A4 = 0x1.71547652ab82bp0;
    /** 2^r ≈ C0·r³ + C1·r² + C2·r + 1 (glibc's {@code __exp2f_data.poly}). */
    private static final double C0 = 0x1.c6af84b912394p-5;
    private static final double C1 = 0x1.ebfce50fac4f3p-3;
    private static final double C2 = 0x1.62e42ff0c52d6p-1;
    private static final double SHIFT = 0x1.8p+52 / (1 << EXP2_TABLE_BITS);
    /** log2f's log1p(r)/ln2 ≈ B0·r⁴ + B1·r³ + B2·r² + B3·r (glibc's {@code __log2f_data.poly}). */
    private static final double B0 = -0x1.712b6f70a7e4dp-2;
    private static final double B1 = 0x1.ecabf496832ep-2;
    private static final double B2 = -0x1.715479ffae3dep-1;
    private static final double B3 = 0x1.715475f35c8b8p0;

    private GlibcPowF() {
    }

    /** glibc's {@code powf(x, y)}. */
    public static float powf(float x, float y) {
        long signBias = 0;
        int ix = Float.floatToRawIntBits(x);
        int iy = Float.floatToRawIntBits(y);
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0 || zeroInfNan(iy)) {
            // x < 0x1p-126 or inf or nan, or y is 0, inf or nan
            if (zeroInfNan(iy)) {
                if (2 * iy == 0) {
                    return 1f;
                }
                if (ix == 0x3f800000) {
                    return 1f;
                }
                if (Integer.compareUnsigned(2 * ix, 2 * 0x7f800000) > 0
                        || Integer.compareUnsigned(2 * iy, 2 * 0x7f800000) > 0) {
                    return x + y;
                }
                if (2 * ix == 2 * 0x3f800000) {
                    return 1f;
                }
                if ((Integer.compareUnsigned(2 * ix, 2 * 0x3f800000) < 0) == (iy >= 0)) {
                    return 0f; // |x| < 1 && y == inf or |x| > 1 && y == -inf
                }
                return y * y;
            }
            if (zeroInfNan(ix)) {
                float x2 = x * x;
                if (ix < 0 && checkint(iy) == 1) {
                    x2 = -x2;
                }
                return iy < 0 ? 1 / x2 : x2;
            }
            // x and y are non-zero finite
            if (ix < 0) {
                int yint = checkint(iy);
                if (yint == 0) {
                    return Float.NaN;
                }
                if (yint == 1) {
                    signBias = SIGN_BIAS;
                }
                ix &= 0x7fffffff;
            }
            if (ix < 0x00800000) {
                // normalise a subnormal x so its exponent becomes negative
                ix = Float.floatToRawIntBits(x * 0x1p23f) & 0x7fffffff;
                ix -= 23 << 23;
            }
        }
        double ylogx = y * log2(ix);
        if ((Double.doubleToRawLongBits(ylogx) >>> 47 & 0xffff) >= Double.doubleToRawLongBits(126.0) >>> 47) {
            // |y·log2(x)| >= 126
            if (ylogx > 0x1.fffffffd1d571p+6) {
                return signBias != 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
            }
            if (ylogx <= -150.0) {
                return signBias != 0 ? -0f : 0f;
            }
        }
        return (float) exp2(ylogx, signBias);
    }

    /** glibc's {@code log2f(x)}. */
    public static float log2f(float x) {
        int ix = Float.floatToRawIntBits(x);
        if (ix == 0x3f800000) {
            return 0f;
        }
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0) {
            // x < 0x1p-126 or inf or nan
            if (ix * 2 == 0) {
                return Float.NEGATIVE_INFINITY;
            }
            if (ix == 0x7f800000) {
                return x;
            }
            if (ix < 0 || Integer.compareUnsigned(ix * 2, 0xff000000) >= 0) {
                return Float.NaN;
            }
            // subnormal: normalise
            ix = Float.floatToRawIntBits(x * 0x1p23f);
            ix -= 23 << 23;
        }
        int tmp = ix - OFF;
        int i = (tmp >>> (23 - LOG2_TABLE_BITS)) % (1 << LOG2_TABLE_BITS);
        int iz = ix - (tmp & 0xff800000);
        int k = tmp >> 23;
        double z = Float.intBitsToFloat(iz);
        double r = Math.fma(z, GlibcLog.LOGF_INVC[i], -1);
        double y0 = LOGC[i] + k;
        double r2 = r * r;
        double y = Math.fma(B1, r, B2);
        y = Math.fma(B0, r2, y);
        double p = Math.fma(B3, r, y0);
        return (float) Math.fma(y, r2, p);
    }

    /** log2 of the float with bits {@code ix} (positive, normal), in double. */
    private static double log2(int ix) {
        // x = 2^k z with z in [OFF, 2·OFF] exact, c near the centre of z's subinterval
        int tmp = ix - OFF;
        int i = (tmp >>> (23 - LOG2_TABLE_BITS)) % (1 << LOG2_TABLE_BITS);
        int top = tmp & 0xff800000;
        int iz = ix - top;
        int k = top >> 23;
        double z = Float.intBitsToFloat(iz);
        // log2(x) = log1p(z/c - 1)/ln2 + log2(c) + k
        double r = Math.fma(z, GlibcLog.LOGF_INVC[i], -1);
        double y0 = LOGC[i] + k;
        double r2 = r * r;
        double y = Math.fma(A0, r, A1);
        double p = Math.fma(A2, r, A3);
        double r4 = r2 * r2;
        double q = Math.fma(A4, r, y0);
        q = Math.fma(p, r2, q);
        return Math.fma(y, r4, q);
    }

    /** 2^xd with xd in [-1021, 1023], negated when {@code signBias} is set. */
    private static double exp2(double xd, long signBias) {
        // x = k/N + r with r in [-1/(2N), 1/(2N)]
        double kd = xd + SHIFT;
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = xd - kd;
        long t = GlibcMath.T[(int) (ki % (1 << EXP2_TABLE_BITS))];
        t += (ki + signBias) << (52 - EXP2_TABLE_BITS);
        double s = Double.longBitsToDouble(t);
        double z = Math.fma(C0, r, C1);
        double r2 = r * r;
        double y = Math.fma(C2, r, 1);
        y = Math.fma(z, r2, y);
        return y * s;
    }

    /** 0 when y is not an integer, 1 when odd, 2 when even (y non-zero finite). */
    private static int checkint(int iy) {
        int e = iy >>> 23 & 0xff;
        if (e < 0x7f) {
            return 0;
        }
        if (e > 0x7f + 23) {
            return 2;
        }
        if ((iy & ((1 << (0x7f + 23 - e)) - 1)) != 0) {
            return 0;
        }
        if ((iy & (1 << (0x7f + 23 - e))) != 0) {
            return 1;
        }
        return 2;
    }

    private static boolean zeroInfNan(int i) {
        return Integer.compareUnsigned(2 * i - 1, 2 * 0x7f800000 - 1) >= 0;
    }
}
