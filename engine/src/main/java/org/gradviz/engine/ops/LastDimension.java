package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * What softmax and log_softmax share: their dimension, checked as PyTorch 1.13 checks it, the rows they work on
 * (along the last dimension; another dimension goes to {@link AlongDim}), and a backward from the saved result.
 */
final class LastDimension {
    private LastDimension() {
    }

    /**
     * {@code dim} of {@code a} made non-negative, or torch's error: out of range, or a dtype the {@code op}'s
     * last-dimension kernel does not take.
     */
    static int checked(Tensor a, int dim, String op) {
        int rank = Math.max(a.dim(), 1);
        if (dim < -rank || dim >= rank) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + -rank + ", "
                    + (rank - 1) + "], but got " + dim + ")");
        }
        int d = dim < 0 ? dim + rank : dim;
        if (!a.dtype().isFloatingPoint()) {
            // NOTE: the name of the kernel torch dispatches to: the last dimension's, softmax's other, log_softmax's
            String kernel = isLast(a, d) ? op + "_lastdim_kernel_impl" : op.equals("softmax") ? "softmax_kernel_impl"
                    : op;
            throw TorchException.runtime("\"" + kernel + "\" not implemented for '"
                    + a.dtype().scalarTypeName() + "'");
        }
        return d;
    }

    /** Whether {@code dim} is the last dimension of {@code a} (or {@code a} is 0-d), which the row kernels take. */
    static boolean isLast(Tensor a, int dim) {
        return a.dim() == 0 || dim == a.dim() - 1;
    }

    /**
     * The input gradient of softmax ({@code log} false) or log_softmax along {@code dim}: {@code rule} by rows for the
     * last dimension, torch's host_softmax_backward for another.
     */
    static Tensor backward(Tensor grad, Tensor y, int dim, RowRule rule, boolean log) {
        if (isLast(y, dim)) {
            return byRows(grad, y, rule);
        }
        double[] g = Broadcast.expand(grad, y.shape());
        return Tensor.fromData(y.shape(), y.dtype(), AlongDim.backward(g, y.data(), y.shape(), dim, y.dtype(), log));
    }

    /** The length of a row along the last dimension (1 for a 0-d tensor). */
    static int rowLength(Tensor t) {
        return t.dim() == 0 ? 1 : t.shape().dim(t.dim() - 1);
    }

    /** One row of an input gradient: writes {@code gi[from .. from + size)} from the gradient g and the result y. */
    interface RowRule {
        void row(double[] g, double[] y, int from, int size, DType dt, double[] gi);
    }

    /** The input gradient of {@code grad} (broadcast to y's shape), row by row of the result {@code y}. */
    static Tensor byRows(Tensor grad, Tensor y, RowRule rule) {
        double[] g = Broadcast.expand(grad, y.shape());
        int size = rowLength(y);
        double[] values = y.data();
        double[] gi = new double[g.length];
        for (int from = 0; from + size <= g.length && size > 0; from += size) {
            rule.row(g, values, from, size, y.dtype(), gi);
        }
        return Tensor.fromData(y.shape(), y.dtype(), gi);
    }

    /** A backward's recorded form: torch's {@code _softmax_backward_data} or {@code _log_softmax_backward_data}. */
    interface RecordedRule {
        Tensor apply(Tensor grad, Tensor result, int dim);
    }

    /**
     * The backward of softmax and log_softmax, from the saved result y: {@code rule} row by row, or under
     * create_graph the recorded {@code _..._backward_data} op, which has a chain rule of its own.
     */
    static final class RowBackward extends Node {
        private final String name;
        private final int dim;
        private final SavedTensor result;
        private final RowRule rule;
        private final RecordedRule recorded;
        private final boolean log;

        RowBackward(String name, int dim, Tensor result, RowRule rule, RecordedRule recorded, boolean log) {
            this.name = name;
            this.log = log;
            this.dim = dim;
            this.result = saveOutput(result);
            this.rule = rule;
            this.recorded = recorded;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {backward(grads[0], result.unpack(), dim, rule, log)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {recorded.apply(grads[0], result.unpack(), dim)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("result", result);
        }
    }
}
