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
 * {@code gather} (GatherBackward0), {@code scatter} of a tensor or a number (ScatterBackward0/1), {@code scatter_add}
 * (ScatterAddBackward0), {@code diag} (DiagBackward0) and {@code F.one_hot}, with torch's checks and messages. An
 * index names, for each of its positions, the coordinate along {@code dim}; the other coordinates are its own.
 */
public final class Gathering {
    private Gathering() {
    }

    // ----- gather

    /** {@code t.gather(dim, index)}: at each position p of index, t at p with its dim coordinate index[p]. */
    public static Tensor gather(Tensor t, long dim, Tensor index) {
        int d = t.shape().normalizeDim(dim);
        if (index.dtype() != DType.INT64) {
            throw TorchException.runtime("gather(): Expected dtype int64 for index");
        }
        if (Math.max(index.dim(), 1) != Math.max(t.dim(), 1)) {
            throw TorchException.runtime("Index tensor must have the same number of dimensions as input tensor");
        }
        for (int i = 0; i < index.dim(); i++) {
            if (i != d && index.shape().dim(i) > t.shape().dim(i)) {
                throw TorchException.runtime("Size does not match at dimension " + i + " expected index "
                        + index.shape().listText() + " to be smaller than self " + t.shape().listText()
                        + " apart from dimension " + d);
            }
        }
        checkBounds(t.shape(), d, index);
        Tensor out = Scatter.gather(t, d, index);
        return Autograd.record("gather", out, () -> new GatherBackward0(t.shape(), d, index), t);
    }

    /** Each index value must address an element of dim: torch's out-of-bounds message otherwise. */
    private static void checkBounds(Shape shape, int dim, Tensor index) {
        int size = shape.rank() == 0 ? 1 : shape.dim(dim);
        for (double v : index.data()) {
            if (v < 0 || v >= size) {
                throw TorchException.runtime("index " + (long) v + " is out of bounds for dimension " + dim
                        + " with size " + size);
            }
        }
    }

    /** d(t.gather(dim, index))/dt: the gradient added at the gathered positions of zeros shaped like t. */
    static final class GatherBackward0 extends Node {
        private final Shape selfSizes;
        private final int dim;
        private final SavedTensor index;

        GatherBackward0(Shape selfSizes, int dim, Tensor index) {
            this.selfSizes = selfSizes;
            this.dim = dim;
            this.index = save(index);
        }

        @Override
        public String name() {
            return "GatherBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor zeros = Tensor.fromData(selfSizes, grads[0].dtype(), new double[selfSizes.numel()]);
            return new Tensor[] {addedAt(zeros, dim, index.unpack(), grads[0])};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("index", index);
            out.put("sparse_grad", false);
        }
    }

    // ----- scatter, scatter_add

    /** torch's checks of scatter and scatter_add: dtypes, ranks, sizes (src's when given), then the index bounds. */
    private static int checkScatter(Tensor self, long dim, Tensor index, Tensor src) {
        int d = self.shape().normalizeDim(dim);
        if (index.dtype() != DType.INT64) {
            throw TorchException.runtime("scatter(): Expected dtype int64 for index");
        }
        if (src != null && src.dtype() != self.dtype()) {
            throw TorchException.runtime("scatter(): Expected self.dtype to be equal to src.dtype");
        }
        if (Math.max(index.dim(), 1) != Math.max(self.dim(), 1)) {
            throw TorchException.runtime("Index tensor must have the same number of dimensions as self tensor");
        }
        for (int i = 0; i < index.dim(); i++) {
            boolean bad = i != d && index.shape().dim(i) > self.shape().dim(i);
            if (src != null) {
                bad |= index.shape().dim(i) > src.shape().dim(src.shape().normalizeDim(i));
            }
            if (bad) {
                throw TorchException.runtime("Expected index " + index.shape().listText() + " to be smaller than self "
                        + self.shape().listText() + " apart from dimension " + d + (src == null ? ""
                        : " and to be smaller size than src " + src.shape().listText()));
            }
        }
        checkBounds(self.shape(), d, index);
        return d;
    }

