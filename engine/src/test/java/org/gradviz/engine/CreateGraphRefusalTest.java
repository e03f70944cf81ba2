package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.Extremes;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;
import org.junit.jupiter.api.Test;

/**
 * A chain rule gradviz does not record under create_graph (the fill and scatter that max's second derivative goes
 * through, binary_cross_entropy's target) is refused by name when the gradient it would give depends on something differentiable, never computed wrongly.
 */
class CreateGraphRefusalTest {
    private static Tensor leaf(double... v) {
        return Torch.tensor(Shape.of(v.length), DType.FLOAT64, v).requiresGrad_(true);
    }

    private static String refusal(Tensor output, Tensor input) {
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> Gradients.grad(List.of(output), Arrays.asList((Tensor) null), List.of(input), true, true, false));
        return e.getMessage();
    }

    @Test
    void thirdDerivativeThroughMaxIsRefusedByTheFillOfItsSecond() {
        Tensor x = leaf(0.5, -1.5, 2.0);
        Tensor y = Arithmetic.pow(Extremes.all(x.mul(x), true), 3);
        Tensor g = Gradients.grad(List.of(y), Arrays.asList((Tensor) null), List.of(x), true, true, false)[0];
        // d/dx (x²)³ at the maximum 2 only: 6·x⁵ = 192, the others 0 (-0 at -1.5: the fill's 0 times 2x, as in torch)
        assertEquals(List.of(0.0, -0.0, 192.0), List.of(g.data()[0], g.data()[1], g.data()[2]));
        assertEquals("'create_graph=True' through MaskedFillBackward1 is not supported by gradviz",
                refusal(g.mul(g).sum(), x));
    }

    @Test
    void binaryCrossEntropyWithATargetRequiringGradIsRefusedByItsNode() {
        Tensor p = leaf(0.25, 0.5);
        Tensor t = leaf(0.0, 1.0);
        assertEquals("'create_graph=True' through BinaryCrossEntropyBackward0 is not supported by gradviz",
                refusal(Losses.binaryCrossEntropy(p, t, Reduction.MEAN), p));
    }
}
