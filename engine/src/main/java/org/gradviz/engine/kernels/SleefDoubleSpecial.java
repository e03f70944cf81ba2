package org.gradviz.engine.kernels;

/**
 * SLEEF 3.5.1's {@code Sleef_log1pd4_u10} and {@code Sleef_expm1d4_u10} (xlog1p, xexpm1; AVX2 build, every
 * {@code vmla} fused) of one lane: what PyTorch 1.13's {@code at::vml} loops give for every float64 element of
 * log1p and expm1. The double-double steps are SLEEF's {@code dd.h}, as in {@link SleefDouble}.
 */
final class SleefDoubleSpecial {
    private static final double L2U = .69314718055966295651160180568695068359375;
    private static final double L2L = .28235290563031577122588448175013436025525412068e-12;
    private static final double R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931;

    private record DD(double x, double y) {
    }

    private SleefDoubleSpecial() {
    }

    static double log1p(double d) {
        double dp1 = d + 1;
        boolean o = dp1 < Double.MIN_NORMAL;
        if (o) {
            dp1 = dp1 * (0x1p32 * 0x1p32);
        }
        int e = ilogb2k(dp1 * (1.0 / 0.75));
        double t = ldexp3(1, -e);
        double m = Math.fma(d, t, t - 1);
        if (o) {
            e -= 64;
        }
        DD s = mul(new DD(0.693147180559945286226764, 2.319046813846299558417771e-17), (double) e);
        DD x = div(new DD(m, 0), add(2, m));
        double x2 = x.x * x.x;
        double x4 = x2 * x2;
        double x8 = x4 * x4;
        double p3 = Math.fma(x4, 0.1532076988502701353e+0, Math.fma(x2, 0.1525629051003428716e+0,
                0.1818605932937785996e+0));
        double p4 = Math.fma(x4, Math.fma(x2, 0.2222214519839380009e+0, 0.2857142932794299317e+0),
                Math.fma(x2, 0.3999999999635251990e+0, 0.6666666666667333541e+0));
        double poly = Math.fma(x8, p3, p4);
        s = add(s, new DD(x.x * 2, x.y * 2));
        s = add(s, (x2 * x.x) * poly);
        double r = s.x + s.y;
        if (d > 1e+307) {
            r = Double.POSITIVE_INFINITY;
        }
        if (d < -1 || Double.isNaN(d)) {
            r = Double.NaN;
        }
        if (d == -1) {
            r = Double.NEGATIVE_INFINITY;
        }
        if (Double.doubleToRawLongBits(d) == 0x8000000000000000L) {
            r = -0.0;
        }
        return r;
    }

    static double expm1(double a) {
        DD d = add2(expk2(a), -1.0);
        double x = d.x + d.y;
        if (a > 709.782712893383996732223) {
            x = Double.POSITIVE_INFINITY;
        }
        if (a < -36.736800569677101399113302437) {
            x = -1;
        }
        if (Double.doubleToRawLongBits(a) == 0x8000000000000000L) {
            x = -0.0;
        }
        return x;
    }

    /** expk2 of (d, 0): e^d as a double-double. */
    private static DD expk2(double d) {
        double u = (d + 0.0) * R_LN2;
        double dq = Math.rint(u);
        int q = rintToInt(dq);
        DD s = add2(new DD(d, 0), dq * -L2U);
        s = add2(s, dq * -L2L);
        DD s2 = squ(s);
        DD s4 = squ(s2);
        double s8 = s4.x * s4.x;
        double x = s.x;
        double x2 = s2.x;
        double x4 = s4.x;
        double hi = Math.fma(x, +0.1602472219709932072e-9, +0.2092255183563157007e-8);
        double p74 = Math.fma(x2, Math.fma(x, +0.2505230023782644465e-7, +0.2755724800902135303e-6),
                Math.fma(x, +0.2755731892386044373e-5, +0.2480158735605815065e-4));
        double p30 = Math.fma(x2, Math.fma(x, +0.1984126984148071858e-3, +0.1388888888886763255e-2),
                Math.fma(x, +0.8333333333333347095e-2, +0.4166666666666669905e-1));
        u = Math.fma(s8, hi, Math.fma(x4, p74, p30));
        DD t = add(0.5, mul(s, +0.1666666666666666574e+0));
        t = add(1.0, mul(t, s));
        t = add(1.0, mul(t, s));
        t = add(t, mul(s4, u));
        double tx = ldexp2(t.x, q);
        double ty = ldexp2(t.y, q);
        if (d < -1000) {
            tx = 0;
            ty = 0;
        }
        return new DD(tx, ty);
    }

    // ----- double-double steps (dd.h, FMA variants)

    private static DD add(double x, double y) {
        double s = x + y;
        return new DD(s, (x - s) + y);
    }

    private static DD add(DD x, double y) {
        double s = x.x + y;
        return new DD(s, ((x.x - s) + y) + x.y);
    }

    private static DD add2(DD x, double y) {
        double s = x.x + y;
        double v = s - x.x;
        double t = (x.x - (s - v)) + (y - v);
        return new DD(s, t + x.y);
    }

    private static DD add(double x, DD y) {
        double s = x + y.x;
        return new DD(s, ((x - s) + y.x) + y.y);
    }

    private static DD add(DD x, DD y) {
        double s = x.x + y.x;
        return new DD(s, (((x.x - s) + y.x) + x.y) + y.y);
    }

    private static DD mul(DD x, double y) {
        double s = x.x * y;
        return new DD(s, Math.fma(x.y, y, Math.fma(x.x, y, -s)));
    }

    private static DD mul(DD x, DD y) {
        double s = x.x * y.x;
        return new DD(s, Math.fma(x.x, y.y, Math.fma(x.y, y.x, Math.fma(x.x, y.x, -s))));
    }

    private static DD squ(DD x) {
        double s = x.x * x.x;
        return new DD(s, Math.fma(x.x + x.x, x.y, Math.fma(x.x, x.x, -s)));
    }

    private static DD div(DD n, DD d) {
        double t = 1.0 / d.x;
        double s = n.x * t;
        double u = Math.fma(t, n.x, -s);
        double v = Math.fma(-d.y, t, Math.fma(-d.x, t, 1));
        return new DD(s, Math.fma(s, v, Math.fma(n.y, t, u)));
    }

    private static int rintToInt(double x) {
        double r = Math.rint(x);
        return r >= -0x1p31 && r < 0x1p31 ? (int) r : Integer.MIN_VALUE;
    }

    private static int ilogb2k(double d) {
        return ((int) (Double.doubleToRawLongBits(d) >>> 52) & 0x7ff) - 0x3ff;
    }

    private static double ldexp3(double d, int q) {
        long bits = Double.doubleToRawLongBits(d);
        int hi = (int) (bits >>> 32) + (q << 20);
        return Double.longBitsToDouble(((long) hi << 32) | (bits & 0xffffffffL));
    }

    private static double pow2i(int q) {
        return Double.longBitsToDouble((long) ((q + 0x3ff) << 20) << 32);
    }

    private static double ldexp2(double d, int e) {
        return d * pow2i(e >> 1) * pow2i(e - (e >> 1));
    }
}
