package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sums, means, broadcast gradients, mse_loss and binary_cross_entropy's input gradient give real
 * PyTorch 1.13's bits (fixtures from {@code fixtures/reductions/make_reductions.py}, one thread, AVX2).
 */
class TorchSumTest {

    private static Stream<Arguments> cases(String... ops) {
        return ReductionFixtures.cases().stream()
                .filter(c -> Stream.of(ops).anyMatch(op -> op.equals(c.get("op"))) && c.containsKey("seed"))
                .map(c -> Arguments.of(ReductionFixtures.label(c), c));
    }

    static Stream<Arguments> sumsAndMeans() {
        return cases("sum", "mean");
    }

    static Stream<Arguments> broadcastAdds() {
        return cases("add");
    }

    static Stream<Arguments> mseLosses() {
        return cases("mse_loss");
    }

    /** Bit equality, reporting the first differing element with both values in full. */
    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": number of elements");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                assertEquals(expected[i], actual[i], 0.0, what + "[" + i + "] (torch " + expected[i] + ")");
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                        what + "[" + i + "]: sign of zero");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sumsAndMeans")
    void sumAndMeanAndTheirGradientsAreTorchsBits(String label, Map<String, Object> c) {
        Tensor x = ReductionFixtures.tensor(c, "shape", "seed").requiresGrad_(true);
        boolean sum = "sum".equals(c.get("op"));
        Long dim = (Long) c.get("dim");
        Tensor y = dim == null ? (sum ? x.sum() : x.mean())
                : sum ? x.sum(dim.intValue(), false) : x.mean(dim.intValue(), false);
        assertBits(ReductionFixtures.bits(c, "out"), y.data(), "out");
        y.backward(Torch.tensor(y.shape(), y.dtype(), ReductionFixtures.values((Long) c.get("gradSeed"),
                y.numel(), y.dtype())));
        if (c.containsKey("grad")) {
            assertBits(ReductionFixtures.bits(c, "grad"), x.grad().data(), "grad");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broadcastAdds")
    void broadcastGradientIsSummedBackInTorchsOrder(String label, Map<String, Object> c) {
        Tensor a = ReductionFixtures.tensor(c, "shape", "seed").requiresGrad_(true);
        Tensor b = ReductionFixtures.tensor(c, "otherShape", "otherSeed").requiresGrad_(true);
        Tensor y = a.add(b);
        y.backward(Torch.tensor(y.shape(), y.dtype(), ReductionFixtures.values((Long) c.get("gradSeed"),
                y.numel(), y.dtype())));
        assertBits(ReductionFixtures.bits(c, "otherGrad"), b.grad().data(), "b.grad");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mseLosses")
    void mseLossAndItsGradientsAreTorchsBits(String label, Map<String, Object> c) {
        Tensor x = ReductionFixtures.tensor(c, "shape", "seed").requiresGrad_(true);
        Tensor t = ReductionFixtures.tensor(c, "shape", "otherSeed").requiresGrad_(true);
        Tensor y = Losses.mseLoss(x, t, Reduction.fromName((String) c.get("reduction")));
        if (c.containsKey("out")) {
            assertBits(ReductionFixtures.bits(c, "out"), y.data(), "loss");
        }
        y.backward(Torch.tensor(y.shape(), y.dtype(), ReductionFixtures.values((Long) c.get("gradSeed"),
                y.numel(), y.dtype())));
        if (c.containsKey("grad")) {
            assertBits(ReductionFixtures.bits(c, "grad"), x.grad().data(), "input.grad");
            assertBits(ReductionFixtures.bits(c, "otherGrad"), t.grad().data(), "target.grad");
        }
    }

    static Stream<Arguments> binaryCrossEntropies() {
        return cases("binary_cross_entropy");
    }

    /** Probabilities as the script makes them: |value| / 256. */
    private static Tensor probabilities(Map<String, Object> c, String seedKey) {
        Tensor v = ReductionFixtures.tensor(c, "shape", seedKey);
        double[] p = v.data().clone();
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.abs(p[i]) / 256;
        }
        return Torch.tensor(v.shape(), v.dtype(), p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryCrossEntropies")
    void binaryCrossEntropyInputGradientIsTorchsBits(String label, Map<String, Object> c) {
        Tensor x = probabilities(c, "seed").requiresGrad_(true);
        Tensor t = probabilities(c, "otherSeed");
        Tensor y = Losses.binaryCrossEntropy(x, t, Reduction.fromName((String) c.get("reduction")));
        y.backward(Torch.tensor(y.shape(), y.dtype(), ReductionFixtures.values((Long) c.get("gradSeed"),
                y.numel(), y.dtype())));
        assertBits(ReductionFixtures.bits(c, "grad"), x.grad().data(), "input.grad");
    }

    static Stream<Arguments> severalDims() {
        return cases("sumDims", "meanDims");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("severalDims")
    void sumAndMeanOverSeveralDimsAndTheirGradientsAreTorchsBits(String label, Map<String, Object> c) {
        Tensor x = ReductionFixtures.tensor(c, "shape", "seed").requiresGrad_(true);
        int[] dims = ((java.util.List<?>) c.get("dims")).stream().mapToInt(d -> ((Long) d).intValue()).toArray();
        boolean keepdim = (Boolean) c.get("keepdim");
        Tensor y = "sumDims".equals(c.get("op")) ? Reductions.sum(x, dims, keepdim) : Reductions.mean(x, dims, keepdim);
        assertEquals(ReductionFixtures.shape(c, "outShape"), y.shape());
        assertBits(ReductionFixtures.bits(c, "out"), y.data(), "out");
        y.backward(Torch.tensor(y.shape(), y.dtype(), ReductionFixtures.values((Long) c.get("gradSeed"),
                y.numel(), y.dtype())));
        assertBits(ReductionFixtures.bits(c, "grad"), x.grad().data(), "grad");
    }

    @Test
    void aDimGivenTwiceInTheListIsTorchsError() {
        Tensor x = Torch.zeros(2, 3, 4);
        org.gradviz.engine.TorchException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.gradviz.engine.TorchException.class, () -> Reductions.sum(x, new int[] {1, -2}, false));
        assertEquals("dim 1 appears multiple times in the list of dims", e.getMessage());
    }

    @Test
    void float32SumOf16777216AndTwoOnesIs16777216AsInTorch() {
        Tensor x = Torch.tensor(Shape.of(3), DType.FLOAT32, new double[] {16777216.0, 1.0, 1.0});
        assertEquals(16777216.0, x.sum().item(), 0.0);
    }

    @Test
    void singleElementFloat32MseLossIsRoundedAfterTheDifference() {
        Tensor x = Torch.tensor(Shape.of(1), DType.FLOAT32, new double[] {-3.457080602645874});
        Tensor t = Torch.tensor(Shape.of(1), DType.FLOAT32, new double[] {0.45708221197128296});
        assertEquals(15.320671081542969, Losses.mseLoss(x, t, Reduction.MEAN).item(), 0.0);
    }

    @Test
    void casesWithExplicitValuesAreTorchsBits() {
        for (Map<String, Object> c : ReductionFixtures.cases()) {
            if (!c.containsKey("values")) {
                continue;
            }
            DType dtype = ReductionFixtures.dtype(c);
            double[] v = ReductionFixtures.bits(c, "values");
            Tensor x = Torch.tensor(Shape.of(v.length), dtype, v);
            Tensor y = "sum".equals(c.get("op")) ? x.sum()
                    : Losses.mseLoss(x, Torch.tensor(Shape.of(v.length), dtype, ReductionFixtures.bits(c,
                            "otherValues")), Reduction.MEAN);
            assertBits(ReductionFixtures.bits(c, "out"), y.data(), ReductionFixtures.label(c));
        }
    }

    @Test
    void fixtureWasRecordedWithOneThreadOnAvx2() {
        Map<String, Object> file = ReductionFixtures.file();
        assertEquals("AVX2", file.get("cpuCapability"));
        assertEquals(1L, file.get("threads"));
        assertTrue(((String) file.get("torch")).startsWith("1.13"));
    }
}
