package org.gradviz.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Where PyTorch's loops hand elements to the vectorised kernel and where to scalar code. Expected bits
 * from torch 1.13 on this CPU, one thread: {@code torch.sigmoid(torch.full((n,), 1.4811647))}.
 */
class TorchUnaryKernelsTest {
    private static final float X = 0x1.7b2d9cp+0f; // 1.4811647f
    private static final float VECTOR = 0x1.a126b6p-1f; // 0.8147484660
    private static final float SCALAR = 0x1.a126b4p-1f; // 0.8147484064

    private static float[] sigmoidOfFull(int n) {
        float[] x = new float[n];
        Arrays.fill(x, X);
        return TorchUnaryKernels.sigmoidFloat(x);
    }

    @Test
    void float32SigmoidIsScalarBelowTwoVectors() {
        assertEquals(SCALAR, sigmoidOfFull(1)[0]);
        assertEquals(SCALAR, sigmoidOfFull(8)[7]);
        assertEquals(SCALAR, sigmoidOfFull(15)[14]);
    }

    @Test
    void float32SigmoidVectorisesBlocksOfSixteenAndLeavesTheRestScalar() {
        float[] r = sigmoidOfFull(17);
        assertEquals(VECTOR, r[0]);
        assertEquals(VECTOR, r[15]);
        assertEquals(SCALAR, r[16]);
    }

    @Test
    void sinOfASmallLaneDependsOnItsVectorsLargestLane() {
        // SLEEF reduces all 8 lanes with Payne–Hanek as soon as one lane is >= 125 in magnitude; the
        // result for the small lane may then round differently
        float x = -2.354156017303467f;
        float alone = TorchUnaryKernels.sinFloat(new float[] {x})[0];
        float[] mixed = new float[8];
        mixed[0] = x;
        mixed[7] = 1000f;
        float withLarge = TorchUnaryKernels.sinFloat(mixed)[0];
        float[] nextVector = new float[9];
        nextVector[0] = x;
        nextVector[8] = 1000f;
        assertEquals(alone, TorchUnaryKernels.sinFloat(nextVector)[0]);
        assertEquals(TORCH_SIN_ALONE, alone);
        assertEquals(TORCH_SIN_WITH_LARGE, withLarge);
    }

    /** torch.sin(torch.tensor([-2.354156017303467])). */
    private static final float TORCH_SIN_ALONE = -0x1.6ac6a2p-1f;
    /** The same lane of torch.sin of a vector of 8 whose last lane is 1000. */
    private static final float TORCH_SIN_WITH_LARGE = -0x1.6ac6a4p-1f;
}
