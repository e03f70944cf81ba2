package org.gradviz.engine.kernels;

/**
 * SLEEF 3.5.1's double-precision u10 functions ({@code Sleef_sind4_u10}, {@code cosd4_u10}, {@code expd4_u10},
 * {@code logd4_u10}, {@code tanhd4_u10}) as its AVX2 build computes them, one lane at a time, with fused
 * multiply-adds where the AVX2 build has them.
 *
 * <p>NOTE: sin and cos choose one of three argument reductions per vector of 4 lanes: the shortest that
 * every lane allows ({@link #reduction}); callers pass the vector's choice.
 */
public final class SleefDouble {
    /** Lanes of an AVX2 double vector. */
    public static final int LANES = 4;

    private static final double M_1_PI = 0.318309886183790671537767526745028724;
    private static final double PI_A2 = 3.141592653589793116;
    private static final double PI_B2 = 1.2246467991473532072e-16;
    private static final double PI_A = 3.1415926218032836914;
    private static final double PI_B = 3.1786509424591713469e-08;
    private static final double PI_C = 1.2246467864107188502e-16;
    private static final double PI_D = 1.2736634327021899816e-24;
    private static final double TRIGRANGEMAX2 = 15;
    private static final double TRIGRANGEMAX = 1e+14;
    private static final double L2U = .69314718055966295651160180568695068359375;
    private static final double L2L = .28235290563031577122588448175013436025525412068e-12;
    private static final double R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931;
    private static final double NAN_BITS = Double.longBitsToDouble(-1L);

    /** Cody–Waite with 2 pieces of π (|x| < 15), with 4 pieces (|x| < 1e14), Payne–Hanek. */
    static final int SHORT = 0;
    static final int LONG = 1;
    static final int PAYNE_HANEK = 2;

    private SleefDouble() {
    }

    /** The reduction a lane holding {@code x} needs; a vector uses the largest of its lanes'. */
    public static int reduction(double x) {
        double a = Math.abs(x);
        return a < TRIGRANGEMAX2 ? SHORT : a < TRIGRANGEMAX ? LONG : PAYNE_HANEK;
    }

    record DD(double x, double y) {
    }

    // ----- sin, cos (xsin_u1, xcos_u1)

    public static double sin(double d, int reduction) {
        DD s;
        int ql;
        if (reduction == SHORT) {
            double dql = rint(d * M_1_PI);
            ql = rintToInt(dql);
            double u = Math.fma(dql, -PI_A2, d);
            s = add(u, dql * -PI_B2);
        } else if (reduction == LONG) {
            double dqh = trunc(d * (M_1_PI / (1 << 24)));
            dqh = dqh * (1 << 24);
            double dql = rint(Math.fma(d, M_1_PI, -dqh));
            ql = rintToInt(dql);
            double u = Math.fma(dqh, -PI_A, d);
            s = add(u, dql * -PI_A);
            s = add2(s, dqh * -PI_B);
            s = add2(s, dql * -PI_B);
            s = add2(s, dqh * -PI_C);
            s = add2(s, dql * -PI_C);
            s = add(s, (dqh + dql) * -PI_D);
        } else {
            RemPi r = rempi(d);
            ql = r.q & 3;
            ql = (ql + ql + (r.df.x > 0 ? 2 : 1)) >> 2;
            DD df = r.df;
            if ((r.q & 1) == 1) {
                DD h = new DD(mulsign(-3.141592653589793116 * 0.5, r.df.x), mulsign(-1.2246467991473532072e-16 * 0.5,
                        r.df.x));
                df = add2(r.df, h);
            }
            s = normalize(df);
            if (Double.isInfinite(d) || Double.isNaN(d)) {
                s = new DD(NAN_BITS, s.y);
            }
        }
        double u = sinCosPolynomial(s);
        if ((ql & 1) == 1) {
            u = flipSign(u);
        }
        return d == 0 ? d : u;
    }

