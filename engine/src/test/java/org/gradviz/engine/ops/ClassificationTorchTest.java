package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.testing.NnFixtures;
import org.junit.jupiter.api.Test;

/** nll_loss, log_softmax, softmax, cross_entropy and flatten against torch 1.13 (fixtures/nn/nn.json). */
class ClassificationTorchTest {

    @Test
    @SuppressWarnings("unchecked")
    void nllLossForwardAndBackwardAreTorchsBits() {
        for (Map<String, Object> c : NnFixtures.cases("nll_loss")) {
            int n = NnFixtures.integer(c, "n");
            int classes = NnFixtures.integer(c, "c");
            Tensor x = Tensor.fromData(Shape.of(n, classes), DType.FLOAT32, NnFixtures.values(c.get("input")))
                    .requiresGrad_(true);
            List<Number> t = (List<Number>) c.get("target");
            double[] targets = t.stream().mapToDouble(Number::doubleValue).toArray();
            Tensor target = Tensor.fromData(Shape.of(n), DType.INT64, targets);
            Reduction r = Reduction.fromName((String) c.get("reduction"));
            Tensor loss = NllLoss.nllLoss(x, target, r, ((Number) c.get("ignore_index")).longValue());
            String what = n + "x" + classes + " " + r;
            assertEquals("NllLossBackward0", loss.gradFn().name());
            assertArrayEquals(NnFixtures.values(c.get("loss")), loss.data(), what);
            loss.backward(Tensor.fromData(loss.shape(), DType.FLOAT32, NnFixtures.values(c.get("grad_output"))));
            assertArrayEquals(NnFixtures.values(c.get("grad")), x.grad().data(), what + " grad");
        }
    }

    /**
     * NOTE: torch's float32 exp and log here are SLEEF's (within 1 ulp, not always correctly rounded), the engine's
     * are correctly rounded: outputs agree to 2 ulp, gradients (g - exp(y)·Σg cancels) to 1e-6 absolute; the order
     * of the sums and the fused multiply-add of the backward are torch's (checked bit for bit with torch's own exp
     * values while writing this).
     */
    @Test
    void logSoftmaxAgreesWithTorchToAnUlp() {
        for (Map<String, Object> c : NnFixtures.cases("log_softmax")) {
            DType dt = NnFixtures.dtype(c);
            Shape shape = Shape.of(NnFixtures.integer(c, "rows"), NnFixtures.integer(c, "c"));
            Tensor x = Tensor.fromData(shape, dt, NnFixtures.values(c.get("input"))).requiresGrad_(true);
            Tensor y = LogSoftmax.logSoftmax(x, 1);
            assertEquals("LogSoftmaxBackward0", y.gradFn().name());
            assertClose(NnFixtures.values(c.get("output")), y.data(), dt, 0, shape + " output");
            y.backward(Tensor.fromData(shape, dt, NnFixtures.values(c.get("grad_output"))));
            assertClose(NnFixtures.values(c.get("grad")), x.grad().data(), dt, dt == DType.FLOAT32 ? 1e-6 : 1e-15,
                    shape + " grad");
        }
    }

    /** As {@link #logSoftmaxAgreesWithTorchToAnUlp}, for softmax (its backward sums g·y with fused multiply-adds). */
    @Test
    void softmaxAgreesWithTorchToAnUlp() {
        for (Map<String, Object> c : NnFixtures.cases("softmax")) {
            DType dt = NnFixtures.dtype(c);
            Shape shape = Shape.of(NnFixtures.integer(c, "rows"), NnFixtures.integer(c, "c"));
            Tensor x = Tensor.fromData(shape, dt, NnFixtures.values(c.get("input"))).requiresGrad_(true);
            Tensor y = Softmax.softmax(x, -1);
            assertEquals("SoftmaxBackward0", y.gradFn().name());
            assertClose(NnFixtures.values(c.get("output")), y.data(), dt, 0, shape + " output");
            y.backward(Tensor.fromData(shape, dt, NnFixtures.values(c.get("grad_output"))));
            assertClose(NnFixtures.values(c.get("grad")), x.grad().data(), dt, dt == DType.FLOAT32 ? 1e-6 : 1e-15,
                    shape + " grad");
        }
    }

    private static void assertClose(double[] expected, double[] actual, DType dt, double absolute, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double ulp = dt == DType.FLOAT32 ? Math.ulp((float) expected[i]) : Math.ulp(expected[i]);
            assertEquals(expected[i], actual[i], 2 * ulp + absolute, what + " [" + i + "]");
        }
    }

    @Test
    void crossEntropyIsNllLossOfLogSoftmax() {
        Tensor x = Tensor.fromData(Shape.of(2, 3), DType.FLOAT64, new double[] {1, 2, 3, 0, 0, 0}).requiresGrad_(true);
        Tensor target = Tensor.fromData(Shape.of(2), DType.INT64, new double[] {2, 0});
        Tensor loss = NllLoss.crossEntropy(x, target, Reduction.MEAN, -100);
        // hand derivation: row 0: -log(e^3/(e+e^2+e^3)); row 1: log 3
        double row0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        assertEquals((row0 + Math.log(3)) / 2, loss.item(), 1e-15);
        assertEquals("LogSoftmaxBackward0", loss.gradFn().nextFunctions().get(0).function().name());
        loss.backward();
        // d/dx = (softmax - onehot) / N
        assertEquals((1.0 / 3 - 1) / 2, x.grad().data()[3], 1e-15);
        assertEquals(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)) / 2 - 0.5, x.grad().data()[2], 1e-15);
    }

    @Test
    void classErrorsAreTorchs() {
        Tensor x = Tensor.fromData(Shape.of(2, 3), DType.FLOAT32, new double[6]);
        assertEquals("Target 3 is out of bounds.", assertThrows(TorchException.class, () -> NllLoss.nllLoss(x,
                Tensor.fromData(Shape.of(2), DType.INT64, new double[] {0, 3}), Reduction.MEAN, -100)).getMessage());
        assertEquals("Expected input batch_size (2) to match target batch_size (3).",
                assertThrows(TorchException.class, () -> NllLoss.nllLoss(x,
                        Tensor.fromData(Shape.of(3), DType.INT64, new double[3]), Reduction.MEAN, -100)).getMessage());
        assertEquals("expected scalar type Long but found Float", assertThrows(TorchException.class,
                () -> NllLoss.nllLoss(x, Tensor.fromData(Shape.of(2), DType.FLOAT32, new double[2]), Reduction.MEAN,
                        -100)).getMessage());
    }

    @Test
    void flattenMergesDimensionsAndRecordsReshapeAlias() {
        Tensor x = Tensor.fromData(Shape.of(2, 3, 4), DType.FLOAT32, new double[24]).requiresGrad_(true);
        Tensor y = Views.flatten(x, 1, -1);
        assertEquals(Shape.of(2, 12), y.shape());
        assertEquals("ReshapeAliasBackward0", y.gradFn().name());
        assertSame(x, Views.flatten(x, 1, 1));
        assertEquals(Shape.of(1), Views.flatten(Tensor.fromData(Shape.SCALAR, DType.FLOAT32, new double[1]), 0, -1)
                .shape());
        assertEquals("Dimension out of range (expected to be in range of [-3, 2], but got 3)",
                assertThrows(TorchException.class, () -> Views.flatten(x, 3, 0)).getMessage());
        assertEquals("flatten() has invalid args: start_dim cannot come after end_dim",
                assertThrows(TorchException.class, () -> Views.flatten(x, 2, 0)).getMessage());
    }
}
