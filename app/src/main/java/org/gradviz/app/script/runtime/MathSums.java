package org.gradviz.app.script.runtime;

import java.util.List;

/**
 * CPython 3.11's own float algorithms in the math module (not libm's): {@code fsum}, the exactly rounded sum of
 * Shewchuk's partials, and {@code hypot}, a scaled, compensated sum of squares with a corrected square root.
 */
final class MathSums {
    private MathSums() {
    }

    /** math.fsum: the sum of the items as if computed exactly, then rounded once (round-half-even). */
    static double fsum(List<Object> items) {
        double[] partials = new double[8];
        int n = 0;
        double specialSum = 0.0;
        double infSum = 0.0;
        for (Object item : items) {
            double x = MathModule.real(item);
            double xsave = x;
            int i = 0;
            for (int j = 0; j < n; j++) { // x + partials as new partials, each exact
                double y = partials[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0.0) {
                    partials[i++] = lo;
                }
                x = hi;
            }
            n = i;
            if (x != 0.0) {
                if (!Double.isFinite(x)) {
                    // an infinite or NaN item, or an overflow of finite ones
                    if (Double.isFinite(xsave)) {
                        throw new PyError("OverflowError", "intermediate overflow in fsum");
                    }
                    if (Double.isInfinite(xsave)) {
                        infSum += xsave;
                    }
                    specialSum += xsave;
                    n = 0;
                } else {
                    if (n == partials.length) {
                        partials = java.util.Arrays.copyOf(partials, 2 * n);
                    }
                    partials[n++] = x;
                }
            }
        }
        if (specialSum != 0.0) {
            if (Double.isNaN(infSum)) {
                throw PyError.value("-inf + inf in fsum");
            }
            return specialSum;
        }
        double hi = 0.0;
        if (n > 0) {
            hi = partials[--n];
            double lo = 0.0;
            // sum from the top while exact
            while (n > 0) {
                double x = hi;
                double y = partials[--n];
                hi = x + y;
                lo = y - (hi - x);
                if (lo != 0.0) {
                    break;
                }
            }
            // NOTE: half-even rounding across partials: a tie in hi + lo is broken by the sign of the next partial
            if (n > 0 && (lo < 0.0 && partials[n - 1] < 0.0 || lo > 0.0 && partials[n - 1] > 0.0)) {
                double y = lo * 2.0;
                double x = hi + y;
                if (y == x - hi) {
                    hi = x;
                }
            }
        }
        return hi;
    }

    /** math.hypot(*coordinates): CPython's vector_norm. */
    static double hypot(double[] coordinates) {
        double max = 0.0;
        boolean foundNan = false;
        for (int i = 0; i < coordinates.length; i++) {
            double x = Math.abs(coordinates[i]);
            coordinates[i] = x;
            foundNan |= Double.isNaN(x);
            if (x > max) {
                max = x;
            }
        }
        return vectorNorm(coordinates, max, foundNan);
    }

    private static double vectorNorm(double[] vec, double max, boolean foundNan) {
        if (Double.isInfinite(max)) {
            return max;
        }
        if (foundNan) {
            return Double.NaN;
        }
        if (max == 0.0 || vec.length <= 1) {
            return max;
        }
        int maxE = frexpExponent(max);
        double csum = 1.0;
        double frac1 = 0.0;
        double frac2 = 0.0;
        if (maxE < -1023) {
            // NOTE: scaling by 2^-maxE would overflow: CPython divides by max and sums the rounded squares
            double frac = 0.0;
            for (double v : vec) {
                double x = v / max;
                x = x * x;
                double oldCsum = csum;
                csum += x;
                frac += (oldCsum - csum) + x;
            }
            return max * Math.sqrt(csum - 1.0 + frac);
        }
        double scale = Math.scalb(1.0, -maxE);
        for (double v : vec) {
            double x = v * scale; // lossless
            double[] pr = dekkerProduct(x, x); // lossless squaring
            double sum = csum + pr[0]; // lossless addition (|csum| >= |pr[0]|)
            double sumLo = pr[0] - (sum - csum);
            csum = sum;
            frac1 += pr[1];
            frac2 += sumLo;
        }
        double h = Math.sqrt(csum - 1.0 + (frac1 + frac2));
        double[] pr = dekkerProduct(-h, h);
        double sum = csum + pr[0];
        double sumLo = pr[0] - (sum - csum);
        csum = sum;
        frac1 += pr[1];
        frac2 += sumLo;
        double x = csum - 1.0 + (frac1 + frac2);
        h += x / (2.0 * h); // differential correction of the square root
        return h / scale;
    }

    /** Dekker's mul12 with Veltkamp's splitting, as CPython's dl_mul: x·y as z + zz. */
    private static double[] dekkerProduct(double x, double y) {
        double[] xx = split(x);
        double[] yy = split(y);
        double p = xx[0] * yy[0];
        double q = xx[0] * yy[1] + xx[1] * yy[0];
        double z = p + q;
        double zz = p - z + q + xx[1] * yy[1];
        return new double[] {z, zz};
    }

    private static double[] split(double x) {
        double t = x * 134217729.0; // 2^27 + 1
        double hi = t - (t - x);
        return new double[] {hi, x - hi};
    }

    /** frexp's exponent e: x = m·2^e with m in [0.5, 1), subnormals included. */
    private static int frexpExponent(double x) {
        if (x >= Double.MIN_NORMAL) {
            return Math.getExponent(x) + 1;
        }
        long bits = Double.doubleToRawLongBits(x);
        return (63 - Long.numberOfLeadingZeros(bits)) - 1074 + 1;
    }
}
