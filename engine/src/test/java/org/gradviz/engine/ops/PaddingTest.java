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

/** constant_pad_nd: pads and crops from the last dimension, and its backward takes the padding off again. */
class PaddingTest {

    private static Tensor grid() {
        return Torch.tensor(Shape.of(2, 3), DType.FLOAT64, new double[] {1, 2, 3, 4, 5, 6}).requiresGrad_(true);
    }

    @Test
    void padsTheLastDimensionFirstWithTheValue() {
        Tensor y = Padding.constantPad(grid(), new long[] {1, 0, 0, 1}, 9);
        assertEquals(Shape.of(3, 4), y.shape());
        assertArrayEquals(new double[] {9, 1, 2, 3, 9, 4, 5, 6, 9, 9, 9, 9}, y.data());
        assertEquals("ConstantPadNdBackward0", y.gradFn().name());
    }

    @Test
    void aNegativeEntryCrops() {
        Tensor y = Padding.constantPad(grid(), new long[] {-1, 1}, 0);
        assertArrayEquals(new double[] {2, 3, 0, 5, 6, 0}, y.data());
    }

    @Test
    void backwardKeepsTheGradientOfTheCellsThatCameFromTheInput() {
        // y = pad(x, (1, 1)); d sum(w * y) / dx = w without its first and last column
        Tensor x = grid();
        Tensor y = Padding.constantPad(x, new long[] {1, 1}, 0);
        Tensor w = Torch.tensor(Shape.of(2, 5), DType.FLOAT64, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        Arithmetic.mul(y, w).sum().backward();
        assertArrayEquals(new double[] {2, 3, 4, 7, 8, 9}, x.grad().data());
    }

    @Test
    void cropsBeyondTheSizeFailAsTorchsNarrow() {
        TorchException e = assertThrows(TorchException.class,
                () -> Padding.constantPad(grid(), new long[] {-2, -2}, 0));
        assertEquals("start (0) + length (-1) exceeds dimension size (1).", e.getMessage());
    }
}