    /** The elements of {@code src} at the positions of {@code index} (src may be larger than index). */
    private static double[] sourceValues(Tensor src, Tensor index) {
        if (src.shape().equals(index.shape())) {
            return src.data();
        }
        Tensor part = src;
        for (int d = 0; d < index.dim(); d++) {
            part = Autograd.quietly(narrowed(part, d, index.shape().dim(d)));
        }
        return part.data();
    }

    private static java.util.function.Supplier<Tensor> narrowed(Tensor t, int d, int size) {
        return () -> Indexing.slice(t, d, 0, size, 1);
    }

    /** {@code self.scatter(dim, index, src)}: a copy of self with src's elements written at the index's positions. */
    public static Tensor scatter(Tensor self, long dim, Tensor index, Tensor src) {
        int d = checkScatter(self, dim, index, src);
        Tensor values = Tensor.fromData(index.shape(), self.dtype(), sourceValues(src, index));
        Tensor out = written(self, d, index, values.data());
        return Autograd.record("scatter", out, () -> new ScatterNode("ScatterBackward0", d, index, src.shape()),
                new Tensor[] {self, src}, new Tensor[] {self, index, src});
    }

    /** {@code self.scatter(dim, index, value)}: a copy of self with the number written at the index's positions. */
    public static Tensor scatter(Tensor self, long dim, Tensor index, double value) {
        int d = checkScatter(self, dim, index, null);
        double[] values = new double[index.numel()];
        java.util.Arrays.fill(values, self.dtype() == DType.INT64 ? (double) (long) value : self.dtype().round(value));
        Tensor out = written(self, d, index, values);
        return Autograd.record("scatter", out, () -> new ScatterNode("ScatterBackward1", d, index, null),
                new Tensor[] {self}, new Tensor[] {self, index});
    }

    /** {@code self.scatter_add(dim, index, src)}: src's elements added at the index's positions, in index order. */
    public static Tensor scatterAdd(Tensor self, long dim, Tensor index, Tensor src) {
        int d = checkScatter(self, dim, index, src);
        Tensor values = Tensor.fromData(index.shape(), self.dtype(), sourceValues(src, index));
        Tensor out = addedAt(self, d, index, values);
        return Autograd.record("scatter_add", out, () -> new ScatterNode("ScatterAddBackward0", d, index,
                src.shape()), new Tensor[] {self, src}, new Tensor[] {self, index, src});
    }

    private static Tensor written(Tensor self, int dim, Tensor index, double[] values) {
        double[] r = self.data().clone();
        int[] at = Scatter.positions(self.shape(), dim, index);
        for (int p = 0; p < at.length; p++) {
            r[at[p]] = values[p];
        }
        return Tensor.fromData(self.shape(), self.dtype(), r);
    }

    /** A copy of {@code self} with {@code values} (shaped like index) added at the index's positions, in order. */
    static Tensor addedAt(Tensor self, int dim, Tensor index, Tensor values) {
        double[] r = self.data().clone();
        double[] v = values.data();
        DType dt = self.dtype();
        int[] at = Scatter.positions(self.shape(), dim, index);
        for (int p = 0; p < at.length; p++) {
            r[at[p]] = dt.round(r[at[p]] + v[p]);
        }
        return Tensor.fromData(self.shape(), dt, r);
    }

    /**
     * scatter: d/dself = grad with the written positions zeroed, d/dsrc = grad.gather(dim, index) (zeros beyond the
     * index when src is larger); scatter_add: d/dself = grad, d/dsrc = the same gather.
     */
    static final class ScatterNode extends Node {
        private final String name;
        private final int dim;
        private final SavedTensor index;
        private final Shape srcSizes;

