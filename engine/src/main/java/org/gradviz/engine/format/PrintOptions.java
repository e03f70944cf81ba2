package org.gradviz.engine.format;

/**
 * PyTorch's print options ({@code torch.set_printoptions}).
 *
 * @param precision digits after the point (or after the first digit in scientific form); any Python int is kept, and one
 *                  str.format refuses fails when a float tensor prints with it ({@link #usablePrecision})
 * @param threshold element count above which a tensor is summarised with {@code ...} (may be infinite)
 * @param edgeItems items kept at each end of a summarised dimension, taken as Python slices {@code [:e]} and
 *                  {@code [-e:]} take them (a negative count keeps all but that many)
 * @param lineWidth characters per line before a row wraps
 * @param sciMode   scientific notation forced on (true) or off (false), or chosen from the values (null)
 */
public record PrintOptions(long precision, double threshold, int edgeItems, int lineWidth, Boolean sciMode) {

    /** {@code torch.set_printoptions(profile="default")}. */
    public static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80, null);

    private static volatile PrintOptions current = DEFAULT;

    /** The options tensors print with now. */
    public static PrintOptions current() {
        return current;
    }

    /** Sets the options every later print uses, as {@code torch.set_printoptions} sets {@code PRINT_OPTS}. */
    public static void set(PrintOptions options) {
        current = options;
    }

    /**
     * {@code torch.set_printoptions(precision, threshold, edgeitems, linewidth, profile, sci_mode)} applied to these
     * options: the profile first ("default", "short", "full"), then each given value; null leaves one as it is,
     * except sci_mode, which torch always sets (None: chosen from the values again).
     */
    public PrintOptions with(Long precision, Double threshold, Integer edgeItems, Integer lineWidth,
            String profile, Boolean sciMode) {
        PrintOptions base = switch (profile == null ? "" : profile) {
            case "default" -> DEFAULT;
            case "short" -> new PrintOptions(2, 1000, 2, 80, null);
            case "full" -> new PrintOptions(4, Double.POSITIVE_INFINITY, 3, 80, null);
            default -> this;
        };
        return new PrintOptions(precision != null ? precision : base.precision,
                threshold != null ? threshold : base.threshold, edgeItems != null ? edgeItems : base.edgeItems,
                lineWidth != null ? lineWidth : base.lineWidth, sciMode);
    }

    /** True when a dimension of this size is printed as its first and last {@code edgeItems} only. */
    boolean elides(int size, boolean summarize) {
        return summarize && size > 2L * edgeItems;
    }

    /** How many items {@code [:edgeItems]} keeps at the start of a dimension of this size. */
    int headItems(int size) {
        return edgeItems >= 0 ? Math.min(edgeItems, size) : Math.max(size + edgeItems, 0);
    }

    /** Where {@code [-edgeItems:]} starts in a dimension of this size ({@code [-0:]} is all of it). */
    int tailStart(int size) {
        return edgeItems > 0 ? Math.max(size - edgeItems, 0) : Math.min(-edgeItems, size);
    }

    /**
     * The precision as Python's {@code str.format} takes it for {@code '{:.{p}f}'}: torch's float formats fail with
     * its ValueError on a negative one, one above 2**31 - 1, or one of 2**63 and more (kept as Long.MAX_VALUE, so
     * exactly 2**63 - 1 gets that message too).
     */
    int usablePrecision() {
        if (precision < 0) {
            throw org.gradviz.engine.TorchException.value("Format specifier missing precision");
        }
        if (precision == Long.MAX_VALUE) {
            throw org.gradviz.engine.TorchException.value("Too many decimal digits in format string");
        }
        if (precision > Integer.MAX_VALUE) {
            throw org.gradviz.engine.TorchException.value("precision too big");
        }
        return (int) precision;
    }
}
