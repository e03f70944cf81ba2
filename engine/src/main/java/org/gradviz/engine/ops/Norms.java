package org.gradviz.engine.ops;

import java.util.Arrays;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.TorchException;

/**
 * The vector and matrix norms of torch 1.13: {@code at::norm} ({@code torch.norm} with a number p: NormBackward1, or
 * NormBackward3 with a dtype), {@code torch.linalg.vector_norm} (LinalgVectorNormBackward0), {@code frobenius_norm}
 * over two dimensions ({@code sqrt(sum(a * a))}) and {@code torch.linalg.matrix_norm} of order 'fro', ±1 and ±inf.
 * Every vector norm's values come from {@link NormReduce}; every one's chain rule is {@link #normBackward}.
 */
public final class Norms {
    private Norms() {
    }

    /** {@code t.norm(p, dim, keepdim)}; {@code dim} null for the whole tensor. */
    public static Tensor norm(Tensor a, double p, Integer dim, boolean keepDim) {
        return norm(a, p, dim == null ? new int[0] : new int[] {dim}, keepDim, null);
    }

    /**
     * {@code at::norm(a, p, dims, keepdim[, dtype])}: the p-norm over {@code dims} (every dimension when empty),
     * computed in {@code dtype} when given (NormBackward3; else NormBackward1).
     */
    public static Tensor norm(Tensor a, double p, int[] dims, boolean keepDim, DType dtype) {
        if (dtype != null && !dtype.isFloatingPoint()) {
            throw TorchException.runtime("norm(): the desired output dtype should be either floating point or complex. "
                    + "Got " + dtype.scalarTypeName() + " instead.");
        }
        if (dtype == null && !a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("norm(): input dtype should be either floating point or complex. Got "
                    + a.dtype().scalarTypeName() + " instead.");
        }
        boolean[] reduced = Reductions.reducedDims(a, dims);
        Tensor out = compute(a, p, reduced, keepDim, dtype);
        int[] saved = Reductions.normalized(a, dims);
        String name = dtype == null ? "NormBackward1" : "NormBackward3";
        return Autograd.record("norm", out, () -> new NormBackward(name, "p", a, out, p, saved, keepDim,
                dtype != null), a);
    }

    /**
     * {@code torch.linalg.vector_norm(a, ord, dim, keepdim, dtype=dtype)}; {@code dims} null for dim=None (every
     * dimension, as an empty one), {@code dtype} null for the input's.
     */
    public static Tensor vectorNorm(Tensor a, double ord, int[] dims, boolean keepDim, DType dtype) {
        String name = "linalg.vector_norm";
        requireFloat(a, name);
        int[] given = dims == null ? new int[0] : dims;
        if (a.numel() == 0 && (ord < 0 || ord == Double.POSITIVE_INFINITY)) {
            if (given.length == 0) {
                throw TorchException.runtime(name + " cannot compute the " + Torch.cppText(ord) + " norm on an empty "
                        + "tensor because the operation does not have an identity");
            }
            for (int d : given) {
                int n = a.shape().normalizeDim(d);
                if (a.shape().dim(n) == 0) {
                    throw TorchException.runtime(name + " cannot compute the " + Torch.cppText(ord) + " norm on the "
                            + "dimension " + d + "because this dimension is empty and the operation does not have an "
                            + "identity");
                }
            }
        }
        checkDtype(dtype, a.dtype(), name);
        boolean[] reduced = Reductions.reducedDims(a, given);
        Tensor out = compute(a, ord, reduced, keepDim, dtype);
        int[] saved = dims == null ? null : Reductions.normalized(a, dims);
        return Autograd.record("linalg_vector_norm", out, () -> new NormBackward("LinalgVectorNormBackward0", "ord",
                a, out, ord, saved, keepDim, false), a);
    }

