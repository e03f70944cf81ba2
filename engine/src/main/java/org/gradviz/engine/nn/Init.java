package org.gradviz.engine.nn;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.random.TorchGenerator;

/**
 * The default initialisation of {@code nn.Linear} ({@code reset_parameters} in PyTorch 1.13), drawn from the default
 * generator in PyTorch's order: the weight row by row, then the bias.
 */
public final class Init {
    private Init() {
    }

    /**
     * {@code kaiming_uniform_(weight, a=math.sqrt(5))}: uniform in ±bound with bound = √3 · gain / √fan_in and
     * gain = √(2 / (1 + a²)), computed in Python floats in that order (it is not exactly 1/√fan_in).
     */
    public static Tensor linearWeight(int outFeatures, int inFeatures, DType dtype) {
        Shape shape = Shape.of(outFeatures, inFeatures);
        if (shape.numel() == 0) {
            return Tensor.fromData(shape, dtype, new double[0]);
        }
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + a * a));
        double std = gain / Math.sqrt(inFeatures);
        double bound = Math.sqrt(3.0) * std;
        return Tensor.fromData(shape, dtype, uniform(shape.numel(), bound, dtype));
    }

    /** The bias: uniform in ±1/√fan_in (0 when fan_in is 0). */
    public static Tensor linearBias(int outFeatures, int fanIn, DType dtype) {
        double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
        return Tensor.fromData(Shape.of(outFeatures), dtype, uniform(outFeatures, bound, dtype));
    }

    private static double[] uniform(int n, double bound, DType dtype) {
        return TorchGenerator.defaultGenerator().uniform(n, -bound, bound, dtype);
    }
}
