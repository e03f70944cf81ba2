package org.gradviz.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.testing.NnFixtures;
import org.junit.jupiter.api.Test;

/**
 * SGD, Adam and RMSprop give torch 1.13's parameters bit for bit, step after step, in float32 and float64: the
 * parameter and five gradients are recorded by {@code make_nn_fixtures.py}.
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
            default -> new RMSprop(List.of(p), option(o, "lr", 1e-2), option(o, "alpha", 0.99), option(o, "eps", 1e-8),
                    option(o, "weight_decay", 0), option(o, "momentum", 0), flag(o, "centered"), flag(o, "maximize"));
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStepGivesTorchsBits() {
        List<Map<String, Object>> cases = NnFixtures.cases("optimizers");
        assertEquals(20, cases.size());
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
