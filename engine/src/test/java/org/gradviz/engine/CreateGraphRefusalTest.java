package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.gradviz.engine.ops.Joining;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;
import org.junit.jupiter.api.Test;

/**
 * A chain rule gradviz does not record under create_graph (stack's unbind, binary_cross_entropy on probabilities)
 * is refused by name when the gradient it would give depends on something differentiable, never computed wrongly.
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
    void stackIsRefusedByItsNode() {
        Tensor x = leaf(0.5, -1.5);
        Tensor y = Joining.stack(List.of(x.mul(x), x), 0).sum();
        // StackBackward0 gets a constant gradient here: it is only refused when what it sends must be differentiable
        Tensor g = Gradients.grad(List.of(y), Arrays.asList((Tensor) null), List.of(x), true, true, false)[0];
        assertEquals(List.of(2.0, -2.0), List.of(g.data()[0], g.data()[1]), "2x + 1 at 0.5 and -1.5");
        Tensor z = Joining.stack(List.of(x.mul(x), x), 0).mul(Joining.stack(List.of(x, x), 0)).sum();
        assertEquals("'create_graph=True' through StackBackward0 is not supported by gradviz", refusal(z, x));
    }

    @Test
    void binaryCrossEntropyOnProbabilitiesIsRefusedByItsNode() {
        Tensor p = leaf(0.25, 0.5);
        Tensor t = Torch.tensor(Shape.of(2), DType.FLOAT64, new double[] {0, 1});
        assertEquals("'create_graph=True' through BinaryCrossEntropyBackward0 is not supported by gradviz",
                refusal(Losses.binaryCrossEntropy(p, t, Reduction.MEAN), p));
    }
}
