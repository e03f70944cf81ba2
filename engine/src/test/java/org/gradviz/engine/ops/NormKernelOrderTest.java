package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * In torch {@code x.norm()} and {@code torch.dist(x, zeros)} run the same kernel and agree to the bit at every
 * length (fixture j01_norm_kernel_order checks the values themselves against torch).
 */
class NormKernelOrderTest {

    private static Tensor random(Random r, int n, DType dtype) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = dtype == DType.FLOAT32 ? (float) (3 * r.nextGaussian()) : 3 * r.nextGaussian();
        }
        return Tensor.fromData(Shape.of(n), dtype, v);
    }

    @Test
    void wholeTensorNormIsTheDistanceFromZero() {
        Random r = new Random(5);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n = 1; n <= 80; n++) {
                Tensor x = random(r, n, dtype);
                Tensor zeros = Tensor.fromData(Shape.of(n), dtype, new double[n]);
                assertEquals(Dist.dist(x, zeros, 2).item(), Norms.norm(x, 2, null, false).item(),
                        dtype + " length " + n);
            }
        }
    }
}
