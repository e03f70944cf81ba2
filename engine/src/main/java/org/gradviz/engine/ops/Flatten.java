package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/** {@code torch.flatten(input, start_dim, end_dim)}: a reshape, recorded as PyTorch 1.13 does (ReshapeAliasBackward0). */
public final class Flatten {
    private Flatten() {
    }

    /**
     * The dimensions start..end merged into one. Returns {@code a} itself when they are one dimension already, as
     * PyTorch does; a 0-d tensor becomes shape (1,).
     */
    public static Tensor flatten(Tensor a, int startDim, int endDim) {
        int rank = Math.max(a.dim(), 1);
        int start = wrap(startDim, rank);
        int end = wrap(endDim, rank);
        if (start > end) {
            throw TorchException.runtime("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (a.dim() == 0) {
            return reshapeAlias(a, Shape.of(1));
        }
        if (start == end) {
            return a;
        }
        int[] dims = new int[a.dim() - (end - start)];
        int merged = 1;
        for (int i = start; i <= end; i++) {
            merged *= a.shape().dim(i);
        }
        for (int i = 0, j = 0; i < a.dim(); i++) {
            if (i < start || i > end) {
                dims[j++] = a.shape().dim(i);
            } else if (i == start) {
                dims[j++] = merged;
            }
        }
        return reshapeAlias(a, Shape.of(dims));
    }

    private static int wrap(int dim, int rank) {
        if (dim < -rank || dim >= rank) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + -rank + ", "
                    + (rank - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + rank : dim;
    }

    private static Tensor reshapeAlias(Tensor a, Shape shape) {
        Tensor out = Tensor.fromData(shape, a.dtype(), a.data().clone());
        if (Autograd.needsRecording(a)) {
            Autograd.attach(new ReshapeAliasBackward0(a.shape()), out, a);
        }
        Autograd.fireOpExecuted("flatten", out, a);
        return out;
    }

    /** d(reshape a)/da: the gradient reshaped back to a's sizes. */
    static final class ReshapeAliasBackward0 extends Node {
        private final Shape selfSizes;

        ReshapeAliasBackward0(Shape selfSizes) {
            this.selfSizes = selfSizes;
        }

        @Override
        public String name() {
            return "ReshapeAliasBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {Tensor.fromData(selfSizes, grads[0].dtype(), grads[0].data().clone())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
        }
    }
}
