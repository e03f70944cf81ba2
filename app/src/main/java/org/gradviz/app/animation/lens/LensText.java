package org.gradviz.app.animation.lens;

import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.DecimalText;
import org.gradviz.app.document.ShapeText;

/**
 * A value as a panel shows it: elements with torch's 4 decimals ({@code 0.2661}), whole numbers for int64
 * ({@code 3}), {@code True}/{@code False} for bool, nested brackets by shape ({@code [[1.0000, 2.0000]]});
 * past {@value #MAX_ELEMENTS} elements the first few, then the shape ({@code [0.1, 0.2, …] (5, 3)}).
 */
final class LensText {
    static final int MAX_ELEMENTS = 8;
    private static final int SHOWN_WHEN_LONG = 4;

    private LensText() {
    }

    static String of(TensorValue v) {
        int[] shape = v.shape();
        if (shape.length == 0) {
            return element(v, 0);
        }
        if (v.numel() > MAX_ELEMENTS) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < SHOWN_WHEN_LONG; i++) {
                sb.append(element(v, i)).append(", ");
            }
            return sb.append("…] ").append(ShapeText.of(shape)).toString();
        }
        StringBuilder sb = new StringBuilder();
        nested(v, shape, 0, 0, sb);
        return sb.toString();
    }

    /** Writes dimension {@code dim} starting at flat element {@code offset}; returns the next offset. */
    private static int nested(TensorValue v, int[] shape, int dim, int offset, StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (dim == shape.length - 1) {
                sb.append(element(v, offset++));
            } else {
                offset = nested(v, shape, dim + 1, offset, sb);
            }
        }
        sb.append(']');
        return offset;
    }

    private static String element(TensorValue v, int i) {
        double x = v.get(i);
        return switch (v.dtype()) {
            case "bool" -> x != 0 ? "True" : "False";
            case "int64", "int32", "int16", "int8", "uint8" -> Long.toString((long) x);
            default -> DecimalText.of(x);
        };
    }
}
