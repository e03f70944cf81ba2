package org.gradviz.app.script.format;

import java.math.BigInteger;

/**
 * Python's text forms of numbers and strings, for printing: {@code repr(float)} and the {@code format()}
 * mini-language used by f-strings. Pure functions; rounding is half-even on the exact binary value, as in Python.
 */
public final class PythonFormat {

    private PythonFormat() {
    }

    /** {@code repr(x)} for a float: shortest round-trip digits, e.g. {@code 0.1}, {@code 1e-08}, {@code 100.0}. */
    public static String floatRepr(double x) {
        return FloatFormatter.repr(x);
    }

    /**
     * {@code format(value, spec)} for a Python float (Double, Float), int (Integer, Long, Short, Byte, BigInteger),
     * bool (Boolean) or str (String).
     *
     * @throws FormatSpecException with Python's ValueError message for a spec the type does not accept
     */
    public static String format(Object value, String spec) {
        if (value instanceof Boolean b) {
            if (spec.isEmpty()) {
                return b ? "True" : "False";
            }
            BigInteger asInt = b ? BigInteger.ONE : BigInteger.ZERO;
            return IntFormatter.format(asInt, FormatSpec.parse(spec, "bool"), "bool");
        }
        if (value instanceof Double || value instanceof Float) {
            return FloatFormatter.format(((Number) value).doubleValue(), FormatSpec.parse(spec, "float"));
        }
        if (value instanceof BigInteger big) {
            return IntFormatter.format(big, FormatSpec.parse(spec, "int"), "int");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return IntFormatter.format(BigInteger.valueOf(((Number) value).longValue()),
                    FormatSpec.parse(spec, "int"), "int");
        }
        if (value instanceof String s) {
            return StringFormatter.format(s, FormatSpec.parse(spec, "str"));
        }
        throw new IllegalArgumentException("format() supports float, int, bool and str, not "
                + (value == null ? "None" : value.getClass().getSimpleName()));
    }
}
