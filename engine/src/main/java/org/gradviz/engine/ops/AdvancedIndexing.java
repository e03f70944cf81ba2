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
 * Both record IndexBackward0, whose chain rule adds each picked entry's gradient back where it came from.
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
        return pick(a, rows, Shape.of(rest).numel(), Shape.of(dims));
    }

    /** The blocks of {@code block} elements of a at {@code rows}, shaped {@code shape}: IndexBackward0. */
    private static Tensor pick(Tensor a, int[] rows, int block, Shape shape) {
        double[] x = a.data();
        double[] r = new double[rows.length * block];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * block, r, i * block, block);
        }
        Tensor out = Tensor.fromData(shape, a.dtype(), r);
        return Autograd.record("index", out, () -> new IndexBackward0(a.shape(), rows, block), a);
    }

    /**
     * {@code zeros.index_put_(indices, values, accumulate=True)} on zeros shaped {@code sizes}: each block of values
     * added at its row, in order (IndexPutImplBackward0).
     */
    private static Tensor putRows(Shape sizes, int[] rows, int block, Tensor values) {
        double[] v = values.data();
        double[] r = new double[sizes.numel()];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < block; k++) {
                r[rows[i] * block + k] = values.dtype().round(r[rows[i] * block + k] + v[i * block + k]);
            }
        }
        Tensor out = Tensor.fromData(sizes, values.dtype(), r);
        return Autograd.record("index_put", out, () -> new IndexPutImplBackward0(rows, block, values.shape()),
                new Tensor[] {null, values}, new Tensor[] {values});
    }

    /** d a[index]/da: each picked block's gradient added back at its row (rows picked twice get both). */
    static final class IndexBackward0 extends Node {
        private final Shape selfSizes;
        private final int[] rows;
        private final int block;

        IndexBackward0(Shape selfSizes, int[] rows, int block) {
            this.selfSizes = selfSizes;
            this.rows = rows;
            this.block = block;
        }

        @Override
        public String name() {
            return "IndexBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {putRows(selfSizes, rows, block, grads[0])};
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
        private final int[] rows;
        private final int block;
        private final Shape valuesShape;

        IndexPutImplBackward0(int[] rows, int block, Shape valuesShape) {
            this.rows = rows;
            this.block = block;
            this.valuesShape = valuesShape;
        }

        @Override
        public String name() {
            return "IndexPutImplBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {null, pick(grads[0], rows, block, valuesShape)};
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
