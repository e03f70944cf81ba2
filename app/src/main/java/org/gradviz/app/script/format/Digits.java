package org.gradviz.app.script.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal digits of a finite non-negative double: {@code 0.d1d2d3... * 10^decimalPoint}. Rounding always works on
 * the exact binary value, half to even, which is what Python's dtoa does.
 */
record Digits(String digits, int decimalPoint) {

    private static final Digits ZERO = new Digits("0", 1);

    /** The shortest digits that read back as {@code x}; among those, the closest to x (Python's repr). */
    static Digits shortest(double x) {
        if (x == 0) {
            return ZERO;
        }
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (readsBack(nearest, x)) {
                return of(nearest);
            }
            // NOTE: at a power of two the interval that reads back is lopsided, so the neighbour on the other
            // side can round-trip when the nearest does not.
            RoundingMode away = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
            BigDecimal other = exact.round(new MathContext(precision, away));
            if (readsBack(other, x)) {
                return of(other);
            }
        }
        return of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** {@code significant} digits, correctly rounded, trailing zeros dropped. */
    static Digits significant(double x, int significant) {
        if (x == 0) {
            return ZERO;
        }
        return of(new BigDecimal(x).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }

    /** The value rounded to {@code decimals} places after the point, written out in full. */
    static String fixed(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static boolean readsBack(BigDecimal candidate, double x) {
        return Double.parseDouble(candidate.toString()) == x;
    }

    private static Digits of(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Digits(digits, digits.length() - stripped.scale());
    }

    /** The digits padded with zeros to at least {@code count}. */
    String padded(int count) {
        return digits.length() >= count ? digits : digits + "0".repeat(count - digits.length());
    }
}