    /**
     * {@code torch.linalg.matrix_norm(a, ord, dim, keepdim, dtype=dtype)} for ord 'fro' ({@code fro}) or a number
     * of ±1 and ±inf (the absolute column or row sums' max or min); {@code dims} the two matrix dimensions.
     */
    public static Tensor matrixNorm(Tensor a, boolean fro, double ord, int[] dims, boolean keepDim, DType dtype) {
        String name = "linalg.matrix_norm";
        if (!fro && Math.abs(ord) != 1 && Math.abs(ord) != Double.POSITIVE_INFINITY) {
            throw TorchException.runtime(name + ": Order " + Torch.cppText(ord) + " not supported.");
        }
        if (a.dim() < 2) {
            throw TorchException.runtime(name + ": The input tensor A must have at least 2 dimensions.");
        }
        requireFloat(a, name);
        if (dims.length != 2) {
            throw TorchException.runtime(name + ": dim must be a 2-tuple. Got " + String.join(" ",
                    Arrays.stream(dims).mapToObj(String::valueOf).toArray(String[]::new)));
        }
        int[] d = Reductions.normalized(a, dims);
        if (d[0] == d[1]) {
            throw TorchException.runtime(name + ": dims must be different. Got (" + d[0] + ", " + d[1] + ")");
        }
        checkDtype(dtype, a.dtype(), name);
        if (fro) {
            return vectorNorm(a, 2, d, keepDim, dtype);
        }
        // the inf norm is the 1 norm of the transposed matrix
        int first = Double.isInfinite(ord) ? d[1] : d[0];
        int second = Double.isInfinite(ord) ? d[0] : d[1];
        if (!keepDim && first < second) {
            second--;
        }
        Tensor sums = vectorNorm(a, 1, new int[] {first}, keepDim, dtype);
        return ReducedExtremes.extreme(sums, new int[] {second}, keepDim, ord > 0);
    }

