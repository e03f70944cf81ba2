package org.gradviz.app.animation.lens;

import java.util.Objects;
import org.gradviz.app.animation.TensorValue;

/**
 * One named quantity of a rule ({@code grad}, {@code σ(self)}, {@code n}) with its values and the short text a
 * panel shows ({@code [0.2661, 0.1179, 0.0027]}, 4 decimals as torch prints).
 */
public record LensValue(String symbol, TensorValue value, String text) {

    public LensValue {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    public static LensValue of(String symbol, TensorValue value) {
        return new LensValue(symbol, value, LensText.of(value));
    }

    /** A whole number such as {@code n = 3}, as a 0-d int64 value. */
    public static LensValue count(String symbol, long n) {
        return of(symbol, new TensorValue(new int[0], "int64", new double[] {n}));
    }

    /** A saved Python number such as {@code alpha} or {@code exponent}: int64 when whole, else float64. */
    public static LensValue number(String symbol, double v) {
        boolean whole = v == Math.rint(v) && Math.abs(v) < 1e15;
        return of(symbol, new TensorValue(new int[0], whole ? "int64" : "float64", new double[] {v}));
    }
}
