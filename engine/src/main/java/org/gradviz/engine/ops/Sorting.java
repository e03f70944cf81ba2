package org.gradviz.engine.ops;

import java.util.Arrays;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.TorchException;

/**
 * {@code sort}, {@code argsort} and {@code topk} along one dimension: values (SortBackward0 / TopkBackward0, the
 * gradient going back to where each value came from) and int64 indices. NaN sorts above every number. Equal values
 * keep their order with {@code stable=True}; otherwise they end where libstdc++'s introsort (sort) or
 * nth_element/partial_sort (topk) leave them, as in torch's CPU kernels ({@link StdSort}).
 */
public final class Sorting {
    private Sorting() {
    }


    /** {@code torch.sort(a, dim, descending, stable=...)}. */
    public static Extremes.ValuesIndices sort(Tensor a, long dim, boolean descending, boolean stable) {
        int d = a.shape().normalizeDim(dim);
        DimensionLines lines = DimensionLines.of(a.shape(), d);
        double[] x = a.data();
        double[] values = new double[x.length];
        double[] indices = new double[x.length];
        int n = lines.size();
        double[] key = new double[n];
        long[] index = new long[n];
        for (int o = 0; o < lines.outer(); o++) {
            for (int i = 0; i < lines.inner(); i++) {
                for (int k = 0; k < n; k++) {
                    key[k] = x[lines.at(o, k, i)];
                    index[k] = k;
                }
                if (stable) {
                    stableSort(key, index, descending);
                } else {
                    new StdSort(key, index, descending).sort(0, n);
                }
                for (int k = 0; k < n; k++) {
                    values[lines.at(o, k, i)] = key[k];
                    indices[lines.at(o, k, i)] = index[k];
                }
            }
        }
        return record("sort", "SortBackward0", a, d, Tensor.fromData(a.shape(), a.dtype(), values),
                Tensor.fromData(a.shape(), DType.INT64, indices));
    }

    /** {@code torch.argsort(a, dim, descending, stable=...)}: the indices of {@link #sort}, which records nothing. */
    public static Tensor argsort(Tensor a, long dim, boolean descending, boolean stable) {
        try (var g = GradMode.disabled()) {
            return sort(a, dim, descending, stable).indices();
        }
    }

    /** {@code std::stable_sort}: equal keys keep their order, so any stable sort gives the same pairs. */
    private static void stableSort(double[] key, long[] index, boolean descending) {
        Integer[] order = new Integer[key.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> StdSort.less(key[p], key[q], descending) ? -1
                : StdSort.less(key[q], key[p], descending) ? 1 : 0);
        double[] k0 = key.clone();
        long[] i0 = index.clone();
        for (int k = 0; k < order.length; k++) {
            key[k] = k0[order[k]];
            index[k] = i0[order[k]];
        }
    }

    /** {@code torch.topk(a, k, dim, largest, sorted)}. */
    public static Extremes.ValuesIndices topk(Tensor a, long k, long dim, boolean largest, boolean sorted) {
        int d = a.shape().normalizeDim(dim);
        DimensionLines lines = DimensionLines.of(a.shape(), d);
        int n = lines.size();
        if (k < 0 || k > n) {
            throw TorchException.runtime("selected index k out of range");
        }
        if (a.dtype() == DType.BOOL) {
            throw TorchException.runtime("\"topk_cpu\" not implemented for 'Bool'");
        }
        if (a.dim() == 0) {
            // NOTE: a 0-d tensor's topk (k 0 or 1) is the tensor itself and index 0
            return record("topk", "TopkBackward0", a, d, Tensor.fromData(a.shape(), a.dtype(), a.data().clone()),
                    Tensor.fromData(a.shape(), DType.INT64, new double[] {0}));
        }
        int kk = (int) k;
        Shape outShape = a.shape();
        if (a.dim() > 0) {
            int[] dims = a.shape().dims();
            dims[d] = kk;
            outShape = Shape.of(dims);
        }
        double[] x = a.data();
        double[] values = new double[outShape.numel()];
        double[] indices = new double[outShape.numel()];
        double[] key = new double[n];
        long[] index = new long[n];
        DimensionLines out = DimensionLines.of(outShape, d);
        for (int o = 0; o < lines.outer() && kk > 0; o++) {
            for (int i = 0; i < lines.inner(); i++) {
                for (int j = 0; j < n; j++) {
                    key[j] = x[lines.at(o, j, i)];
                    index[j] = j;
                }
                StdSort queue = new StdSort(key, index, largest);
                // NOTE: torch's topk_impl_loop: partial_sort when k * 64 <= n, else nth_element (and a sort of the
                // k - 1 before the k-th when sorted)
                if ((long) kk * 64 <= n) {
                    queue.partialSort(0, kk, n);
                } else {
                    queue.nthElement(0, kk - 1, n);
                    if (sorted) {
                        queue.sort(0, kk - 1);
                    }
                }
                for (int j = 0; j < kk; j++) {
                    values[out.at(o, j, i)] = key[j];
                    indices[out.at(o, j, i)] = index[j];
                }
            }
        }
        return record("topk", "TopkBackward0", a, d, Tensor.fromData(outShape, a.dtype(), values),
                Tensor.fromData(outShape, DType.INT64, indices));
    }

    private static Extremes.ValuesIndices record(String op, String node, Tensor a, int dim, Tensor values,
            Tensor indices) {
        Shape sizes = a.shape();
        Autograd.record(op, values, () -> new IndexedBackward(node, sizes, dim, indices), a);
        return new Extremes.ValuesIndices(values, indices);
    }

    /**
     * d sort(a)/da and d topk(a)/da: each gradient goes back to the position its value came from, 0 elsewhere
     * (value_selecting_reduction_backward with keepdim).
     */
    static final class IndexedBackward extends Node {
        private final String name;
        private final Shape selfSizes;
        private final int dim;
        private final Tensor indices;

        IndexedBackward(String name, Shape selfSizes, int dim, Tensor indices) {
            this.name = name;
            this.selfSizes = selfSizes;
            this.dim = dim;
            this.indices = indices;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            DimensionLines from = DimensionLines.of(selfSizes, dim);
            DimensionLines to = DimensionLines.of(indices.shape(), dim);
            double[] r = new double[selfSizes.numel()];
            double[] gv = g.data();
            double[] iv = indices.data();
            for (int o = 0; o < to.outer(); o++) {
                for (int k = 0; k < to.size(); k++) {
                    for (int i = 0; i < to.inner(); i++) {
                        r[from.at(o, (int) iv[to.at(o, k, i)], i)] = gv[to.at(o, k, i)];
                    }
                }
            }
            return new Tensor[] {Tensor.fromData(selfSizes, g.dtype(), r)};
        }

        /** {@code zeros(sizes).scatter(dim, indices, grad)}: a ScatterBackward0. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Scatter.scatter(Torch.zeros(grads[0].dtype(), selfSizes.dims()), dim, indices,
                    grads[0])};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("indices", indices);
            out.put("self_sizes", Reductions.sizes(selfSizes));
        }
    }
}
