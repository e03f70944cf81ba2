package org.gradviz.engine.kernels;

import static org.gradviz.engine.kernels.SleefDouble.add;
import static org.gradviz.engine.kernels.SleefDouble.add2;
import static org.gradviz.engine.kernels.SleefDouble.div;
import static org.gradviz.engine.kernels.SleefDouble.ilogb2k;
import static org.gradviz.engine.kernels.SleefDouble.ldexp3;
import static org.gradviz.engine.kernels.SleefDouble.mul;
import static org.gradviz.engine.kernels.SleefDouble.pow2i;

import org.gradviz.engine.kernels.SleefDouble.DD;

/**
 * SLEEF 3.5.1's {@code Sleef_log1pd4_u10}, {@code Sleef_expm1d4_u10} and {@code Sleef_erfd4_u10} (xlog1p, xexpm1,
 * xerf_u1; AVX2 build, every
 * {@code vmla} fused) of one lane: what PyTorch 1.13's {@code at::vml} loops give for every float64 element of
 * log1p and expm1, and its vectorised loops for erf (as in gelu). The double-double steps are SLEEF's {@code dd.h}, as in {@link SleefDouble}.
 */
final class SleefDoubleSpecial {
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
        double x2 = x.x() * x.x();
        double x4 = x2 * x2;
        double x8 = x4 * x4;
        double p3 = Math.fma(x4, 0.1532076988502701353e+0, Math.fma(x2, 0.1525629051003428716e+0,
                0.1818605932937785996e+0));
        double p4 = Math.fma(x4, Math.fma(x2, 0.2222214519839380009e+0, 0.2857142932794299317e+0),
                Math.fma(x2, 0.3999999999635251990e+0, 0.6666666666667333541e+0));
        double poly = Math.fma(x8, p3, p4);
        s = add(s, new DD(x.x() * 2, x.y() * 2));
        s = add(s, (x2 * x.x()) * poly);
        double r = s.x() + s.y();
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
        DD d = add2(SleefDouble.expk2(a), -1.0);
        double x = d.x() + d.y();
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

    private static final double[][] ERF_COEFFICIENTS = {
        {+0.6801072401395392157e-20, +0.2830954522087717660e-13, -0.5846750404269610493e-17},
        {-0.2161766247570056391e-18, -0.1509491946179481940e-11, +0.6076691048812607898e-15},
        {+0.4695919173301598752e-17, +0.3827857177807173152e-10, -0.3007518609604893831e-13},
        {-0.9049140419888010819e-16, -0.6139733921558987241e-09, +0.9427906260824646063e-12},
        {+0.1634018903557411517e-14, +0.6985387934608038824e-08, -0.2100110908269393629e-10},
        {-0.2783485786333455216e-13, -0.5988224513034371474e-07, +0.3534639523461223473e-09},
        {+0.4463221276786412722e-12, +0.4005716952355346640e-06, -0.4664967728285395926e-08},
        {-0.6711366622850138987e-11, -0.2132190104575784400e-05, +0.4943823283769000532e-07},
        {+0.9422759050232658346e-10, +0.9092461304042630325e-05, -0.4271203394761148254e-06},
        {-0.1229055530100228477e-08, -0.3079188080966205457e-04, +0.3034067677404915895e-05},
        {+0.1480719281585085023e-07, +0.7971413443082370762e-04, -0.1776295289066871135e-04},
        {-0.1636584469123402714e-06, -0.1387853215225442864e-03, +0.8524547630559505050e-04},
        {+0.1646211436588923363e-05, +0.6469678026257590965e-04, -0.3290582944961784398e-03},
        {-0.1492565035840624866e-04, +0.4996645280372945860e-03, +0.9696966068789101157e-03},
        {+0.1205533298178966496e-03, -0.1622802482842520535e-02, -0.1812527628046986137e-02},
        {-0.8548327023450851166e-03, +0.1615320557049377171e-03, -0.4725409828123619017e-03},
        {+0.5223977625442188799e-02, +0.1915262325574875607e-01, +0.2090315427924229266e-01},
        {-0.2686617064513125569e-01, -0.1027818298486033455e+00, -0.1052041921842776645e+00},
        {+0.1128379167095512753e+00, -0.6366172819842503827e+00, -0.6345351808766568347e+00},
        {-0.3761263890318375380e+00, -0.1128379590648910469e+01, -0.1129442929103524396e+01},
    };
    private static final double[] ERF_HI = {1.1283791670955125586, 3.4110644736196137587e-08,
        0.00024963035690526438285};
    private static final double[] ERF_LO = {1.5335459613165822674e-17, -2.4875650708323294246e-24,
        -5.4362665034856259795e-21};

    /** {@code Sleef_erfd4_u10} (xerf_u1) of one lane. */
    static double erf(double s) {
        double a = Math.abs(s);
        int range = a < 1.0 ? 0 : a < 3.7 ? 1 : 2;
        double u = range == 0 ? a * a : a;
        double t = ERF_COEFFICIENTS[0][range];
        for (int i = 1; i < ERF_COEFFICIENTS.length; i++) {
            t = Math.fma(t, u, ERF_COEFFICIENTS[i][range]);
        }
        double px = t * u;
        DD d = new DD(px, Math.fma(t, u, -px));
        d = add2(d, new DD(ERF_HI[range], ERF_LO[range]));
        if (range == 0) {
            d = mul(d, a);
        } else {
            DD e = SleefDouble.expk2(d);
            d = add(1.0, new DD(-e.x(), -e.y()));
        }
        double r = a < 6.0 ? d.x() + d.y() : 1;
        r = Double.longBitsToDouble(Double.doubleToRawLongBits(r) ^ (Double.doubleToRawLongBits(s) & 0x8000000000000000L));
        return Double.isNaN(a) ? Double.NaN : r;
    }


    // ----- double-double steps (dd.h, FMA variants)














}
