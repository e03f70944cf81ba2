package org.gradviz.app.script.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Python's unbounded int: a {@code Long} while it fits, a {@link BigInteger} beyond (never a BigInteger that fits a
 * long, so equal ints are equal Java objects), and the conversions Python makes at the edges, with its errors.
 */
final class Ints {

    /** Python 3.11's default {@code sys.get_int_max_str_digits()}. */
    private static final int MAX_STR_DIGITS = 4300;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");
    /** 2**53: every long of at most this magnitude is exactly a double. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private Ints() {
    }

    /** The int {@code value}: a Long when it fits. */
    static Object of(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** Any int or bool as a BigInteger. */
    static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(Values.toLong(v));
    }

    /** Whether an int or bool fits a Java long. */
    static boolean fitsLong(Object v) {
        return !(v instanceof BigInteger);
    }

    /** {@code float(v)} of an int: the nearest double, or OverflowError when it is beyond the float range. */
    static double toDouble(Object v) {
        if (fitsLong(v)) {
            return Values.toLong(v);
        }
        double d = ((BigInteger) v).doubleValue();
        if (Double.isInfinite(d)) {
            throw new PyError("OverflowError", "int too large to convert to float");
        }
        return d;
    }

    /** {@code int(x)} of a finite float: exact, however large. */
    static Object fromDouble(double x) {
        if (Math.abs(x) < 0x1p63) {
            return (long) x;
        }
        return of(new BigDecimal(x).toBigInteger());
    }

    /** {@code a / b} correctly rounded, as Python's int true division; OverflowError when beyond floats. */
    static double trueDivide(Object a, Object b) {
        if (fitsLong(a) && fitsLong(b) && Math.abs(Values.toLong(a)) <= EXACT_IN_DOUBLE
                && Math.abs(Values.toLong(b)) <= EXACT_IN_DOUBLE) {
            return (double) Values.toLong(a) / (double) Values.toLong(b);
        }
        // NOTE: 40 significant digits, then one rounding to double: the quotient's error is far below half a unit
        // in the last place of the double, so the rounding is the correct one except in astronomically rare ties
        BigDecimal q = new BigDecimal(big(a)).divide(new BigDecimal(big(b)), new MathContext(40, RoundingMode.HALF_EVEN));
        double d = q.doubleValue();
        if (Double.isInfinite(d)) {
            throw new PyError("OverflowError", "integer division result too large for a float");
        }
        return d;
    }

    /** Compares an int with a float exactly, as Python does ({@code 2**53 + 1 != 2.0**53 + 1}); NaN is unordered. */
    static int compareWithFloat(Object i, double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? -1 : 1;
        }
        if (fitsLong(i) && Math.abs(Values.toLong(i)) <= EXACT_IN_DOUBLE) {
            return Double.compare((double) Values.toLong(i), d == 0.0 ? 0.0 : d);
        }
        return new BigDecimal(big(i)).compareTo(new BigDecimal(d));
    }

    /**
     * An int used as a position in a sequence (CPython's {@code PyNumber_AsSsize_t} with an error): a long, or
     * {@code errorType} "cannot fit 'int' into an index-sized integer" beyond.
     */
    static long index(Object v, String errorType) {
        if (fitsLong(v)) {
            return Values.toLong(v);
        }
        throw new PyError(errorType, "cannot fit 'int' into an index-sized integer");
    }

    /** An int a C function takes as {@code Py_ssize_t}: OverflowError beyond a long. */
    static long ssize(Object v) {
        if (fitsLong(v)) {
            return Values.toLong(v);
        }
        throw new PyError("OverflowError", "Python int too large to convert to C ssize_t");
    }

    /** An int clamped to a long, as CPython clamps slice bounds and {@code round()}'s ndigits. */
    static long clamped(Object v) {
        if (fitsLong(v)) {
            return Values.toLong(v);
        }
        return ((BigInteger) v).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** An int torch takes as a C++ int64 (a dim, an index, a seed): RuntimeError beyond, as torch's. */
    static long int64(Object v) {
        if (fitsLong(v)) {
            return Values.toLong(v);
        }
        throw new PyError("RuntimeError", "Overflow when unpacking long");
    }

    /** {@code str(v)} of an int; ValueError beyond Python's limit on the digits of an int's text. */
    static String decimal(BigInteger v) {
        String text = v.toString();
        if (text.length() - (v.signum() < 0 ? 1 : 0) > MAX_STR_DIGITS) {
            throw PyError.value("Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion; "
                    + "use sys.set_int_max_str_digits() to increase the limit");
        }
        return text;
    }

    /**
     * {@code int(text, base)}: base 2 to 36, or 0 for the base a literal's prefix gives (decimal without one, where a
     * leading zero is refused unless every digit is 0); a 0x/0o/0b prefix of the base is allowed too; signs,
     * surrounding whitespace and single underscores between digits (and after a prefix), as CPython reads it.
     */
    static Object parse(String text, long base) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw PyError.value("int() base must be >= 2 and <= 36, or 0");
        }
        if (base == 10) {
            return parse(text);
        }
        String t = text.strip();
        int sign = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        String body = t.substring(sign);
        int radix = (int) base;
        boolean prefixed = false;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            int given = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (given != 0 && (radix == 0 || radix == given)) {
                radix = given;
                prefixed = true;
                body = body.substring(body.length() > 2 && body.charAt(2) == '_' ? 3 : 2);
            }
        }
        boolean decimalLiteral = radix == 0;
        if (decimalLiteral) {
            radix = 10;
        }
        String digits = body.replace("_", "");
        int digitBase = radix;
        boolean valid = !body.isEmpty() && !body.startsWith("_") && !body.endsWith("_") && !body.contains("__")
                && digits.chars().allMatch(c -> Character.digit(c, digitBase) >= 0)
                && !(decimalLiteral && !prefixed && digits.length() > 1 && digits.charAt(0) == '0'
                        && digits.chars().anyMatch(c -> c != '0'));
        if (!valid) {
            throw PyError.value("invalid literal for int() with base " + base + ": " + Values.stringRepr(text));
        }
        if (Integer.bitCount(radix) != 1 && digits.length() > MAX_STR_DIGITS) {
            throw PyError.value("Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion: "
                    + "value has " + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the "
                    + "limit");
        }
        BigInteger value = new BigInteger(digits, radix);
        return of(t.startsWith("-") ? value.negate() : value);
    }

    /** {@code hex(v)}, {@code oct(v)}, {@code bin(v)}: the sign, the prefix, then the digits of |v|. */
    static String withPrefix(Object v, int radix, String prefix) {
        if (!Values.isInteger(v)) {
            throw PyError.type("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
        }
        BigInteger b = big(v);
        return (b.signum() < 0 ? "-" : "") + prefix + b.abs().toString(radix);
    }

    /** {@code int(text)} in base 10: signs, surrounding whitespace and single underscores between digits. */
    static Object parse(String text) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw PyError.value("invalid literal for int() with base 10: " + Values.stringRepr(text));
        }
        String digits = t.replace("_", "").replaceFirst("^[+-]", "");
        if (digits.length() > MAX_STR_DIGITS) {
            throw PyError.value("Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion: "
                    + "value has " + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the "
                    + "limit");
        }
        return of(new BigInteger(t.replace("_", "")));
    }
}
