package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * Basic indexing: {@code t[i]} is {@code t.select(0, i)}, {@code t[1:3]} is {@code t.slice(0, 1, 3, 1)}. Results
 * are views of the input's storage, as in PyTorch; each backward places the gradient back into zeros shaped like the
 * input.
 */
public final class Indexing {

    private Indexing() {
    }

    /**
     * The positions of a dimension's elements: {@code outer} blocks of {@code size} rows of {@code inner} elements.
     */
    private record Layout(int outer, int size, int inner) {
        static Layout of(Shape shape, int dim) {
            int outer = 1;
            for (int d = 0; d < dim; d++) {
                outer *= shape.dim(d);
            }
            int inner = 1;
            for (int d = dim + 1; d < shape.rank(); d++) {
                inner *= shape.dim(d);
            }
            return new Layout(outer, shape.dim(dim), inner);
        }

        /** Copies rows {@code start, start + step, ...} ({@code count} of them) of {@code from}, or back when scatter. */
        void copyRows(double[] from, double[] to, int start, int step, int count, boolean scatter) {
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < count; j++) {
                    int full = (o * size + start + j * step) * inner;
                    int part = (o * count + j) * inner;
                    if (scatter) {
                        System.arraycopy(from, part, to, full, inner);
                    } else {
                        System.arraycopy(from, full, to, part, inner);
                    }
                }
            }
        }
    }

    /** {@code t[index]}: the sub-tensor at {@code index} of the first dimension. */
    public static Tensor select(Tensor a, long index) {
        if (a.dim() == 0) {
            throw TorchException.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                    + "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        return select(a, 0, index);
    }

    /** {@code t.select(dim, index)}: the dimension {@code dim} removed at {@code index} (negative from the end). */
    public static Tensor select(Tensor a, int dim, long index) {
        int size = a.shape().dim(dim);
        if (index < -size || index >= size) {
            throw TorchException.index("index " + index + " is out of bounds for dimension " + dim + " with size "
                    + size);
        }
        int i = (int) (index < 0 ? index + size : index);
        int[] dims = a.shape().dims();
        int[] restDims = new int[dims.length - 1];
        for (int d = 0, j = 0; d < dims.length; d++) {
            if (d != dim) {
                restDims[j++] = dims[d];
            }
        }
        Shape rest = Shape.of(restDims);
        int[] own = a.strides();
        int[] strides = new int[restDims.length];
        for (int d = 0, j = 0; d < own.length; d++) {
            if (d != dim) {
                strides[j++] = own[d];
            }
        }
        Tensor out = Tensor.asStrided(a, rest, strides, a.storageOffset() + i * own[dim]);
        return Autograd.record("select", out, () -> new SelectBackward0(a.shape(), dim, i), a);
    }

    /** d(a.select(dim, i))/da: the gradient placed at index i of dim in zeros shaped like a. */
    static final class SelectBackward0 extends Node {
        private final Shape selfSizes;
        private final int dim;
        private final int index;

        SelectBackward0(Shape selfSizes, int dim, int index) {
            this.selfSizes = selfSizes;
            this.dim = dim;
            this.index = index;
        }

        @Override
        public String name() {
            return "SelectBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {selectBackward(grads[0], selfSizes, dim, index)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("index", (long) index);
        }
    }

    /**
     * {@code t[start:end:step]} along {@code dim}: Python's slice bounds (negative from the end, clamped to the
     * size); {@code end} may be {@link Long#MAX_VALUE} for "to the end". {@code step} must be positive.
     */
    public static Tensor slice(Tensor a, int dim, long start, long end, long step) {
        if (step <= 0) {
            throw TorchException.value("step must be greater than zero");
        }
        int size = a.shape().dim(dim);
        int from = clamp(start, size);
        int to = Math.max(from, clamp(end, size));
        int count = (int) ((to - from + step - 1) / step);
        int[] dims = a.shape().dims();
        dims[dim] = count;
        Shape shape = Shape.of(dims);
        int[] strides = a.strides();
        int offset = a.storageOffset() + from * strides[dim];
        strides[dim] = (int) Math.min((long) strides[dim] * step, Integer.MAX_VALUE);
        Tensor out = Tensor.asStrided(a, shape, strides, offset);
        return Autograd.record("slice", out,
                () -> new SliceBackward0(a.shape(), dim, from, to, (int) Math.min(step, size)), a);
    }

    /** {@code t.narrow(dim, start, length)}: {@code length} elements of dim from start (SliceBackward0). */
    public static Tensor narrow(Tensor a, long dim, long start, long length) {
        if (a.dim() == 0) {
            throw TorchException.runtime("narrow() cannot be applied to a 0-dim tensor.");
        }
        int d = a.shape().normalizeDim(dim);
        int size = a.shape().dim(d);
        if (start < -size || start > size) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + -size + ", "
                    + (size - 1) + "], but got " + start + ")");
        }
        long s = start < 0 ? start + size : start;
        if (length < 0 || s > size - length) {
            throw TorchException.runtime("start (" + s + ") + length (" + length + ") exceeds dimension size (" + size
                    + ").");
        }
        return slice(a, d, s, s + length, 1);
    }

    /**
     * {@code t.diagonal(offset, dim1, dim2)}: a view of the elements (i, i + offset) of dims dim1 and dim2, which go,
     * the diagonal as a last dimension (DiagonalBackward0).
     */
    public static Tensor diagonal(Tensor a, long offset, long dim1, long dim2) {
        int d1 = a.shape().normalizeDim(dim1);
        int d2 = a.shape().normalizeDim(dim2);
        if (d1 == d2) {
            throw TorchException.runtime("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        int size1 = a.shape().dim(d1);
        int size2 = a.shape().dim(d2);
        long length = offset >= 0 ? Math.max(Math.min(size1, size2 - offset), 0)
                : Math.max(Math.min(size1 + offset, size2), 0);
        int[] own = a.strides();
        int start = a.storageOffset();
        if (length > 0) {
            start += (int) (offset >= 0 ? offset * own[d2] : -offset * own[d1]);
        }
        int[] dims = new int[a.dim() - 1];
        int[] strides = new int[a.dim() - 1];
        for (int d = 0, j = 0; d < a.dim(); d++) {
            if (d != d1 && d != d2) {
                dims[j] = a.shape().dim(d);
                strides[j++] = own[d];
            }
        }
        dims[dims.length - 1] = (int) length;
        strides[strides.length - 1] = own[d1] + own[d2];
        Tensor out = Tensor.asStrided(a, Shape.of(dims), strides, start);
        Shape selfSizes = a.shape();
        return Autograd.record("diagonal", out, () -> new DiagonalBackward0(selfSizes, (int) offset, d1, d2), a);
    }

    /** d(a.diagonal(...))/da: the gradient put on that diagonal of zeros shaped like a. */
    static final class DiagonalBackward0 extends Node {
        private final Shape selfSizes;
        private final int offset;
        private final int dim1;
        private final int dim2;

        DiagonalBackward0(Shape selfSizes, int offset, int dim1, int dim2) {
            this.selfSizes = selfSizes;
            this.offset = offset;
            this.dim1 = dim1;
            this.dim2 = dim2;
        }

        @Override
        public String name() {
            return "DiagonalBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor zeros = Tensor.fromData(selfSizes, grads[0].dtype(), new double[selfSizes.numel()]);
            try (var g = org.gradviz.engine.GradMode.disabled()) {
                diagonal(zeros, offset, dim1, dim2).assignInPlace(grads[0]);
            }
            return new Tensor[] {zeros};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim1", (long) dim1);
            out.put("dim2", (long) dim2);
            out.put("offset", (long) offset);
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
        }
    }

    /** A slice bound as torch clamps it: negative counts from the end, then into [0, size]. */
    private static int clamp(long bound, int size) {
        long b = bound < 0 ? bound + size : bound;
        return (int) Math.max(0, Math.min(b, size));
    }

    /** d(a[start:end:step])/da: the gradient placed at those rows of zeros shaped like a. */
    static final class SliceBackward0 extends Node {
        private final Shape selfSizes;
        private final int dim;
        private final int start;
        private final int end;
        private final int step;

        SliceBackward0(Shape selfSizes, int dim, int start, int end, int step) {
            this.selfSizes = selfSizes;
            this.dim = dim;
            this.start = start;
            this.end = end;
            this.step = Math.max(step, 1);
        }

        @Override
        public String name() {
            return "SliceBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {sliceBackward(grads[0], selfSizes, dim, start, end, step)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("start", (long) start);
            out.put("end", (long) end);
            out.put("step", (long) step);
        }
    }

    // ----- the backward ops, recorded under create_graph with their own chain rules

    /** torch's {@code select_backward}: {@code grad} put at {@code index} of {@code dim} in zeros of {@code sizes}. */
    static Tensor selectBackward(Tensor grad, Shape sizes, int dim, int index) {
        double[] g = new double[sizes.numel()];
        Layout.of(sizes, dim).copyRows(grad.data(), g, index, 1, 1, true);
        Tensor out = Tensor.fromData(sizes, grad.dtype(), g);
        return Autograd.record("select_backward", out, () -> new SelectBackwardBackward0(dim, index), grad);
    }

    /** d(select_backward(grad))/d grad = grad.select(dim, index). */
    static final class SelectBackwardBackward0 extends Node {
        private final int dim;
        private final int index;

        SelectBackwardBackward0(int dim, int index) {
            this.dim = dim;
            this.index = index;
        }

        @Override
        public String name() {
            return "SelectBackwardBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {select(grads[0], dim, index)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("index", (long) index);
        }
    }

    /** torch's {@code slice_backward}: {@code grad} put at rows start, start + step, ... of zeros of {@code sizes}. */
    static Tensor sliceBackward(Tensor grad, Shape sizes, int dim, int start, int end, int step) {
        double[] g = new double[sizes.numel()];
        int count = grad.shape().dim(dim);
        Layout.of(sizes, dim).copyRows(grad.data(), g, start, step, count, true);
        Tensor out = Tensor.fromData(sizes, grad.dtype(), g);
        return Autograd.record("slice_backward", out, () -> new SliceBackwardBackward0(dim, start, end, step), grad);
    }

    /** d(slice_backward(grad))/d grad = grad.slice(dim, start, end, step). */
    static final class SliceBackwardBackward0 extends Node {
        private final int dim;
        private final int start;
        private final int end;
        private final int step;

        SliceBackwardBackward0(int dim, int start, int end, int step) {
            this.dim = dim;
            this.start = start;
            this.end = end;
            this.step = step;
        }

        @Override
        public String name() {
            return "SliceBackwardBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {slice(grads[0], dim, start, end, step)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("start", (long) start);
            out.put("end", (long) end);
            out.put("step", (long) step);
        }
    }
}
