package org.gradviz.app.script.format;

import java.util.Locale;

/** {@code format(float, spec)}: the types e, f, g, %, their capitals, n, and no type (repr-like). */
final class FloatFormatter {

    private static final int REPR_FIXED_MAX_EXPONENT = 16;

    private FloatFormatter() {
    }

    static String format(double value, FormatSpec spec) {
        char type = spec.type();
        if (type != 0 && "eEfFgGn%".indexOf(type) < 0) {
            throw new FormatSpecException("Unknown format code '" + type + "' for object of type 'float'");
        }
        if (type == 'n' && spec.grouping() != 0) {
            throw new FormatSpecException("Cannot specify '" + spec.grouping() + "' with 'n'.");
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        double magnitude = Math.abs(type == '%' ? value * 100 : value);
        String body;
        if (Double.isNaN(magnitude)) {
            body = "nan";
        } else if (Double.isInfinite(magnitude)) {
            body = "inf";
        } else {
            body = body(magnitude, type, spec.precision(), spec.alternate());
        }
        if (type == '%') {
            body += "%";
        }
        if (type == 'E' || type == 'F' || type == 'G') {
            body = body.toUpperCase(Locale.ROOT);
        }
        if (negative && spec.noNegativeZero() && isZero(body)) {
            negative = false;
        }
        return NumberLayout.layout(negative, "", body, spec, 3);
    }

    /** Python's {@code repr(float)}. */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        String sign = value < 0 || (value == 0 && 1 / value < 0) ? "-" : "";
        if (Double.isInfinite(value)) {
            return sign + "inf";
        }
        return sign + reprBody(Math.abs(value));
    }

    private static String body(double x, char type, int precision, boolean alternate) {
        return switch (type) {
            case 0 -> precision < 0 ? reprBody(x) : general(x, precision, alternate, true);
            case 'e', 'E' -> exponential(x, precision < 0 ? 6 : precision, alternate);
            case 'f', 'F', '%' -> Digits.fixed(x, precision < 0 ? 6 : precision)
                    + (alternate && precision == 0 ? "." : "");
            default -> general(x, precision < 0 ? 6 : precision, alternate, false);
        };
    }

    /** Shortest round-trip digits; plain notation for exponents -4 up to 16, else scientific. */
    private static String reprBody(double x) {
        Digits d = Digits.shortest(x);
        if (d.decimalPoint() > -4 && d.decimalPoint() <= REPR_FIXED_MAX_EXPONENT) {
            return plain(d.digits(), d.decimalPoint(), true, false);
        }
        return scientific(d.digits(), d.decimalPoint(), false);
    }

    /** 'g': {@code precision} significant digits, scientific when the exponent is below -4 or not below p. */
    private static String general(double x, int precision, boolean alternate, boolean addDotZero) {
        int p = Math.max(precision, 1);
        Digits d = Digits.significant(x, p);
        String digits = alternate ? d.padded(p) : d.digits();
        // NOTE: when ".0" would be added, one digit fewer fits before switching to scientific notation
        int maxPlainExponent = addDotZero ? p - 1 : p;
        if (d.decimalPoint() <= -4 || d.decimalPoint() > maxPlainExponent) {
            return scientific(digits, d.decimalPoint(), alternate);
        }
        return plain(digits, d.decimalPoint(), addDotZero, alternate);
    }

    private static String exponential(double x, int precision, boolean alternate) {
        Digits d = Digits.significant(x, precision + 1);
        String digits = d.padded(precision + 1);
        return scientific(digits, d.decimalPoint(), alternate);
    }

    private static String plain(String digits, int decimalPoint, boolean addDotZero, boolean alternate) {
        String integer;
        String fraction;
        if (decimalPoint <= 0) {
            integer = "0";
            fraction = "0".repeat(-decimalPoint) + digits;
        } else if (decimalPoint >= digits.length()) {
            integer = digits + "0".repeat(decimalPoint - digits.length());
            fraction = "";
        } else {
            integer = digits.substring(0, decimalPoint);
            fraction = digits.substring(decimalPoint);
        }
        if (!fraction.isEmpty()) {
            return integer + "." + fraction;
        }
        return integer + (addDotZero ? ".0" : alternate ? "." : "");
    }

    private static String scientific(String digits, int decimalPoint, boolean alternate) {
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1)
                : digits + (alternate ? "." : "");
        int exponent = digits.equals("0") || digits.chars().allMatch(c -> c == '0') ? 0 : decimalPoint - 1;
        int size = Math.abs(exponent);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (size < 10 ? "0" : "") + size;
    }

    private static boolean isZero(String body) {
        int end = body.indexOf('e') >= 0 ? body.indexOf('e') : body.indexOf('E') >= 0 ? body.indexOf('E')
                : body.length();
        return body.substring(0, end).chars().noneMatch(c -> c >= '1' && c <= '9');
    }
}