        ScatterNode(String name, int dim, Tensor index, Shape srcSizes) {
            this.name = name;
            this.dim = dim;
            this.index = save(index);
            this.srcSizes = srcSizes;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor idx = index.unpack();
            Tensor[] out = new Tensor[srcSizes == null ? 1 : 2];
            if (needsInputGrad(0)) {
                out[0] = name.equals("ScatterAddBackward0") ? g
                        : written(g, dim, idx, new double[idx.numel()]);
            }
            if (srcSizes != null && needsInputGrad(1)) {
                Tensor picked = Scatter.gather(g, dim, idx);
                if (!srcSizes.equals(idx.shape())) {
                    double[] r = new double[srcSizes.numel()];
                    int[] at = Scatter.positions(srcSizes, -1, idx);
                    double[] v = picked.data();
                    for (int p = 0; p < at.length; p++) {
                        r[at[p]] = v[p];
                    }
                    picked = Tensor.fromData(srcSizes, g.dtype(), r);
                }
                out[1] = picked;
            }
            return out;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("index", index);
        }
    }

    // ----- diag

    /** {@code torch.diag(t, diagonal)}: a vector put on a diagonal of a square matrix, or a matrix's diagonal. */
    public static Tensor diag(Tensor a, long diagonal) {
        if (a.dim() != 1 && a.dim() != 2) {
            throw TorchException.runtime("matrix or a vector expected");
        }
        double[] x = a.data();
        Tensor out;
        if (a.dim() == 1) {
            int n = (int) (a.numel() + Math.abs(diagonal));
            double[] r = new double[n * n];
            for (int i = 0; i < x.length; i++) {
                int row = diagonal >= 0 ? i : (int) (i - diagonal);
                int col = diagonal >= 0 ? (int) (i + diagonal) : i;
                r[row * n + col] = x[i];
            }
            out = Tensor.fromData(Shape.of(n, n), a.dtype(), r);
        } else {
            int rows = a.shape().dim(0);
            int cols = a.shape().dim(1);
            long size = diagonal >= 0 ? Math.min(rows, cols - diagonal) : Math.min(rows + diagonal, cols);
            if (size < 0) {
                throw TorchException.runtime("numel: integer multiplication overflow");
            }
            double[] r = new double[(int) size];
            for (int i = 0; i < size; i++) {
                int row = diagonal >= 0 ? i : (int) (i - diagonal);
                int col = diagonal >= 0 ? (int) (i + diagonal) : i;
                r[i] = x[row * cols + col];
            }
            out = Tensor.fromData(Shape.of((int) size), a.dtype(), r);
        }
        Shape selfSizes = a.shape();
        return Autograd.record("diag", out, () -> new DiagBackward0(selfSizes, diagonal), a);
    }

    /** d(diag a)/da: torch's diag_backward: grad.diag(diagonal) for a vector or a square matrix, else placed back. */
    static final class DiagBackward0 extends Node {
        private final Shape selfSizes;
        private final long diagonal;

        DiagBackward0(Shape selfSizes, long diagonal) {
            this.selfSizes = selfSizes;
            this.diagonal = diagonal;
        }

        @Override
        public String name() {
            return "DiagBackward0";
        }

        private boolean byDiag() {
            return selfSizes.rank() == 1 || selfSizes.dim(0) == selfSizes.dim(1);
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            if (byDiag()) {
                return new Tensor[] {diag(g, diagonal)};
            }
            int cols = selfSizes.dim(1);
            double[] r = new double[selfSizes.numel()];
            double[] v = g.data();
            for (int i = 0; i < v.length; i++) {
                int row = diagonal >= 0 ? i : (int) (i - diagonal);
                int col = diagonal >= 0 ? (int) (i + diagonal) : i;
                r[row * cols + col] = v[i];
            }
            return new Tensor[] {Tensor.fromData(selfSizes, g.dtype(), r)};
        }

