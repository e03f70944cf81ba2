package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * {@code self.scatter(dim, index, src)} for an index shaped like src (as value_selecting_reduction_backward uses it:
 * the gradient of {@code max(dim)} put back at the chosen indices), and its inverse {@code gather}.
 */
final class Scatter {
    private Scatter() {
    }

    /** A copy of self with {@code src[p]} written at p with its dim coordinate replaced by {@code index[p]}. */
    static Tensor scatter(Tensor self, int dim, Tensor index, Tensor src) {
        double[] r = self.data().clone();
        int[] at = positions(self.shape(), dim, index);
        double[] s = src.data();
        for (int p = 0; p < at.length; p++) {
            r[at[p]] = self.dtype().round(s[p]);
        }
        Tensor out = Tensor.fromData(self.shape(), self.dtype(), r);
        return Autograd.record("scatter", out, () -> new ScatterBackward0(dim, index), new Tensor[] {self, src},
                new Tensor[] {self, index, src});
    }

    /** {@code t.gather(dim, index)}: at each position p of index, t at p with its dim coordinate index[p]. */
    static Tensor gather(Tensor t, int dim, Tensor index) {
        int[] at = positions(t.shape(), dim, index);
        double[] x = t.data();
        double[] r = new double[at.length];
        for (int p = 0; p < at.length; p++) {
            r[p] = x[at[p]];
        }
        return Tensor.fromData(index.shape(), t.dtype(), r);
    }

    /** The flat position in {@code shape} each element of {@code index} addresses along {@code dim}. */
    static int[] positions(Shape shape, int dim, Tensor index) {
        int rank = shape.rank();
        int[] strides = new int[rank];
        for (int d = rank - 1, stride = 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape.dim(d);
        }
        int[] indexDims = index.shape().dims();
        double[] ids = index.data();
        int[] coordinate = new int[indexDims.length];
        int[] at = new int[ids.length];
        for (int p = 0; p < ids.length; p++) {
            int flat = 0;
            for (int d = 0; d < rank; d++) {
                flat += (d == dim ? (int) ids[p] : coordinate[d]) * strides[d];
            }
            at[p] = flat;
            for (int d = indexDims.length - 1; d >= 0 && ++coordinate[d] == indexDims[d]; d--) {
                coordinate[d] = 0;
            }
        }
        return at;
    }

    /**
     * d/d self = grad.scatter(dim, index, 0); d/d src = grad.gather(dim, index). Not recorded itself (a third
     * derivative through max(dim) is refused by name).
     */
    static final class ScatterBackward0 extends Node {
        private final int dim;
        private final SavedTensor index;

        ScatterBackward0(int dim, Tensor index) {
            this.dim = dim;
            this.index = save(index);
        }

        @Override
        public String name() {
            return "ScatterBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor[] out = new Tensor[2];
            if (needsInputGrad(0)) {
                double[] r = g.data().clone();
                for (int at : positions(g.shape(), dim, index.unpack())) {
                    r[at] = 0;
                }
                out[0] = Tensor.fromData(g.shape(), g.dtype(), r);
            }
            out[1] = needsInputGrad(1) ? gather(g, dim, index.unpack()) : null;
            return out;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("index", index);
        }
    }
}
