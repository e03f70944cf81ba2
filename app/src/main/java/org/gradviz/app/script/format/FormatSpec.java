package org.gradviz.app.script.format;

/**
 * A parsed format spec, {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}. Absent parts are
 * 0 (chars) or -1 (numbers); {@code align} is 0 when not given, so each type applies its own default.
 */
public record FormatSpec(char fill, char align, char sign, boolean noNegativeZero, boolean alternate, int width,
        char grouping, int precision, char type) {

    /** Parses a spec for an object of the given Python type name (used in error messages). */
    public static FormatSpec parse(String spec, String typeName) {
        int pos = 0;
        char fill = ' ';
        char align = 0;
        boolean fillGiven = false;
        if (spec.length() >= 2 && isAlign(spec.charAt(1))) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            fillGiven = true;
            pos = 2;
        } else if (!spec.isEmpty() && isAlign(spec.charAt(0))) {
            align = spec.charAt(0);
            pos = 1;
        }
        char sign = 0;
        if (pos < spec.length() && "+- ".indexOf(spec.charAt(pos)) >= 0) {
            sign = spec.charAt(pos++);
        }
        boolean noNegativeZero = pos < spec.length() && spec.charAt(pos) == 'z';
        if (noNegativeZero) {
            pos++;
        }
        boolean alternate = pos < spec.length() && spec.charAt(pos) == '#';
        if (alternate) {
            pos++;
        }
        if (pos < spec.length() && spec.charAt(pos) == '0') {
            if (!fillGiven) {
                fill = '0';
            }
            if (align == 0) {
                align = '0';
            }
            pos++;
        }
        int widthStart = pos;
        pos = digitsEnd(spec, pos);
        int width = pos > widthStart ? width(spec.substring(widthStart, pos)) : -1;
        char grouping = 0;
        if (pos < spec.length() && (spec.charAt(pos) == ',' || spec.charAt(pos) == '_')) {
            grouping = spec.charAt(pos++);
            if (pos < spec.length() && (spec.charAt(pos) == ',' || spec.charAt(pos) == '_')) {
                throw new FormatSpecException("Cannot specify both ',' and '_'.");
            }
        }
        int precision = -1;
        if (pos < spec.length() && spec.charAt(pos) == '.') {
            int start = ++pos;
            pos = digitsEnd(spec, pos);
            if (pos == start) {
                throw new FormatSpecException("Format specifier missing precision");
            }
            precision = precision(spec.substring(start, pos));
        }
        if (spec.length() - pos > 1) {
            throw new FormatSpecException(
                    "Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
        }
        char type = pos < spec.length() ? spec.charAt(pos) : 0;
        return new FormatSpec(fill, align, sign, noNegativeZero, alternate, width, grouping, precision, type);
    }

    /**
     * The alignment to use: the given one, the type's default, or for the {@code 0} flag without an explicit
     * alignment, {@code =} for numbers and the default for strings.
     */
    public char alignOr(char defaultAlign) {
        if (align == '0') {
            return defaultAlign == '>' ? '=' : defaultAlign;
        }
        return align == 0 ? defaultAlign : align;
    }

    /** A width Python could count but no string of which fits memory here is Python's failed allocation. */
    private static int width(String digits) {
        long width = number(digits);
        if (width > Integer.MAX_VALUE) {
            throw new FormatTooLargeException();
        }
        return (int) width;
    }

    private static int precision(String digits) {
        long precision = number(digits);
        if (precision > Integer.MAX_VALUE) {
            throw new FormatSpecException("precision too big");
        }
        return (int) precision;
    }

    /** Digits as CPython reads them into a Py_ssize_t: beyond it, its ValueError. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            throw new FormatSpecException("Too many decimal digits in format string");
        }
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '^' || c == '=';
    }

    private static int digitsEnd(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos;
    }
}
