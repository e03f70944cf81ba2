package org.gradviz.app.animation.lens;

import java.util.ArrayList;
import java.util.List;
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
    /** A matrix of up to this many rows is written a row a line ({@link #rows}). */
    static final int MAX_ROWS = 8;

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

    /**
     * {@code v} as lines: a matrix of at most {@value #MAX_ROWS} rows and {@value #MAX_ELEMENTS} columns one row a
     * line ({@code [0.2661, 0.1179, 0.0027]}), as a box shows it; any other value as {@link #of} writes it.
     */
    static List<String> rows(TensorValue v) {
        int[] shape = v.shape();
        if (shape.length != 2 || shape[0] > MAX_ROWS || shape[1] > MAX_ELEMENTS || v.numel() == 0) {
            return List.of(of(v));
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < shape[0]; r++) {
            StringBuilder sb = new StringBuilder();
            nested(v, new int[] {shape[1]}, 0, r * shape[1], sb);
            rows.add(sb.toString());
        }
        return rows;
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
