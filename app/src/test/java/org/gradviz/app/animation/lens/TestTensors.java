package org.gradviz.app.animation.lens;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.random.TorchGenerator;

/** Leaves for the lens tests, from a generator of their own (the default generator stays untouched). */
final class TestTensors {
    private final TorchGenerator generator = new TorchGenerator(7);
    private final DType dtype;

    TestTensors(DType dtype) {
        this.dtype = dtype;
    }

    DType dtype() {
        return dtype;
    }

    /** Standard normal values that require grad. */
    Tensor randn(int... dims) {
        return randnOf(dtype, dims);
    }

    Tensor randnOf(DType type, int... dims) {
        return Tensor.fromData(Shape.of(dims), type, generator.randn(Shape.of(dims).numel(), type)).requiresGrad_(true);
    }

    /** Values in [0.5, 1.5) that require grad: for log, division and powers. */
    Tensor positive(int... dims) {
        return shifted(0.5, 1, dims).requiresGrad_(true);
    }

    /** Values in [0.1, 0.9) that require grad: probabilities for binary_cross_entropy. */
    Tensor probabilities(int... dims) {
        return shifted(0.1, 0.8, dims).requiresGrad_(true);
    }

    /** Values in [0.1, 0.9) that do not require grad (targets). */
    Tensor targets(int... dims) {
        return shifted(0.1, 0.8, dims);
    }

    /** Exactly these values, requiring grad. */
    /** Int64 class or row indices, which take no gradient. */
    Tensor indices(long... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return Tensor.fromData(Shape.of(d.length), org.gradviz.engine.DType.INT64, d);
    }

    Tensor values(double... values) {
        return Tensor.fromData(Shape.of(values.length), dtype, values.clone()).requiresGrad_(true);
    }

    /** A gradient to start backward with, shaped like {@code out} (random, so that every product is exercised). */
    Tensor seedFor(Tensor out) {
        return Tensor.fromData(out.shape(), out.dtype(), generator.randn(out.numel(), out.dtype()));
    }

    private Tensor shifted(double low, double width, int... dims) {
        double[] r = generator.rand(Shape.of(dims).numel(), dtype);
        for (int i = 0; i < r.length; i++) {
            r[i] = low + width * r[i];
        }
        return Tensor.fromData(Shape.of(dims), dtype, r);
    }
}
