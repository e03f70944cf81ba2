package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gradviz.engine.CapabilityFixture;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * softmax and log_softmax over a dimension other than the last, and their input gradients, give real PyTorch 1.13's
 * bits in float32 and float64 ({@code fixtures/softmax/softmax_dims.json} from {@code make_softmax_dims.py}, one
 * thread): {@code _vec_softmax}'s vectors and tails, {@code host_softmax}'s double sums.
 */
class TorchSoftmaxAlongDimTest {

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        List<Map<String, Object>> cases = (List<Map<String, Object>>) ReductionFixtures
                .file(CapabilityFixture.path("/fixtures/softmax/softmax_dims.json")).get("cases");
        return cases.stream().map(c -> Arguments.of(ReductionFixtures.label(c), c));
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": number of elements");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + "[" + i + "]: torch " + expected[i] + ", gradviz " + actual[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputAndInputGradientAreTorchsBits(String label, Map<String, Object> c) {
        Tensor x = ReductionFixtures.tensor(c, "shape", "seed").requiresGrad_(true);
        int dim = ((Long) c.get("dim")).intValue();
        Tensor y = "softmax".equals(c.get("op")) ? Softmax.softmax(x, dim) : LogSoftmax.logSoftmax(x, dim);
        assertBits(ReductionFixtures.bits(c, "out"), y.data(), "out");
        y.backward(Torch.tensor(y.shape(), y.dtype(), ReductionFixtures.values((Long) c.get("gradSeed"),
                y.numel(), y.dtype())));
        assertBits(ReductionFixtures.bits(c, "grad"), x.grad().data(), "grad");
    }

    @Test
    void integerInputNamesTheKernelTorchDispatchesTo() {
        Tensor i = Torch.zeros(org.gradviz.engine.DType.INT64, 2, 3);
        assertEquals("\"softmax_kernel_impl\" not implemented for 'Long'",
                org.junit.jupiter.api.Assertions.assertThrows(TorchException.class, () -> Softmax.softmax(i, 0))
                        .getMessage());
        assertEquals("\"log_softmax\" not implemented for 'Long'",
                org.junit.jupiter.api.Assertions.assertThrows(TorchException.class,
                        () -> LogSoftmax.logSoftmax(i, 0)).getMessage());
    }
}
