package org.gradviz.app.animation;

import org.gradviz.app.document.DecimalText;
import org.gradviz.app.document.ShapeText;

/** A value short enough for an edge label: one number, a short row, else its shape. */
public final class ValueLabel {
    /** Up to this many elements are written out; more show the shape. */
    static final int MAX_ELEMENTS = 3;

    private ValueLabel() {
    }

    public static String of(TensorValue value) {
        if (value == null) {
            return "None";
        }
        if (value.shape().length == 0) {
            return DecimalText.of(value.item(), value.dtype());
        }
        if (value.numel() <= MAX_ELEMENTS && value.shape().length == 1) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < value.numel(); i++) {
                sb.append(i > 0 ? ", " : "").append(DecimalText.of(value.get(i), value.dtype()));
            }
            return sb.append(']').toString();
        }
        return ShapeText.of(value.shape()) + " max " + DecimalText.of(value.maxAbs());
    }
}
