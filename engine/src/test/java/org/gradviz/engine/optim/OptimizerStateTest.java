package org.gradviz.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each optimiser keeps torch 1.13's per-parameter state ({@code optimizer.state[p]}): the entries its step makes, by
 * torch's names in torch's order, with the step count torch keeps (a float32 0-dim tensor in the Adam family and
 * Adagrad, a Python int in RMSprop and Adadelta); a state loaded into a new optimiser continues the same updates.
 */
class OptimizerStateTest {

    private static Tensor param() {
        return Tensor.fromData(Shape.of(3), DType.FLOAT32, new double[] {0.5, -1.25, 2.0}).requiresGrad_(true);
    }

    /** Three steps of gradients that depend on the parameter (so a lost state would show). */
    private static void steps(Optimizer opt, Tensor p, int n) {
        for (int i = 0; i < n; i++) {
            double[] v = p.data();
            p.setGrad(Tensor.fromData(p.shape(), DType.FLOAT32, new double[] {v[0] - 1, 2 * v[1], v[2] * v[2]}));
            opt.step();
        }
    }

    private static void assertKeepsState(Function<List<Tensor>, Optimizer> make, List<String> keys, Object step) {
        Tensor p = param();
        Optimizer opt = make.apply(List.of(p));
        steps(opt, p, 3);
        Map<String, Object> state = opt.state(p);
        assertEquals(keys, List.copyOf(state.keySet()));
        if (step instanceof Float f) {
            Tensor t = (Tensor) state.get("step");
            assertEquals(DType.FLOAT32, t.dtype());
            assertEquals(0, t.dim());
            assertEquals(f, t.floats()[0]);
        } else {
            assertEquals(step, state.get("step"));
        }
        Tensor q = Tensor.fromData(p.shape(), DType.FLOAT32, p.data()).requiresGrad_(true);
        Optimizer loaded = make.apply(List.of(q));
        Map<String, Object> copy = new LinkedHashMap<>();
        state.forEach((k, v) -> copy.put(k, v instanceof Tensor t ? Tensor.fromData(t.shape(), t.dtype(), t.data())
                : v));
        loaded.loadState(q, copy);
        steps(opt, p, 4);
        steps(loaded, q, 4);
        assertArrayEquals(p.floats(), q.floats());
    }

    @Test
    void theAdamFamilyCountsStepsInAFloat32Tensor() {
        assertKeepsState(ps -> new Adam(ps, 0.1, 0.9, 0.999, 1e-8, 0, false), List.of("step", "exp_avg",
                "exp_avg_sq"), 3f);
        assertKeepsState(ps -> Adam.withAmsgrad(ps, 0.1, 0.9, 0.999, 1e-8, 0, false, true, true), List.of("step",
                "exp_avg", "exp_avg_sq", "max_exp_avg_sq"), 3f);
        assertKeepsState(ps -> new Adamax(ps, 0.1, 0.9, 0.999, 1e-8, 0, false), List.of("step", "exp_avg",
                "exp_inf"), 3f);
        assertKeepsState(ps -> new NAdam(ps, 0.1, 0.9, 0.999, 1e-8, 0, 4e-3), List.of("step", "mu_product",
                "exp_avg", "exp_avg_sq"), 3f);
        assertKeepsState(ps -> new RAdam(ps, 0.1, 0.9, 0.999, 1e-8, 0), List.of("step", "exp_avg", "exp_avg_sq"), 3f);
        assertKeepsState(ps -> new Adagrad(ps, 0.1, 0, 0, 0, 1e-10, false), List.of("step", "sum"), 3f);
    }

    @Test
    void rmspropAndAdadeltaCountStepsInAnInt() {
        assertKeepsState(ps -> new RMSprop(ps, 0.01, 0.99, 1e-8, 0, 0.5, true, false), List.of("step", "square_avg",
                "momentum_buffer", "grad_avg"), 3L);
        assertKeepsState(ps -> new RMSprop(ps, 0.01, 0.99, 1e-8, 0, 0, false, false), List.of("step", "square_avg"),
                3L);
        assertKeepsState(ps -> new Adadelta(ps, 1.0, 0.9, 1e-6, 0, false), List.of("step", "square_avg",
                "acc_delta"), 3L);
    }

    @Test
    void sgdKeepsAMomentumBufferThatIsNoneWithoutMomentum() {
        Tensor p = param();
        SGD plain = new SGD(List.of(p), 0.1);
        assertTrue(plain.state(p).isEmpty());
        steps(plain, p, 1);
        assertTrue(plain.state(p).containsKey("momentum_buffer"));
        assertNull(plain.state(p).get("momentum_buffer"));
        assertKeepsState(ps -> new SGD(ps, 0.1, 0.9), List.of("momentum_buffer"), null);
    }

    @Test
    void aStateWithoutAnEntryTheStepReadsIsTorchsKeyError() {
        Tensor p = param();
        Adam adam = new Adam(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0, false);
        adam.loadState(p, Map.of("momentum_buffer", Tensor.fromData(p.shape(), DType.FLOAT32, new double[3])));
        p.setGrad(Tensor.fromData(p.shape(), DType.FLOAT32, new double[] {1, 1, 1}));
        Executable step = adam::step;
        TorchException e = assertThrows(TorchException.class, step);
        assertEquals("KeyError: 'step'", e.pythonLine());
    }

    @Test
    void stepCountsAndMuProductTakeTheDefaultDtypeWhenMade() {
        DType previous = DType.setDefaultFloat(DType.FLOAT64);
        try {
            Tensor p = Tensor.fromData(Shape.of(2), DType.FLOAT64, new double[] {0.5, -1.0}).requiresGrad_(true);
            NAdam nadam = new NAdam(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0, 4e-3);
            double product = 1;
            for (int t = 1; t <= 3; t++) {
                p.setGrad(Tensor.fromData(p.shape(), DType.FLOAT64, new double[] {1, -2}));
                nadam.step();
                // NAdam's mu_t = beta1 * (1 - 0.5 * 0.96 ** (t * momentum_decay)), multiplied in float64
                product *= 0.9 * (1. - 0.5 * Math.pow(0.96, t * 4e-3));
            }
            Tensor step = (Tensor) nadam.state(p).get("step");
            Tensor muProduct = (Tensor) nadam.state(p).get("mu_product");
            assertEquals(DType.FLOAT64, step.dtype());
            assertEquals(3.0, step.data()[0]);
            assertEquals(DType.FLOAT64, muProduct.dtype());
            assertEquals(product, muProduct.data()[0], 1e-16);
        } finally {
            DType.setDefaultFloat(previous);
        }
        Tensor q = Tensor.fromData(Shape.of(2), DType.FLOAT64, new double[] {0.5, -1.0}).requiresGrad_(true);
        Adam adam = new Adam(List.of(q), 0.1, 0.9, 0.999, 1e-8, 0, false);
        q.setGrad(Tensor.fromData(q.shape(), DType.FLOAT64, new double[] {1, -2}));
        adam.step();
        assertEquals(DType.FLOAT32, ((Tensor) adam.state(q).get("step")).dtype());
        assertEquals(DType.FLOAT64, ((Tensor) adam.state(q).get("exp_avg")).dtype());
    }
}