    public static double cos(double d, int reduction) {
        DD s;
        int ql;
        if (reduction == SHORT) {
            double dql = rint(Math.fma(d, M_1_PI, -0.5));
            dql = Math.fma(2, dql, 1);
            ql = rintToInt(dql);
            s = add2(d, dql * (-PI_A2 * 0.5));
            s = add(s, dql * (-PI_B2 * 0.5));
        } else if (reduction == LONG) {
            double dqh = trunc(Math.fma(d, M_1_PI / (1 << 23), -M_1_PI / (1 << 24)));
            ql = rintToInt(d * M_1_PI + Math.fma(dqh, -(1 << 23), -0.5));
            dqh = dqh * (1 << 24);
            ql = ql + ql + 1;
            double dql = ql;
            double u = Math.fma(dqh, -PI_A * 0.5, d);
            s = add2(u, dql * (-PI_A * 0.5));
            s = add2(s, dqh * (-PI_B * 0.5));
            s = add2(s, dql * (-PI_B * 0.5));
            s = add2(s, dqh * (-PI_C * 0.5));
            s = add2(s, dql * (-PI_C * 0.5));
            s = add(s, (dqh + dql) * (-PI_D * 0.5));
        } else {
            RemPi r = rempi(d);
            ql = r.q & 3;
            ql = (ql + ql + (r.df.x > 0 ? 8 : 7)) >> 1;
            DD df = r.df;
            if ((r.q & 1) == 0) {
                double y = r.df.x > 0 ? 0 : -1;
                DD h = new DD(mulsign(-3.141592653589793116 * 0.5, y), mulsign(-1.2246467991473532072e-16 * 0.5, y));
                df = add2(r.df, h);
            }
            s = normalize(df);
            if (Double.isInfinite(d) || Double.isNaN(d)) {
                s = new DD(NAN_BITS, s.y);
            }
        }
        double u = sinCosPolynomial(s);
        if ((ql & 2) == 0) {
            u = flipSign(u);
        }
        return u;
    }

    private static double sinCosPolynomial(DD t) {
        DD s = squ(t);
        double sx = s.x;
        double s2 = sx * sx;
        double s4 = s2 * s2;
        // POLY6(s, s2, s4, c5..c0) = fma(s4, POLY2(c5, c4), POLY4(c3..c0))
        double p2 = Math.fma(sx, 2.72052416138529567917983e-15, -7.6429259411395447190023e-13);
        double p4 = Math.fma(s2, Math.fma(sx, 1.60589370117277896211623e-10, -2.5052106814843123359368e-08),
                Math.fma(sx, 2.75573192104428224777379e-06, -0.000198412698412046454654947));
        double u = Math.fma(s4, p2, p4);
        u = Math.fma(u, sx, 0.00833333333333318056201922);
        DD x = add(1, mul(add(-0.166666666666666657414808, u * sx), s));
        return mulToDouble(t, x);
    }

    // ----- exp (xexp, FMA variant)

    public static double exp(double d) {
        double u = rint(d * R_LN2);
        int q = rintToInt(u);
        double s = Math.fma(u, -L2U, d);
        s = Math.fma(u, -L2L, s);
        double s2 = s * s;
        double s4 = s2 * s2;
        double s8 = s4 * s4;
        // POLY10 = fma(s8, POLY2(c9, c8), POLY8(c7..c0)); POLY8 = fma(s4, POLY4(c7..c4), POLY4(c3..c0))
        double hi = Math.fma(s, +0.2081276378237164457e-8, +0.2511210703042288022e-7);
        double p74 = Math.fma(s2, Math.fma(s, +0.2755762628169491192e-6, +0.2755723402025388239e-5),
                Math.fma(s, +0.2480158687479686264e-4, +0.1984126989855865850e-3));
        double p30 = Math.fma(s2, Math.fma(s, +0.1388888888914497797e-2, +0.8333333333314938210e-2),
                Math.fma(s, +0.4166666666666602598e-1, +0.1666666666666669072e+0));
        u = Math.fma(s8, hi, Math.fma(s4, p74, p30));
        u = Math.fma(u, s, +0.5);
        u = Math.fma(u, s, +1.0);
        u = Math.fma(u, s, +1.0);
        u = ldexp2(u, q);
        if (d > 709.78271114955742909217217426) {
            u = Double.POSITIVE_INFINITY;
        }
        if (d < -1000) {
            u = 0;
        }
        return u;
    }

    // ----- log (xlog_u1)

