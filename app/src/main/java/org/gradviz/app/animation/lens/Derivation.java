package org.gradviz.app.animation.lens;

import java.util.Arrays;
import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.ShapeText;

/**
 * One input's product as its formula gives it, with the local values the formula uses and, where broadcasting
 * was summed back, a note to append to the formula ({@code , summed to (3)}; else empty).
 */
record Derivation(List<LensValue> local, TensorValue product, String shapeNote) {

    Derivation {
        local = List.copyOf(local);
    }

    static Derivation of(TensorValue product, LensValue... local) {
        return new Derivation(List.of(local), product, "");
    }

    /**
     * The product of a broadcasting op: {@code full} summed back over the dimensions broadcasting added (torch's
     * "sum in reverse" of expand) and cast to the input's dtype.
     */
    static Derivation summedTo(InputMeta input, TensorValue full, List<LensValue> local) {
        boolean broadcast = !Arrays.equals(full.shape(), input.shape());
        return new Derivation(local, LensMath.sumTo(full, input),
                broadcast ? ", summed to " + ShapeText.of(input.shape()) : "");
    }

    static Derivation summedTo(InputMeta input, TensorValue full, LensValue... local) {
        return summedTo(input, full, List.of(local));
    }
}
