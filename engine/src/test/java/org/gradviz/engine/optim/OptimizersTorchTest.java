package org.gradviz.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.testing.NnFixtures;
import org.junit.jupiter.api.Test;

/**
 * SGD, Adam, AdamW, RMSprop and Adagrad give torch 1.13's parameters bit for bit, step after step, in float32 and
 * float64: the parameter and five gradients are recorded by {@code make_nn_fixtures.py}. A float32 parameter is
 * updated in float32 in its own storage, with no widened copy.
 */
class OptimizersTorchTest {

    private static double option(Map<String, Object> options, String name, double fallback) {
        Object v = options.get(name);
        return v == null ? fallback : ((Number) v).doubleValue();
    }

    private static boolean flag(Map<String, Object> options, String name) {
        return Boolean.TRUE.equals(options.get(name));
    }

    @SuppressWarnings("unchecked")
    private static Optimizer make(String name, Map<String, Object> o, Tensor p) {
        return switch (name) {
            case "SGD" -> new SGD(List.of(p), option(o, "lr", 0), option(o, "momentum", 0), option(o, "dampening", 0),
                    option(o, "weight_decay", 0), flag(o, "nesterov"), flag(o, "maximize"));
            case "Adam" -> {
                List<Number> betas = (List<Number>) o.getOrDefault("betas", List.of(0.9, 0.999));
                yield new Adam(List.of(p), option(o, "lr", 1e-3), betas.get(0).doubleValue(),
                        betas.get(1).doubleValue(), option(o, "eps", 1e-8), option(o, "weight_decay", 0),
                        flag(o, "maximize"));
            }
            case "AdamW" -> {
                List<Number> betas = (List<Number>) o.getOrDefault("betas", List.of(0.9, 0.999));
                yield Adam.adamW(List.of(p), option(o, "lr", 1e-3), betas.get(0).doubleValue(),
                        betas.get(1).doubleValue(), option(o, "eps", 1e-8), option(o, "weight_decay", 1e-2),
                        flag(o, "maximize"));
            }
            case "Adagrad" -> new Adagrad(List.of(p), option(o, "lr", 1e-2), option(o, "lr_decay", 0),
                    option(o, "weight_decay", 0), option(o, "initial_accumulator_value", 0), option(o, "eps", 1e-10),
                    flag(o, "maximize"));
            default -> new RMSprop(List.of(p), option(o, "lr", 1e-2), option(o, "alpha", 0.99), option(o, "eps", 1e-8),
                    option(o, "weight_decay", 0), option(o, "momentum", 0), flag(o, "centered"), flag(o, "maximize"));
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStepGivesTorchsBits() {
        List<Map<String, Object>> cases = NnFixtures.cases("optimizers");
        assertEquals(28, cases.size());
        for (Map<String, Object> c : cases) {
            DType dt = NnFixtures.dtype(c);
            double[] start = NnFixtures.values(c.get("start"));
            Tensor p = Tensor.fromData(Shape.of(start.length), dt, start).requiresGrad_(true);
            String name = (String) c.get("optimizer");
            Optimizer opt = make(name, (Map<String, Object>) c.get("options"), p);
            List<Object> grads = (List<Object>) c.get("grads");
            List<Object> after = (List<Object>) c.get("after");
            for (int step = 0; step < grads.size(); step++) {
                p.setGrad(Tensor.fromData(p.shape(), dt, NnFixtures.values(grads.get(step))));
                opt.step();
                assertArrayEquals(NnFixtures.values(after.get(step)), p.data(),
                        name + " " + c.get("options") + " " + dt + " step " + (step + 1));
            }
        }
    }

    @Test
    void zeroGradZeroesByDefaultAndClearsWhenAsked() {
        Tensor p = Tensor.fromData(Shape.of(2), DType.FLOAT32, new double[] {1, 2}).requiresGrad_(true);
        p.setGrad(Tensor.fromData(Shape.of(2), DType.FLOAT32, new double[] {3, 4}));
        SGD sgd = new SGD(List.of(p), 0.1);
        sgd.zeroGrad();
        assertArrayEquals(new double[] {0, 0}, p.gradOrNull().data());
        sgd.zeroGrad(true);
        assertNull(p.gradOrNull());
        sgd.step();
        assertArrayEquals(new double[] {1, 2}, p.data());
    }

    private static List<Optimizer> everyKind(Tensor p) {
        return List.of(new SGD(List.of(p), 0.1, 0.9, 0, 0.01, true, false),
                new Adam(List.of(p), 0.01, 0.9, 0.999, 1e-8, 0.01, false),
                Adam.adamW(List.of(p), 0.01, 0.9, 0.999, 1e-8, 0.01, false),
                new RMSprop(List.of(p), 0.01, 0.99, 1e-8, 0.01, 0.5, true, false),
                new Adagrad(List.of(p), 0.01, 0, 0.01, 0, 1e-10, false));
    }

    /** torch 1.13: {@code p._version} after one step of each ({@code AdamW} runs {@code mul_} and {@code addcdiv_}). */
    @Test
    void aStepBumpsTheVersionOncePerInPlaceOpOfTorchsStep() {
        int[] torchBumps = {1, 1, 2, 1, 1};
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int k = 0; k < torchBumps.length; k++) {
                Tensor p = Tensor.fromData(Shape.of(3), dt, new double[] {1, 2, 3}).requiresGrad_(true);
                Optimizer opt = everyKind(p).get(k);
                p.setGrad(Tensor.fromData(p.shape(), dt, new double[] {0.5, -1, 2}));
                int before = p.version();
                opt.step();
                assertEquals(torchBumps[k], p.version() - before, opt.getClass().getSimpleName() + " " + k + " " + dt);
            }
        }
    }

    /**
     * A step of a million float32 parameters (after the first, which makes the state) allocates almost nothing: no
     * widened copy of the parameter, its gradient or the state (8 MB each as doubles).
     */
    @Test
    void float32ParametersUpdateInTheirOwnStorage() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 1_000_000;
        Tensor p = Torch.randn(n).requiresGrad_(true);
        p.setGrad(Torch.randn(n));
        float[] storage = p.floats();
        for (Optimizer opt : everyKind(p)) {
            opt.step();
            long before = threads.getCurrentThreadAllocatedBytes();
            opt.step();
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 100_000, opt.getClass().getSimpleName() + " allocated " + allocated + " bytes");
            assertSame(storage, p.floats());
        }
    }

    @Test
    void refusesWhatTorchRefuses() {
        Tensor p = Tensor.fromData(Shape.of(1), DType.FLOAT32, new double[] {1}).requiresGrad_(true);
        assertEquals("Nesterov momentum requires a momentum and zero dampening",
                assertThrows(TorchException.class, () -> new SGD(List.of(p), 0.1, 0, 0, 0, true, false)).getMessage());
        assertEquals("optimizer got an empty parameter list",
                assertThrows(TorchException.class, () -> new Adam(List.of(), 0.1, 0.9, 0.999, 1e-8, 0, false))
                        .getMessage());
        assertThrows(TorchException.class, () -> new Adam(List.of(p), 0.1, 1.0, 0.999, 1e-8, 0, false));
        assertThrows(TorchException.class, () -> new SGD(List.of(p.mul(2.0)), 0.1));
    }
}
