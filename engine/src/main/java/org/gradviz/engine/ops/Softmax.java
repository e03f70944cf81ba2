package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.softmax(input, dim)} over the last dimension, as PyTorch 1.13's {@code _vec_softmax_lastdim}: per row
 * e = exp(x - max), s = Σe in vector order, then e · (1/s), each step in the dtype.
 */
public final class Softmax {
    private Softmax() {
    }

    public static Tensor softmax(Tensor a, int dim) {
        int rank = Math.max(a.dim(), 1);
        if (dim < -rank || dim >= rank) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + -rank + ", "
                    + (rank - 1) + "], but got " + dim + ")");
        }
        int d = dim < 0 ? dim + rank : dim;
        if (a.dim() > 0 && d != a.dim() - 1) {
            throw new UnsupportedOperationException("softmax over a dimension other than the last");
        }
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"softmax_lastdim_kernel_impl\" not implemented for '"
                    + (a.dtype() == DType.INT64 ? "Long" : "Bool") + "'");
        }
        DType dt = a.dtype();
        double[] x = a.data();
        int size = a.dim() == 0 ? 1 : a.shape().dim(a.dim() - 1);
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
        Tensor result = Tensor.fromData(a.shape(), dt, out);
        return Autograd.record("softmax", result, () -> new SoftmaxBackward0(d, result), a);
    }

    /** d(softmax x)/dx applied to g: (g - Σ g·y) · y per row (y the result). */
    static final class SoftmaxBackward0 extends Node {
        private final int dim;
        private final SavedTensor result;

        SoftmaxBackward0(int dim, Tensor result) {
            this.dim = dim;
            this.result = saveOutput(result);
        }

        @Override
        public String name() {
            return "SoftmaxBackward0";
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
                double sum = VecReduce.dot(g, out, row, size, dt);
                for (int i = 0; i < size; i++) {
                    gi[row + i] = dt.round(dt.round(g[row + i] - sum) * out[row + i]);
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
