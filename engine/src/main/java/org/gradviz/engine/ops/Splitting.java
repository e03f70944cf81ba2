package org.gradviz.engine.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code split}, {@code split_with_sizes}, {@code chunk} and {@code unbind}: several views of the input's storage,
 * all outputs of one node (SplitBackward0, SplitWithSizesBackward0, UnbindBackward0) whose chain rule joins their
 * gradients back, zeros for an output that received none.
 */
public final class Splitting {
    private Splitting() {
    }

    /** {@code t.split(split_size, dim)}: parts of split_size along dim, the last one shorter (SplitBackward0). */
    public static Tensor[] split(Tensor a, long splitSize, long dim) {
        if (a.dim() == 0) {
            throw TorchException.runtime("split expects at least a 1-dimensional tensor");
        }
        if (splitSize < 0) {
            throw TorchException.runtime("split expects split_size be non-negative, but got split_size=" + splitSize);
        }
        int d = a.shape().normalizeDim(dim);
        int size = a.shape().dim(d);
        if (splitSize == 0 && size != 0) {
            throw TorchException.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of "
                    + size);
        }
        long count = splitSize == 0 ? 1 : Math.max((size + splitSize - 1) / splitSize, 1);
        long last = splitSize - (splitSize * count - size);
        long[] sizes = new long[(int) count];
        for (int i = 0; i < count; i++) {
            sizes[i] = i < count - 1 ? splitSize : last;
        }
        Tensor[] parts = parts(a, d, sizes);
        Shape selfSizes = a.shape();
        return Autograd.recordOutputs("split", parts, () -> new Join("SplitBackward0", selfSizes, d, sizes,
                (int) splitSize), a);
    }

    /** {@code t.split([s0, s1, ...], dim)}: parts of those sizes, which must add up to dim's size. */
    public static Tensor[] splitWithSizes(Tensor a, long[] sizes, long dim) {
        if (a.dim() == 0) {
            throw TorchException.runtime("split expects at least a 1-dimensional tensor");
        }
        int d = a.shape().normalizeDim(dim);
        int size = a.shape().dim(d);
        long start = 0;
        for (long s : sizes) {
            if (s < 0) {
                throw TorchException.runtime("split_with_sizes expects split_sizes have only non-negative entries, "
                        + "but got split_sizes=" + listText(sizes));
            }
            start += s;
        }
        if (start != size) {
            throw TorchException.runtime("split_with_sizes expects split_sizes to sum exactly to " + size
                    + " (input tensor's size at dimension " + d + "), but got split_sizes=" + listText(sizes));
        }
        Tensor[] parts = parts(a, d, sizes);
        Shape selfSizes = a.shape();
        return Autograd.recordOutputs("split_with_sizes", parts, () -> new Join("SplitWithSizesBackward0", selfSizes,
                d, sizes, -1), a);
    }

    /** {@code t.chunk(chunks, dim)}: split into parts of ceil(size / chunks), so maybe fewer than chunks. */
    public static Tensor[] chunk(Tensor a, long chunks, long dim) {
        if (a.dim() == 0) {
            throw TorchException.runtime("chunk expects at least a 1-dimensional tensor");
        }
        if (chunks <= 0) {
            throw TorchException.runtime("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int size = a.shape().dim(a.shape().normalizeDim(dim));
        long splitSize = (size + chunks - 1) / chunks;
        if (splitSize == 0 && size == 0) {
            long[] sizes = new long[(int) chunks];
            return splitWithSizes(a, sizes, dim);
        }
        return split(a, splitSize, dim);
    }

    /** {@code t.unbind(dim)}: every index of dim selected, each a view (UnbindBackward0). */
    public static Tensor[] unbind(Tensor a, long dim) {
        if (a.dim() == 0) {
            throw TorchException.index("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        int d = a.shape().normalizeDim(dim);
        int size = a.shape().dim(d);
        int[] own = a.strides();
        int[] dims = new int[a.dim() - 1];
        int[] strides = new int[a.dim() - 1];
        for (int i = 0, j = 0; i < a.dim(); i++) {
            if (i != d) {
                dims[j] = a.shape().dim(i);
                strides[j++] = own[i];
            }
        }
        Tensor[] parts = new Tensor[size];
        for (int i = 0; i < size; i++) {
            parts[i] = Tensor.asStrided(a, Shape.of(dims), strides, a.storageOffset() + i * own[d]);
        }
        Shape selfSizes = a.shape();
        long[] ones = new long[size];
        Arrays.fill(ones, 1);
        return Autograd.recordOutputs("unbind", parts, () -> new Join("UnbindBackward0", selfSizes, d, ones, -1), a);
    }

    /** Views of {@code a}: consecutive runs of {@code sizes} along {@code dim}. */
    private static Tensor[] parts(Tensor a, int dim, long[] sizes) {
        Tensor[] out = new Tensor[sizes.length];
        int[] strides = a.strides();
        long start = 0;
        for (int i = 0; i < sizes.length; i++) {
            int[] dims = a.shape().dims();
            dims[dim] = (int) sizes[i];
            out[i] = Tensor.asStrided(a, Shape.of(dims), strides, a.storageOffset() + (int) start * strides[dim]);
            start += sizes[i];
        }
        return out;
    }

    private static String listText(long[] sizes) {
        return Arrays.toString(sizes);
    }

    /**
     * d(parts)/da: the parts' gradients joined back along dim (torch's split_backward: cat; unbind_backward: stack),
     * zeros where a part received no gradient.
     */
    static final class Join extends Node {
        private final String name;
        private final Shape selfSizes;
        private final int dim;
        private final long[] sizes;
        private final int splitSize;

        Join(String name, Shape selfSizes, int dim, long[] sizes, int splitSize) {
            this.name = name;
            this.selfSizes = selfSizes;
            this.dim = dim;
            this.sizes = sizes.clone();
            this.splitSize = splitSize;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected boolean outputsAreViews() {
            return true;
        }

        @Override
        public int numOutputs() {
            return sizes.length;
        }

        private boolean stacked() {
            return name.equals("UnbindBackward0");
        }

        /** The shape of part i's gradient. */
        private Shape partShape(int i) {
            if (stacked()) {
                return selfSizes.reduce(dim, false);
            }
            int[] dims = selfSizes.dims();
            dims[dim] = (int) sizes[i];
            return Shape.of(dims);
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            double[] r = new double[selfSizes.numel()];
            int outer = 1;
            for (int d = 0; d < dim; d++) {
                outer *= selfSizes.dim(d);
            }
            int total = selfSizes.dim(dim);
            int inner = selfSizes.numel() / Math.max(1, outer * total);
            int offset = 0;
            org.gradviz.engine.DType dtype = null;
            for (int n = 0; n < sizes.length; n++) {
                int size = (int) sizes[n];
                if (grads[n] != null) {
                    dtype = grads[n].dtype();
                    double[] g = grads[n].data();
                    for (int o = 0; o < outer; o++) {
                        System.arraycopy(g, o * size * inner, r, (o * total + offset) * inner, size * inner);
                    }
                }
                offset += size;
            }
            return new Tensor[] {Tensor.fromData(selfSizes, dtype, r)};
        }

        /** cat (or stack) of the gradients, zeros for the missing ones, recorded. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            org.gradviz.engine.DType dtype = null;
            for (Tensor g : grads) {
                if (g != null) {
                    dtype = g.dtype();
                }
            }
            List<Tensor> all = new ArrayList<>(grads.length);
            for (int i = 0; i < grads.length; i++) {
                Shape s = partShape(i);
                all.add(grads[i] != null ? grads[i] : Tensor.fromData(s, dtype, new double[s.numel()]));
            }
            return new Tensor[] {stacked() ? Joining.stack(all, dim) : Joining.cat(all, dim)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            if (!stacked()) {
                out.put("self_sym_sizes", Reductions.sizes(selfSizes));
                if (splitSize >= 0) {
                    out.put("split_size", (long) splitSize);
                } else {
                    out.put("split_sizes", Arrays.stream(sizes).boxed().toList());
                }
            }
        }
    }
}
