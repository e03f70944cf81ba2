package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Test;

/**
 * A broadcast row (a bias) against a batch of no rows, as a mini-batch sliced empty gives (torch: {@code
 * torch.zeros(0, 16) + torch.randn(16)} has shape (0, 16)); the row's values are tiled into the result, which has
 * no room for even one row.
 */
class BroadcastEmptyTest {
    @Test
    void aRowAddedToNoRowsGivesNoRows() {
        Torch.manualSeed(0);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor bias = Torch.randn(dtype, 16);
            Tensor batch = Torch.zeros(dtype, 0, 16);
            Tensor right = batch.add(bias);
            Tensor left = bias.add(batch);
            assertEquals(Shape.of(0, 16), right.shape());
            assertEquals(Shape.of(0, 16), left.shape());
            assertEquals(0, right.numel());
        }
    }

    @Test
    void tilingARowIntoNothingWritesNothing() {
        float[] r = new float[0];
        FloatLoops.tile(new float[] {1f, 2f, 3f}, r);
        assertArrayEquals(new float[0], r);
    }
}
