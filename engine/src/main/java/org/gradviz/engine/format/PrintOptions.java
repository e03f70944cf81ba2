package org.gradviz.engine.format;

/**
 * PyTorch's print options ({@code torch.set_printoptions}); gradviz prints with the defaults only.
 *
 * @param precision digits after the point (or after the first digit in scientific form)
 * @param threshold element count above which a tensor is summarised with {@code ...}
 * @param edgeItems items kept at each end of a summarised dimension
 * @param lineWidth characters per line before a row wraps
 */
record PrintOptions(int precision, int threshold, int edgeItems, int lineWidth) {

    /** {@code torch.set_printoptions(profile="default")}. */
    static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80);

    /** True when a dimension of this size is printed as its first and last {@code edgeItems} only. */
    boolean elides(int size, boolean summarize) {
        return summarize && size > 2 * edgeItems;
    }
}
