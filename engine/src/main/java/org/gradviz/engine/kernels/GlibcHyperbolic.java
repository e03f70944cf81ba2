package org.gradviz.engine.kernels;

import static java.lang.Math.fma;

/**
 * glibc 2.36's double {@code expm1}, {@code tanh}, {@code sinh} and {@code cosh} as this x86-64 machine runs them
 * (CPython's {@code math.expm1}, {@code math.tanh}, ...): tanh, sinh and cosh (sysdeps/ieee754/dbl-64 s_tanh.c,
 * e_sinh.c, e_cosh.c, compiled without fused multiply-adds) call {@code expm1} and {@code exp}, whose FMA variants
 * the CPU picks (s_expm1.c with -mfma: which {@code a*b + c} GCC fused was read off the compiled library).
 */
public final class GlibcHyperbolic {
    private static final double O_THRESHOLD = 0x1.62e42fefa39efp+9;
    private static final double LN2_HI = 0x1.62e42fee00000p-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INV_LN2 = 0x1.71547652b82fep+0;
    /** Scaled coefficients of the rational approximation of expm1 on [-ln2/2, ln2/2] (Q[0] = 1). */
    private static final double Q1 = -0x1.11111111110f4p-5;
    private static final double Q2 = 0x1.a01a019fe5585p-10;
    private static final double Q3 = -0x1.4ce199eaadbb7p-14;
    private static final double Q4 = 0x1.0cfca86e65239p-18;
    private static final double Q5 = -0x1.afdb76e09c32dp-23;
    private static final double TINY = 1.0e-300;
    private static final double SHUGE = 1.0e307;
    private static final double HUGE = 1.0e300;

    private GlibcHyperbolic() {
    }

    /** glibc's {@code tanh(x)}: 1 - 2/(expm1(2|x|) + 2) for |x| >= 1, -t/(t + 2) with t = expm1(-2|x|) below. */
    public static double tanh(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int jx = (int) (bits >>> 32);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) { // inf or NaN
            return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
        }
        double z;
        if (ix < 0x40360000) { // |x| < 22
            if (x == 0) {
                return x;
            }
            if (ix < 0x3c800000) { // |x| < 2^-55
                return x * (1.0 + x);
            }
            if (ix >= 0x3ff00000) { // |x| >= 1
                double t = expm1(2.0 * Math.abs(x));
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                double t = expm1(-2.0 * Math.abs(x));
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0 - TINY;
        }
        return jx >= 0 ? z : -z;
    }

