package org.gradviz.app.animation.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gradviz.app.animation.TensorValue;
import org.junit.jupiter.api.Test;

class LensTextTest {

    private static TensorValue value(String dtype, int[] shape, double... data) {
        return new TensorValue(shape, dtype, data);
    }

    @Test
    void aZeroDimValueIsOneNumberWithFourDecimals() {
        assertEquals("0.3333", LensText.of(value("float32", new int[0], 1.0 / 3)));
    }

    @Test
    void aMatrixIsNestedByRows() {
        assertEquals("[[1.0000, -2.0000], [3.5000, 0.0000]]", LensText.of(value("float64", new int[] {2, 2}, 1, -2, 3.5, 0)));
    }

    @Test
    void aLongValueShowsItsFirstElementsAndShape() {
        assertEquals("[0.0000, 1.0000, 2.0000, 3.0000, …] (3, 3)",
                LensText.of(value("float32", new int[] {3, 3}, 0, 1, 2, 3, 4, 5, 6, 7, 8)));
    }

    @Test
    void integersAndFlagsAreWrittenAsTorchWritesThem() {
        assertEquals("3", LensText.of(value("int64", new int[0], 3)));
        assertEquals("[True, False]", LensText.of(value("bool", new int[] {2}, 1, 0)));
        assertEquals("[nan, -inf]", LensText.of(value("float32", new int[] {2}, Double.NaN, Double.NEGATIVE_INFINITY)));
    }
}
