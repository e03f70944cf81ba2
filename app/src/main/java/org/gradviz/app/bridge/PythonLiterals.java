package org.gradviz.app.bridge;

import java.util.List;
import java.util.stream.Collectors;
import org.gradviz.app.script.format.PythonFormat;

/** Numbers, sizes and nested lists as Python source. */
final class PythonLiterals {

    private PythonLiterals() {
    }

    /** A float as Python writes it ({@code 0.8}, {@code 1.0}, {@code float('inf')}); always a float. */
    static String floatLiteral(double v) {
        if (Double.isNaN(v)) {
            return "float('nan')";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "float('inf')" : "float('-inf')";
        }
        return PythonFormat.floatRepr(v);
    }

    /** A Python number operand: a whole number as an int ({@code 3}), else a float ({@code 0.5}). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return floatLiteral(v);
    }

    /** The sizes as factory arguments: {@code 5, 3}, or {@code ()} for a 0-d tensor. */
    static String sizeArguments(List<Integer> shape) {
        return shape.isEmpty() ? "()" : shape.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The sizes as a tuple: {@code (1,)}, {@code (2, 3)}, {@code ()}. */
    static String sizeTuple(List<Integer> shape) {
        String items = shape.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return shape.size() == 1 ? "(" + items + ",)" : "(" + items + ")";
    }

    /** Row-major {@code data} nested as {@code shape}: {@code [[1.0, 2.0], [3.0, 4.0]]}, or {@code 1.5} for 0-d. */
    static String nested(List<Double> data, List<Integer> shape) {
        return nested(data, shape, false);
    }

    /** {@link #nested(List, List)}, with whole numbers as ints ({@code [[0, 2]]}) when {@code integral}. */
    static String nested(List<Double> data, List<Integer> shape, boolean integral) {
        StringBuilder sb = new StringBuilder();
        nestInto(sb, data, shape, 0, 0, integral);
        return sb.toString();
    }

    private static int nestInto(StringBuilder sb, List<Double> data, List<Integer> shape, int depth, int next,
                                boolean integral) {
        if (depth == shape.size()) {
            double v = data.get(next);
            sb.append(integral ? Long.toString((long) v) : floatLiteral(v));
            return next + 1;
        }
        sb.append('[');
        for (int i = 0; i < shape.get(depth); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            next = nestInto(sb, data, shape, depth + 1, next, integral);
        }
        sb.append(']');
        return next;
    }
}
