package org.gradviz.app.animation.lens;

import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.ShapeText;

/** {@code sum} and {@code mean} (the engine's {@code Reductions}): the gradient spread back over what was reduced. */
final class ReductionLenses {
    private ReductionLenses() {
    }

    static List<NodeLens> lenses() {
        return List.of(
                RuleLens.of("SumBackward0", InputRule.of("self",
                        c -> "grad expanded to " + ShapeText.of(c.sizes("self_sym_sizes")),
                        (c, in) -> Derivation.of(LensMath.expand(c.grad(), c.sizes("self_sym_sizes"))))),
                RuleLens.of("SumBackward1", InputRule.of("self", c -> "grad" + alongDim(c),
                        (c, in) -> Derivation.of(spreadAlongDim(c)))),
                RuleLens.of("MeanBackward0", InputRule.of("self",
                        c -> "grad / n, expanded to " + ShapeText.of(c.sizes("self_sizes")), (c, in) -> {
                            long n = (long) c.number("self_numel");
                            return Derivation.of(LensMath.map(LensMath.expand(c.grad(), c.sizes("self_sizes")),
                                    v -> v / n), LensValue.count("n", n));
                        })),
                RuleLens.of("MeanBackward1", InputRule.of("self", c -> "grad / n" + alongDim(c), (c, in) -> {
                    int[] sizes = c.sizes("self_sym_sizes");
                    int n = java.util.Arrays.stream(reduced(c)).map(d -> sizes[d]).reduce(1, (x, y) -> x * y);
                    // NOTE: torch multiplies by 1/n here (mean over all elements divides by n)
                    return Derivation.of(LensMath.map(spreadAlongDim(c), v -> v * (1.0 / n)), LensValue.count("n", n));
                })));
    }

    /** The dimensions reduced, in increasing order: those of {@code dim}, or all when it is empty. */
    private static int[] reduced(LensContext c) {
        int[] sizes = c.sizes("self_sym_sizes");
        int[] dims = c.sizes("dim");
        if (sizes.length == 0) {
            return new int[0];
        }
        return dims.length == 0 ? java.util.stream.IntStream.range(0, sizes.length).toArray()
                : java.util.Arrays.stream(dims).sorted().toArray();
    }

    /** {@code 1} or, for several, {@code (0, 2)}. */
    private static String dimText(LensContext c) {
        int[] dims = reduced(c);
        return dims.length == 1 ? "dim " + dims[0] : "dims " + ShapeText.of(dims);
    }

    /** {@code , expanded along dim 1 to (2, 3)} or, without keepdim, {@code , unsqueezed at dim 1, expanded …}. */
    private static String alongDim(LensContext c) {
        String to = ShapeText.of(c.sizes("self_sym_sizes"));
        return c.flag("keepdim") ? ", expanded along " + dimText(c) + " to " + to
                : ", unsqueezed at " + dimText(c) + ", expanded to " + to;
    }

    /** The gradient of a reduction along one dim, put back as a size-1 dim and expanded to the input's sizes. */
    private static TensorValue spreadAlongDim(LensContext c) {
        int[] sizes = c.sizes("self_sym_sizes");
        if (sizes.length == 0) {
            return LensMath.reshape(c.grad(), sizes);
        }
        int[] kept = sizes.clone();
        for (int d : reduced(c)) {
            kept[d] = 1;
        }
        return LensMath.expand(LensMath.reshape(c.grad(), kept), sizes);
    }
}
