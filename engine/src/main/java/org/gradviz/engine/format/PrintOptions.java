package org.gradviz.engine.format;

/**
 * PyTorch's print options ({@code torch.set_printoptions}).
 *
 * @param precision digits after the point (or after the first digit in scientific form)
 * @param threshold element count above which a tensor is summarised with {@code ...} (may be infinite)
 * @param edgeItems items kept at each end of a summarised dimension
 * @param lineWidth characters per line before a row wraps
 * @param sciMode   scientific notation forced on (true) or off (false), or chosen from the values (null)
 */
public record PrintOptions(int precision, double threshold, int edgeItems, int lineWidth, Boolean sciMode) {

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
    public PrintOptions with(Integer precision, Double threshold, Integer edgeItems, Integer lineWidth,
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
        return summarize && size > 2 * edgeItems;
    }
}
