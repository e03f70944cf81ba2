package org.gradviz.engine.kernels;

/**
 * glibc 2.36's {@code log1pf}, {@code expm1f}, {@code tanhf} and {@code log10f} (fdlibm's float algorithms; x86-64
 * builds them without fused multiply-adds): the scalar {@code std::log1p}, ... of float that PyTorch's vectorised
 * loops call for the elements they leave over, and that its default build calls for every element.
 */
public final class GlibcFloatSpecial {
    private static final float LN2_HI = 6.9313812256e-01f;
    private static final float LN2_LO = 9.0580006145e-06f;
    private static final float TWO25 = 3.355443200e+07f;
    private static final float LP1 = 6.6666668653e-01f;
    private static final float LP2 = 4.0000000596e-01f;
    private static final float LP3 = 2.8571429849e-01f;
    private static final float LP4 = 2.2222198546e-01f;
    private static final float LP5 = 1.8183572590e-01f;
    private static final float LP6 = 1.5313838422e-01f;
    private static final float LP7 = 1.4798198640e-01f;

    private GlibcFloatSpecial() {
    }

    static float log1pf(float x) {
        int hx = Float.floatToRawIntBits(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        float f = 0;
        float c = 0;
        int hu = 0;
        if (hx < 0x3ed413d7) {
            if (ax >= 0x3f800000) {
                return x == -1.0f ? Float.NEGATIVE_INFINITY : Float.NaN;
            }
            if (ax < 0x31000000) {
                if (ax < 0x24800000) {
                    return x;
                }
                return x - x * x * 0.5f;
            }
            if (hx > 0 || hx <= 0xbe95f61f) {
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7f800000) {
            return x + x;
        }
        if (k != 0) {
            float u;
            if (hx < 0x5a000000) {
                u = 1.0f + x;
                hu = Float.floatToRawIntBits(u);
                k = (hu >> 23) - 127;
                c = k > 0 ? 1.0f - (u - x) : x - (u - 1.0f);
                c /= u;
            } else {
                u = x;
                hu = Float.floatToRawIntBits(u);
                k = (hu >> 23) - 127;
                c = 0;
            }
            hu &= 0x007fffff;
            if (hu < 0x3504f7) {
                u = Float.intBitsToFloat(hu | 0x3f800000);
            } else {
                k += 1;
                u = Float.intBitsToFloat(hu | 0x3f000000);
                hu = (0x00800000 - hu) >> 2;
            }
            f = u - 1.0f;
        }
        float hfsq = 0.5f * f * f;
        if (hu == 0) {
            if (f == 0f) {
                if (k == 0) {
                    return 0f;
                }
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            float r = hfsq * (1.0f - 0.66666666666666666f * f);
            return k == 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        float s = f / (2.0f + f);
        float z = s * s;
        float r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }
    private static final float INVLN2 = 1.4426950216e+00f;
    private static final float Q1 = -3.3333335072e-02f;
    private static final float Q2 = 1.5873016091e-03f;
    private static final float Q3 = -7.9365076090e-05f;
    private static final float Q4 = 4.0082177293e-06f;
    private static final float Q5 = -2.0109921195e-07f;

    static float expm1f(float x) {
        int hx = Float.floatToRawIntBits(x);
        int xsb = hx & 0x80000000;
        hx &= 0x7fffffff;
        if (hx >= 0x4195b844) {
            if (hx >= 0x42b17218) {
                if (hx > 0x7f800000) {
                    return x + x;
                }
                if (hx == 0x7f800000) {
                    return xsb == 0 ? x : -1.0f;
                }
                if (x > 8.8721679688e+01f) {
                    return Float.POSITIVE_INFINITY;
                }
            }
            if (xsb != 0) {
                return 1.0e-30f - 1f;
            }
        }
        float hi;
        float lo;
        float c = 0;
        int k;
        if (hx > 0x3eb17218) {
            if (hx < 0x3F851592) {
                if (xsb == 0) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INVLN2 * x + (xsb == 0 ? 0.5f : -0.5f));
                float t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x33000000) {
            return x;
        } else {
            k = 0;
        }
        float hfx = 0.5f * x;
        float hxs = x * hfx;
        float r1 = 1f + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        float t = 3.0f - r1 * hfx;
        float e = hxs * ((r1 - t) / (6.0f - x * t));
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) {
            return 0.5f * (x - e) - 0.5f;
        }
        if (k == 1) {
            return x < -0.25f ? -2.0f * (e - (x + 0.5f)) : 1f + 2.0f * (x - e);
        }
        float y;
        if (k <= -2 || k > 56) {
            y = 1f - (e - x);
            y = Float.intBitsToFloat(Float.floatToRawIntBits(y) + (k << 23));
            return y - 1f;
        }
        if (k < 23) {
            t = Float.intBitsToFloat(0x3f800000 - (0x1000000 >> k));
            y = t - (e - x);
            y = Float.intBitsToFloat(Float.floatToRawIntBits(y) + (k << 23));
        } else {
            t = Float.intBitsToFloat((0x7f - k) << 23);
            y = x - (e + t);
            y += 1f;
            y = Float.intBitsToFloat(Float.floatToRawIntBits(y) + (k << 23));
        }
        return y;
    }

    static float tanhf(float x) {
        int jx = Float.floatToRawIntBits(x);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7f800000) {
            return jx >= 0 ? 1f / x + 1f : 1f / x - 1f;
        }
        float z;
        if (ix < 0x41b00000) {
            if (ix == 0) {
                return x;
            }
            if (ix < 0x24000000) {
                return x * (1f + x);
            }
            if (ix >= 0x3f800000) {
                float t = expm1f(2f * Math.abs(x));
                z = 1f - 2f / (t + 2f);
            } else {
                float t = expm1f(-2f * Math.abs(x));
                z = -t / (t + 2f);
            }
        } else {
            z = 1f - 1.0e-30f;
        }
        return jx >= 0 ? z : -z;
    }

    private static final float IVLN10 = 4.3429449201e-01f;
    private static final float LOG10_2HI = 3.0102920532e-01f;
    private static final float LOG10_2LO = 7.9034151668e-07f;

    /** log10f: k·log10(2) + log(m)/ln(10) for x = 2^k·m, with glibc's {@code logf} (its FMA variant) of m. */
    public static float log10f(float x) {
        int hx = Float.floatToRawIntBits(x);
        int k = 0;
        if (hx < 0x00800000) {
            // x < 2^-126
            if ((hx & 0x7fffffff) == 0) {
                return -TWO25 / Math.abs(x);
            }
            if (hx < 0) {
                return Float.NaN;
            }
            k -= 25;
            x *= TWO25;
            hx = Float.floatToRawIntBits(x);
        }
        if (hx >= 0x7f800000) {
            return x + x;
        }
        k += (hx >> 23) - 127;
        int i = (k & 0x80000000) >>> 31;
        hx = (hx & 0x007fffff) | ((0x7f - i) << 23);
        float y = k + i;
        x = Float.intBitsToFloat(hx);
        float z = y * LOG10_2LO + IVLN10 * GlibcLog.logf(x);
        return z + y * LOG10_2HI;
    }
}
