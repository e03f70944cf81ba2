package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.Test;

/** index_select's slices, its gradient (repeats summed) and torch's errors, derived by hand. */
class IndexSelectTest {

    private static Tensor matrix() {
        // [[0, 1, 2], [3, 4, 5]]
        return Tensor.fromData(Shape.of(2, 3), DType.FLOAT64, new double[] {0, 1, 2, 3, 4, 5}).requiresGrad_(true);
    }

    private static Tensor index(double... ids) {
        return Tensor.fromData(Shape.of(ids.length), DType.INT64, ids);
    }

    @Test
    void selectsColumnsInIndexOrderWithRepeats() {
        Tensor out = IndexSelect.indexSelect(matrix(), 1, index(2, 0, 2));
        assertEquals(Shape.of(2, 3), out.shape());
        assertArrayEquals(new double[] {2, 0, 2, 5, 3, 5}, out.data());
        assertEquals("IndexSelectBackward0", out.gradFn().name());
    }

    @Test
    void repeatedRowsSumTheirGradients() {
        Tensor x = matrix();
        Tensor out = IndexSelect.indexSelect(x, 0, index(1, 1, 0));
        Tensor weights = Tensor.fromData(Shape.of(3, 3), DType.FLOAT64, new double[] {1, 2, 3, 10, 20, 30, 5, 6, 7});
        Arithmetic.mul(out, weights).sum().backward();
        // row 0 was picked once (weights row 2); row 1 twice (weights rows 0 and 1 summed)
        assertArrayEquals(new double[] {5, 6, 7, 11, 22, 33}, x.grad().data());
    }

    @Test
    void outOfRangeAlongDimensionOneIsTheDim1KernelsMessage() {
        TorchException e = assertThrows(TorchException.class, () -> IndexSelect.indexSelect(matrix(), 1, index(3)));
        assertEquals("INDICES element is out of DATA bounds, id=3 axis_dim=3", e.getMessage());
    }

    @Test
    void outOfRangeAlongDimensionZeroIsAnIndexError() {
        TorchException e = assertThrows(TorchException.class, () -> IndexSelect.indexSelect(matrix(), 0, index(-1)));
        assertEquals("index out of range in self", e.getMessage());
    }

    @Test
    void aMatrixIndexIsRefused() {
        Tensor twoD = Tensor.fromData(Shape.of(1, 1), DType.INT64, new double[] {0});
        TorchException e = assertThrows(TorchException.class, () -> IndexSelect.indexSelect(matrix(), 0, twoD));
        assertEquals("index_select(): Index is supposed to be a vector", e.getMessage());
    }

    @Test
    void aFloatIndexIsRefused() {
        Tensor floats = Tensor.fromData(Shape.of(1), DType.FLOAT32, new double[] {0});
        TorchException e = assertThrows(TorchException.class, () -> IndexSelect.indexSelect(matrix(), 0, floats));
        assertEquals("index_select(): Expected dtype int32 or int64 for index", e.getMessage());
    }
}
