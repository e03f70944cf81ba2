package org.gradviz.engine.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code format(x, ".Nf")} and {@code format(x, ".Ne")}: the exact binary value correctly rounded,
 * ties to even, the sign kept on values that round to zero ({@code -0.0000}). Public so that every number the app
 * writes in torch's style rounds as torch's printing does.
 */
public final class PythonFormat {

    private PythonFormat() {
    }

    /** {@code "{:.Nf}".format(v)}: {@code 0.1235}, {@code -0.0000}, {@code 2} for N = 0, {@code inf}, {@code nan}. */
    public static String fixed(double v, int digits) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String body = new BigDecimal(Math.abs(v)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return sign(v) + body;
    }

    /** {@code "{:.Ne}".format(v)}: {@code 1.2346e+05}, {@code -3.0000e-200}, {@code 0.0000e+00}. */
    static String scientific(double v, int digits) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String mantissa;
        int exponent;
        if (v == 0) {
            mantissa = "0".repeat(digits + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(v)).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            String unscaled = rounded.unscaledValue().toString();
            exponent = unscaled.length() - 1 - rounded.scale();
            mantissa = (unscaled + "0".repeat(digits + 1)).substring(0, digits + 1);
        }
        StringBuilder sb = new StringBuilder(sign(v)).append(mantissa.charAt(0));
        if (digits > 0) {
            sb.append('.').append(mantissa, 1, digits + 1);
        }
        return sb.append(exponentText(exponent)).toString();
    }

    /** Python's exponent suffix: {@code e+05}, {@code e-200}; at least two digits. */
    static String exponentText(int exponent) {
        String magnitude = Integer.toString(Math.abs(exponent));
        return (exponent < 0 ? "e-" : "e+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return null;
    }

    private static String sign(double v) {
        return Math.copySign(1.0, v) < 0 ? "-" : "";
    }
}
