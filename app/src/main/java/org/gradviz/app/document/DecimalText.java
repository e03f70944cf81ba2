package org.gradviz.app.document;

import org.gradviz.engine.format.PythonFormat;

/**
 * A number written with 4 decimals, as torch prints tensor elements: {@code 0.2661}, {@code -1.1258}, {@code nan}; ties
 * round to even ({@code 0.03125} is {@code 0.0312}), by the same code as the engine's tensor printing.
 */
public final class DecimalText {
    private DecimalText() {
    }

    public static String of(double v) {
        return PythonFormat.fixed(v, 4);
    }

    /** An element of a tensor of {@code dtype} (torch's short name): an int64 one as an integer, {@code 3}. */
    public static String of(double v, String dtype) {
        return dtype != null && (dtype.startsWith("int") || dtype.equals("uint8")) ? Long.toString((long) v) : of(v);
    }

    /** A number as short as it reads exactly: {@code 3}, {@code 0.5}. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
