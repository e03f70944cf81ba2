package org.gradviz.app.animation.lens;

import java.util.Arrays;
import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.ShapeText;

/**
 * {@code t}, {@code .T}, unsqueeze, squeeze, view, reshape, flatten and indexing: the gradient's elements moved back
 * into place.
 */
final class MovementLenses {
    private MovementLenses() {
    }

    static List<NodeLens> lenses() {
        return List.of(
                RuleLens.of("TBackward0", InputRule.of("self", "gradᵀ",
                        (c, in) -> Derivation.of(LensMath.transpose(c.grad())))),
                RuleLens.of("PermuteBackward0", InputRule.of("self",
                        c -> "grad permuted by " + ShapeText.of(inverse(c.sizes("dims"))),
                        (c, in) -> Derivation.of(LensMath.permute(c.grad(), inverse(c.sizes("dims")))))),
                RuleLens.of("UnsqueezeBackward0", InputRule.of("self",
                        c -> c.grad() == null ? "grad with dim " + (long) c.number("dim") + " squeezed away"
                                : reshaped(c, squeezed(c)),
                        (c, in) -> Derivation.of(LensMath.reshape(c.grad(), squeezed(c))))),
                RuleLens.of("SqueezeBackward3", InputRule.of("self", c -> reshaped(c, c.sizes("self_sizes")),
                        (c, in) -> Derivation.of(LensMath.reshape(c.grad(), c.sizes("self_sizes"))))),
                // view, reshape and flatten: the gradient in the input's shape again, its elements in the same order
                backToInputShape("ViewBackward0"),
                backToInputShape("ReshapeAliasBackward0"),
                // NOTE: reshape of an input whose strides allow no view copies it first (CloneBackward0 feeds this)
                backToInputShape("UnsafeViewBackward0"),
                // a copy's gradient is the gradient itself
                RuleLens.of("CloneBackward0", InputRule.of("self", "grad", (c, in) -> Derivation.of(c.grad()))),
                RuleLens.of("SelectBackward0", InputRule.of("self",
                        c -> "grad placed at index " + (long) c.number("index") + " of dim 0, zeros elsewhere",
                        MovementLenses::selectRule)));
    }

    /** A reshape's rule: {@code grad reshaped (1, 6) → (2, 3)}, the input's sizes saved as self_sym_sizes. */
    private static NodeLens backToInputShape(String node) {
        return RuleLens.of(node, InputRule.of("self", c -> reshaped(c, c.sizes("self_sym_sizes")),
                (c, in) -> Derivation.of(LensMath.reshape(c.grad(), c.sizes("self_sym_sizes")))));
    }

    /** {@code grad reshaped (3) → (1, 3)}. */
    private static String reshaped(LensContext c, int[] to) {
        TensorValue grad = c.grad();
        return "grad reshaped " + (grad == null ? "to " : ShapeText.of(grad.shape()) + " → ") + ShapeText.of(to);
    }

    /** The gradient's shape without the dim unsqueeze added. */
    private static int[] squeezed(LensContext c) {
        int[] shape = c.grad().shape();
        int dim = (int) c.number("dim");
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != dim) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    private static int[] inverse(int[] dims) {
        int[] inverse = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            inverse[dims[i]] = i;
        }
        return inverse;
    }

    /** Zeros shaped like the input, with the gradient as its row {@code index}. */
    private static Derivation selectRule(LensContext c, InputMeta in) {
        double[] grad = c.grad().data();
        double[] r = new double[Arrays.stream(in.shape()).reduce(1, (a, b) -> a * b)];
        System.arraycopy(grad, 0, r, (int) c.number("index") * grad.length, grad.length);
        return Derivation.of(new TensorValue(in.shape(), c.grad().dtype(), r));
    }
}
