package org.gradviz.app.document;

import org.gradviz.engine.format.PythonFormat;

/**
 * A number written with 4 decimals, as torch prints tensor elements: {@code 0.2661}, {@code -1.1258}, {@code nan}; ties
 * round to even ({@code 0.03125} is {@code 0.0312}), by the same code as the engine's tensor printing.
 */
public final class DecimalText {
    private DecimalText() {
    }

    public static String of(double v) {
        return PythonFormat.fixed(v, 4);
    }
}
