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
            return new Tensor[] {Tensor.fromData(selfSizes, grads[0].dtype(), Broadcast.expand(grads[0], selfSizes))};
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
        return Autograd.record("sum", out, () -> new SumBackward1(a.shape(), d, keepDim), a);
    }

    /** d(Σ_dim a)/da = 1 along dim: the gradient unsqueezed at dim and expanded. */
    static final class SumBackward1 extends Node {
        private final Shape selfSizes;
        private final int dim;
        private final boolean keepDim;

        SumBackward1(Shape selfSizes, int dim, boolean keepDim) {
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
            out.put("dim", List.of((long) dim));
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
        return Autograd.record("mean", out, () -> new MeanBackward1(a, d, keepDim), a);
    }

    /** d(mean_dim a)/da = 1/size(dim) along dim. */
    static final class MeanBackward1 extends Node {
        private final Shape selfSizes;
        private final SavedTensor self;
        private final int dim;
        private final boolean keepDim;

        MeanBackward1(Tensor a, int dim, boolean keepDim) {
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
            int n = selfSizes.rank() == 0 ? 1 : selfSizes.dim(dim);
            return new Tensor[] {expandAlong(grads[0], selfSizes, dim, n)};
        }

        /** mean_backward: sum_backward(grad, ...) / size(dim). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            int n = selfSizes.rank() == 0 ? 1 : selfSizes.dim(dim);
            return new Tensor[] {Arithmetic.divScalar(sumBackward(grads[0], selfSizes, dim, keepDim), n)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", List.of((long) dim));
            out.put("keepdim", keepDim);
            out.put("self", self);
            out.put("self_sym_sizes", sizes(selfSizes));
        }
    }

    /** torch's sum_backward, recorded: grad.unsqueeze(dim) (unless kept), expanded to the input's sizes. */
    private static Tensor sumBackward(Tensor grad, Shape selfSizes, int dim, boolean keepDim) {
        Tensor kept = !keepDim && selfSizes.rank() > 0 ? LinearAlgebra.unsqueeze(grad, dim) : grad;
        return Views.expandTo(kept, selfSizes);
    }

    /**
     * A gradient reduced along {@code dim}, spread back over that dimension and divided by {@code n}
     * (PyTorch divides, {@code sum_backward(...) / n}; multiplying by 1/n can differ in the last bit).
     */
    private static Tensor expandAlong(Tensor grad, Shape selfSizes, int dim, int n) {
        if (selfSizes.rank() == 0) {
            return Tensor.fromData(selfSizes, grad.dtype(), new double[] {grad.item() / n});
        }
        Shape kept = selfSizes.reduce(dim, true);
        Tensor g = grad.copyAs(kept);
        double[] r = Broadcast.expand(g, selfSizes);
        if (n != 1) {
            for (int i = 0; i < r.length; i++) {
                r[i] /= n;
            }
        }
        return Tensor.fromData(selfSizes, grad.dtype(), r);
    }

    private static void requireFloat(Tensor a, String op) {
        if (!a.dtype().isFloatingPoint()) {
            throw org.gradviz.engine.TorchException.runtime(op + "(): could not infer output dtype. Input dtype must "
                    + "be either a floating point or complex dtype. Got: Long");
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
