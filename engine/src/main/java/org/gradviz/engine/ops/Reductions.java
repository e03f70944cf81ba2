package org.gradviz.engine.ops;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/** {@code sum} and {@code mean}, over everything or along one dimension. */
public final class Reductions {
    private Reductions() {
    }

    /** Integer tensors sum to int64; floating-point ones keep their type. */
    private static DType sumType(Tensor a) {
        return a.dtype().isFloatingPoint() ? a.dtype() : DType.INT64;
    }

    /** All elements summed: in torch's order and the dtype for floating point, exactly for integers. */
    private static double total(Tensor a) {
        if (a.dtype().isFloatingPoint()) {
            return TorchSum.all(a);
        }
        double s = 0;
        for (double v : a.data()) {
            s += v;
        }
        return s;
    }

    /** Sums along {@code dim} of a shape; the result has that dimension removed (or 1 with keepDim). */
    private static double[] sumAlong(Tensor a, int dim) {
        boolean[] reduced = new boolean[a.dim()];
        reduced[dim] = true;
        if (a.dtype().isFloatingPoint()) {
            return TorchSum.over(a, reduced);
        }
        Shape shape = a.shape();
        int outer = 1;
        for (int i = 0; i < dim; i++) {
            outer *= shape.dim(i);
        }
        int size = shape.dim(dim);
        int inner = a.numel() / Math.max(1, outer * size);
        double[] x = a.data();
        double[] r = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < size; k++) {
                int base = (o * size + k) * inner;
                int rb = o * inner;
                for (int i = 0; i < inner; i++) {
                    r[rb + i] += x[base + i];
                }
            }
        }
        return r;
    }

    // ----- sum

    public static Tensor sum(Tensor a) {
        Tensor out = Tensor.fromData(Shape.SCALAR, sumType(a), new double[] {total(a)});
        return Autograd.record("sum", out, () -> new SumBackward0(a.shape()), a);
    }

    /** d(Σa)/da_i = 1: the gradient expanded back to the input's shape. */
    static final class SumBackward0 extends Node {
        private final Shape selfSizes;

        SumBackward0(Shape selfSizes) {
            this.selfSizes = selfSizes;
        }

        @Override
        public String name() {
            return "SumBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            double[] spread = Broadcast.expand(grads[0], selfSizes);
            if (spread.length <= 1) {
                return new Tensor[] {Tensor.fromData(selfSizes, grads[0].dtype(), spread)};
            }
            int[] ones = new int[selfSizes.rank()];
            java.util.Arrays.fill(ones, 1);
            // NOTE: torch's grad.expand(sizes), a view of the one value
            return new Tensor[] {Tensor.expandedGradient(selfSizes, grads[0].copyAs(Shape.of(ones)), spread)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Views.expandTo(grads[0], selfSizes)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self_sym_sizes", sizes(selfSizes));
        }
    }

    public static Tensor sum(Tensor a, int dim, boolean keepDim) {
        int d = a.shape().normalizeDim(dim);
        Shape outShape = a.shape().reduce(d, keepDim);
        double[] r = a.dim() == 0 ? a.data().clone() : sumAlong(a, d);
        Tensor out = Tensor.fromData(outShape, sumType(a), r);
        return Autograd.record("sum", out, () -> new SumBackward1(a.shape(), new int[] {d}, keepDim), a);
    }

    /**
     * {@code t.sum(dim=(0, 1))}: summed over every dimension of {@code dims} (in the order given, which
     * {@code _saved_dim} keeps), in torch's order; an empty {@code dims} reduces them all, as torch 1.13.
     */
    public static Tensor sum(Tensor a, int[] dims, boolean keepDim) {
        boolean[] reduced = reducedDims(a, dims);
        Shape outShape = reducedShape(a.shape(), reduced, keepDim);
        double[] r = sumOver(a, reduced);
        Tensor out = Tensor.fromData(outShape, sumType(a), r);
        int[] saved = normalized(a, dims);
        return Autograd.record("sum", out, () -> new SumBackward1(a.shape(), saved, keepDim), a);
    }

    /** {@code t.mean(dim=(0, 1))}: torch's sum over those dimensions divided by the count summed. */
    public static Tensor mean(Tensor a, int[] dims, boolean keepDim) {
        requireFloat(a, "mean");
        boolean[] reduced = reducedDims(a, dims);
        Shape outShape = reducedShape(a.shape(), reduced, keepDim);
        double[] r = sumOver(a, reduced);
        int n = count(a.shape(), reduced);
        for (int i = 0; i < r.length; i++) {
            r[i] = a.dtype().round(r[i]) / n;
        }
        Tensor out = Tensor.fromData(outShape, a.dtype(), r);
        int[] saved = normalized(a, dims);
        return Autograd.record("mean", out, () -> new MeanBackward1(a, saved, keepDim), a);
    }

    static int[] normalized(Tensor a, int[] dims) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = a.shape().normalizeDim(dims[i]);
        }
        return out;
    }

    /** Which dimensions {@code dims} reduces (all when empty), with torch's error for one given twice. */
    static boolean[] reducedDims(Tensor a, int[] dims) {
        boolean[] reduced = new boolean[a.dim()];
        if (dims.length == 0) {
            java.util.Arrays.fill(reduced, true);
            return reduced;
        }
        boolean[] seen = new boolean[Math.max(1, a.dim())];
        for (int dim : dims) {
            int d = a.shape().normalizeDim(dim);
            if (seen[d]) {
                throw org.gradviz.engine.TorchException.runtime("dim " + d
                        + " appears multiple times in the list of dims");
            }
            seen[d] = true;
            if (a.dim() > 0) {
                reduced[d] = true;
            }
        }
        return reduced;
    }

    static Shape reducedShape(Shape shape, boolean[] reduced, boolean keepDim) {
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (int d = 0; d < shape.rank(); d++) {
            if (!reduced[d]) {
                dims.add(shape.dim(d));
            } else if (keepDim) {
                dims.add(1);
            }
        }
        return Shape.of(dims);
    }

    /** How many elements each output element sums. */
    private static int count(Shape shape, boolean[] reduced) {
        int n = 1;
        for (int d = 0; d < shape.rank(); d++) {
            n *= reduced[d] ? shape.dim(d) : 1;
        }
        return n;
    }

    /** The sums over the reduced dimensions, in the keepdim shape's order. */
    private static double[] sumOver(Tensor a, boolean[] reduced) {
        if (a.dtype().isFloatingPoint()) {
            return a.dim() == 0 ? a.data().clone() : TorchSum.over(a, reduced);
        }
        Shape shape = a.shape();
        int[] outStrides = new int[shape.rank()];
        int stride = 1;
        for (int d = shape.rank() - 1; d >= 0; d--) {
            outStrides[d] = reduced[d] ? 0 : stride;
            stride *= reduced[d] ? 1 : shape.dim(d);
        }
        double[] x = a.data();
        double[] r = new double[stride];
        int[] index = new int[shape.rank()];
        for (int i = 0; i < x.length; i++) {
            int o = 0;
            for (int d = 0; d < index.length; d++) {
                o += index[d] * outStrides[d];
            }
            r[o] += x[i];
            for (int d = index.length - 1; d >= 0 && ++index[d] == shape.dim(d); d--) {
                index[d] = 0;
            }
        }
        return r;
    }

    /** d(Σ_dim a)/da = 1 along dim: the gradient unsqueezed at dim and expanded. */
    static final class SumBackward1 extends Node {
        private final Shape selfSizes;
        private final int[] dim;
        private final boolean keepDim;

        SumBackward1(Shape selfSizes, int[] dim, boolean keepDim) {
            this.selfSizes = selfSizes;
            this.dim = dim;
            this.keepDim = keepDim;
        }

        @Override
        public String name() {
            return "SumBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {expandAlong(grads[0], selfSizes, dim, 1)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {sumBackward(grads[0], selfSizes, dim, keepDim)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", longs(dim));
            out.put("keepdim", keepDim);
            out.put("self_sym_sizes", sizes(selfSizes));
        }
    }

    // ----- mean

    public static Tensor mean(Tensor a) {
        requireFloat(a, "mean");
        Tensor out = Tensor.fromData(Shape.SCALAR, a.dtype(), new double[] {
                a.dtype().round(total(a)) / a.numel()});
        return Autograd.record("mean", out, () -> new MeanBackward0(a.shape()), a);
    }

    /** d(mean a)/da_i = 1/n. */
    static final class MeanBackward0 extends Node {
        private final Shape selfSizes;

        MeanBackward0(Shape selfSizes) {
            this.selfSizes = selfSizes;
        }

        @Override
        public String name() {
            return "MeanBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            double[] g = Broadcast.expand(grads[0], selfSizes);
            int n = selfSizes.numel();
            for (int i = 0; i < g.length; i++) {
                g[i] /= n;
            }
            return new Tensor[] {Tensor.fromData(selfSizes, grads[0].dtype(), g)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            // grad.expand(sizes) / numel
            return new Tensor[] {Arithmetic.divScalar(Views.expandTo(grads[0], selfSizes), selfSizes.numel())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self_numel", (long) selfSizes.numel());
            out.put("self_sizes", sizes(selfSizes));
        }
    }

    public static Tensor mean(Tensor a, int dim, boolean keepDim) {
        requireFloat(a, "mean");
        int d = a.shape().normalizeDim(dim);
        Shape outShape = a.shape().reduce(d, keepDim);
        int n = a.dim() == 0 ? 1 : a.shape().dim(d);
        double[] r = a.dim() == 0 ? a.data().clone() : sumAlong(a, d);
        for (int i = 0; i < r.length; i++) {
            r[i] = a.dtype().round(r[i]) / n;
        }
        Tensor out = Tensor.fromData(outShape, a.dtype(), r);
        return Autograd.record("mean", out, () -> new MeanBackward1(a, new int[] {d}, keepDim), a);
    }

    /** d(mean_dim a)/da = 1/size(dim) along dim. */
    static final class MeanBackward1 extends Node {
        private final Shape selfSizes;
        private final SavedTensor self;
        private final int[] dim;
        private final boolean keepDim;

        MeanBackward1(Tensor a, int[] dim, boolean keepDim) {
            this.selfSizes = a.shape();
            this.self = save(a);
            this.dim = dim;
            this.keepDim = keepDim;
        }

        @Override
        public String name() {
            return "MeanBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {expandAlong(grads[0], selfSizes, dim, count(selfSizes, dim))};
        }

        /** mean_backward: sum_backward(grad, ...) / the count of elements reduced. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Arithmetic.divScalar(sumBackward(grads[0], selfSizes, dim, keepDim),
                    count(selfSizes, dim))};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", longs(dim));
            out.put("keepdim", keepDim);
            out.put("self", self);
            out.put("self_sym_sizes", sizes(selfSizes));
        }
    }

    /**
     * torch's sum_backward, recorded: grad.unsqueeze(d) for each reduced d in increasing order (unless kept),
     * expanded to the input's sizes.
     */
    private static Tensor sumBackward(Tensor grad, Shape selfSizes, int[] dims, boolean keepDim) {
        Tensor kept = grad;
        if (!keepDim && selfSizes.rank() > 0) {
            boolean[] reduced = reducedOf(selfSizes, dims);
            for (int d = 0; d < reduced.length; d++) {
                if (reduced[d]) {
                    kept = LinearAlgebra.unsqueeze(kept, d);
                }
            }
        }
        return Views.expandTo(kept, selfSizes);
    }

    /** The dimensions of {@code selfSizes} that {@code dims} reduces (all for none given). */
    private static boolean[] reducedOf(Shape selfSizes, int[] dims) {
        boolean[] reduced = new boolean[selfSizes.rank()];
        if (dims.length == 0) {
            java.util.Arrays.fill(reduced, true);
        }
        for (int d : dims) {
            if (selfSizes.rank() > 0) {
                reduced[d] = true;
            }
        }
        return reduced;
    }

    /** The count of elements a reduction over {@code dims} of {@code selfSizes} sums into each output. */
    private static int count(Shape selfSizes, int[] dims) {
        return count(selfSizes, reducedOf(selfSizes, dims));
    }

    private static List<Long> longs(int[] dims) {
        return java.util.Arrays.stream(dims).mapToObj(d -> (long) d).toList();
    }

    /**
     * A gradient reduced along {@code dim}, spread back over that dimension and divided by {@code n}
     * (PyTorch divides, {@code sum_backward(...) / n}; multiplying by 1/n can differ in the last bit).
     */
    private static Tensor expandAlong(Tensor grad, Shape selfSizes, int[] dims, int n) {
        if (selfSizes.rank() == 0) {
            return Tensor.fromData(selfSizes, grad.dtype(), new double[] {grad.item() / n});
        }
        Shape kept = reducedShape(selfSizes, reducedOf(selfSizes, dims), true);
        Tensor g = grad.copyAs(kept);
        double[] r = Broadcast.expand(g, selfSizes);
        if (n != 1) {
            for (int i = 0; i < r.length; i++) {
                r[i] /= n;
            }
            return Tensor.fromData(selfSizes, grad.dtype(), r);
        }
        // NOTE: sum's backward is torch's grad.expand(sizes), a view; mean's divides it into a new tensor
        return r.length > g.numel() ? Tensor.expandedGradient(selfSizes, g, r)
                : Tensor.fromData(selfSizes, grad.dtype(), r);
    }

    private static void requireFloat(Tensor a, String op) {
        if (!a.dtype().isFloatingPoint()) {
            throw org.gradviz.engine.TorchException.runtime(op + "(): could not infer output dtype. Input dtype must "
                    + "be either a floating point or complex dtype. Got: " + a.dtype().scalarTypeName());
        }
    }

    /** Sizes as PyTorch shows saved sizes: a list of integers. */
    static List<Long> sizes(Shape s) {
        long[] d = new long[s.rank()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.dim(i);
        }
        return java.util.Arrays.stream(d).boxed().toList();
    }
}
