package org.gradviz.engine.ops;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.GradientCheckProperties.Domain;
import org.gradviz.engine.ops.GradientCheckProperties.OpCase;

/**
 * layer_norm's and batch_norm's chain rules (NativeLayerNormBackward0, NativeBatchNormBackward0) against finite
 * differences in float64, for input, weight and bias together, on random shapes: {@link GradientCheckProperties}'s
 * check on these ops alone.
 */
class NormalizationGradientCheckProperties {

    @Provide
    Arbitrary<OpCase> ops() {
        return Arbitraries.of(List.of(
                new OpCase("layer_norm", t -> LayerNorm.layerNorm(t[0], new int[] {t[1].numel()}, t[1], t[2], 1e-5),
                        r -> shapes(r, false), Domain.ANY),
                new OpCase("layer_norm over two dims without affine", t -> LayerNorm.layerNorm(t[0], new int[] {2, 3},
                        null, null, 1e-5), r -> new Shape[] {Shape.of(1 + r.nextInt(3), 2, 3)}, Domain.ANY),
                new OpCase("batch_norm training", t -> BatchNorm.batchNorm(t[0], t[1], t[2], null, null, true, 0.1,
                        1e-5), r -> shapes(r, true), Domain.ANY),
                new OpCase("batch_norm eval", t -> BatchNorm.batchNorm(t[0], t[1], t[2],
                        Torch.tensor(Shape.of(t[1].numel()), DType.FLOAT64, new double[t[1].numel()]),
                        Torch.ones(DType.FLOAT64, t[1].numel()).mul(0.7), false, 0.1, 1e-5),
                        r -> shapes(r, true), Domain.ANY)));
    }

    /**
     * An input, then a weight and a bias over its channels (batch norm: (N, C) or (N, C, S), N ≥ 2) or its last
     * dimension (layer norm: (N, C)).
     */
    private static Shape[] shapes(Random r, boolean channels) {
        int n = 2 + r.nextInt(3);
        int c = 1 + r.nextInt(4);
        Shape input = channels && r.nextBoolean() ? Shape.of(n, c, 1 + r.nextInt(3)) : Shape.of(n, c);
        return new Shape[] {input, Shape.of(c), Shape.of(c)};
    }

    @Property(tries = 200)
    void analyticGradientMatchesFiniteDifferences(@ForAll("ops") OpCase op, @ForAll long seed) {
        new GradientCheckProperties().analyticGradientMatchesFiniteDifferences(op, seed);
    }
}
