package org.gradviz.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Rprop's rule by hand: the step size grows by etaplus while the gradient keeps its sign, shrinks by etaminus (and the
 * step is skipped, prev forgotten) when it flips, stays when either is zero, and is clamped to step_sizes.
 */
class RpropTest {

    private static Tensor param(double... values) {
        return Tensor.fromData(Shape.of(values.length), DType.FLOAT64, values).requiresGrad_(true);
    }

    private static void step(Optimizer opt, Tensor p, double... grad) {
        p.setGrad(Tensor.fromData(p.shape(), DType.FLOAT64, grad));
        opt.step();
    }

    @Test
    void aKeptSignGrowsTheStepByEtaplusAndMovesAgainstTheSign() {
        Tensor p = param(1.0, -2.0);
        Rprop rprop = new Rprop(List.of(p), 0.1, 0.5, 1.2, 1e-6, 50, false);
        step(rprop, p, 1, -2);
        // no previous gradient: the step size stays lr
        assertArrayEquals(new double[] {1.0 - 0.1, -2.0 + 0.1}, p.data());
        step(rprop, p, 0.9, -1.9);
        assertArrayEquals(new double[] {1.0 - 0.1 - 0.1 * 1.2, -2.0 + 0.1 + 0.1 * 1.2}, p.data());
        assertEquals(List.of("step", "prev", "step_size"), List.copyOf(rprop.state(p).keySet()));
        assertEquals(2L, rprop.state(p).get("step"));
    }

    @Test
    void aFlippedSignShrinksTheStepSkipsTheUpdateAndForgetsTheGradient() {
        Tensor p = param(0.0);
        Rprop rprop = new Rprop(List.of(p), 0.1, 0.5, 1.2, 1e-6, 50, false);
        step(rprop, p, 1);
        assertArrayEquals(new double[] {-0.1}, p.data());
        step(rprop, p, -1);
        assertArrayEquals(new double[] {-0.1}, p.data());
        assertArrayEquals(new double[] {0.0}, ((Tensor) rprop.state(p).get("prev")).data());
        assertArrayEquals(new double[] {0.05}, ((Tensor) rprop.state(p).get("step_size")).data());
        // prev was zeroed, so the next step keeps the shrunk size
        step(rprop, p, -1);
        assertArrayEquals(new double[] {-0.1 + 0.05}, p.data());
    }

    @Test
    void stepSizesAreClampedAndMaximizeClimbs() {
        Tensor p = param(0.0);
        Rprop rprop = new Rprop(List.of(p), 0.1, 0.5, 1.2, 0.06, 0.11, true);
        step(rprop, p, 1);
        step(rprop, p, 1);
        assertArrayEquals(new double[] {0.1 + 0.11}, p.data());
        step(rprop, p, -1);
        step(rprop, p, 1);
        assertArrayEquals(new double[] {0.06}, ((Tensor) rprop.state(p).get("step_size")).data());
    }
}
