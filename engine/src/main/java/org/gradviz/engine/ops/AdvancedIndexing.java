package org.gradviz.engine.ops;

import java.util.Arrays;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code t[index]} with a tensor index: an int64 tensor picks entries along dimension 0 (the result has the index's
 * shape, then the remaining dimensions), a bool mask (or a deprecated uint8 one) picks the entries of the leading
 * dimensions where it is true.
 * Several int64 tensors for adjacent dimensions ({@code probs[torch.arange(n), y]}, {@code x[:, i, j]}) are
 * broadcast together and pick one entry of those dimensions per position; the result has, in their place, the
 * broadcast shape.
 * All record IndexBackward0, whose chain rule adds each picked entry's gradient back where it came from.
 */
public final class AdvancedIndexing {
    private AdvancedIndexing() {
    }

    /** {@code a[index]}. */
    public static Tensor index(Tensor a, Tensor index) {
        int[] rows;
        int lead;
        Shape resultLead;
        if (index.dtype() == DType.BOOL || index.dtype() == DType.UINT8) {
            if (index.dtype() == DType.UINT8) {
                org.gradviz.engine.Warnings.warn("indexing with dtype torch.uint8 is now deprecated, please use a dtype "
                        + "torch.bool instead. (Triggered internally at  ./aten/src/ATen/native/IndexingUtils.h:27.)");
            }
            lead = index.dim();
            if (lead > a.dim()) {
                throw TorchException.index("too many indices for tensor of dimension " + a.dim());
            }
            for (int i = 0; i < lead; i++) {
                if (index.shape().dim(i) != a.shape().dim(i)) {
                    throw TorchException.index("The shape of the mask " + index.shape().listText() + " at index " + i
                            + " does not match the shape of the indexed tensor " + a.shape().listText()
                            + " at index " + i);
                }
            }
            double[] m = index.data();
            rows = new int[m.length];
            int n = 0;
            for (int i = 0; i < m.length; i++) {
                if (m[i] != 0) {
                    rows[n++] = i;
                }
            }
            rows = Arrays.copyOf(rows, n);
            resultLead = Shape.of(n);
        } else if (index.dtype() == DType.INT64) {
            if (a.dim() == 0) {
                throw TorchException.index("too many indices for tensor of dimension 0");
            }
            lead = 1;
            int size = a.shape().dim(0);
            double[] ids = index.data();
            rows = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                long k = (long) ids[i];
                if (k < -size || k >= size) {
                    throw TorchException.index("index " + k + " is out of bounds for dimension 0 with size " + size);
                }
                rows[i] = (int) (k < 0 ? k + size : k);
            }
            resultLead = index.shape();
        } else {
            throw TorchException.index("tensors used as indices must be long, byte or bool tensors");
        }
        int[] rest = Arrays.copyOfRange(a.shape().dims(), lead, a.dim());
        int[] dims = new int[resultLead.rank() + rest.length];
        System.arraycopy(resultLead.dims(), 0, dims, 0, resultLead.rank());
        System.arraycopy(rest, 0, dims, resultLead.rank(), rest.length);
        return pick(a, new Rows(rows, 1, a.numel() / Math.max(1, Shape.of(rest).numel()), Shape.of(rest).numel()),
                Shape.of(dims));
    }

    /**
     * {@code a[..., i0, i1, ...]}: the int64 tensors {@code indices} index dimensions {@code first},
     * {@code first + 1}, ... of a, broadcast together; the dimensions before and after are kept whole.
     */
    public static Tensor index(Tensor a, int first, java.util.List<Tensor> indices) {
        int count = indices.size();
        if (first + count > a.dim()) {
            throw TorchException.index("too many indices for tensor of dimension " + a.dim());
        }
        Shape broadcast = Shape.of();
        for (Tensor index : indices) {
            if (index.dtype() != DType.INT64) {
                throw TorchException.index("tensors used as indices must be long, byte or bool tensors");
            }
        }
        try {
            for (Tensor index : indices) {
                broadcast = Broadcast.shapes(broadcast, index.shape());
            }
        } catch (TorchException e) {
            throw TorchException.index("shape mismatch: indexing tensors could not be broadcast together with shapes "
                    + String.join(", ", indices.stream().map(t -> t.shape().listText()).toList()));
        }
        int[] sizes = a.shape().dims();
        int[] rows = new int[broadcast.numel()];
        int indexed = 1;
        for (int k = count - 1; k >= 0; k--) {
            int size = sizes[first + k];
            double[] ids = Broadcast.expand(indices.get(k), broadcast);
            for (int i = 0; i < rows.length; i++) {
                long id = (long) ids[i];
                if (id < -size || id >= size) {
                    throw TorchException.index("index " + id + " is out of bounds for dimension " + (first + k)
                            + " with size " + size);
                }
                rows[i] += (int) (id < 0 ? id + size : id) * indexed;
            }
            indexed *= size;
        }
        int outer = Shape.of(Arrays.copyOfRange(sizes, 0, first)).numel();
        int block = Shape.of(Arrays.copyOfRange(sizes, first + count, sizes.length)).numel();
        int[] dims = new int[first + broadcast.rank() + sizes.length - first - count];
        System.arraycopy(sizes, 0, dims, 0, first);
        System.arraycopy(broadcast.dims(), 0, dims, first, broadcast.rank());
        System.arraycopy(sizes, first + count, dims, first + broadcast.rank(), sizes.length - first - count);
        return pick(a, new Rows(rows, outer, indexed, block), Shape.of(dims));
    }

    /**
     * Which entries an index picks, a seen as {@code outer} x {@code indexed} x {@code block}: in each of the outer
     * parts, the blocks of {@code block} elements at {@code rows} (positions among the indexed ones).
     */
    private record Rows(int[] rows, int outer, int indexed, int block) {
        /** Where the i-th picked block of outer part o starts, in a and in the result. */
        int from(int o, int i) {
            return (o * indexed + rows[i]) * block;
        }

        int to(int o, int i) {
            return (o * rows.length + i) * block;
        }
    }

    /** The picked blocks of a, shaped {@code shape}: IndexBackward0. */
    private static Tensor pick(Tensor a, Rows at, Shape shape) {
        double[] x = a.data();
        double[] r = new double[at.outer() * at.rows().length * at.block()];
        for (int o = 0; o < at.outer(); o++) {
            for (int i = 0; i < at.rows().length; i++) {
                System.arraycopy(x, at.from(o, i), r, at.to(o, i), at.block());
            }
        }
        Tensor out = Tensor.fromData(shape, a.dtype(), r);
        return Autograd.record("index", out, () -> new IndexBackward0(a.shape(), at), a);
    }

    /**
     * {@code zeros.index_put_(indices, values, accumulate=True)} on zeros shaped {@code sizes}: each block of values
     * added at its place, in order (IndexPutImplBackward0).
     */
    private static Tensor putRows(Shape sizes, Rows at, Tensor values) {
        double[] v = values.data();
        double[] r = new double[sizes.numel()];
        for (int o = 0; o < at.outer(); o++) {
            for (int i = 0; i < at.rows().length; i++) {
                int into = at.from(o, i);
                int from = at.to(o, i);
                for (int k = 0; k < at.block(); k++) {
                    r[into + k] = values.dtype().round(r[into + k] + v[from + k]);
                }
            }
        }
        Tensor out = Tensor.fromData(sizes, values.dtype(), r);
        return Autograd.record("index_put", out, () -> new IndexPutImplBackward0(at, values.shape()),
                new Tensor[] {null, values}, new Tensor[] {values});
    }

    /** d a[index]/da: each picked block's gradient added back at its row (rows picked twice get both). */
    static final class IndexBackward0 extends Node {
        private final Shape selfSizes;
        private final Rows at;

        IndexBackward0(Shape selfSizes, Rows at) {
            this.selfSizes = selfSizes;
            this.at = at;
        }

        @Override
        public String name() {
            return "IndexBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {putRows(selfSizes, at, grads[0])};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
        }
    }

    /** d/d values = grad.index(indices): the same rows picked again (IndexBackward0). */
    static final class IndexPutImplBackward0 extends Node {
        private final Rows at;
        private final Shape valuesShape;

        IndexPutImplBackward0(Rows at, Shape valuesShape) {
            this.at = at;
            this.valuesShape = valuesShape;
        }

        @Override
        public String name() {
            return "IndexPutImplBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {null, pick(grads[0], at, valuesShape)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("accumulate", true);
        }
    }
}
