package org.gradviz.engine.kernels;

import org.gradviz.engine.kernels.SleefDouble.DD;
import org.gradviz.engine.kernels.SleefFloat.FF;

/**
 * SLEEF 3.5's u10 base-10 and base-2 logarithms ({@code xlog10f}, {@code xlog2f}, {@code xlog10}, {@code xlog2}) as
 * the AVX2 build runs them (fused multiply-adds), one lane at a time: what torch 1.13's {@code at::vml} gives every
 * element of {@code log10} and {@code log2}. Each splits d into 2^e · m with m in [0.75, 1.5), takes x = (m - 1) /
 * (m + 1) as a double-float (double-double) and sums e·log_b(2) + 2x/ln(b) + x³·P(x²) in double-float arithmetic.
 */
public final class SleefLogarithms {
    private SleefLogarithms() {
    }

    /** {@code Sleef_log10f8_u10} of one lane. */
    public static float log10(float d) {
        return logf(d, true);
    }

    /** {@code Sleef_log2f8_u10} of one lane. */
    public static float log2(float d) {
        return logf(d, false);
    }

    private static float logf(float d, boolean ten) {
        boolean o = d < Float.MIN_NORMAL;
        float a = o ? d * 0x1p64f : d;
        int e = SleefFloat.ilogb2k(a * (1.0f / 0.75f));
        float m = SleefFloat.ldexp3(a, -e);
        if (o) {
            e -= 64;
        }
        FF x = SleefFloat.div(SleefFloat.add2(-1f, m), SleefFloat.add2(1f, m));
        float x2 = x.x() * x.x();
        FF s;
        if (ten) {
            float p = 0.1314289868f;
            p = Math.fma(p, x2, 0.1735493541f);
            p = Math.fma(p, x2, 0.2895309627f);
            s = SleefFloat.mul(new FF(0.30103001f, -1.432098889e-08f), (float) e);
            s = SleefFloat.add(s, SleefFloat.mul(x, new FF(0.868588984f, -2.170757285e-08f)));
            s = SleefFloat.add(s, (x2 * x.x()) * p);
        } else {
            float p = 0.4374550283f;
            p = Math.fma(p, x2, 0.5764790177f);
            p = Math.fma(p, x2, 0.9618012905120f);
            FF twoOverLn2 = new FF(2.8853900432586669922f, 3.2734474483568488616e-08f);
            s = SleefFloat.add2((float) e, SleefFloat.mul(x, twoOverLn2));
            s = SleefFloat.add2(s, (x2 * x.x()) * p);
        }
        return SleefFloat.logSpecials(s.x() + s.y(), a);
    }

    /** {@code Sleef_log10d4_u10} of one lane. */
    public static double log10(double d) {
        return log(d, true);
    }

    /** {@code Sleef_log2d4_u10} of one lane. */
    public static double log2(double d) {
        return log(d, false);
    }

    private static double log(double d, boolean ten) {
        boolean o = d < Double.MIN_NORMAL;
        double a = o ? d * (0x1p32 * 0x1p32) : d;
        int e = SleefDouble.ilogb2k(a * (1.0 / 0.75));
        double m = SleefDouble.ldexp3(a, -e);
        if (o) {
            e -= 64;
        }
        DD x = SleefDouble.div(SleefDouble.add2(-1, m), SleefDouble.add2(1, m));
        double x2 = x.x() * x.x();
        double x4 = x2 * x2;
        double x8 = x4 * x4;
        DD s;
        if (ten) {
            double t = poly7(x2, x4, x8, 0.6653725819576758460e-1, 0.6625722782820833712e-1,
                    0.7898105214313944078e-1, 0.9650955035715275132e-1, 0.1240841409721444993e+0,
                    0.1737177927454605086e+0, 0.2895296546021972617e+0);
            s = SleefDouble.mul(new DD(0.30102999566398119802, -2.803728127785170339e-18), (double) e);
            s = SleefDouble.add(s, SleefDouble.mul(x, new DD(0.86858896380650363334, 1.1430059694096389311e-17)));
            s = SleefDouble.add(s, (x2 * x.x()) * t);
        } else {
            double t = poly7(x2, x4, x8, 0.2211941750456081490e+0, 0.2200768693152277689e+0,
                    0.2623708057488514656e+0, 0.3205977477944495502e+0, 0.4121985945485324709e+0,
                    0.5770780162997058982e+0, 0.96179669392608091449);
            s = add2(e, SleefDouble.mul(x, new DD(2.885390081777926774, 6.0561604995516736434e-18)));
            s = SleefDouble.add2(s, (x2 * x.x()) * t);
        }
        return SleefDouble.logSpecials(s.x() + s.y(), a);
    }

    /** SLEEF's POLY7(x, x², x⁴, c6 ... c0) with fused multiply-adds. */
    private static double poly7(double x, double x2, double x4, double c6, double c5, double c4, double c3, double c2,
            double c1, double c0) {
        double p3 = Math.fma(x2, c6, Math.fma(x, c5, c4));
        double p4 = Math.fma(x2, Math.fma(x, c3, c2), Math.fma(x, c1, c0));
        return Math.fma(x4, p3, p4);
    }

    /** {@code ddadd2_vd2_vd_vd2}: a double plus a double-double, with the error of the first sum kept. */
    private static DD add2(double x, DD y) {
        double s = x + y.x();
        double v = s - x;
        return new DD(s, ((x - (s - v)) + (y.x() - v)) + y.y());
    }
}
