package org.gradviz.app.animation.lens;

import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.TorchUnaryKernels;
import org.gradviz.engine.ops.Broadcast;

/**
 * The arithmetic a lens needs on recorded values, with torch's broadcasting, type promotion and rounding to
 * the result's dtype at every step (the engine's own {@link Broadcast} helpers, which record nothing and
 * report nothing to listeners).
 */
final class LensMath {
    private LensMath() {
    }

    /** {@code f} on every element, in {@code a}'s dtype. */
    static TensorValue map(TensorValue a, DoubleUnaryOperator f) {
        double[] r = a.data();
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(r[i]);
        }
        return value(a.shape(), dtype(a), r);
    }

    /**
     * One of PyTorch's CPU kernels (the engine's {@link TorchUnaryKernels}, the very bits its ops use) over
     * {@code a}'s values, in {@code a}'s dtype.
     */
    static TensorValue kernel(TensorValue a, UnaryOperator<float[]> float32, UnaryOperator<double[]> float64) {
        DType dtype = dtype(a);
        if (dtype == DType.FLOAT64) {
            return value(a.shape(), dtype, float64.apply(a.data()));
        }
        return TensorValue.of(Tensor.fromFloats(Shape.of(a.shape()), float32.apply(tensor(a).floats())));
    }

    /** {@code f} element-wise over the broadcast shape, in the promoted dtype. */
    static TensorValue map(TensorValue a, TensorValue b, Broadcast.BinaryFn f) {
        Tensor x = tensor(a);
        Tensor y = tensor(b);
        Shape shape = Broadcast.shapes(x.shape(), y.shape());
        DType dtype = Broadcast.resultType(x, y);
        return TensorValue.of(Tensor.fromData(shape, dtype, Broadcast.map(x, y, shape, dtype, f)));
    }

    /** {@code f} element-wise over the shape all three broadcast to, in the promoted dtype. */
    static TensorValue map(TensorValue a, TensorValue b, TensorValue c, Broadcast.TernaryFn f) {
        Tensor x = tensor(a);
        Tensor y = tensor(b);
        Tensor z = tensor(c);
        Shape shape = Broadcast.shapes(Broadcast.shapes(x.shape(), y.shape()), z.shape());
        return TensorValue.of(Tensor.fromData(shape, Broadcast.resultType(x, y, z), Broadcast.map(x, y, z, shape, f)));
    }

    /** 1 where {@code test} holds, else 0, as a bool tensor (relu's {@code result > 0}). */
    static TensorValue mask(TensorValue a, DoublePredicate test) {
        double[] r = a.data();
        for (int i = 0; i < r.length; i++) {
            r[i] = test.test(r[i]) ? 1 : 0;
        }
        return new TensorValue(a.shape(), "bool", r);
    }

    /** {@code g} summed over the dimensions broadcasting added, then cast: what reaches an input of that shape. */
    static TensorValue sumTo(TensorValue g, InputMeta input) {
        return TensorValue.of(Broadcast.sumTo(tensor(g), Shape.of(input.shape()), DType.fromShortName(input.dtype())));
    }

    /** {@code g} read at every element of {@code shape} (an expand). */
    static TensorValue expand(TensorValue g, int[] shape) {
        return value(shape, dtype(g), Broadcast.expand(tensor(g), Shape.of(shape)));
    }

    /** The same elements under another shape. */
    static TensorValue reshape(TensorValue g, int[] shape) {
        return value(shape, dtype(g), g.data());
    }

    /** The transpose of a matrix; a tensor of fewer dimensions is its own transpose. */
    static TensorValue transpose(TensorValue a) {
        return a.shape().length < 2 ? a : permute(a, new int[] {1, 0});
    }

    /** The tensor whose dimension i is dimension {@code dims[i]} of {@code a}. */
    static TensorValue permute(TensorValue a, int[] dims) {
        int[] in = a.shape();
        int[] inStrides = Shape.of(in).strides();
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = in[dims[i]];
        }
        int[] outStrides = Shape.of(out).strides();
        double[] x = a.data();
        double[] r = new double[x.length];
        for (int flat = 0; flat < r.length; flat++) {
            int source = 0;
            for (int i = 0; i < dims.length; i++) {
                int index = flat / outStrides[i] % out[i];
                source += index * inStrides[dims[i]];
            }
            r[flat] = x[source];
        }
        return value(out, dtype(a), r);
    }

    /**
     * The matrix product (m×k)·(k×n), each element summed over k in order; float32 in float, as torch does
     * (its kernels may add in another order, which changes only the last bits).
     */
    static TensorValue matmul(TensorValue a, TensorValue b) {
        int m = a.shape()[0];
        int k = a.shape()[1];
        int n = b.shape()[1];
        DType dtype = dtype(a);
        double[] x = a.data();
        double[] y = b.data();
        double[] r = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum = dtype.round(sum + dtype.round(x[i * k + p] * y[p * n + j]));
                }
                r[i * n + j] = sum;
            }
        }
        return value(new int[] {m, n}, dtype, r);
    }

    /** The engine's own chain-rule function on recorded values, run quietly (no grad, nothing reported). */
    static TensorValue engine(java.util.function.Supplier<Tensor> chainRule) {
        return TensorValue.of(org.gradviz.engine.Autograd.quietly(chainRule));
    }

    static Tensor tensor(TensorValue v) {
        return Tensor.fromData(Shape.of(v.shape()), dtype(v), v.data());
    }

    private static DType dtype(TensorValue v) {
        return DType.fromShortName(v.dtype());
    }

    private static TensorValue value(int[] shape, DType dtype, double[] data) {
        return TensorValue.of(Tensor.fromData(Shape.of(shape), dtype, data));
    }
}
