package org.gradviz.engine.format;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;

/**
 * PyTorch 1.13's {@code repr(tensor)} ({@code torch/_tensor_str.py}), character for character:
 * {@code tensor([0.2074, 0.1419])}, {@code tensor(8.)}, {@code tensor([1, 2, 3])},
 * {@code tensor([], size=(0, 3))}, nested and wrapped rows, {@code ...} summaries above 1000 elements,
 * and the suffixes such as {@code requires_grad=True} after the values.
 */
public final class TensorFormatter {

    private static final String PREFIX = "tensor(";
    private static final String DTYPE_KEY = "dtype=";

    private TensorFormatter() {
    }

    /**
     * PyTorch's repr of a tensor.
     *
     * <p>For an empty tensor PyTorch also names the size (unless it is 1-d) and every non-default dtype,
     * int64 and bool included; this method adds those itself, in front of the given suffixes, and drops any
     * {@code dtype=} suffix passed in so it is not shown twice.
     *
     * @param shape          the tensor's shape
     * @param dtype          its element type
     * @param rowMajorValues its elements in row-major order; float32 values as exactly widened doubles
     * @param suffixes       what follows the values, in order, e.g. from {@link #suffixes(DType, boolean, String)}
     * @return e.g. {@code "tensor([ 0.1227, -0.5663,  0.3731], requires_grad=True)"}
     */
    public static String format(Shape shape, DType dtype, double[] rowMajorValues, List<String> suffixes) {
        if (rowMajorValues.length != shape.numel()) {
            throw new IllegalArgumentException("shape " + shape + " holds " + shape.numel() + " elements but "
                    + rowMajorValues.length + " values were given");
        }
        PrintOptions options = PrintOptions.current();
        if (shape.numel() == 0) {
            return withSuffixes(PREFIX + "[]", emptySuffixes(shape, dtype, suffixes), options);
        }
        boolean summarize = shape.numel() > options.threshold();
        NestedLayout layout = new NestedLayout(shape.dims(), rowMajorValues, summarize, options);
        ElementFormatter formatter = new ElementFormatter(dtype, layout.shownValues(), options);
        return withSuffixes(PREFIX + layout.render(formatter, PREFIX.length()), suffixes, options);
    }

    /**
     * The suffixes PyTorch prints for a plain CPU tensor: {@code dtype=torch.float64} unless the type is
     * float32 (the default), int64 or bool; then {@code grad_fn=<NAME>} for a tensor made by a recorded op,
     * or {@code requires_grad=True} for a leaf that requires grad.
     *
     * @param dtype           the tensor's element type
     * @param requiresGrad    whether it requires grad
     * @param gradFnNameOrNull the name of its {@code grad_fn} ({@code AddBackward0}), or null for a leaf
     * @return the suffixes in PyTorch's order; empty when there are none
     */
    public static List<String> suffixes(DType dtype, boolean requiresGrad, String gradFnNameOrNull) {
        List<String> out = new ArrayList<>();
        if (dtype != DType.defaultFloat() && dtype != DType.INT64 && dtype != DType.BOOL) {
            out.add(DTYPE_KEY + dtype.torchName());
        }
        if (gradFnNameOrNull != null) {
            out.add("grad_fn=<" + gradFnNameOrNull + ">");
        } else if (requiresGrad) {
            out.add("requires_grad=True");
        }
        return out;
    }

    /** An empty tensor shows its size unless 1-d, and its dtype unless float32. */
    private static List<String> emptySuffixes(Shape shape, DType dtype, List<String> given) {
        List<String> out = new ArrayList<>();
        if (shape.rank() != 1) {
            out.add("size=" + shape.tupleText());
        }
        if (dtype != DType.defaultFloat()) {
            out.add(DTYPE_KEY + dtype.torchName());
        }
        for (String suffix : given) {
            if (!suffix.startsWith(DTYPE_KEY)) {
                out.add(suffix);
            }
        }
        return out;
    }

    /**
     * PyTorch's {@code _add_suffixes}: each suffix follows {@code ", "} on the last line, or goes to a new line
     * indented under the values when it would pass the line width.
     */
    private static String withSuffixes(String body, List<String> suffixes, PrintOptions options) {
        StringBuilder sb = new StringBuilder(body);
        // NOTE: PyTorch's own count, len - rfind("\n") + 1, is two more than the last line's length;
        // kept as is because it decides where suffixes wrap.
        int lastLineLength = body.length() - body.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > options.lineWidth()) {
                sb.append(",\n").append(" ".repeat(PREFIX.length())).append(suffix);
                lastLineLength = PREFIX.length() + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }
}
