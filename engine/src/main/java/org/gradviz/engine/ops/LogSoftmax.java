package org.gradviz.engine.ops;

import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.log_softmax(input, dim)} over the last dimension, as PyTorch 1.13's {@code _vec_log_softmax_lastdim}:
 * per row m = max, s = Σ exp(x - m) in vector order, then x - m - log(s), each step in the dtype.
 */
public final class LogSoftmax {
    private LogSoftmax() {
    }

    public static Tensor logSoftmax(Tensor a, int dim) {
        int d = LastDimension.checked(a, dim, "log_softmax");
        DType dt = a.dtype();
        double[] x = a.data();
        int size = LastDimension.rowLength(a);
        double[] out = new double[x.length];
        double[] e = new double[size];
        for (int row = 0; row + size <= x.length && size > 0; row += size) {
            double max = x[row];
            for (int i = 1; i < size; i++) {
                max = Math.max(max, x[row + i]);
            }
            for (int i = 0; i < size; i++) {
                e[i] = exp(dt.round(x[row + i] - max), dt);
            }
            double logSum = log(VecReduce.sum(e, 0, size, dt), dt);
            for (int i = 0; i < size; i++) {
                out[row + i] = dt.round(dt.round(x[row + i] - max) - logSum);
            }
        }
        Tensor result = Tensor.fromData(a.shape(), dt, out);
        return Autograd.record("log_softmax", result, () -> new LogSoftmaxBackward0(d, result), a);
    }

    // NOTE: PyTorch uses SLEEF's vectorised expf/logf (1 ulp); these are the correctly rounded values, which agree
    // with SLEEF almost always but not in every last bit.
    static double exp(double v, DType dt) {
        return dt == DType.FLOAT32 ? (float) Math.exp((float) v) : Math.exp(v);
    }

    static double log(double v, DType dt) {
        return dt == DType.FLOAT32 ? (float) Math.log((float) v) : Math.log(v);
    }

    /** What LogSoftmaxBackward0 sends for {@code grad}, from the forward's {@code result} (for views of the rule). */
    public static Tensor backward(Tensor grad, Tensor result) {
        return LastDimension.byRows(grad, result, LogSoftmaxBackward0::rule);
    }

    /** d(log_softmax x)/dx applied to g: g - exp(y) · Σg per row (y the result). */
    static final class LogSoftmaxBackward0 extends LastDimension.RowBackward {
        LogSoftmaxBackward0(int dim, Tensor result) {
            super("LogSoftmaxBackward0", dim, result);
        }

        @Override
        void row(double[] g, double[] y, int from, int size, DType dt, double[] gi) {
            rule(g, y, from, size, dt, gi);
        }

        static void rule(double[] g, double[] y, int from, int size, DType dt, double[] gi) {
            double sum = VecReduce.sum(g, from, size, dt);
            for (int i = from; i < from + size; i++) {
                // NOTE: g - exp(y)·Σg is one fused multiply-add in torch's CPU build (measured)
                double e = exp(y[i], dt);
                gi[i] = dt == DType.FLOAT32 ? Math.fma(-(float) e, (float) sum, (float) g[i]) : Math.fma(-e, sum, g[i]);
            }
        }
    }
}
