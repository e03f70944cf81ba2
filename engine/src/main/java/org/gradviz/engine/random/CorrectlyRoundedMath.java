package org.gradviz.engine.random;

/**
 * log, sin and cos in double precision, correctly rounded (computed with about
 * 100 bits and rounded once).
 *
 * <p>PyTorch's double-precision Box–Muller calls glibc's {@code log}, {@code sin}
 * and {@code cos}, which are correctly rounded in all but rare cases (their error
 * bound is slightly above half an ulp). Java's {@code Math} functions may be off by
 * an ulp far more often and {@code StrictMath} (fdlibm) more often still, so a
 * correctly rounded result is the closest portable match to glibc.
 *
 * <p>The domain is what Box–Muller needs: {@code log} of positive finite numbers
 * and {@code sin}/{@code cos} of finite arguments of modest size (|x| &lt; 2^20).
 */
final class CorrectlyRoundedMath {
    private static final DoubleDouble LN2 = new DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56);
    private static final double PIO2_1 = 0x1.921fb54442d18p0;
    private static final double PIO2_2 = 0x1.1a62633145c07p-54;
    private static final double PIO2_3 = -0x1.f1976b7ed8fbcp-110;
    private static final double SQRT2 = 0x1.6a09e667f3bcdp0;

    /** 1 / (2i + 1): the series log(m) = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...). */
    private static final DoubleDouble[] ATANH_COEFFICIENTS = new DoubleDouble[24];
    /** (-1)^i / (2i+1)!: sin(r) = r (1 - r^2/3! + r^4/5! - ...). */
    private static final DoubleDouble[] SIN_COEFFICIENTS = new DoubleDouble[16];
    /** (-1)^i / (2i)!: cos(r) = 1 - r^2/2! + r^4/4! - ... . */
    private static final DoubleDouble[] COS_COEFFICIENTS = new DoubleDouble[16];

    static {
        for (int i = 0; i < ATANH_COEFFICIENTS.length; i++) {
            ATANH_COEFFICIENTS[i] = DoubleDouble.ONE.divide(DoubleDouble.of(2 * i + 1));
        }
        DoubleDouble inverseFactorial = DoubleDouble.ONE;
        for (int n = 0; n < 2 * SIN_COEFFICIENTS.length; n++) {
            if (n > 0) {
                inverseFactorial = inverseFactorial.divide(DoubleDouble.of(n));
            }
            DoubleDouble signed = (n / 2) % 2 == 0 ? inverseFactorial : inverseFactorial.negate();
            if (n % 2 == 0) {
                COS_COEFFICIENTS[n / 2] = signed;
            } else {
                SIN_COEFFICIENTS[n / 2] = signed;
            }
        }
    }

    private CorrectlyRoundedMath() {
    }

    /** The natural logarithm of a positive finite x, correctly rounded. */
    static double log(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return Math.log(x);
        }
        if (x == 1) {
            return 0;
        }
        // x = 2^k * m with m in [sqrt(1/2), sqrt(2))
        int k = Math.getExponent(x);
        if (k < Double.MIN_EXPONENT) {
            x *= 0x1p54;
            k = Math.getExponent(x) - 54;
            x = Math.scalb(x, -Math.getExponent(x));
        } else {
            x = Math.scalb(x, -k);
        }
        if (x > SQRT2) {
            x /= 2;
            k++;
        }
        // m - 1 is exact here; s = (m - 1) / (m + 1)
        DoubleDouble s = DoubleDouble.of(x - 1).divide(DoubleDouble.twoSum(x, 1));
        DoubleDouble s2 = s.multiply(s);
        DoubleDouble series = horner(ATANH_COEFFICIENTS, s2);
        DoubleDouble logM = s.multiply(series).multiply(2);
        return LN2.multiply(k).add(logM).toDouble();
    }

    /** sin(x), correctly rounded. */
    static double sin(double x) {
        return sinOrCos(x, 0);
    }

    /** cos(x), correctly rounded. */
    static double cos(double x) {
        return sinOrCos(x, 1);
    }

    /** sin(x + shift * pi/2) with the argument reduced to |r| <= pi/4 first. */
    private static double sinOrCos(double x, int shift) {
        if (x == 0 && shift == 0) {
            return x;
        }
        long k = Math.round(x / PIO2_1);
        // r = x - k * pi/2, with pi/2 carried to about 160 bits
        DoubleDouble kPio2 = DoubleDouble.twoProduct(k, PIO2_1);
        DoubleDouble r = DoubleDouble.twoSum(x, -kPio2.hi())
                .add(-kPio2.lo())
                .add(DoubleDouble.twoProduct(k, PIO2_2).negate())
                .add(-k * PIO2_3);
        DoubleDouble r2 = r.multiply(r);
        int quadrant = (int) Math.floorMod(k + shift, 4L);
        DoubleDouble result = switch (quadrant) {
            case 0 -> r.multiply(horner(SIN_COEFFICIENTS, r2));
            case 1 -> horner(COS_COEFFICIENTS, r2);
            case 2 -> r.multiply(horner(SIN_COEFFICIENTS, r2)).negate();
            default -> horner(COS_COEFFICIENTS, r2).negate();
        };
        return result.toDouble();
    }

    /** c[0] + t (c[1] + t (c[2] + ...)). */
    private static DoubleDouble horner(DoubleDouble[] coefficients, DoubleDouble t) {
        DoubleDouble acc = coefficients[coefficients.length - 1];
        for (int i = coefficients.length - 2; i >= 0; i--) {
            acc = acc.multiply(t).add(coefficients[i]);
        }
        return acc;
    }
}
