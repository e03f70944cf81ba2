package org.gradviz.engine.kernels;

import static java.lang.Math.abs;
import static java.lang.Math.copySign;
import static java.lang.Math.fma;

/**
 * glibc 2.36's double {@code sin} and {@code cos} (sysdeps/ieee754/dbl-64/s_sin.c, the IBM Accurate Mathematical
 * Library without its slow correctly rounded paths) as their x86-64 FMA variants ({@code __sin_fma},
 * {@code __cos_fma}) compute them: the {@code std::sin}/{@code std::cos} of PyTorch's float64 Box–Muller and
 * CPython's {@code math.sin}/{@code math.cos}. They are not always correctly rounded (0.55 ulp at worst), so only this
 * algorithm gives their last bits. Which {@code a*b + c} GCC fused was read off the compiled library; the large
 * argument reduction ({@code __branred}) is compiled without FMA.
 *
 * <p>Method: reduce x to a + da (a double-double) with |a + da| &lt; π/4 and a quadrant; split a into
 * x_i = i/128 from a table plus a small remainder h, and combine the table's sin/cos of x_i with short Taylor
 * polynomials of h (sin(x_i + h) = sin x_i cos h + cos x_i sin h). Near 0 (|a| &lt; 0.126) a longer Taylor
 * polynomial of a alone is used.
 */
public final class GlibcSinCos {
    // usncs.h: Taylor coefficients of sin near 0, π/2 as hi + lo, π/2 in three pieces for the reduction
    private static final double S1 = -0x1.5555555555555p-3;
    private static final double S2 = 0x1.1111111110ECEp-7;
    private static final double S3 = -0x1.A01A019DB08B8p-13;
    private static final double S4 = 0x1.71DE27B9A7ED9p-19;
    private static final double S5 = -0x1.ADDFFC2FCDF59p-26;
    /** Adding it leaves a number in [0, 1) rounded to 1/128, that multiple in the low bits. */
    private static final double BIG = 0x1.8p45;
    private static final double HP0 = 0x1.921FB54442D18p0;
    private static final double HP1 = 0x1.1A62633145C07p-54;
    private static final double MP1 = 0x1.921FB58000000p0;
    private static final double MP2 = -0x1.DDE973C000000p-27;
    private static final double PP3 = -0x1.CB3B398000000p-55;
    private static final double PP4 = -0x1.d747f23e32ed7p-83;
    private static final double HPINV = 0x1.45F306DC9C883p-1;
    private static final double TOINT = 0x1.8p52;
    // s_sin.c: short polynomials for sin(h) - h and 1 - cos(h), |h| <= 1/256
    private static final double SN3 = -0x1.5555555555515p-3;
    private static final double SN5 = 0x1.11110e829872fp-7;
    private static final double CS2 = 0x1p-1;
    private static final double CS4 = -0x1.5555555555535p-5;
    private static final double CS6 = 0x1.6c16bedd9e239p-10;

    private static final double[] TABLE = GlibcSinCosTable.SINCOS;

    private GlibcSinCos() {
    }

    /** glibc's {@code sin(x)}. */
    public static double sin(double x) {
        int k = highWord(x) & 0x7fffffff;
        if (k < 0x3e500000) { // |x| < 2^-26: sin x = x
            return x;
        }
        if (k < 0x3feb6000) { // |x| < 0.855469
            return doSin(x, 0);
        }
        if (k < 0x400368fd) { // |x| < 2.426265: sin x = ±cos(π/2 - |x|)
            double t = HP0 - abs(x);
            return copySign(doCos(t, HP1), x);
        }
        if (k < 0x419921FB) { // |x| < 105414350
            return quadrant(reduce(x), 0);
        }
        if (k < 0x7ff00000) {
            return quadrant(GlibcBranred.reduce(x), 0);
        }
        return Double.NaN; // inf or NaN
    }