    /** glibc's {@code sinh(x)}: from expm1(|x|) below 22, from exp(|x|) above (halved, or squared at the top). */
    public static double sinh(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int jx = (int) (bits >>> 32);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) { // inf or NaN
            return x + x;
        }
        double h = jx < 0 ? -0.5 : 0.5;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3e300000 && SHUGE + x > 1.0) { // |x| < 2^-28: sinh x = x
                return x;
            }
            double t = expm1(Math.abs(x));
            if (ix < 0x3ff00000) {
                return h * (2.0 * t - t * t / (t + 1.0));
            }
            return h * (t + t / (t + 1.0));
        }
        if (ix < 0x40862e42) { // |x| < log(max double)
            return h * GlibcMath.exp(Math.abs(x));
        }
        int lx = (int) bits;
        if (ix < 0x408633ce || (ix == 0x408633ce && Integer.compareUnsigned(lx, 0x8fb9f87d) <= 0)) {
            double w = GlibcMath.exp(0.5 * Math.abs(x));
            double t = h * w;
            return t * w;
        }
        return x * SHUGE; // overflow
    }

    /** glibc's {@code cosh(x)}: 1 + expm1(|x|)²/(2·exp(|x|)) near 0, (e^|x| + e^-|x|)/2 up to 22, e^|x|/2 above. */
    public static double cosh(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int ix = (int) (bits >>> 32) & 0x7fffffff;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3fd62e43) { // |x| < ln2/2
                if (ix < 0x3c800000) {
                    return 1.0;
                }
                double t = expm1(Math.abs(x));
                double w = 1.0 + t;
                return 1.0 + (t * t) / (w + w);
            }
            double t = GlibcMath.exp(Math.abs(x));
            return 0.5 * t + 0.5 / t;
        }
        if (ix < 0x40862e42) {
            return 0.5 * GlibcMath.exp(Math.abs(x));
        }
        if ((bits & 0x7fffffffffffffffL) <= 0x408633ce8fb9f87dL) {
            double w = GlibcMath.exp(0.5 * Math.abs(x));
            double t = 0.5 * w;
            return t * w;
        }
        if (ix >= 0x7ff00000) { // inf or NaN
            return x * x;
        }
        return HUGE * HUGE; // overflow
    }

    /**
     * glibc's {@code expm1(x)} = e^x - 1: x = k·ln2 + r with r as hi - lo (and c its rounding error), then a
     * rational approximation of expm1(r) and 2^k·(expm1(r) + 1) - 1 by cases of k.
     */
    public static double expm1(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int high = (int) (bits >>> 32);
        boolean negative = high < 0;
        int hx = high & 0x7fffffff;

        if (hx >= 0x4043687A) { // |x| >= 56·ln2
            if (hx >= 0x40862E42) { // |x| >= 709.78...
                if (hx >= 0x7ff00000) {
                    if (((hx & 0xfffff) | (int) bits) != 0) {
                        return x + x; // NaN
                    }
                    return negative ? -1.0 : x;
                }
                if (x > O_THRESHOLD) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            if (negative) {
                return TINY - 1.0;
            }
        }

        int k;
        double c = 0;
        if (hx > 0x3fd62e42) { // |x| > ln2/2
            double hi;
            double lo;
            if (hx < 0x3FF0A2B2) { // and |x| < 1.5·ln2
                if (!negative) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INV_LN2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = fma(-t, LN2_HI, x);
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c900000) { // |x| < 2^-54
            return x;
        } else {
            k = 0;
        }

        // x is now in [-ln2/2, ln2/2]
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = fma(hxs, Q1, 1.0);
        double r2 = fma(hxs, Q3, Q2);
        double h2 = hxs * hxs;
        double r3 = fma(hxs, Q5, Q4);
        double h4 = h2 * h2;
        double r = fma(h4, r3, fma(h2, r2, r1));
        double t = fma(-r, hfx, 3.0);
        double e = hxs * ((r - t) / fma(-x, t, 6.0));
        if (k == 0) {
            return x - fma(x, e, -hxs);
        }
        e = fma(x, e - c, -c);
        e -= hxs;
        if (k == -1) {
            return fma(0.5, x - e, -0.5);
        }
        if (k == 1) {
            return x < -0.25 ? -2.0 * (e - (x + 0.5)) : fma(x - e, 2.0, 1.0);
        }
        if (k <= -2 || k > 56) { // exp(x) - 1 is exp(x) to working precision
            double y = 1.0 - (e - x);
            return addToExponent(y, k) - 1.0;
        }
        if (k < 20) {
            double oneMinus = Double.longBitsToDouble((long) (0x3ff00000 - (0x200000 >> k)) << 32); // 1 - 2^-k
            return addToExponent(oneMinus - (e - x), k);
        }
        double twoToMinusK = Double.longBitsToDouble((long) ((0x3ff - k) << 20) << 32);
        double y = x - (e + twoToMinusK);
        y += 1.0;
        return addToExponent(y, k);
    }

    /** y with k added to its exponent field (SET_HIGH_WORD(y, high + (k << 20))). */
    private static double addToExponent(double y, int k) {
        long bits = Double.doubleToRawLongBits(y);
        int high = (int) (bits >>> 32) + (k << 20);
        return Double.longBitsToDouble(((long) high << 32) | (bits & 0xffffffffL));
    }
}
