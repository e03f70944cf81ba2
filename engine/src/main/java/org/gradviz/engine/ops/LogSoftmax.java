package org.gradviz.engine.ops;

import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.kernels.LaneMath;

/**
 * {@code torch.log_softmax(input, dim)}: over the last dimension as PyTorch 1.13's {@code _vec_log_softmax_lastdim},
 * per row m = max, s = Σ exp(x - m) in vector order, then x - m - log(s), each step in the dtype (exp and log a vector
 * lane's, {@link LaneMath}); over another as
 * {@code host_softmax} ({@link AlongDim}).
 */
public final class LogSoftmax {
    private LogSoftmax() {
    }

    public static Tensor logSoftmax(Tensor a, int dim) {
        int d = LastDimension.checked(a, dim, "log_softmax");
        DType dt = a.dtype();
        double[] x = a.data();
        if (!LastDimension.isLast(a, d)) {
            return record(Tensor.fromData(a.shape(), dt, AlongDim.logSoftmax(x, a.shape(), d, dt)), d, a);
        }
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
        return record(Tensor.fromData(a.shape(), dt, out), d, a);
    }

    private static Tensor record(Tensor result, int d, Tensor a) {
        return Autograd.record("log_softmax", result, () -> new LastDimension.RowBackward("LogSoftmaxBackward0", d,
                result, LogSoftmax::row, LogSoftmax::backwardData, true), a);
    }

    /** {@code Vectorized::exp}: a vector lane on every element ({@code vec::map} pads the last vector). */
    static double exp(double v, DType dt) {
        return exp(v, dt, true);
    }

    /** A vector lane's exp ({@code vector}) or {@code std::exp} of a value of the dtype ({@link LaneMath}). */
    static double exp(double v, DType dt, boolean vector) {
        return dt == DType.FLOAT32 ? LaneMath.exp((float) v, vector) : LaneMath.exp(v, vector);
    }

    /** {@code Vectorized::log}: a vector lane's log, as the row sums' logs are taken with {@code vec::map}. */
    static double log(double v, DType dt) {
        return dt == DType.FLOAT32 ? LaneMath.log((float) v, true) : LaneMath.log(v, true);
    }

    /** a·b + c in the dtype: one rounding on AVX2, two on default ({@link CpuCapability#mulAdd}). */
    static double mulAdd(double a, double b, double c, DType dt) {
        return dt == DType.FLOAT32 ? CpuCapability.mulAdd((float) a, (float) b, (float) c)
                : CpuCapability.mulAdd(a, b, c);
    }

    /** What LogSoftmaxBackward0 over {@code dim} sends for {@code grad}, from the forward's {@code result}. */
    public static Tensor backward(Tensor grad, Tensor result, int dim) {
        return LastDimension.backward(grad, result, dim, LogSoftmax::row, true);
    }

    /** d(log_softmax x)/dx applied to g: g - exp(y) · Σg per row (y the result). */
    static void row(double[] g, double[] y, int from, int size, DType dt, double[] gi) {
        double sum = VecReduce.sum(g, from, size, dt);
        for (int i = from; i < from + size; i++) {
            // NOTE: g - exp(y)·Σg is one fused multiply-add in torch's AVX2 build (measured)
            gi[i] = mulAdd(-exp(y[i], dt), sum, g[i], dt);
        }
    }

    /** torch's {@code _log_softmax_backward_data(grad_output, output, dim)}, recorded. */
    static Tensor backwardData(Tensor gradOutput, Tensor output, int dim) {
        Tensor out = LastDimension.backward(gradOutput, output, dim, LogSoftmax::row, true);
        // d/d grad_output = grad - Σ(grad·exp(output)); d/d output = -Σgrad_output · exp(output) · grad (sums over
        // dim kept)
        return Autograd.record("_log_softmax_backward_data", out, () -> new BackwardOfBackward(
                "LogSoftmaxBackwardDataBackward0", gradOutput, output, dim,
                (g, go, y) -> Arithmetic.sub(g, Reductions.sum(Arithmetic.mul(g, Pointwise.exp(y)), dim, true)),
                (g, go, y) -> Arithmetic.mul(Arithmetic.mul(Arithmetic.neg(Reductions.sum(go, dim, true)),
                        Pointwise.exp(y)), g)), gradOutput, output);
    }
}
