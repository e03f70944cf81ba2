package org.gradviz.engine.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, in fixed notation
 * when the decimal point falls within 16 digits, in Python's scientific notation otherwise.
 * Examples: {@code 0.1}, {@code 100.0}, {@code 1e-08}, {@code 1e+16}, {@code 1.5e-05}, {@code -0.0},
 * {@code inf}, {@code nan}.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /**
     * The text Python's {@code repr} gives for {@code v}.
     *
     * @param v any double, including NaN, infinities and negative zero
     * @return the repr, e.g. {@code "0.30000000000000004"}
     */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String sign = Math.copySign(1.0, v) < 0 ? "-" : "";
        if (v == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(v));
        String digits = shortest.unscaledValue().toString();
        int pointPosition = digits.length() - shortest.scale(); // v = 0.digits * 10^pointPosition
        // NOTE: CPython's float_repr_style 'short' switches to exponent form when decpt <= -4 or decpt > 16.
        if (pointPosition <= -4 || pointPosition > 16) {
            return sign + scientific(digits, pointPosition - 1);
        }
        return sign + fixed(digits, pointPosition);
    }

    /**
     * The shortest decimal that rounds back to {@code abs}, the nearest such one when several have that length.
     * The correctly rounded candidate is nearest, but at a power of two the rounding interval is lopsided,
     * so its neighbours one unit in the last place away are tried too.
     */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (readsBackAs(nearest, abs)) {
                return nearest.stripTrailingZeros();
            }
            BigDecimal best = null;
            for (BigDecimal neighbour : new BigDecimal[] {nearest.subtract(nearest.ulp()), nearest.add(nearest.ulp())}) {
                BigDecimal candidate = neighbour.stripTrailingZeros();
                if (candidate.signum() > 0 && candidate.precision() <= precision && readsBackAs(candidate, abs)
                        && (best == null || distance(candidate, exact).compareTo(distance(best, exact)) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new IllegalStateException("no 17-digit decimal reads back as " + abs);
    }

    private static boolean readsBackAs(BigDecimal decimal, double abs) {
        return Double.parseDouble(decimal.toString()) == abs;
    }

    private static BigDecimal distance(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs();
    }

    private static String scientific(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + PythonFormat.exponentText(exponent);
    }

    private static String fixed(String digits, int pointPosition) {
        if (pointPosition <= 0) {
            return "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return digits + "0".repeat(pointPosition - digits.length()) + ".0";
        }
        return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
}
