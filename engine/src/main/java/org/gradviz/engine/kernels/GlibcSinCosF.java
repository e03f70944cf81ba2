package org.gradviz.engine.kernels;

/**
 * glibc 2.36's float {@code sinf} and {@code cosf} (sysdeps/ieee754/flt-32/s_sinf.c, s_cosf.c, sincosf_poly.h) as
 * their x86-64 FMA variants compute them: the {@code std::sin}/{@code std::cos} of PyTorch's default (scalar) CPU
 * build. The work is in double: |x| &lt; π/4 goes straight to the polynomials; |x| &lt; 120 is reduced by one
 * multiply-subtract with π/2; larger x by a 32×96-bit fixed-point product with 4/π. Then an odd sine polynomial
 * (x + x³s1 + x⁵(s2 + x²s3)) or an even cosine one, chosen and signed by the quadrant. Every {@code a + b*c} of the
 * source is fused, as GCC compiles it for FMA: for the reduction's multiply-subtract this matters (unfused, cosf
 * differs from this machine's libm); in the polynomials it did not change a float result on the inputs checked.
 */
public final class GlibcSinCosF {
    private static final double HPI_INV = 0x1.45F306DC9C883p+23; // 2/π · 2^24
    private static final double HPI = 0x1.921FB54442D18p0;
    private static final double PI63 = 0x1.921FB54442D18p-62; // 2π · 2^-64
    private static final float PIO4 = (float) 0x1.921FB54442D18p-1;
    private static final double[] SIGN = {1.0, -1.0, -1.0, 1.0};
    // cosine polynomial c0..c4 (negated in the second table), sine polynomial s1..s3 (the same in both)
    private static final double[][] COS = {
        {0x1p0, -0x1.ffffffd0c621cp-2, 0x1.55553e1068f19p-5, -0x1.6c087e89a359dp-10, 0x1.99343027bf8c3p-16},
        {-0x1p0, 0x1.ffffffd0c621cp-2, -0x1.55553e1068f19p-5, 0x1.6c087e89a359dp-10, -0x1.99343027bf8c3p-16},
    };
    private static final double S1 = -0x1.555545995a603p-3;
    private static final double S2 = 0x1.1107605230bc4p-7;
    private static final double S3 = -0x1.994eb3774cf24p-13;
    /** 4/π to 192 bits, 8 new bits per entry. */
    private static final int[] INV_PIO4 = {
        0xa2, 0xa2f9, 0xa2f983, 0xa2f9836e, 0xf9836e4e, 0x836e4e44, 0x6e4e4415, 0x4e441529,
        0x441529fc, 0x1529fc27, 0x29fc2757, 0xfc2757d1, 0x2757d1f5, 0x57d1f534, 0xd1f534dd, 0xf534ddc0,
        0x34ddc0db, 0xddc0db62, 0xc0db6295, 0xdb629599, 0x6295993c, 0x95993c43, 0x993c4390, 0x3c439041,
    };

    private GlibcSinCosF() {
    }

    /** The top 12 bits of a float without its sign. */
    private static int abstop12(float x) {
        return (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
    }

    /** glibc's {@code sinf(y)}. */
    public static float sinf(float y) {
        return sinOrCos(y, 0);
    }

    /** glibc's {@code cosf(y)}. */
    public static float cosf(float y) {
        return sinOrCos(y, 1);
    }

    /** sinf ({@code cos} 0) or cosf (1): the quadrant's parity picks the polynomial, cos shifts it by one. */
    private static float sinOrCos(float y, int cos) {
        double x = y;
        int top = abstop12(y);
        if (top < abstop12(PIO4)) {
            if (top < abstop12(0x1p-12f)) {
                return cos == 1 ? 1.0f : y;
            }
            return poly(x, x * x, 0, cos);
        }
        int n;
        int quadrant;
        if (top < abstop12(120.0f)) {
            double r = x * HPI_INV;
            n = ((int) r + 0x800000) >> 24;
            x = Math.fma(-n, HPI, x);
            quadrant = n;
        } else if (top < abstop12(Float.POSITIVE_INFINITY)) {
            int xi = Float.floatToRawIntBits(y);
            long[] reduced = reduceLarge(xi);
            x = Double.longBitsToDouble(reduced[0]);
            n = (int) reduced[1];
            quadrant = n + (xi >>> 31);
        } else {
            return Float.NaN;
        }
        double s = SIGN[quadrant & 3];
        int table = (quadrant & 2) != 0 ? 1 : 0;
        return poly(x * s, x * x, table, n ^ cos);
    }

    /** sinf_poly: the sine polynomial for an even {@code n}, the cosine one (of {@code table}) for an odd one. */
    private static float poly(double x, double x2, int table, int n) {
        if ((n & 1) == 0) {
            double x3 = x * x2;
            double s1 = Math.fma(x2, S3, S2);
            double x7 = x3 * x2;
            double s = Math.fma(x3, S1, x);
            return (float) Math.fma(x7, s1, s);
        }
        double[] c = COS[table];
        double x4 = x2 * x2;
        double c2 = Math.fma(x2, c[4], c[3]);
        double c1 = Math.fma(x2, c[1], c[0]);
        double x6 = x4 * x2;
        double cc = Math.fma(x4, c[2], c1);
        return (float) Math.fma(x6, c2, cc);
    }

    /**
     * reduce_large: |x| ≥ 120 as x·(4/π) in 2.62-bit fixed point from 96 bits of the table; returns the remainder
     * (as double bits, times 2π·2^-64) and the quadrant.
     */
    private static long[] reduceLarge(int xiBits) {
        int index = (xiBits >>> 26) & 15;
        int shift = (xiBits >>> 23) & 7;
        long xi = ((xiBits & 0xffffff) | 0x800000) << shift; // fits 32 bits (unsigned)
        xi &= 0xffffffffL;
        long res0 = (xi * (INV_PIO4[index] & 0xffffffffL)) & 0xffffffffL; // a 32-bit product
        long res1 = xi * (INV_PIO4[index + 4] & 0xffffffffL);
        long res2 = xi * (INV_PIO4[index + 8] & 0xffffffffL);
        res0 = (res2 >>> 32) | (res0 << 32);
        res0 += res1;
        long n = (res0 + (1L << 61)) >>> 62;
        res0 -= n << 62;
        double x = (double) res0;
        return new long[] {Double.doubleToRawLongBits(x * PI63), n};
    }
}
