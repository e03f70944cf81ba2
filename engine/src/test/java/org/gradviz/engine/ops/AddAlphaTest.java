package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.Test;

/** {@code torch.add(a, b, alpha=...)} and {@code torch.sub}: torch's fused kernel and AddBackward0's alpha. */
class AddAlphaTest {

    private static Tensor floats(double... v) {
        return Torch.tensor(Shape.of(v.length), DType.FLOAT32, v);
    }

    @Test
    void float32AddWithAlphaRoundsOnceAsTorchsFusedMultiplyAdd() {
        // b·alpha = 1 + 3·2^-23 + 2^-45 exactly; fused with a = -1 that is 2^-23·(3 + 2^-22), a float; rounding the
        // product first would lose the 2^-45 and give 3·2^-23 (real torch: 3.000000238418579 · 2^-23)
        double b = 1 + Math.scalb(1.0, -23);
        double alpha = 1 + Math.scalb(1.0, -22);
        Tensor r = Arithmetic.add(floats(-1, -1, -1), floats(b, b, b), alpha, true);
        double expected = Math.scalb(3 + Math.scalb(1.0, -22), -23);
        assertArrayEquals(new double[] {expected, expected, expected}, r.data(), 0.0);
    }

    @Test
    void gradientOfOtherIsAlphaTimesTheGradientSummedOverBroadcastDims() {
        Tensor a = Torch.tensor(Shape.of(2, 3), DType.FLOAT64, new double[] {1, 2, 3, 4, 5, 6}).requiresGrad_(true);
        Tensor b = Torch.tensor(Shape.of(3), DType.FLOAT64, new double[] {1, 1, 1}).requiresGrad_(true);
        Tensor y = Arithmetic.sub(a, b, 0.5, true);
        assertEquals("SubBackward0", y.gradFn().name());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5, 4.5, 5.5}, y.data(), 0.0);
        y.sum().backward();
        // d(a - 0.5·b)/da = 1; d/db = -0.5, summed over the 2 rows
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, a.grad().data(), 0.0);
        assertArrayEquals(new double[] {-1, -1, -1}, b.grad().data(), 0.0);
    }

    @Test
    void floatAlphaOfIntegerTensorsIsTorchsError() {
        Tensor i = Torch.tensor(Shape.of(2), DType.INT64, new double[] {1, 2});
        TorchException e = assertThrows(TorchException.class, () -> Arithmetic.add(i, i, 0.5, true));
        assertEquals("For integral input tensors, argument alpha must not be a floating point number.",
                e.getMessage());
        assertArrayEquals(new double[] {4, 8}, Arithmetic.add(i, i, 3, false).data(), 0.0);
    }
}