    /** glibc's {@code cos(x)}. */
    public static double cos(double x) {
        int k = highWord(x) & 0x7fffffff;
        if (k < 0x3e400000) { // |x| < 2^-27: cos x = 1
            return 1.0;
        }
        if (k < 0x3feb6000) { // |x| < 0.855469
            return doCos(x, 0);
        }
        if (k < 0x400368fd) { // |x| < 2.426265: cos x = sin(π/2 - |x|), π/2 - |x| as a double-double
            double y = HP0 - abs(x);
            double a = y + HP1;
            double da = (y - a) + HP1;
            return doSin(a, da);
        }
        if (k < 0x419921FB) {
            return quadrant(reduce(x), 1);
        }
        if (k < 0x7ff00000) {
            return quadrant(GlibcBranred.reduce(x), 1);
        }
        return Double.NaN;
    }

    /** x = n·π/2 + (a + da) with |a + da| <= π/4; n only modulo 4 matters. */
    record Reduced(double a, double da, int n) {
    }

    /** reduce_sincos: x·2/π rounded to an integer n, x - n·π/2 with π/2 carried to 136 bits. */
    private static Reduced reduce(double x) {
        double t = fma(x, HPINV, TOINT);
        double xn = t - TOINT;
        int n = (int) Double.doubleToRawLongBits(t) & 3;
        double y = fma(-xn, MP2, fma(-xn, MP1, x));
        double t2 = fma(-xn, PP3, y);
        double db = fma(-xn, PP3, y - t2);
        double b = fma(-xn, PP4, t2);
        db += fma(-xn, PP4, t2 - b);
        return new Reduced(b, db, n);
    }

    /** sin of the reduced argument plus {@code shift} quarter turns (1 for cos). */
    private static double quadrant(Reduced r, int shift) {
        int n = r.n() + shift;
        double result = (n & 1) != 0 ? doCos(r.a(), r.da()) : doSin(r.a(), r.da());
        return (n & 2) != 0 ? -result : result;
    }

    /** sin(x + dx), |x| < 0.855469 (dx much smaller than x's ulp). */
    private static double doSin(double x, double dx) {
        if (abs(x) < 0.126) {
            // x - x^3/3! + ... + x^11 term, plus dx·(1 - x^2/2)
            double xx = x * x;
            double p = fma(fma(fma(fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
            double t = fma(fma(p, x, -(0.5 * dx)), xx, dx);
            return x + t;
        }
        double xold = x;
        if (x <= 0) {
            dx = -dx;
        }
        double u = BIG + abs(x);
        int i = tableIndex(u);
        double h = abs(x) - (u - BIG);
        double hh = h * h;
        // sin(x_i + h) = sn + (ssn + s·ccs - sn·c + cs·s), s ≈ sin h, c ≈ 1 - cos h
        double s = h + fma(h * hh, fma(hh, SN5, SN3), dx);
        double c = fma(h, dx, hh * fma(hh, fma(hh, CS6, CS4), CS2));
        double sn = TABLE[i];
        double ssn = TABLE[i + 1];
        double cs = TABLE[i + 2];
        double ccs = TABLE[i + 3];
        double cor = fma(s, cs, fma(-c, sn, fma(s, ccs, ssn)));
        return copySign(sn + cor, xold);
    }

    /** cos(x + dx), |x| < 0.855469. */
    private static double doCos(double x, double dx) {
        if (x < 0) {
            dx = -dx;
        }
        double u = BIG + abs(x);
        int i = tableIndex(u);
        double h = abs(x) - (u - BIG) + dx;
        double hh = h * h;
        // cos(x_i + h) = cs + (ccs - s·ssn - cs·c - sn·s)
        double s = fma(h * hh, fma(hh, SN5, SN3), h);
        double c = hh * fma(hh, fma(hh, CS6, CS4), CS2);
        double sn = TABLE[i];
        double ssn = TABLE[i + 1];
        double cs = TABLE[i + 2];
        double ccs = TABLE[i + 3];
        double cor = fma(-s, sn, fma(-c, cs, fma(-s, ssn, ccs)));
        return cs + cor;
    }

    /** The low word of BIG + |x| is round(|x|·128): four table entries per step. */
    private static int tableIndex(double u) {
        return (int) Double.doubleToRawLongBits(u) << 2;
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }
}
