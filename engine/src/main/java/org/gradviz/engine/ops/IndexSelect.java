package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.index_select(input, dim, index)} (IndexSelectBackward0): the slices of input along {@code dim} that a
 * vector of indices names, in its order, repeats allowed; with torch's checks and messages.
 */
public final class IndexSelect {
    private IndexSelect() {
    }

    /** {@code t.index_select(dim, index)}; a 0-dim t gives itself for each index 0, as torch 1.13. */
    public static Tensor indexSelect(Tensor t, long dim, Tensor index) {
        int d = t.shape().normalizeDim(dim);
        if (index.dim() > 1) {
            throw TorchException.index("index_select(): Index is supposed to be a vector");
        }
        if (index.dtype() != DType.INT64) {
            throw TorchException.runtime("index_select(): Expected dtype int32 or int64 for index");
        }
        int size = t.dim() == 0 ? 1 : t.shape().dim(d);
        double[] ids = index.data();
        for (double v : ids) {
            if (v < 0 || v >= size) {
                // NOTE: torch selects along dim 1 by a kernel of its own (index_select_out_cpu_dim1_), with its own error
                throw d == 1 ? TorchException.runtime("INDICES element is out of DATA bounds, id=" + (long) v
                        + " axis_dim=" + size) : TorchException.index("index out of range in self");
            }
        }
        Tensor out = t.dim() == 0 ? Tensor.fromData(Shape.SCALAR, t.dtype(), t.data().clone())
                : Tensor.fromData(selectedShape(t.shape(), d, ids.length), t.dtype(), selected(t, d, ids));
        return Autograd.record("index_select", out, () -> new IndexSelectBackward0(t.shape(), d, index),
                new Tensor[] {t}, new Tensor[] {t, index});
    }

    private static Shape selectedShape(Shape shape, int dim, int count) {
        int[] dims = shape.dims().clone();
        dims[dim] = count;
        return Shape.of(dims);
    }

    /** The values of t's slices {@code ids} along dim, stacked along dim in row-major order. */
    private static double[] selected(Tensor t, int dim, double[] ids) {
        int[] dims = t.shape().dims();
        int outer = 1;
        for (int i = 0; i < dim; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = dim + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        double[] x = t.data();
        double[] r = new double[outer * ids.length * inner];
        for (int o = 0, at = 0; o < outer; o++) {
            for (double id : ids) {
                System.arraycopy(x, (o * dims[dim] + (int) id) * inner, r, at, inner);
                at += inner;
            }
        }
        return r;
    }

    /**
     * {@code self.index_add(dim, index, source)}: a copy of self with source's slice i added to slice index[i], in
     * index order, each sum rounded to the dtype. A 0-dim self takes one index only (torch's error otherwise).
     */
    static Tensor indexAdd(Tensor self, int dim, Tensor index, Tensor source) {
        Tensor out = indexAddedTo(self, dim, index, source);
        return Autograd.record("index_add", out, () -> new IndexAddBackward0(dim, index, source),
                new Tensor[] {self, source}, new Tensor[] {self, index, source});
    }

    private static Tensor indexAddedTo(Tensor self, int dim, Tensor index, Tensor source) {
        DType dt = self.dtype();
        double[] ids = index.data();
        double[] sv = source.data();
        double[] r = self.data().clone();
        Shape shape = self.shape();
        if (shape.rank() == 0) {
            if (ids.length != 1) {
                throw TorchException.index("Dimension specified as 0 but tensor has no dimensions");
            }
            r[0] = dt.round(r[0] + sv[0]);
            return Tensor.fromData(shape, dt, r);
        }
        int[] dims = shape.dims();
        int outer = 1;
        for (int i = 0; i < dim; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = dim + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        for (int i = 0; i < ids.length; i++) {
            int id = (int) ids[i];
            for (int o = 0; o < outer; o++) {
                int to = (o * dims[dim] + id) * inner;
                int from = (o * ids.length + i) * inner;
                for (int k = 0; k < inner; k++) {
                    r[to + k] = dt.round(r[to + k] + sv[from + k]);
                }
            }
        }
        return Tensor.fromData(shape, dt, r);
    }

    /** d(self.index_add(dim, index, source)): self gets grad, source grad.index_select(dim, index). */
    static final class IndexAddBackward0 extends Node {
        private final int dim;
        private final SavedTensor index;
        private final SavedTensor source;
        private final int sourceDim;

        IndexAddBackward0(int dim, Tensor index, Tensor source) {
            this.dim = dim;
            this.index = save(index);
            this.source = save(source);
            this.sourceDim = source.dim();
        }

        @Override
        public String name() {
            return "IndexAddBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {g, sourceDim == 0 ? g : indexSelect(g, dim, index.unpack())};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("alpha", 1L);
            out.put("dim", (long) dim);
            out.put("index", index);
            out.put("source", source);
            out.put("source_dim", (long) sourceDim);
        }
    }

    /**
     * d(t.index_select(dim, index))/dt: zeros shaped like t with the gradient's slice i added at slice index[i], in
     * index order (torch's {@code index_add_}), so a repeated index sums its gradients.
     */
    static final class IndexSelectBackward0 extends Node {
        private final Shape selfSizes;
        private final int dim;
        private final SavedTensor index;

        IndexSelectBackward0(Shape selfSizes, int dim, Tensor index) {
            this.selfSizes = selfSizes;
            this.dim = dim;
            this.index = save(index);
        }

        @Override
        public String name() {
            return "IndexSelectBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {indexAddedTo(zeros(grads[0]), dim, index.unpack(), grads[0])};
        }

        /** torch's {@code zeros(self_sizes).index_add_(dim, index, grad)}, recorded: IndexAddBackward0. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {indexAdd(zeros(grads[0]), dim, index.unpack(), grads[0])};
        }

        private Tensor zeros(Tensor grad) {
            return Tensor.fromData(selfSizes, grad.dtype(), new double[selfSizes.numel()]);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("index", index);
            out.put("self_sizes", Reductions.sizes(selfSizes));
        }
    }
}
