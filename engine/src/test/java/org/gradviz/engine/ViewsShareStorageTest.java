package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradviz.engine.ops.Indexing;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Views;
import org.junit.jupiter.api.Test;

/**
 * Basic indexing, transposes and the other movements are views of their input's storage, as in PyTorch 1.13: writes
 * through either are seen by both, they share the version counter, and an in-place change of a view in a graph
 * gives the base a CopySlices and the view an AsStridedBackward0 (expected values derived by hand below).
 */
class ViewsShareStorageTest {

    private static Tensor matrix() {
        return Torch.tensor(Shape.of(3, 4), DType.FLOAT32, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    }

    @Test
    void zeroingARowZeroesItInTheBase() {
        Tensor w = matrix();
        Indexing.select(w, 0, 1).zero_();
        assertArrayEquals(new double[] {0, 1, 2, 3, 0, 0, 0, 0, 8, 9, 10, 11}, w.data(), 0.0);
        assertEquals(1, w.version());
    }

    @Test
    void aColumnSeesLaterWritesToItsBase() {
        Tensor w = matrix();
        Tensor column = Indexing.select(w, 1, 2);
        w.assignInPlace(w.add(1.0));
        assertArrayEquals(new double[] {3, 7, 11}, column.data(), 0.0);
        assertEquals(1, column.version());
        assertArrayEquals(new int[] {4}, column.strides());
        assertEquals(2, column.storageOffset());
        assertFalse(column.isContiguous());
        assertSame(w, column.base());
    }

    @Test
    void writingThroughATransposeOfASliceWritesTheBase() {
        Tensor w = matrix();
        Tensor slice = Indexing.slice(w, 1, 1, 3, 1);
        Tensor t = LinearAlgebra.t(slice);
        Indexing.select(t, 0, 1).assignInPlace(Torch.tensor(Shape.of(3), DType.FLOAT32, new double[] {-1, -2, -3}));
        // t[1] is column 2 of w
        assertArrayEquals(new double[] {0, 1, -1, 3, 4, 5, -2, 7, 8, 9, -3, 11}, w.data(), 0.0);
        assertArrayEquals(new double[] {1, -1, 5, -2, 9, -3}, slice.data(), 0.0);
    }

    @Test
    void viewOfATransposeIsTorchsErrorAndReshapeCopies() {
        Tensor t = LinearAlgebra.t(matrix());
        TorchException e = assertThrows(TorchException.class, () -> Views.view(t, Shape.of(12)));
        assertEquals("view size is not compatible with input tensor's size and stride (at least one dimension spans "
                + "across two contiguous subspaces). Use .reshape(...) instead.", e.getMessage());
        Tensor r = Views.reshape(t, Shape.of(12));
        assertArrayEquals(new double[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, r.data(), 0.0);
        assertFalse(r.sharesStorageWith(t));
        assertTrue(Views.view(Indexing.slice(matrix(), 0, 1, 3, 1), Shape.of(2, 2, 2)).isContiguous());
    }

    @Test
    void writingIntoAnExpandedTensorIsTorchsOverlapError() {
        Tensor e = Views.expand(Torch.tensor(Shape.of(3), DType.FLOAT32, new double[] {1, 2, 3}), new long[] {2, 3});
        assertArrayEquals(new int[] {0, 1}, e.strides());
        TorchException x = assertThrows(TorchException.class, e::zero_);
        assertTrue(x.getMessage().startsWith("unsupported operation: more than one element of the written-to tensor"));
    }

    @Test
    void detachSharesTheVersionCounterAndDataAliasDoesNot() {
        Tensor w = matrix();
        Tensor d = w.detach();
        Tensor data = w.dataAlias();
        d.zero_();
        assertEquals(1, w.version());
        data.assignInPlace(data.add(2.0));
        assertEquals(1, w.version());
        assertEquals(2.0, w.get(2, 3), 0.0);
        assertNull(d.base());
    }

    @Test
    void inPlaceChangeOfAViewInAGraphRoutesTheGradientThroughCopySlices() {
        Tensor a = Torch.tensor(Shape.of(2, 2), DType.FLOAT64, new double[] {1, 2, 3, 4}).requiresGrad_(true);
        Tensor b = a.mul(2.0);
        Tensor row = Indexing.select(b, 0, 1);
        row.assignInPlace(row.mul(3.0));
        assertEquals("CopySlices", b.gradFn().name());
        assertEquals("AsStridedBackward0", row.gradFn().name());
        assertEquals("MulBackward0", b.gradFn().nextFunctions().get(0).function().name());
        b.pow(2.0).sum().backward();
        // b = 2a with row 1 times 3: d(Σb²)/da = 2b · db/da = 8a on row 0, 2·(6a)·6 = 72a on row 1
        assertArrayEquals(new double[] {8, 16, 216, 288}, a.grad().data(), 0.0);
    }

    @Test
    void aViewsGradFnIsRegeneratedAfterItsBaseChangesInPlace() {
        Tensor w = Torch.tensor(Shape.of(2, 3), DType.FLOAT32, new double[6]).requiresGrad_(true);
        Tensor row = Indexing.select(w, 0, 0);
        assertEquals("SelectBackward0", row.gradFn().name());
        try (var g = GradMode.disabled()) {
            w.assignInPlace(w.add(1.0));
        }
        assertEquals("AsStridedBackward0", row.gradFn().name());
        row.sum().backward();
        assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0}, w.grad().data(), 0.0);
    }

    @Test
    void savedViewModifiedThroughItsBaseIsTorchsErrorNamingTheRegeneratedNode() {
        Tensor x = Torch.tensor(Shape.of(3), DType.FLOAT32, new double[] {1, 1, 1}).requiresGrad_(true);
        Tensor y = x.mul(2.0);
        Tensor s = Indexing.select(y, 0, 0);
        Tensor z = s.mul(s);
        y.assignInPlace(y.add(1.0));
        TorchException e = assertThrows(TorchException.class, z::backward);
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified "
                + "by an inplace operation: [torch.FloatTensor []], which is output 0 of AsStridedBackward0, is at "
                + "version 1; expected version 0 instead."), e.getMessage());
    }

    @Test
    void computeStrideViewsSplitsAndMergesOfRunsOnly() {
        // a (4, 6) slice of columns 1..3 of a (4, 8) tensor: strides (8, 1)
        assertArrayEquals(new int[] {16, 8, 1}, ViewGeometry.computeStride(Shape.of(4, 3), new int[] {8, 1},
                Shape.of(2, 2, 3)));
        assertNull(ViewGeometry.computeStride(Shape.of(4, 3), new int[] {8, 1}, Shape.of(12)));
        assertArrayEquals(new int[] {1, 3}, ViewGeometry.computeStride(Shape.of(3, 4), new int[] {1, 3},
                Shape.of(3, 4)));
    }
}
