package org.gradviz.engine.format;

import org.gradviz.engine.DType;

/**
 * PyTorch's {@code _Formatter}: looks at every element that will be shown once, picks one style for all of them
 * and a common width, then formats each element right-aligned to that width.
 *
 * <p>Floating-point styles, decided from the finite non-zero elements only:
 * <ul>
 *   <li>int mode, all of them whole: {@code 1.}, {@code -0.}, {@code 16.};</li>
 *   <li>scientific, when max/min of their magnitudes exceeds 1000 or max exceeds 1e8 (or, outside int mode,
 *       min is below 1e-4): {@code 1.0000e+05};</li>
 *   <li>fixed otherwise: {@code 0.2074}.</li>
 * </ul>
 * {@code sci_mode} set in the print options forces scientific notation on or off; the width stays the one measured
 * in the style the values chose, as in PyTorch.
 * Integers print as Python ints, booleans as {@code True}/{@code False}.
 */
final class ElementFormatter {

    private enum Style { INTEGER, BOOLEAN, WHOLE, SCIENTIFIC, FIXED }

    private final Style style;
    private final PrintOptions options;
    private final int width;

    /**
     * @param dtype     the tensor's type
     * @param shown     the elements that will be printed (the summarised ones when the tensor is summarised)
     * @param options   the print options: their precision (checked when a value is formatted with it) and sci_mode,
     *                  scientific notation forced on or off, or null to choose it from the values
     */
    ElementFormatter(DType dtype, double[] shown, PrintOptions options) {
        this.options = options;
        Boolean sciMode = options.sciMode();
        if (!dtype.isFloatingPoint()) {
            this.style = dtype == DType.BOOL ? Style.BOOLEAN : Style.INTEGER;
            int w = 1;
            for (double v : shown) {
                w = Math.max(w, plain(v).length());
            }
            this.width = w;
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        boolean whole = true;
        int count = 0;
        for (double v : shown) {
            if (Double.isFinite(v) && v != 0) {
                count++;
                min = Math.min(min, Math.abs(v));
                max = Math.max(max, Math.abs(v));
                whole &= v == Math.ceil(v);
            }
        }
        if (count == 0) {
            // NOTE: nothing finite and non-zero: PyTorch keeps int mode and width 1 (zeros print "0."), whatever
            // sci_mode says
            this.style = Style.WHOLE;
            this.width = 1;
            return;
        }
        boolean wide = max / min > 1000.0 || max > 1.0e8;
        Style chosen = whole ? (wide ? Style.SCIENTIFIC : Style.WHOLE)
                : (wide || min < 1.0e-4 ? Style.SCIENTIFIC : Style.FIXED);
        int w = 1;
        for (double v : shown) {
            if (Double.isFinite(v) && v != 0) {
                // NOTE: PyTorch measures whole numbers without their trailing "." and then adds one for it.
                w = Math.max(w, chosen == Style.WHOLE ? PythonFormat.fixed(v, 0).length() + 1
                        : bare(chosen, v).length());
            }
        }
        this.width = w;
        this.style = sciMode == null ? chosen : sciMode ? Style.SCIENTIFIC : whole ? Style.WHOLE : Style.FIXED;
    }

    /** The common width every formatted element is padded to. */
    int width() {
        return width;
    }

    /** One element in the chosen style, padded on the left to {@link #width()}. */
    String format(double v) {
        String text = bare(v);
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    private String bare(double v) {
        return bare(style, v);
    }

    private String bare(Style style, double v) {
        switch (style) {
            case INTEGER:
            case BOOLEAN:
                return plain(v);
            case SCIENTIFIC:
                return PythonFormat.scientific(v, options.usablePrecision());
            case WHOLE:
                return Double.isFinite(v) ? PythonFormat.fixed(v, 0) + "." : PythonFormat.fixed(v, 0);
            default:
                return PythonFormat.fixed(v, options.usablePrecision());
        }
    }

    private String plain(double v) {
        if (style == Style.BOOLEAN) {
            return v != 0 ? "True" : "False";
        }
        return Long.toString((long) v);
    }
}
