package org.gradviz.engine.ops;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.FreshOrGivenGradients;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * Matrix products and the movements around them ({@code t}, {@code .T}, unsqueeze, squeeze), with the
 * same decomposition PyTorch's {@code matmul} records: 1-D·2-D is unsqueeze → mm → squeeze.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    // ----- movement

    /** {@code t.t()}: transpose of a 0-, 1- or 2-D tensor. */
    public static Tensor t(Tensor a) {
        if (a.dim() > 2) {
            throw TorchException.runtime("t() expects a tensor with <= 2 dimensions, but self is " + a.dim() + "D");
        }
        Tensor out = a.dim() < 2 ? Tensor.asStrided(a, a.shape(), a.strides(), a.storageOffset())
                : permutedView(a, new int[] {1, 0});
        return Autograd.record("t", out, () -> new TBackward0(), a);
    }

    /** A view of {@code a} with dimension {@code dims[i]} as its dimension i. */
    static Tensor permutedView(Tensor a, int[] dims) {
        int[] own = a.strides();
        int[] strides = new int[dims.length];
        int[] sizes = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            strides[i] = own[dims[i]];
            sizes[i] = a.shape().dim(dims[i]);
        }
        return Tensor.asStrided(a, Shape.of(sizes), strides, a.storageOffset());
    }

    static Tensor transposed(Tensor a) {
        if (a.dim() < 2) {
            return a.copyAs(a.shape());
        }
        int m = a.shape().dim(0);
        int n = a.shape().dim(1);
        return MatMulKernel.transpose(a, m, n);
    }

    /** d(aᵀ)/da: the gradient transposed back. */
    static final class TBackward0 extends Node implements FreshOrGivenGradients {
        @Override
        public String name() {
            return "TBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {transposed(grads[0])};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {t(grads[0])};
        }
    }

    /** {@code t.transpose(dim0, dim1)}: a view with the two dimensions swapped (TransposeBackward0). */
    public static Tensor transpose(Tensor a, long dim0, long dim1) {
        int d0 = a.shape().normalizeDim(dim0);
        int d1 = a.shape().normalizeDim(dim1);
        int[] order = new int[a.dim()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i == d0 ? d1 : i == d1 ? d0 : i;
        }
        Tensor out = a.dim() == 0 ? Tensor.asStrided(a, a.shape(), a.strides(), a.storageOffset())
                : permutedView(a, order);
        return Autograd.record("transpose", out, () -> new TransposeBackward0(d0, d1), a);
    }

    /** d(a.transpose(d0, d1))/da: the gradient transposed back. */
    static final class TransposeBackward0 extends Node {
        private final int dim0;
        private final int dim1;

        TransposeBackward0(int dim0, int dim1) {
            this.dim0 = dim0;
            this.dim1 = dim1;
        }

        @Override
        public String name() {
            return "TransposeBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            if (g.dim() == 0) {
                return new Tensor[] {g};
            }
            int[] order = new int[g.dim()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i == dim0 ? dim1 : i == dim1 ? dim0 : i;
            }
            return new Tensor[] {permuted(g, order)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {transpose(grads[0], dim0, dim1)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim0", (long) dim0);
            out.put("dim1", (long) dim1);
        }
    }

    /** {@code t.T}: every dimension reversed, recorded as a permute. */
    public static Tensor reverseDims(Tensor a) {
        int rank = a.dim();
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = rank - 1 - i;
        }
        Tensor out = permutedView(a, dims);
        return Autograd.record("permute", out, () -> new PermuteBackward0(dims), a);
    }

    /** The tensor with dimension {@code dims[i]} of {@code a} as its dimension i. */
    static Tensor permuted(Tensor a, int[] dims) {
        Shape in = a.shape();
        int rank = dims.length;
        int[] outDims = new int[rank];
        int[] inStrides = in.strides();
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = in.dim(dims[i]);
            strides[i] = inStrides[dims[i]];
        }
        Shape outShape = Shape.of(outDims);
        double[] x = a.data();
        double[] r = new double[x.length];
        int[] counter = new int[rank];
        int offset = 0;
        for (int i = 0; i < r.length; i++) {
            r[i] = x[offset];
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                offset += strides[d];
                if (counter[d] < outDims[d]) {
                    break;
                }
                offset -= strides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return Tensor.fromData(outShape, a.dtype(), r);
    }

    /** d(permute(a))/da: the gradient permuted by the inverse permutation. */
    static final class PermuteBackward0 extends Node {
        private final int[] dims;

        PermuteBackward0(int[] dims) {
            this.dims = dims.clone();
        }

        @Override
        public String name() {
            return "PermuteBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {permuted(grads[0], inverse())};
        }

        /** permute_backwards: grad.permute(the inverse permutation), recorded. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            int[] inverse = inverse();
            Tensor out = permuted(grads[0], inverse);
            return new Tensor[] {Autograd.record("permute", out, () -> new PermuteBackward0(inverse), grads[0])};
        }

        private int[] inverse() {
            int[] inverse = new int[dims.length];
            for (int i = 0; i < dims.length; i++) {
                inverse[dims[i]] = i;
            }
            return inverse;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dims", java.util.Arrays.stream(dims).mapToObj(d -> (long) d).toList());
        }
    }

    /** {@code t.unsqueeze(dim)}. */
    public static Tensor unsqueeze(Tensor a, int dim) {
        int d = dim < 0 ? dim + a.dim() + 1 : dim;
        if (d < 0 || d > a.dim()) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + (-a.dim() - 1) + ", "
                    + a.dim() + "], but got " + dim + ")");
        }
        // NOTE: torch's stride of the new dimension: 1 at the end, else the size times the stride of the one it precedes
        int[] own = a.strides();
        int[] strides = new int[own.length + 1];
        for (int i = 0, j = 0; i < strides.length; i++) {
            strides[i] = i == d ? (d >= own.length ? 1 : a.shape().dim(d) * own[d]) : own[j++];
        }
        Tensor out = Tensor.asStrided(a, insertOne(a.shape(), d), strides, a.storageOffset());
        return Autograd.record("unsqueeze", out, () -> new UnsqueezeBackward0(d, a.shape()), a);
    }

    private static Shape insertOne(Shape s, int d) {
        int[] dims = new int[s.rank() + 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            dims[i] = i == d ? 1 : s.dim(j++);
        }
        return Shape.of(dims);
    }

    /** d(unsqueeze a)/da: the gradient with that dimension squeezed away. */
    static final class UnsqueezeBackward0 extends Node {
        private final int dim;
        private final Shape selfShape;

        UnsqueezeBackward0(int dim, Shape selfShape) {
            this.dim = dim;
            this.selfShape = selfShape;
        }

        @Override
        public String name() {
            return "UnsqueezeBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {grads[0].copyAs(selfShape)};
        }

        /** grad.squeeze(dim). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {Views.squeeze(grads[0], dim)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
        }
    }

    /** {@code squeeze_(dim)} as matmul uses it (SqueezeBackward3): drops dimension {@code d} of size 1. */
    static Tensor squeezeDim(Tensor a, int d) {
        Tensor out = a.copyAs(a.shape().reduce(d, false));
        return Autograd.record("squeeze", out, () -> new SqueezeBackward3(d, a.shape()), a);
    }

    /** d(squeeze a)/da: the gradient with the dimension put back. */
    static final class SqueezeBackward3 extends Node {
        private final int dim;
        private final Shape selfSizes;

        SqueezeBackward3(int dim, Shape selfSizes) {
            this.dim = dim;
            this.selfSizes = selfSizes;
        }

        @Override
        public String name() {
            return "SqueezeBackward3";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {grads[0].copyAs(selfSizes)};
        }

        /** unsqueeze_to(grad, dim, self.sizes()): grad.unsqueeze(dim). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {unsqueeze(grads[0], dim)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
            out.put("self_sizes", Reductions.sizes(selfSizes));
        }
    }

    // ----- products

    /** {@code torch.matmul}: dot, mv, mm, or unsqueeze → mm → squeeze, by the operands' ranks. */
    public static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw TorchException.runtime("both arguments to matmul need to be at least 1D, but they are " + da
                    + "D and " + db + "D");
        }
        if (da == 1 && db == 1) {
            return dot(a, b);
        }
        if (da == 2 && db == 1) {
            return mv(a, b);
        }
        if (da == 1 && db == 2) {
            return squeezeDim(mm(unsqueeze(a, 0), b), 0);
        }
        if (da == 2 && db == 2) {
            return mm(a, b);
        }
        return BatchedProducts.matmul(a, b);
    }

    static void requireSameType(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("expected scalar type " + cTypeName(a.dtype()) + " but found "
                    + cTypeName(b.dtype()));
        }
    }

    static String cTypeName(DType t) {
        return t.scalarTypeName();
    }

    /** {@code a.mm(b)}: (m×k)·(k×n). */
    public static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw TorchException.runtime("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw TorchException.runtime("mat2 must be a matrix");
        }
        Tensor out = product(a, b);
        return Autograd.record("mm", out, () -> new MmBackward0(a, b), a, b);
    }

    /** The matrix product without recording; checks shapes and types with PyTorch's messages. */
    static Tensor product(Tensor a, Tensor b) {
        int m = a.shape().dim(0);
        int k = a.shape().dim(1);
        int n = b.shape().dim(1);
        if (b.shape().dim(0) != k) {
            throw TorchException.runtime("mat1 and mat2 shapes cannot be multiplied (" + m + "x" + k + " and "
                    + b.shape().dim(0) + "x" + n + ")");
        }
        requireSameType(a, b);
        return MatMulKernel.multiply(a, b, m, k, n, Shape.of(m, n));
    }

    /** Aᵀ·B without recording, as {@code product(transposed(a), b)} gives it. */
    static Tensor productOfTransposed(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2 || a.shape().dim(0) != b.shape().dim(0) || a.dtype() != b.dtype()) {
            return product(transposed(a), b);
        }
        return MatMulKernel.multiplyTransposedLeft(a, b, a.shape().dim(0), a.shape().dim(1), b.shape().dim(1));
    }

    /** d(A·B)/dA = G·Bᵀ, d(A·B)/dB = Aᵀ·G. */
    static final class MmBackward0 extends Node implements FreshOrGivenGradients {
        private final SavedTensor self;
        private final SavedTensor mat2;
        private final Shape selfSizes;
        private final Shape mat2Sizes;

        MmBackward0(Tensor a, Tensor b) {
            self = b.requiresGrad() ? save(a) : null;
            mat2 = a.requiresGrad() ? save(b) : null;
            selfSizes = a.shape();
            mat2Sizes = b.shape();
        }

        @Override
        public String name() {
            return "MmBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor[] out = new Tensor[2];
            if (needsInputGrad(0)) {
                out[0] = product(g, transposed(mat2.unpack()));
            }
            if (needsInputGrad(1)) {
                out[1] = productOfTransposed(self.unpack(), g);
            }
            return out;
        }

        /** mm_mat1_backward: grad.mm(mat2.t()); mm_mat2_backward: self.t().mm(grad). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? mm(g, t(mat2.unpack())) : null,
                needsInputGrad(1) ? mm(t(self.unpack()), g) : null,
            };
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("mat2", mat2);
            out.put("mat2_sym_sizes", Reductions.sizes(mat2Sizes));
            out.put("mat2_sym_strides", needsInputGrad(1) ? strides(mat2Sizes) : List.of());
            out.put("self", self);
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
            out.put("self_sym_strides", needsInputGrad(0) ? strides(selfSizes) : List.of());
        }
    }

    static List<Long> strides(Shape s) {
        return java.util.Arrays.stream(s.strides()).mapToObj(v -> (long) v).toList();
    }

    /** {@code a.mv(v)}: (m×k)·(k). */
    /** {@code torch.mv(matrix, vector)}: a 2-D and a 1-D tensor, else torch's error. */
    public static Tensor mvOf(Tensor a, Tensor v) {
        if (a.dim() != 2 || v.dim() != 1) {
            throw TorchException.runtime("vector + matrix @ vector expected, got 1, " + a.dim() + ", " + v.dim());
        }
        return mv(a, v);
    }

    public static Tensor mv(Tensor a, Tensor v) {
        int m = a.shape().dim(0);
        int k = a.shape().dim(1);
        if (v.shape().dim(0) != k) {
            throw TorchException.runtime("size mismatch, got " + m + ", " + m + "x" + k + "," + v.shape().dim(0));
        }
        requireSameType(a, v);
        Tensor out = MatMulKernel.multiply(a, v, m, k, 1, Shape.of(m));
        return Autograd.record("mv", out, () -> new MvBackward0(a, v), a, v);
    }

    /** d(A·v)/dA = g ⊗ v, d(A·v)/dv = Aᵀ·g. */
    static final class MvBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor vec;

        MvBackward0(Tensor a, Tensor v) {
            self = v.requiresGrad() ? save(a) : null;
            vec = a.requiresGrad() ? save(v) : null;
        }

        @Override
        public String name() {
            return "MvBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            int m = g.numel();
            Tensor[] out = new Tensor[2];
            if (needsInputGrad(0)) {
                Tensor v = vec.unpack();
                int k = v.numel();
                out[0] = MatMulKernel.multiply(g, v, m, 1, k, Shape.of(m, k));
            }
            if (needsInputGrad(1)) {
                Tensor a = self.unpack();
                int k = a.shape().dim(1);
                out[1] = MatMulKernel.multiply(g, a, 1, m, k, Shape.of(k));
            }
            return out;
        }

        /** self: grad.ger(vec) = grad.reshape({m, 1}) * vec; vec: self.t().mv(grad). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? Arithmetic.mul(Views.reshape(g, Shape.of(g.numel(), 1)), vec.unpack()) : null,
                needsInputGrad(1) ? mv(t(self.unpack()), g) : null,
            };
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
            out.put("vec", vec);
        }
    }

    /** {@code a.dot(b)} of two vectors. */
    public static Tensor dot(Tensor a, Tensor b) {
        if (a.numel() != b.numel()) {
            throw TorchException.runtime("inconsistent tensor size, expected tensor [" + a.numel() + "] and src ["
                    + b.numel() + "] to have the same number of elements, but got " + a.numel() + " and "
                    + b.numel() + " elements respectively");
        }
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("dot : expected both vectors to have same dtype, but found "
                    + cTypeName(a.dtype()) + " and " + cTypeName(b.dtype()));
        }
        Tensor out = MatMulKernel.multiply(a, b, 1, a.numel(), 1, Shape.SCALAR);
        return Autograd.record("dot", out, () -> new DotBackward0(a, b), a, b);
    }

    /** d(a·b)/da = g·b, d(a·b)/db = g·a. */
    static final class DotBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor tensor;

        DotBackward0(Tensor a, Tensor b) {
            self = b.requiresGrad() ? save(a) : null;
            tensor = a.requiresGrad() ? save(b) : null;
        }

        @Override
        public String name() {
            return "DotBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? Arithmetic.elementwise(tensor.unpack(), g, BasicOp.MUL) : null,
                needsInputGrad(1) ? Arithmetic.elementwise(self.unpack(), g, BasicOp.MUL) : null,
            };
        }

        /** self: grad * tensor; tensor: grad * self. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? Arithmetic.mul(g, tensor.unpack()) : null,
                needsInputGrad(1) ? Arithmetic.mul(g, self.unpack()) : null,
            };
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
            out.put("tensor", tensor);
        }
    }

    // ----- linear

    /**
     * {@code F.linear(input, weight, bias)} = input·weightᵀ + bias: for a 2-D input with a bias PyTorch
     * records one {@code addmm} (AddmmBackward0 fed by TBackward0 of the weight); otherwise matmul then add.
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Tensor wt = t(weight);
        if (bias == null) {
            return matmul(input, wt);
        }
        if (input.dim() != 2) {
            return Arithmetic.add(matmul(input, wt), bias);
        }
        Tensor product = product(input, wt);
        Shape shape = Broadcast.shapes(bias.shape(), product.shape());
        if (!shape.equals(product.shape())) {
            throw TorchException.runtime("The expanded size of the tensor (" + product.shape().dim(1)
                    + ") must match the existing size (" + bias.shape().dim(bias.dim() - 1) + ")");
        }
        Tensor out = Broadcast.apply(product, bias, shape, product.dtype(), BasicOp.ADD);
        return Autograd.record("linear", out, () -> new AddmmBackward0(bias, input, wt),
                new Tensor[] {bias, input, wt}, new Tensor[] {input, weight, bias});
    }

    /**
     * addmm(bias, A, B, beta, alpha) = beta·bias + alpha·A·B: d/dbias = beta·g summed to bias's shape,
     * d/dA = alpha·g·Bᵀ, d/dB = alpha·Aᵀ·g (torch's maybe_multiply: no product when the number is 1).
     */
    static final class AddmmBackward0 extends Node implements FreshOrGivenGradients {
        private final InputMeta biasMeta;
        private final SavedTensor mat1;
        private final SavedTensor mat2;
        private final Shape mat1Sizes;
        private final Shape mat2Sizes;
        private final List<Long> mat1Strides;
        private final List<Long> mat2Strides;
        private final Object beta;
        private final Object alpha;

        /** F.linear's: the weight's transpose as mat2, beta = alpha = 1. */
        AddmmBackward0(Tensor bias, Tensor a, Tensor b) {
            this(bias, a, b, 1L, 1L);
        }

        AddmmBackward0(Tensor bias, Tensor a, Tensor b, Object beta, Object alpha) {
            biasMeta = InputMeta.of(bias);
            mat1 = b.requiresGrad() ? save(a) : null;
            mat2 = a.requiresGrad() ? save(b) : null;
            mat1Sizes = a.shape();
            mat2Sizes = b.shape();
            mat1Strides = java.util.Arrays.stream(a.strides()).mapToObj(v -> (long) v).toList();
            mat2Strides = java.util.Arrays.stream(b.strides()).mapToObj(v -> (long) v).toList();
            this.beta = beta;
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "AddmmBackward0";
        }

        private static boolean isOne(Object number) {
            return ((Number) number).doubleValue() == 1;
        }

        /** torch's maybe_multiply: {@code t * number}, or t itself when the number is 1. */
        private static Tensor times(Tensor t, Object number, boolean recorded) {
            if (isOne(number)) {
                return t;
            }
            double v = ((Number) number).doubleValue();
            return recorded ? Arithmetic.mulScalar(t, v)
                    : Arithmetic.mul(t, Tensor.wrappedNumber(v, !(number instanceof Double)));
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? biasMeta.reduce(times(g, beta, false)) : null,
                needsInputGrad(1) ? times(product(g, transposed(mat2.unpack())), alpha, false) : null,
                needsInputGrad(2) ? times(productOfTransposed(mat1.unpack(), g), alpha, false) : null,
            };
        }

        /**
         * self: grad·beta (summed to the bias's shape); mat1: grad.mm(mat2.t()), or mat2.mm(grad.t()).t() for a
         * column-major mat1; mat2: mat1.t().mm(grad), or grad.t().mm(mat1).t() for a column-major mat2 (F.linear's
         * weight.t()), as mm_mat1_backward and mm_mat2_backward take those branches; each times alpha.
         */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor[] out = new Tensor[3];
            if (needsInputGrad(0)) {
                out[0] = biasMeta.reduceRecorded(times(g, beta, true));
            }
            if (needsInputGrad(1)) {
                Tensor m2 = mat2.unpack();
                out[1] = times(columnMajor(mat1Sizes, mat1Strides) ? t(mm(m2, t(g))) : mm(g, t(m2)), alpha, true);
            }
            if (needsInputGrad(2)) {
                Tensor m1 = mat1.unpack();
                out[2] = times(columnMajor(mat2Sizes, mat2Strides) ? t(mm(t(g), m1)) : mm(t(m1), g), alpha, true);
            }
            return out;
        }

        private static boolean columnMajor(Shape sizes, List<Long> strides) {
            return strides.get(0) == 1 && strides.get(1) == sizes.dim(0);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("alpha", alpha);
            out.put("beta", beta);
            out.put("mat1", mat1);
            out.put("mat1_sym_sizes", Reductions.sizes(mat1Sizes));
            out.put("mat1_sym_strides", needsInputGrad(1) ? mat1Strides : List.of());
            out.put("mat2", mat2);
            out.put("mat2_sym_sizes", Reductions.sizes(mat2Sizes));
            out.put("mat2_sym_strides", needsInputGrad(2) ? mat2Strides : List.of());
        }
    }
}
