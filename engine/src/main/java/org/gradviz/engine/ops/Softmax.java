package org.gradviz.engine.ops;

import org.gradviz.engine.Autograd;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.softmax(input, dim)} over the last dimension, as PyTorch 1.13's {@code _vec_softmax_lastdim}: per row
 * e = exp(x - max), s = Σe in vector order, then e · (1/s), each step in the dtype.
 */
public final class Softmax {
    private Softmax() {
    }

    public static Tensor softmax(Tensor a, int dim) {
        int d = LastDimension.checked(a, dim, "softmax");
        DType dt = a.dtype();
        double[] x = a.data();
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
        Tensor result = Tensor.fromData(a.shape(), dt, out);
        return Autograd.record("softmax", result,
                () -> new LastDimension.RowBackward("SoftmaxBackward0", d, result, Softmax::row, Softmax::backwardData), a);
    }

    /** What SoftmaxBackward0 sends for {@code grad}, from the forward's {@code result} (for views of the rule). */
    public static Tensor backward(Tensor grad, Tensor result) {
        return LastDimension.byRows(grad, result, Softmax::row);
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
        Tensor out = LastDimension.byRows(gradOutput, output, Softmax::row);
        return Autograd.record("_softmax_backward_data", out,
                () -> new SoftmaxBackwardDataBackward0(gradOutput, output, dim), gradOutput, output);
    }

    /**
     * d/d grad_output = _softmax_backward_data(grad, output); d/d output = softmax_double_backward:
     * grad_output·grad - Σ(output·grad_output)·grad - grad_output·Σ(output·grad), sums over dim kept.
     */
    static final class SoftmaxBackwardDataBackward0 extends Node {
        private final SavedTensor gradOutput;
        private final SavedTensor output;
        private final int dim;

        SoftmaxBackwardDataBackward0(Tensor gradOutput, Tensor output, int dim) {
            this.gradOutput = save(gradOutput);
            this.output = save(output);
            this.dim = dim;
        }

        @Override
        public String name() {
            return "SoftmaxBackwardDataBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor y = output.unpack();
            Tensor go = gradOutput.unpack();
            Tensor[] out = new Tensor[2];
            if (needsInputGrad(0)) {
                out[0] = backwardData(g, y, dim);
            }
            if (needsInputGrad(1)) {
                Tensor first = Arithmetic.sub(Arithmetic.mul(go, g),
                        Arithmetic.mul(Reductions.sum(Arithmetic.mul(y, go), dim, true), g));
                out[1] = Arithmetic.sub(first, Arithmetic.mul(go, Reductions.sum(Arithmetic.mul(y, g), dim, true)));
            }
            return out;
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            LastDimension.collectBackwardData(out, gradOutput, output, dim);
        }
    }
}