    public static double log(double d) {
        boolean o = d < Double.MIN_NORMAL;
        if (o) {
            d = d * (0x1p32 * 0x1p32);
        }
        int e = ilogb2k(d * (1.0 / 0.75));
        double m = ldexp3(d, -e);
        if (o) {
            e -= 64;
        }
        DD x = div(add2(-1, m), add2(1, m));
        double x2 = x.x * x.x;
        double x4 = x2 * x2;
        double x8 = x4 * x4;
        // POLY7(x2, x4, x8, c6..c0) = fma(x8, POLY3(c6, c5, c4), POLY4(c3..c0)) on the variable x2
        double p3 = Math.fma(x4, 0.1532076988502701353e+0, Math.fma(x2, 0.1525629051003428716e+0,
                0.1818605932937785996e+0));
        double p4 = Math.fma(x4, Math.fma(x2, 0.2222214519839380009e+0, 0.2857142932794299317e+0),
                Math.fma(x2, 0.3999999999635251990e+0, 0.6666666666667333541e+0));
        double t = Math.fma(x8, p3, p4);
        DD s = mul(new DD(0.693147180559945286226764, 2.319046813846299558417771e-17), (double) e);
        s = add(s, new DD(x.x * 2, x.y * 2));
        s = add(s, (x2 * x.x) * t);
        return logSpecials(s.x + s.y, d);
    }

