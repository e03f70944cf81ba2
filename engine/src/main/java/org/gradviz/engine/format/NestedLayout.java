package org.gradviz.engine.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The bracketed body of a non-empty tensor, PyTorch's {@code _tensor_str_with_formatter} and {@code _vector_str}:
 * rows wrap at the line width, nested dimensions go on new lines (separated by {@code rank - 1 - depth}
 * newlines) indented one column per depth, and a summarised dimension shows its edge items around
 * {@code ...}.
 */
final class NestedLayout {

    private final int[] dims;
    private final int[] strides;
    private final double[] values;
    private final boolean summarize;
    private final PrintOptions options;

    /**
     * @param dims      the tensor's sizes
     * @param values    its elements in row-major order
     * @param summarize whether long dimensions are shown as edge items around {@code ...}
     * @param options   print options
     */
    NestedLayout(int[] dims, double[] values, boolean summarize, PrintOptions options) {
        this.dims = dims.clone();
        this.values = values;
        this.summarize = summarize;
        this.options = options;
        this.strides = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = acc;
            acc *= dims[i];
        }
    }

    /** The elements that will be printed, in order (PyTorch's {@code get_summarized_data}). */
    double[] shownValues() {
        List<Double> shown = new ArrayList<>();
        collect(0, 0, shown);
        return shown.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The body text, starting at its opening bracket.
     *
     * @param formatter formats single elements
     * @param indent    the column where the body starts (the length of {@code "tensor("})
     */
    String render(ElementFormatter formatter, int indent) {
        return render(formatter, 0, 0, indent);
    }

    private void collect(int offset, int depth, List<Double> out) {
        if (depth == dims.length) {
            out.add(values[offset]);
            return;
        }
        for (int i : shownIndices(depth)) {
            collect(offset + i * strides[depth], depth + 1, out);
        }
    }

    /** Indices along dimension {@code depth} that are printed; -1 stands for the {@code ...}. */
    private int[] shownIndices(int depth) {
        int size = dims[depth];
        if (!options.elides(size, summarize)) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int head = options.headItems(size);
        int tail = options.tailStart(size);
        int[] some = new int[head + size - tail];
        for (int i = 0; i < head; i++) {
            some[i] = i;
        }
        for (int i = tail; i < size; i++) {
            some[head + i - tail] = i;
        }
        return some;
    }

    private String render(ElementFormatter formatter, int offset, int depth, int indent) {
        if (depth == dims.length) {
            return formatter.format(values[offset]);
        }
        boolean elided = options.elides(dims[depth], summarize);
        int edge = options.headItems(dims[depth]);
        List<String> parts = new ArrayList<>();
        int[] indices = shownIndices(depth);
        for (int k = 0; k < indices.length; k++) {
            if (elided && k == edge) {
                parts.add(depth == dims.length - 1 ? " ..." : "...");
            }
            int child = offset + indices[k] * strides[depth];
            parts.add(depth == dims.length - 1 ? formatter.format(values[child])
                    : render(formatter, child, depth + 1, indent + 1));
        }
        if (depth == dims.length - 1) {
            return "[" + wrap(parts, formatter.width(), indent) + "]";
        }
        String separator = "," + "\n".repeat(dims.length - 1 - depth) + " ".repeat(indent + 1);
        return "[" + String.join(separator, parts) + "]";
    }

    /** One row's elements, as many to a line as fit the line width, continued lines under the first element. */
    private String wrap(List<String> elements, int width, int indent) {
        int perLine = Math.max(1, Math.floorDiv(options.lineWidth() - indent, width + 2));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < elements.size(); i += perLine) {
            lines.add(String.join(", ", elements.subList(i, Math.min(elements.size(), i + perLine))));
        }
        return String.join(",\n" + " ".repeat(indent + 1), lines);
    }
}