        /** grad.diag(diagonal), recorded; a non-square matrix's (diagonal_backward) is not recorded here. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return byDiag() ? apply(grads) : null;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("diagonal", diagonal);
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
        }
    }

    // ----- repeat_interleave

    /**
     * {@code t.repeat_interleave(repeats, dim)}: each slice along dim repeated its count of times, as torch computes
     * it: the input flattened when dim is None, then {@code index_select} of the repeated indices
     * (IndexSelectBackward0). {@code repeats} is an int64 tensor of one count or one per slice.
     */
    public static Tensor repeatInterleave(Tensor self, Tensor repeats, Long dim) {
        Tensor input = dim == null ? Views.flatten(self, 0, -1) : self;
        int d = dim == null ? 0 : input.shape().normalizeDim(dim);
        int size = input.dim() == 0 ? 1 : input.shape().dim(d);
        double[] counts;
        if (repeats.dim() == 0 || (repeats.dim() == 1 && repeats.numel() == 1)) {
            counts = new double[size];
            java.util.Arrays.fill(counts, repeats.data()[0]);
        } else if (repeats.dim() == 1) {
            if (repeats.numel() != size) {
                throw TorchException.runtime("repeats must have the same size as input along dim");
            }
            counts = repeats.data();
        } else {
            throw TorchException.runtime("repeats must be 0-dim or 1-dim tensor");
        }
        if (repeats.dtype() != DType.INT64) {
            throw TorchException.runtime("\"repeat_interleave_cpu\" not implemented for '"
                    + LinearAlgebra.cTypeName(repeats.dtype()) + "'");
        }
        return IndexSelect.indexSelect(input, d, repeatedIndices(counts));
    }

    /** {@code torch.repeat_interleave(repeats)}: i repeated repeats[i] times, as an int64 tensor. */
    public static Tensor repeatedIndices(Tensor repeats) {
        if (repeats.dim() > 1) {
            throw TorchException.runtime("repeats must be 0-dim or 1-dim tensor");
        }
        if (repeats.dtype() != DType.INT64) {
            throw TorchException.runtime("\"repeat_interleave_cpu\" not implemented for '"
                    + LinearAlgebra.cTypeName(repeats.dtype()) + "'");
        }
        return repeatedIndices(repeats.data());
    }

    private static Tensor repeatedIndices(double[] counts) {
        long total = 0;
        for (double c : counts) {
            if (c < 0) {
                throw TorchException.runtime("repeats can not be negative");
            }
            total += (long) c;
        }
        double[] index = new double[(int) total];
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            for (long k = 0; k < (long) counts[i]; k++) {
                index[at++] = i;
            }
        }
        return Tensor.fromData(Shape.of(index.length), DType.INT64, index);
    }

    // ----- one_hot

    /** {@code F.one_hot(t, num_classes)}: int64 zeros with a 1 at each class, in a new last dimension. */
    public static Tensor oneHot(Tensor t, long numClasses) {
        if (t.dtype() != DType.INT64) {
            throw TorchException.runtime("one_hot is only applicable to index tensor.");
        }
        int[] dims = java.util.Arrays.copyOf(t.shape().dims(), t.dim() + 1);
        if (t.numel() == 0) {
            if (numClasses <= 0) {
                throw TorchException.runtime("Can not infer total number of classes from empty tensor.");
            }
            dims[t.dim()] = (int) numClasses;
            return Tensor.fromData(Shape.of(dims), DType.INT64, new double[0]);
        }
        double[] x = t.data();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min < 0) {
            throw TorchException.runtime("Class values must be non-negative.");
        }
        long classes = numClasses == -1 ? (long) max + 1 : numClasses;
        if (numClasses != -1 && numClasses <= max) {
            throw TorchException.runtime("Class values must be smaller than num_classes.");
        }
        dims[t.dim()] = (int) classes;
        double[] r = new double[x.length * (int) classes];
        for (int i = 0; i < x.length; i++) {
            r[i * (int) classes + (int) x[i]] = 1;
        }
        return Tensor.fromData(Shape.of(dims), DType.INT64, r);
    }
}