    /**
     * {@code frobenius_norm(a, dims, keepdim)}, what {@code torch.norm(a, 'fro', dim)} calls: the 2-norm
     * (NormBackward1) over at most one dimension, {@code sqrt(sum(a * a, dims))} over two.
     */
    public static Tensor frobeniusNorm(Tensor a, int[] dims, boolean keepDim) {
        if (dims.length > 2) {
            throw TorchException.runtime("Expected at most 2 dimensions, but got " + dims.length
                    + " dimensions instead.");
        }
        if (dims.length < 2) {
            return norm(a, 2, dims, keepDim, null);
        }
        int[] d = Reductions.normalized(a, dims);
        if (d[0] == d[1]) {
            throw TorchException.runtime("Expected dims to be different, got [" + dims[0] + ", " + dims[1]
                    + "] instead");
        }
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("result.scalar_type() == toRealValueType(self.scalar_type()) INTERNAL ASSERT "
                    + "FAILED at \"./aten/src/ATen/native/LinearAlgebra.cpp\":2694, please report a bug to PyTorch. ");
        }
        return Pointwise.sqrt(Reductions.sum(Arithmetic.mul(a, a), d, keepDim));
    }

    /** The result tensor: the norms of {@code a} (converted to {@code dtype} first when given) over {@code reduced}. */
    private static Tensor compute(Tensor a, double p, boolean[] reduced, boolean keepDim, DType dtype) {
        DType type = dtype == null ? a.dtype() : dtype;
        double[] values = NormReduce.norm(type.roundAll(a.data().clone()), a.shape().dims(), convertedStrides(a, type),
                reduced, p, type);
        return Tensor.fromData(Reductions.reducedShape(a.shape(), reduced, keepDim), type, values);
    }

    /**
     * The strides of {@code a.to(type)}: a's own when no conversion is needed or when a is a permutation of a dense
     * tensor (the copy keeps its layout, as {@code preserve_format}), else row-major.
     */
    private static int[] convertedStrides(Tensor a, DType type) {
        int[] strides = a.strides();
        if (type == a.dtype()) {
            return strides;
        }
        int[] dims = a.shape().dims();
        Integer[] order = new Integer[dims.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(strides[x], strides[y]));
        long expected = 1;
        for (int i : order) {
            if (dims[i] != 1 && strides[i] != expected) {
                return a.shape().strides();
            }
            expected *= dims[i];
        }
        return strides;
    }

    private static void requireFloat(Tensor a, String name) {
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime(name + ": Expected a floating point or complex tensor as input. Got "
                    + a.dtype().scalarTypeName());
        }
    }

    /** at::detail::check_linalg_norm_dtype. */
    private static void checkDtype(DType dtype, DType self, String name) {
        if (dtype == null) {
            return;
        }
        if (!dtype.isFloatingPoint()) {
            throw TorchException.runtime(name + ": dtype should be floating point or complex, but got "
                    + dtype.scalarTypeName());
        }
        if (DType.promote(self, dtype) != dtype) {
            throw TorchException.runtime(name + ": the dtype of the input (" + self.scalarTypeName() + ") should be "
                    + "convertible without narrowing to the specified dtype (" + dtype.scalarTypeName() + ")");
        }
    }

    /**
     * NormBackward1, NormBackward3 ({@code castSelf}: self converted to the gradient's dtype first) and
     * LinalgVectorNormBackward0: {@link #normBackward}.
     */
    static final class NormBackward extends Node {
        private final String name;
        private final String orderName;
        private final SavedTensor self;
        private final SavedTensor result;
        private final double p;
        private final int[] dims;
        private final boolean keepDim;
        private final boolean castSelf;

        NormBackward(String name, String orderName, Tensor a, Tensor out, double p, int[] dims, boolean keepDim,
                boolean castSelf) {
            this.name = name;
            this.orderName = orderName;
            this.self = save(a);
            this.result = saveOutput(out);
            this.p = p;
            this.dims = dims;
            this.keepDim = keepDim;
            this.castSelf = castSelf;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            try (var g = GradMode.disabled()) {
                return applyDifferentiable(grads);
            }
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor a = self.unpack();
            Tensor x = castSelf ? Conversion.to(a, grads[0].dtype()) : a;
            Tensor g = normBackward(grads[0], x, p, result.unpack(), dims == null ? new int[0] : dims, keepDim);
            // NOTE: a result of another dtype (dtype=) sends its gradient back in self's, as the engine's
            // validate_outputs converts it
            return new Tensor[] {g == null ? null : Conversion.to(g, a.dtype())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", dims == null ? null : Arrays.stream(dims).mapToObj(d -> (long) d).toList());
            out.put("keepdim", keepDim);
            out.put(orderName, Arithmetic.numberValue(p));
            out.put("result", result);
            out.put("self", self);
        }
    }

    /**
     * torch's norm_backward, op for op (so each step rounds as torch's does, and it records under create_graph):
     * the gradient of the p-norm of {@code x} over {@code dims} (all when empty) whose value is {@code norm}; null
     * (no gradient) for p = 0.
     */
    static Tensor normBackward(Tensor grad, Tensor x, double p, Tensor norm, int[] dims, boolean keepDim) {
        if (!keepDim && x.dim() != 0) {
            grad = unsqueezeMultiple(grad, dims, x.dim());
            norm = unsqueezeMultiple(norm, dims, x.dim());
        }
        if (p == 0) {
            return null;
        }
        if (p == 1) {
            // d‖x‖₁/dx = sgn(x)
            return Arithmetic.mul(Pointwise.sgn(x), grad);
        }
        if (p == 2) {
            // d‖x‖₂/dx = x / ‖x‖, 0 where the norm is 0
            return Arithmetic.mul(grad, Where.maskedFill(Arithmetic.div(x, norm), isZero(norm), 0));
        }
        if (Double.isInfinite(p)) {
            // NOTE: the gradient is shared among the elements whose |x| is the max (min), NaNs included
            Tensor absolute = Pointwise.abs(x);
            Tensor mask = Logical.logical(Comparison.compare(absolute, norm, Comparison.Kind.EQ),
                    Logical.isnan(absolute), Logical.Connective.OR);
            Tensor count = Reductions.sum(mask, dims, true);
            return Arithmetic.mul(Pointwise.sgn(x), Arithmetic.mul(Arithmetic.div(grad, count), mask));
        }
        if (p < 1) {
            // d‖x‖ₚ/dx = sgn(x)·|x|^(p-1)·‖x‖^(1-p), 0 at x = 0
            Tensor scaled = Arithmetic.mul(Pointwise.sgn(x), Where.maskedFill(Arithmetic.pow(Pointwise.abs(x), p - 1),
                    isZero(x), 0));
            return Arithmetic.mul(Arithmetic.mul(scaled, grad), Arithmetic.pow(norm, 1 - p));
        }
        Tensor scaled = p < 2 ? Arithmetic.mul(Pointwise.sgn(x), Arithmetic.pow(Pointwise.abs(x), p - 1))
                : Arithmetic.mul(x, Arithmetic.pow(Pointwise.abs(x), p - 2));
        Tensor scale = Where.maskedFill(Arithmetic.div(grad, Arithmetic.pow(norm, p - 1)), isZero(norm), 0);
        return Arithmetic.mul(scaled, scale);
    }

    /** unsqueeze_multiple: a reduced tensor with its reduced dimensions put back, so it broadcasts against x. */
    private static Tensor unsqueezeMultiple(Tensor t, int[] dims, int rank) {
        boolean[] at = new boolean[rank];
        for (int d : dims) {
            at[d] = true;
        }
        for (int d = 0; d < rank; d++) {
            if (at[d]) {
                t = LinearAlgebra.unsqueeze(t, d);
            }
        }
        return t;
    }

    private static Tensor isZero(Tensor t) {
        return Comparison.compare(t, Tensor.wrappedNumber(0, false), Comparison.Kind.EQ);
    }
}
