package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.testing.KernelPath;
import org.junit.jupiter.api.Test;

/**
 * float32 BCE with logits on tensors long enough for the vectorised kernels (and a tail for the scalar
 * loop) agrees with the same computation in float64 to float32 precision.
 */
class LossesFloat32Test {
    private static final int N = 1027;

    private static double[] values(Random r, double scale) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
        return v;
    }

    @Test
    void float32LossAndGradientMatchFloat64() {
        assertEquals(KernelPath.vectorApiExpected(), MatMulKernel.VECTORIZED, KernelPath.describe());
        Random r = new Random(7);
        double[] x = values(r, 12);
        double[] t = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = r.nextInt(2);
        }
        Tensor x32 = Torch.tensor(Shape.of(N), DType.FLOAT32, x).requiresGrad_(true);
        Tensor x64 = Torch.tensor(Shape.of(N), DType.FLOAT64, x).requiresGrad_(true);
        Tensor each32 = Losses.binaryCrossEntropyWithLogits(x32, Torch.tensor(Shape.of(N), DType.FLOAT32, t),
                Reduction.NONE);
        Tensor each64 = Losses.binaryCrossEntropyWithLogits(x64, Torch.tensor(Shape.of(N), DType.FLOAT64, t),
                Reduction.NONE);
        for (int i = 0; i < N; i++) {
            assertEquals(each64.data()[i], each32.data()[i], 1e-6 * Math.max(1, each64.data()[i]), "loss " + i);
        }
        Losses.binaryCrossEntropyWithLogits(x32, Torch.tensor(Shape.of(N), DType.FLOAT32, t), Reduction.MEAN)
                .backward();
        Losses.binaryCrossEntropyWithLogits(x64, Torch.tensor(Shape.of(N), DType.FLOAT64, t), Reduction.MEAN)
                .backward();
        for (int i = 0; i < N; i++) {
            // (σ(x) - t) / N: |value| < 1/N, float32 keeps ~7 digits of it
            assertEquals(x64.grad().data()[i], x32.grad().data()[i], 1e-6 / N, "grad " + i);
        }
    }
}