    /** The last step of SLEEF's logarithms: r, except inf for +inf, NaN below 0 or for NaN, -inf for ±0. */
    static double logSpecials(double r, double d) {
        if (d == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (d < 0 || Double.isNaN(d)) {
            return Double.NaN;
        }
        return d == 0 ? Double.NEGATIVE_INFINITY : r;
    }

    // ----- tanh (xtanh)

    public static double tanh(double x) {
        double y = Math.abs(x);
        DD d = expk2(y);
        DD e = rec(d);
        d = div(add2(d, new DD(-e.x, -e.y)), add2(d, e));
        y = d.x + d.y;
        if (Math.abs(x) > 18.714973875 || Double.isNaN(y)) {
            y = 1.0;
        }
        y = mulsign(y, x);
        return Double.isNaN(x) ? NAN_BITS : y;
    }

    /** SLEEF's expk2 of a double: e^d as a double-double. */
    static DD expk2(double d) {
        return expk2(new DD(d, 0));
    }

    /** SLEEF's expk2: e^(d.x + d.y) as a double-double (0 below -1000). */
    static DD expk2(DD d) {
        double u = (d.x + d.y) * R_LN2;
        double dq = rint(u);
        int q = rintToInt(dq);
        DD s = add2(d, dq * -L2U);
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
        if (d.x < -1000) {
            tx = 0;
            ty = 0;
        }
        return new DD(tx, ty);
    }

    // ----- Payne–Hanek reduction (rempi)

    private record RemPi(DD df, int q) {
    }

    private static RemPi rempi(double a) {
        int ex = ilogb2k(a) - 55;
        int q = ex > 700 - 55 ? -64 : 0;
        a = ldexp3(a, q);
        ex = ex < 0 ? 0 : ex;
        ex <<= 2;
        double[] tab = RemPiTables.DP;
        DD x = mul(a, tab[ex]);
        double di = rempisubD(x.x);
        q = rempisubI(x.x);
        x = normalize(new DD(di, x.y));
        DD y = mul(a, tab[ex + 1]);
        x = add2(x, y);
        di = rempisubD(x.x);
        q += rempisubI(x.x);
        x = normalize(new DD(di, x.y));
        y = mul(new DD(tab[ex + 2], tab[ex + 3]), a);
        x = add2(x, y);
        x = normalize(x);
        x = mul(x, new DD(3.141592653589793116 * 2, 1.2246467991473532072e-16 * 2));
        if (Math.abs(a) < 0.7) {
            x = new DD(a, 0);
        }
        return new RemPi(x, q);
    }

    private static double rempisubD(double x) {
        double y = rint(x * 4);
        return x - y * 0.25;
    }

    private static int rempisubI(double x) {
        double y = rint(x * 4);
        return truncateToInt(y - rint(x) * 4);
    }

    // ----- pow (xpow)

    /** {@code Sleef_powd4_u10} of one lane. */
    public static double pow(double x, double y) {
        boolean yIsInt = trunc(y) == y;
        boolean yIsOdd = trunc(y * 0.5) != y * 0.5 && yIsInt;
        DD d = mul(logk(Math.abs(x)), y);
        double result = d.x > 709.78271114955742909217217426 ? Double.POSITIVE_INFINITY : expk(d);
        result *= x > 0 ? 1.0 : !yIsInt ? Double.NaN : yIsOdd ? -1.0 : 1.0;
        double efx = mulsign(Math.abs(x) - 1, y);
        if (Double.isInfinite(y)) {
            result = efx < 0 ? 0.0 : efx == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(x) || x == 0) {
            double magnitude = (x == 0 ? -y : y) < 0 ? 0.0 : Double.POSITIVE_INFINITY;
            result = (yIsOdd ? mulsign(1.0, x) : 1.0) * magnitude;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            result = NAN_BITS;
        }
        return y == 0 || x == 1 ? 1.0 : result;
    }

    /** logk: log(d) as a double-double pair. */
    private static DD logk(double d) {
        boolean o = d < Double.MIN_NORMAL;
        if (o) {
            d = d * (0x1p32 * 0x1p32);
        }
        int e = ilogb2k(d * (1.0 / 0.75));
        double m = ldexp3(d, -e);
        if (o) {
            e -= 64;
        }
        DD x = div(add2(-1, m), add2(1, m));
        DD x2 = squ(x);
        double v = x2.x;
        double v2 = v * v;
        double v4 = v2 * v2;
        double v8 = v4 * v4;
        // POLY9(v, v2, v4, v8, c8..c0) = fma(v8, c8, fma(v4, POLY4(c7..c4), POLY4(c3..c0)))
        double p74 = Math.fma(v2, Math.fma(v, 0.103239680901072952701192, 0.117754809412463995466069),
                Math.fma(v, 0.13332981086846273921509, 0.153846227114512262845736));
        double p30 = Math.fma(v2, Math.fma(v, 0.181818180850050775676507, 0.222222222230083560345903),
                Math.fma(v, 0.285714285714249172087875, 0.400000000000000077715612));
        double t = Math.fma(v8, 0.116255524079935043668677, Math.fma(v4, p74, p30));
        DD c = new DD(0.666666666666666629659233, 3.80554962542412056336616e-17);
        DD s = mul(new DD(0.693147180559945286226764, 2.319046813846299558417771e-17), (double) e);
        s = add(s, new DD(x.x * 2, x.y * 2));
        x = mul(x2, x);
        s = add(s, mul(x, c));
        x = mul(x2, x);
        return add(s, mul(x, t));
    }

    /** expk: e^d of a double-double pair. */
    private static double expk(DD d) {
        double dq = rint((d.x + d.y) * R_LN2);
        int q = rintToInt(dq);
        DD s = add2(d, dq * -L2U);
        s = normalize(add2(s, dq * -L2L));
        double s2 = s.x * s.x;
        double s4 = s2 * s2;
        double s8 = s4 * s4;
        // POLY10(s, s2, s4, s8, c9..c0) = fma(s8, POLY2(c9, c8), fma(s4, POLY4(c7..c4), POLY4(c3..c0)))
        double hi = Math.fma(s.x, 2.51069683420950419527139e-08, 2.76286166770270649116855e-07);
        double p74 = Math.fma(s2, Math.fma(s.x, 2.75572496725023574143864e-06, 2.48014973989819794114153e-05),
                Math.fma(s.x, 0.000198412698809069797676111, 0.0013888888939977128960529));
        double p30 = Math.fma(s2, Math.fma(s.x, 0.00833333333332371417601081, 0.0416666666665409524128449),
                Math.fma(s.x, 0.166666666666666740681535, 0.500000000000000999200722));
        double u = Math.fma(s8, hi, Math.fma(s4, p74, p30));
        DD t = add(add(1, s), mul(squ(s), u));
        u = ldexp2(t.x + t.y, q);
        return d.x < -1000 ? 0 : u;
    }

    // ----- double-double steps (dd.h, FMA variants)

    private static DD normalize(DD t) {
        double s = t.x + t.y;
        return new DD(s, (t.x - s) + t.y);
    }

    /** ddadd_vd2_vd_vd. */
    static DD add(double x, double y) {
        double s = x + y;
        return new DD(s, (x - s) + y);
    }

    /** ddadd2_vd2_vd_vd. */
    static DD add2(double x, double y) {
        double s = x + y;
        double v = s - x;
        return new DD(s, (x - (s - v)) + (y - v));
    }

    /** ddadd_vd2_vd2_vd. */
    static DD add(DD x, double y) {
        double s = x.x + y;
        return new DD(s, ((x.x - s) + y) + x.y);
    }

    /** ddadd2_vd2_vd2_vd. */
    static DD add2(DD x, double y) {
        double s = x.x + y;
        double v = s - x.x;
        double t = (x.x - (s - v)) + (y - v);
        return new DD(s, t + x.y);
    }

    /** ddadd_vd2_vd_vd2. */
    static DD add(double x, DD y) {
        double s = x + y.x;
        return new DD(s, ((x - s) + y.x) + y.y);
    }

    /** ddadd_vd2_vd2_vd2. */
    static DD add(DD x, DD y) {
        double s = x.x + y.x;
        return new DD(s, (((x.x - s) + y.x) + x.y) + y.y);
    }

    /** ddadd2_vd2_vd2_vd2. */
    static DD add2(DD x, DD y) {
        double s = x.x + y.x;
        double v = s - x.x;
        double t = (x.x - (s - v)) + (y.x - v);
        return new DD(s, t + (x.y + y.y));
    }

    /** ddmul_vd2_vd_vd. */
    static DD mul(double x, double y) {
        double s = x * y;
        return new DD(s, Math.fma(x, y, -s));
    }

    /** ddmul_vd2_vd2_vd. */
    static DD mul(DD x, double y) {
        double s = x.x * y;
        return new DD(s, Math.fma(x.y, y, Math.fma(x.x, y, -s)));
    }

    /** ddmul_vd2_vd2_vd2. */
    static DD mul(DD x, DD y) {
        double s = x.x * y.x;
        return new DD(s, Math.fma(x.x, y.y, Math.fma(x.y, y.x, Math.fma(x.x, y.x, -s))));
    }

    /** ddmul_vd_vd2_vd2. */
    private static double mulToDouble(DD x, DD y) {
        return Math.fma(x.x, y.x, Math.fma(x.y, y.x, x.x * y.y));
    }

    /** ddsqu_vd2_vd2. */
    static DD squ(DD x) {
        double s = x.x * x.x;
        return new DD(s, Math.fma(x.x + x.x, x.y, Math.fma(x.x, x.x, -s)));
    }

    /** ddrec_vd2_vd2. */
    private static DD rec(DD d) {
        double s = 1.0 / d.x;
        return new DD(s, s * Math.fma(-d.y, s, Math.fma(-d.x, s, 1)));
    }

    /** dddiv_vd2_vd2_vd2. */
    static DD div(DD n, DD d) {
        double t = 1.0 / d.x;
        double s = n.x * t;
        double u = Math.fma(t, n.x, -s);
        double v = Math.fma(-d.y, t, Math.fma(-d.x, t, 1));
        return new DD(s, Math.fma(s, v, Math.fma(n.y, t, u)));
    }

    // ----- AVX2 conversions and bit steps

    /** {@code _mm256_round_pd} to nearest even. */
    private static double rint(double x) {
        return Math.rint(x);
    }

    /** {@code _mm256_round_pd} towards zero. */
    private static double trunc(double x) {
        return x < 0 ? -Math.floor(-x) : Math.floor(x);
    }

    /** {@code _mm256_cvtpd_epi32}: nearest even; NaN and out-of-range give {@code 0x80000000}. */
    static int rintToInt(double x) {
        double r = Math.rint(x);
        return r >= -0x1p31 && r < 0x1p31 ? (int) r : Integer.MIN_VALUE;
    }

    /** {@code _mm256_cvttpd_epi32}. */
    private static int truncateToInt(double x) {
        return x > -0x1p31 - 1 && x < 0x1p31 ? (int) x : Integer.MIN_VALUE;
    }

    static int ilogb2k(double d) {
        return ((int) (Double.doubleToRawLongBits(d) >>> 52) & 0x7ff) - 0x3ff;
    }

    /** Adds q to the exponent field with 32-bit arithmetic on the high word, as SLEEF's vldexp3. */
    static double ldexp3(double d, int q) {
        long bits = Double.doubleToRawLongBits(d);
        int hi = (int) (bits >>> 32) + (q << 20);
        return Double.longBitsToDouble(((long) hi << 32) | (bits & 0xffffffffL));
    }

    static double pow2i(int q) {
        return Double.longBitsToDouble((long) ((q + 0x3ff) << 20) << 32);
    }

    static double ldexp2(double d, int e) {
        return d * pow2i(e >> 1) * pow2i(e - (e >> 1));
    }

    private static double mulsign(double x, double y) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x)
                ^ (Double.doubleToRawLongBits(y) & 0x8000000000000000L));
    }

    private static double flipSign(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ 0x8000000000000000L);
    }
}
