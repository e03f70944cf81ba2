package org.gradviz.engine.kernels;

import static java.lang.Math.fma;

/**
 * glibc 2.36's double {@code atan} (sysdeps/ieee754/dbl-64/s_atan.c, IBM Accurate Mathematical Library) as its x86-64
 * FMA variant computes it, CPython's {@code math.atan}: an odd Taylor polynomial below 1/16, a table of points x0
 * in (1/16, 1) with a polynomial in x - x0, the same in 1/x (atan x = π/2 - atan(1/x)) up to 16, and the polynomial in
 * 1/x above. Which {@code a*b + c} GCC fused was read off the compiled library.
 */
public final class GlibcAtan {
    private static final double D3 = -0x1.5555555555555p-2;
    private static final double D5 = 0x1.99999999997fdp-3;
    private static final double D7 = -0x1.24924923f7603p-3;
    private static final double D9 = 0x1.c71c6e5129a3bp-4;
    private static final double D11 = -0x1.7458022b13c25p-4;
    private static final double D13 = 0x1.375f08b31cbcep-4;
    private static final double A = 0x1.bb67a00000000p-27;
    private static final double B = 0x1p-4;
    private static final double C = 1.0;
    private static final double D = 16.0;
    private static final double E = 0x1.49ff200000000p+52;
    private static final double HPI = 0x1.921fb54442d18p+0;
    private static final double HPI1 = 0x1.1a62633145c07p-54;
    private static final double TWO52 = 0x1p52;
    private static final double[] CIJ = GlibcAtanTable.CIJ;

    private GlibcAtan() {
    }

    /** glibc's {@code atan(x)}. */
    public static double atan(double x) {
        if (Double.isNaN(x)) {
            return x + x;
        }
        double u = x < 0 ? -x : x;
        if (u < C) {
            if (u < B) {
                if (u < A) {
                    return x;
                }
                double v = x * x;
                double yy = fma(v, fma(v, fma(v, fma(v, fma(v, D13, D11), D9), D7), D5), D3);
                return fma(x * v, yy, x);
            }
            int i = row(u);
            double z = u - CIJ[i];
            return Math.copySign(fma(polynomial(i, z), z, CIJ[i + 1]), x);
        }
        if (u < D) {
            double w = 1 / u;
            double t1 = u * w; // w·u = t1 + t2 exactly
            double t2 = fma(u, w, -t1);
            int i = row(w);
            double z = fma((1 - t1) - t2, w, w - CIJ[i]); // (w - x0) + w·(1 - u·w)
            double yy = fma(-polynomial(i, z), z, HPI1);
            double t = HPI - CIJ[i + 1];
            return Math.copySign(t + yy, x);
        }
        if (u < E) {
            double w = 1 / u;
            double v = w * w;
            double t1 = u * w;
            double t2 = fma(u, w, -t1);
            double yy = fma(v, fma(v, fma(v, fma(v, fma(v, D13, D11), D9), D7), D5), D3);
            yy = w * v * yy;
            double ww = ((1 - t1) - t2) * w;
            double t3 = HPI - w; // ESUB(HPI, w): t3 + cor = HPI - w exactly
            double cor = HPI > Math.abs(w) ? (HPI - t3) - w : HPI - (t3 + w);
            yy = ((HPI1 + cor) - ww) - yy;
            return Math.copySign(t3 + yy, x);
        }
        return x > 0 ? HPI : -HPI;
    }

    /** The table row of u in (1/16, 1): round(256·u) - 16, times the row length. */
    private static int row(double u) {
        return 7 * ((int) (fma(u, 256.0, TWO52) - TWO52) - 16);
    }

    /** c2 + z·(c3 + z·(c4 + z·(c5 + z·c6))) of row i. */
    private static double polynomial(int i, double z) {
        return fma(z, fma(z, fma(z, fma(z, CIJ[i + 6], CIJ[i + 5]), CIJ[i + 4]), CIJ[i + 3]), CIJ[i + 2]);
    }
}
