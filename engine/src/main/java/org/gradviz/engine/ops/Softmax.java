package org.gradviz.engine.ops;

import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.softmax(input, dim)}: over the last dimension as PyTorch 1.13's {@code _vec_softmax_lastdim}, per row
 * e = exp(x - max), s = Σe in vector order, then e · (1/s), each step in the dtype; over another as
 * {@code _vec_softmax} ({@link AlongDim}).
 */
public final class Softmax {
    private Softmax() {
    }

    public static Tensor softmax(Tensor a, int dim) {
        int d = LastDimension.checked(a, dim, "softmax");
        DType dt = a.dtype();
        double[] x = a.data();
        if (!LastDimension.isLast(a, d)) {
            Tensor result = Tensor.fromData(a.shape(), dt, AlongDim.softmax(x, a.shape(), d, dt));
            return record(result, d, a);
        }
        int size = LastDimension.rowLength(a);
        double[] out = new double[x.length];
        for (int row = 0; row + size <= x.length && size > 0; row += size) {
            double max = x[row];
            for (int i = 1; i < size; i++) {
                max = Math.max(max, x[row + i]);
            }
            for (int i = 0; i < size; i++) {
                out[row + i] = LogSoftmax.exp(dt.round(x[row + i] - max), dt);
            }
            double inverse = dt.round(1 / VecReduce.sum(out, row, size, dt));
            for (int i = 0; i < size; i++) {
                out[row + i] = dt.round(out[row + i] * inverse);
            }
        }
        return record(Tensor.fromData(a.shape(), dt, out), d, a);
    }

    private static Tensor record(Tensor result, int d, Tensor a) {
        return Autograd.record("softmax", result,
                () -> new LastDimension.RowBackward("SoftmaxBackward0", d, result, Softmax::row,
                        Softmax::backwardData, false), a);
    }

    /** What SoftmaxBackward0 over {@code dim} sends for {@code grad}, from the forward's {@code result}. */
    public static Tensor backward(Tensor grad, Tensor result, int dim) {
        return LastDimension.backward(grad, result, dim, Softmax::row, false);
    }

    /** d(softmax x)/dx applied to g: (g - Σ g·y) · y per row (y the result). */
    static void row(double[] g, double[] y, int from, int size, DType dt, double[] gi) {
        double sum = VecReduce.dot(g, y, from, size, dt);
        for (int i = from; i < from + size; i++) {
            gi[i] = dt.round(dt.round(g[i] - sum) * y[i]);
        }
    }

    /** torch's {@code _softmax_backward_data(grad_output, output, dim)}, recorded. */
    static Tensor backwardData(Tensor gradOutput, Tensor output, int dim) {
        Tensor out = LastDimension.backward(gradOutput, output, dim, Softmax::row, false);
        return Autograd.record("_softmax_backward_data", out, () -> new BackwardOfBackward(
                "SoftmaxBackwardDataBackward0", gradOutput, output, dim, (g, go, y) -> backwardData(g, y, dim),
                (g, go, y) -> doubleBackward(g, go, y, dim)), gradOutput, output);
    }

    /**
     * softmax_double_backward: grad_output·grad - Σ(output·grad_output)·grad - grad_output·Σ(output·grad), the sums
     * over dim kept.
     */
    private static Tensor doubleBackward(Tensor g, Tensor go, Tensor y, int dim) {
        Tensor first = Arithmetic.sub(Arithmetic.mul(go, g),
                Arithmetic.mul(Reductions.sum(Arithmetic.mul(y, go), dim, true), g));
        return Arithmetic.sub(first, Arithmetic.mul(go, Reductions.sum(Arithmetic.mul(y, g), dim, true)));
    }
}
