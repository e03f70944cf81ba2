package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.Test;

/** Tie order of sort and topk; expected indices printed by torch 1.13 on the CPU (comments give the program). */
class SortingTest {

    /** {@code [float((i*7)%3) for i in range(20)] + [float((i*5)%4) for i in range(20)]}, float64. */
    private static Tensor ties() {
        double[] x = new double[40];
        for (int i = 0; i < 20; i++) {
            x[i] = (i * 7) % 3;
            x[20 + i] = (i * 5) % 4;
        }
        return Tensor.fromData(Shape.of(40), DType.FLOAT64, x);
    }

    private static double[] d(int... v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i];
        }
        return r;
    }

    @Test
    void unstableSortLeavesTiesWhereIntrosortDoes() {
        // torch.sort(t).indices
        assertArrayEquals(d(9, 18, 20, 15, 24, 12, 28, 32, 6, 36, 3, 0, 29, 1, 25, 33, 21, 37, 19, 16, 4, 13, 7, 10, 8,
                38, 2, 34, 5, 30, 17, 26, 11, 22, 14, 31, 27, 35, 23, 39),
                Sorting.sort(ties(), 0, false, false).indices().data());
    }

    @Test
    void stableSortKeepsTiesInOrder() {
        // torch.sort(t, stable=True).indices
        assertArrayEquals(d(0, 3, 6, 9, 12, 15, 18, 20, 24, 28, 32, 36, 1, 4, 7, 10, 13, 16, 19, 21, 25, 29, 33, 37, 2,
                5, 8, 11, 14, 17, 22, 26, 30, 34, 38, 23, 27, 31, 35, 39),
                Sorting.sort(ties(), -1, false, true).indices().data());
    }

    @Test
    void topkLeavesTiesWhereNthElementAndSortDo() {
        // torch.topk(t, 12).indices
        assertArrayEquals(d(39, 23, 27, 31, 35, 2, 30, 5, 14, 11, 26, 17),
                Sorting.topk(ties(), 12, 0, true, true).indices().data());
    }

    @Test
    void nanSortsAboveInfinity() {
        Tensor t = Tensor.fromData(Shape.of(4), DType.FLOAT32, new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, -1});
        assertArrayEquals(d(3, 0, 2, 1), Sorting.sort(t, 0, false, false).indices().data());
        assertArrayEquals(d(1, 2, 0, 3), Sorting.sort(t, 0, true, false).indices().data());
    }

    @Test
    void topkRefusesKBeyondTheDimension() {
        Tensor t = Tensor.fromData(Shape.of(2, 2), DType.FLOAT32, new double[] {1, 2, 3, 4});
        TorchException e = assertThrows(TorchException.class, () -> Sorting.topk(t, 3, 1, true, true));
        assertEquals("selected index k out of range", e.getMessage());
    }
}
