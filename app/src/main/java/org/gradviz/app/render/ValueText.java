package org.gradviz.app.render;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.document.DecimalText;
import org.gradviz.engine.Tensor;

/**
 * Tensor values for labels, 4 decimals as torch prints them: {@code 0.6819}, {@code [0.2661, 0.1179]},
 * matrices one row per line; long rows and many rows are cut with {@code ...}.
 */
final class ValueText {
    private static final int MAX_ITEMS = 6;

    private ValueText() {
    }

    /** The lines of the text: one for a number or a vector, one per row for a matrix. */
    static List<String> lines(Tensor t) {
        return t == null ? List.of("None") : lines(t.size(), t.data(), t.dtype().shortName());
    }

    /** {@link #lines(Tensor)} of a value given as its size and its elements in row-major order. */
    static List<String> lines(int[] size, double[] d) {
        return lines(size, d, null);
    }

    /** {@link #lines(int[], double[])} of a tensor of {@code dtype}: an int64 one's elements as integers. */
    static List<String> lines(int[] size, double[] d, String dtype) {
        if (size.length == 0) {
            return List.of(DecimalText.of(d[0], dtype));
        }
        if (size.length == 1) {
            return List.of(row(d, 0, size[0], dtype));
        }
        int cols = size[size.length - 1];
        int rows = d.length / Math.max(cols, 1);
        List<String> out = new ArrayList<>();
        for (int r = 0; r < Math.min(rows, MAX_ITEMS); r++) {
            out.add(row(d, r * cols, cols, dtype));
        }
        if (rows > MAX_ITEMS) {
            out.add("...");
        }
        return out;
    }

    private static String row(double[] d, int start, int count, String dtype) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(count, MAX_ITEMS); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(DecimalText.of(d[start + i], dtype));
        }
        if (count > MAX_ITEMS) {
            sb.append(", ...");
        }
        return sb.append(']').toString();
    }

    static String number(double v) {
        return DecimalText.of(v);
    }
}
