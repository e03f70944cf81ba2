package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * A float32 tensor keeps its values as {@code float[]}: what ops hand over is that storage, what they read as doubles is a
 * widened copy, and storage shared by {@code detach()} is shared as in PyTorch ({@code b = a.detach(); b.zero_()} clears
 * {@code a}). Expected values are float32 roundings worked out by hand.
 */
class Float32StorageTest {
    @Test
    void valuesAreRoundedOnceToFloat32AndKeptAsFloats() {
        // 0.1 is 0x1.99999ap-4f in float32: 0.100000001490116119384765625
        Tensor t = Tensor.fromData(Shape.of(2), DType.FLOAT32, new double[] {0.1, 16777217.0});
        assertArrayEquals(new float[] {0.1f, 16777216f}, t.floats());
        assertSame(t.floats(), t.floats(), "the tensor's own storage, not a copy");
        assertArrayEquals(new double[] {0.100000001490116119384765625, 16777216.0}, t.data());
        assertNotSame(t.data(), t.data(), "doubles of a float32 tensor are a fresh copy each time");
    }

    @Test
    void float64TensorsKeepDoubles() {
        Tensor t = Tensor.fromData(Shape.of(1), DType.FLOAT64, new double[] {0.1});
        assertSame(t.data(), t.data());
        assertEquals(0.1, t.item());
        assertArrayEquals(new float[] {0.1f}, t.floats(), "narrowed on request");
    }

    @Test
    void detachSharesTheFloatStorage() {
        Tensor a = Tensor.fromFloats(Shape.of(3), new float[] {1f, 2f, 3f});
        Tensor b = a.detach();
        b.zero_();
        assertArrayEquals(new float[] {0f, 0f, 0f}, a.floats());
        assertEquals(1, b.version());
    }

    @Test
    void inPlaceWritesRoundToFloat32() {
        Tensor a = Tensor.fromFloats(Shape.of(2), new float[] {1f, 1f});
        a.writeAt(new int[] {1}, new double[] {1.0 + 0x1p-30});
        assertArrayEquals(new float[] {1f, 1f}, a.floats(), "1 + 2^-30 rounds to 1 in float32");
        a.assignInPlace(Tensor.fromData(Shape.of(2), DType.FLOAT64, new double[] {0.5, 1.0 / 3}));
        assertArrayEquals(new float[] {0.5f, 0x1.555556p-2f}, a.floats());
    }

    @Test
    void elementAccessReadsTheFloats() {
        Tensor a = Tensor.fromFloats(Shape.of(2, 2), new float[] {1.5f, 2.5f, 3.5f, 0.1f});
        assertEquals(0.1f, a.get(1, 1));
        assertEquals(java.util.List.of(java.util.List.of(1.5, 2.5), java.util.List.of(3.5, (double) 0.1f)), a.tolist());
        assertEquals("tensor([[1.5000, 2.5000],\n        [3.5000, 0.1000]])", a.toString());
    }

    @Test
    void float32ArithmeticOnFloatsEqualsRoundingTheExactResult() {
        // 16777216 + 1 is exact in double but 16777216 in float32 (ties to even); (1/3 as float) * 3 is 1 in float32
        Tensor big = Tensor.fromFloats(Shape.of(2), new float[] {16777216f, 1f / 3});
        Tensor sum = big.add(Tensor.fromFloats(Shape.of(2), new float[] {1f, 0f}));
        assertArrayEquals(new float[] {16777216f, 1f / 3}, sum.floats());
        Tensor product = big.mul(3);
        assertArrayEquals(new float[] {50331648f, 1f}, product.floats());
        Tensor bias = Tensor.fromFloats(Shape.of(2, 2), new float[] {1f, 2f, 3f, 4f})
                .sub(Tensor.fromFloats(Shape.of(2), new float[] {0.5f, 0.25f}));
        assertArrayEquals(new float[] {0.5f, 1.75f, 2.5f, 3.75f}, bias.floats());
    }

    @Test
    void aShortRowAddedToEveryRowOfALongBatchReachesEveryRowInOrder() {
        // 1000 rows of 3 (more than one repeated run of the row, and a remainder); x[i] = i, row = (0.5, -1, 2^-30):
        // each sum is i + the row value rounded once to float, worked out here in double
        int rows = 1000;
        float[] x = new float[rows * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        float[] row = {0.5f, -1f, 0x1p-30f};
        float[] right = Tensor.fromFloats(Shape.of(rows, 3), x).add(Tensor.fromFloats(Shape.of(3), row)).floats();
        float[] left = Tensor.fromFloats(Shape.of(3), row).sub(Tensor.fromFloats(Shape.of(rows, 3), x)).floats();
        for (int i = 0; i < x.length; i++) {
            assertEquals((float) ((double) i + row[i % 3]), right[i], "row + at " + i);
            assertEquals((float) (row[i % 3] - (double) i), left[i], "row - at " + i);
        }
    }
}
