package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.TorchException;

/**
 * {@code max}, {@code min} and {@code argmax}/{@code argmin}: over everything (the value, whose gradient is shared
 * evenly by every element equal to it) or along one dimension (values and the index of the first extreme, the
 * gradient going to that index). NaN is the extreme wherever it occurs, as in PyTorch.
 */
public final class Extremes {
    private Extremes() {
    }

    /** Values and indices of a reduction along a dimension. */
    public record ValuesIndices(Tensor values, Tensor indices) {
    }

    /** True when {@code v} beats {@code best} (NaN beats everything; ties keep the first). */
    private static boolean beats(double v, double best, boolean max) {
        if (Double.isNaN(best)) {
            return false;
        }
        return Double.isNaN(v) || (max ? v > best : v < best);
    }

    private static void requireElements(Tensor a, String op) {
        if (a.numel() == 0) {
            throw TorchException.runtime(op + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
    }

    /** The flat position of the first extreme element. */
    private static int extremeAt(double[] x, boolean max) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (beats(x[i], x[best], max)) {
                best = i;
            }
        }
        return best;
    }

    // ----- over everything

    /** {@code t.max()} / {@code t.min()}: MaxBackward1 / MinBackward1. */
    public static Tensor all(Tensor a, boolean max) {
        if (a.numel() == 0) {
            throw TorchException.runtime((max ? "max" : "min") + "(): Expected reduction dim to be specified for "
                    + "input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        }
        double v = a.data()[extremeAt(a.data(), max)];
        Tensor out = Tensor.fromData(Shape.SCALAR, a.dtype(), new double[] {v});
        return Autograd.record(max ? "max" : "min", out,
                () -> new EvenlyDistributed(max ? "MaxBackward1" : "MinBackward1", a, out), a);
    }

    /** d max(a)/da: the gradient divided evenly among the elements equal to the result. */
    static final class EvenlyDistributed extends Node {
        private final String name;
        private final SavedTensor self;
        private final SavedTensor result;

        EvenlyDistributed(String name, Tensor a, Tensor out) {
            this.name = name;
            this.self = save(a);
            this.result = saveOutput(out);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            double value = result.unpack().item();
            double[] x = a.data();
            int count = 0;
            for (double v : x) {
                count += matches(v, value) ? 1 : 0;
            }
            double share = grads[0].dtype().round(grads[0].item() / count);
            double[] r = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                r[i] = matches(x[i], value) ? share : 0;
            }
            return new Tensor[] {Tensor.fromData(a.shape(), grads[0].dtype(), r)};
        }

        /**
         * evenly_distribute_backward on the CPU: {@code grad.new_zeros(sizes).masked_fill_(mask, grad / mask.sum())},
         * so the share is a DivBackward0 and the result a MaskedFillBackward1, as torch records them.
         */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor a = self.unpack();
            double value = result.unpack().item();
            double[] x = a.data();
            double[] mask = new double[x.length];
            int count = 0;
            for (int i = 0; i < x.length; i++) {
                mask[i] = matches(x[i], value) ? 1 : 0;
                count += (int) mask[i];
            }
            Tensor share = Arithmetic.div(grads[0], Tensor.fromData(Shape.SCALAR, DType.INT64, new double[] {count}));
            return new Tensor[] {Where.maskedFill(Torch.zeros(grads[0].dtype(), a.shape().dims()),
                    Tensor.fromData(a.shape(), DType.BOOL, mask), share)};
        }

        private static boolean matches(double v, double value) {
            return Double.isNaN(value) ? Double.isNaN(v) : v == value;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("result", result);
            out.put("self", self);
        }
    }

    /** {@code t.argmax()} / {@code t.argmin()}: the flat index of the first extreme, int64. */
    public static Tensor argAll(Tensor a, boolean max) {
        requireElements(a, max ? "argmax" : "argmin");
        return Tensor.fromData(Shape.SCALAR, DType.INT64, new double[] {extremeAt(a.data(), max)});
    }

    // ----- along a dimension

    /** {@code t.max(dim, keepdim)} / {@code t.min(dim, keepdim)}: values (MaxBackward0) and int64 indices. */
    public static ValuesIndices along(Tensor a, int dim, boolean keepDim, boolean max) {
        int d = a.shape().normalizeDim(dim);
        int size = a.dim() == 0 ? 1 : a.shape().dim(d);
        if (size == 0) {
            throw TorchException.index((max ? "max" : "min") + "(): Expected reduction dim " + d
                    + " to have non-zero size.");
        }
        Shape outShape = a.shape().reduce(d, keepDim);
        int outer = 1;
        for (int i = 0; i < d; i++) {
            outer *= a.shape().dim(i);
        }
        int inner = a.numel() / Math.max(1, outer * size);
        double[] x = a.data();
        double[] values = new double[outer * inner];
        double[] indices = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int best = 0;
                for (int k = 1; k < size; k++) {
                    if (beats(x[(o * size + k) * inner + i], x[(o * size + best) * inner + i], max)) {
                        best = k;
                    }
                }
                values[o * inner + i] = x[(o * size + best) * inner + i];
                indices[o * inner + i] = best;
            }
        }
        Tensor out = Tensor.fromData(outShape, a.dtype(), values);
        Tensor idx = Tensor.fromData(outShape, DType.INT64, indices);
        Autograd.record(max ? "max" : "min", out,
                () -> new ValueSelecting(max ? "MaxBackward0" : "MinBackward0", a.shape(), d, keepDim, idx), a);
        return new ValuesIndices(out, idx);
    }

    /** {@code t.argmax(dim, keepdim)}: the indices of {@link #along}. */
    public static Tensor argAlong(Tensor a, int dim, boolean keepDim, boolean max) {
        try (var g = org.gradviz.engine.GradMode.disabled()) {
            return along(a, dim, keepDim, max).indices();
        }
    }

    /** d max(a, dim)/da: the gradient put at the selected index along dim, 0 elsewhere. */
    static final class ValueSelecting extends Node {
        private final String name;
        private final Shape selfSizes;
        private final int dim;
        private final boolean keepDim;
        private final Tensor indices;

        ValueSelecting(String name, Shape selfSizes, int dim, boolean keepDim, Tensor indices) {
            this.name = name;
            this.selfSizes = selfSizes;
            this.dim = dim;
            this.keepDim = keepDim;
            this.indices = indices;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            int size = selfSizes.rank() == 0 ? 1 : selfSizes.dim(dim);
            int outer = 1;
            for (int i = 0; i < dim; i++) {
                outer *= selfSizes.dim(i);
            }
            int inner = selfSizes.numel() / Math.max(1, outer * size);
            double[] r = new double[selfSizes.numel()];
            double[] gv = g.data();
            double[] iv = indices.data();
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int k = (int) iv[o * inner + i];
                    r[(o * size + k) * inner + i] = gv[o * inner + i];
                }
            }
            return new Tensor[] {Tensor.fromData(selfSizes, g.dtype(), r)};
        }

        /**
         * value_selecting_reduction_backward: {@code zeros(sizes).scatter(dim, indices, grad)}, the grad and the
         * indices unsqueezed at dim first when it was not kept (UnsqueezeBackward0, then ScatterBackward0).
         */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor idx = indices;
            if (!keepDim && selfSizes.rank() > 0) {
                g = LinearAlgebra.unsqueeze(g, dim);
                idx = Tensor.fromData(g.shape(), DType.INT64, indices.data());
            }
            return new Tensor[] {Scatter.scatter(Torch.zeros(g.dtype(), selfSizes.dims()), dim, idx, g)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("indices", indices);
            out.put("keepdim", keepDim);
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
        }
    }
}
