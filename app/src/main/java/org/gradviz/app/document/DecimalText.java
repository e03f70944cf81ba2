package org.gradviz.app.document;

import java.util.Locale;

/** A number written with 4 decimals, as torch prints tensor elements: {@code 0.2661}, {@code -1.1258}, {@code nan}. */
public final class DecimalText {
    private DecimalText() {
    }

    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
