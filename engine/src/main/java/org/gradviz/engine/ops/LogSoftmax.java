package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.log_softmax(input, dim)} over the last dimension, as PyTorch 1.13's {@code _vec_log_softmax_lastdim}:
 * per row m = max, s = Σ exp(x - m) in vector order, then x - m - log(s), each step in the dtype.
 */
public final class LogSoftmax {
    private LogSoftmax() {
    }

    public static Tensor logSoftmax(Tensor a, int dim) {
        int rank = Math.max(a.dim(), 1);
        if (dim < -rank || dim >= rank) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + -rank + ", "
                    + (rank - 1) + "], but got " + dim + ")");
        }
        int d = dim < 0 ? dim + rank : dim;
        if (a.dim() > 0 && d != a.dim() - 1) {
            throw new UnsupportedOperationException("log_softmax over a dimension other than the last");
        }
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"log_softmax_lastdim_kernel_impl\" not implemented for '"
                    + (a.dtype() == DType.INT64 ? "Long" : "Bool") + "'");
        }
        DType dt = a.dtype();
        double[] x = a.data();
        int size = a.dim() == 0 ? 1 : a.shape().dim(a.dim() - 1);
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

    /** d(log_softmax x)/dx applied to g: g - exp(y) · Σg per row (y the result). */
    static final class LogSoftmaxBackward0 extends Node {
        private final int dim;
        private final SavedTensor result;

        LogSoftmaxBackward0(int dim, Tensor result) {
            this.dim = dim;
            this.result = saveOutput(result);
        }

        @Override
        public String name() {
            return "LogSoftmaxBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor y = result.unpack();
            DType dt = y.dtype();
            double[] g = Broadcast.expand(grads[0], y.shape());
            double[] out = y.data();
            int size = y.dim() == 0 ? 1 : y.shape().dim(y.dim() - 1);
            double[] gi = new double[g.length];
            for (int row = 0; row + size <= g.length && size > 0; row += size) {
                double sum = VecReduce.sum(g, row, size, dt);
                for (int i = 0; i < size; i++) {
                    // NOTE: g - exp(y)·Σg is one fused multiply-add in torch's CPU build (measured)
                    double e = exp(out[row + i], dt);
                    gi[row + i] = dt == DType.FLOAT32 ? Math.fma(-(float) e, (float) sum, (float) g[row + i])
                            : Math.fma(-e, sum, g[row + i]);
                }
            }
            return new Tensor[] {Tensor.fromData(y.shape(), dt, gi)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("result", result);
        }
    }
}
