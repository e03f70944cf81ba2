package org.gradviz.engine.ops;

import java.util.Arrays;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code bmm}, {@code addmm} with beta and alpha, {@code outer}, and {@code matmul} of operands with batch dimensions,
 * decomposed as PyTorch 1.13's {@code _matmul_impl} records them (fold into mm/mv, or expand → reshape → bmm →
 * _unsafe_view).
 */
public final class BatchedProducts {
    private BatchedProducts() {
    }

    // ----- bmm

    /** {@code torch.bmm(a, b)}: (B×n×k)·(B×k×p), each product summed over k in order (BmmBackward0). */
    public static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3) {
            throw TorchException.runtime("batch1 must be a 3D tensor");
        }
        if (b.dim() != 3) {
            throw TorchException.runtime("batch2 must be a 3D tensor");
        }
        int batches = a.shape().dim(0);
        int k = a.shape().dim(2);
        if (b.shape().dim(0) != batches || b.shape().dim(1) != k) {
            throw TorchException.runtime("Expected size for first two dimensions of batch2 tensor to be: [" + batches
                    + ", " + k + "] but got: [" + b.shape().dim(0) + ", " + b.shape().dim(1) + "].");
        }
        LinearAlgebra.requireSameType(a, b);
        Tensor out = batchedValues(a, b);
        return Autograd.record("bmm", out, () -> new BmmBackward0(a, b), a, b);
    }

    /** The values of bmm, without recording: one matrix product per batch, as MatMulKernel sums it. */
    static Tensor batchedValues(Tensor a, Tensor b) {
        int batches = a.shape().dim(0);
        int n = a.shape().dim(1);
        int k = a.shape().dim(2);
        int p = b.shape().dim(2);
        Shape shape = Shape.of(batches, n, p);
        if (a.dtype() == DType.FLOAT32) {
            float[] x = a.floats();
            float[] y = b.floats();
            float[] r = new float[shape.numel()];
            for (int i = 0; i < batches; i++) {
                Tensor c = MatMulKernel.multiply(Tensor.fromFloats(Shape.of(n, k), Arrays.copyOfRange(x, i * n * k,
                        (i + 1) * n * k)), Tensor.fromFloats(Shape.of(k, p), Arrays.copyOfRange(y, i * k * p,
                        (i + 1) * k * p)), n, k, p, Shape.of(n, p));
                System.arraycopy(c.floats(), 0, r, i * n * p, n * p);
            }
            return Tensor.fromFloats(shape, r);
        }
        double[] x = a.data();
        double[] y = b.data();
        double[] r = new double[shape.numel()];
        for (int i = 0; i < batches; i++) {
            Tensor c = MatMulKernel.multiply(
                    Tensor.fromData(Shape.of(n, k), a.dtype(), Arrays.copyOfRange(x, i * n * k, (i + 1) * n * k)),
                    Tensor.fromData(Shape.of(k, p), a.dtype(), Arrays.copyOfRange(y, i * k * p, (i + 1) * k * p)),
                    n, k, p, Shape.of(n, p));
            System.arraycopy(c.data(), 0, r, i * n * p, n * p);
        }
        return Tensor.fromData(shape, a.dtype(), r);
    }

    /** The last two dimensions of a 3-D tensor swapped, as values. */
    private static Tensor swapped(Tensor a) {
        return LinearAlgebra.permuted(a, new int[] {0, 2, 1});
    }

    /** d(A·B)/dA = G·Bᵀ, d(A·B)/dB = Aᵀ·G, batch by batch. */
    static final class BmmBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor mat2;

        BmmBackward0(Tensor a, Tensor b) {
            self = b.requiresGrad() ? save(a) : null;
            mat2 = a.requiresGrad() ? save(b) : null;
        }

        @Override
        public String name() {
            return "BmmBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? batchedValues(g, swapped(mat2.unpack())) : null,
                needsInputGrad(1) ? batchedValues(swapped(self.unpack()), g) : null,
            };
        }

        /** self: grad.bmm(mat2.transpose(1, 2)); mat2: self.transpose(1, 2).bmm(grad). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? bmm(g, LinearAlgebra.transpose(mat2.unpack(), 1, 2)) : null,
                needsInputGrad(1) ? bmm(LinearAlgebra.transpose(self.unpack(), 1, 2), g) : null,
            };
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("mat2", mat2);
            out.put("self", self);
        }
    }

    // ----- matmul with batch dimensions

    /**
     * {@code torch.matmul} when an operand has 3 or more dimensions: a batch folded into mm's (or mv's) rows when the
     * other operand is a matrix or vector, else both expanded to the broadcast batch, reshaped to 3-D and multiplied
     * by bmm; the result is an {@code _unsafe_view} (UnsafeViewBackward0).
     */
    static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim();
        int db = b.dim();
        if (shouldFold(a, db) || shouldFold(b, da)) {
            boolean transpose = db > da;
            Tensor t1 = transpose ? LinearAlgebra.transpose(b, -2, -1) : a;
            Tensor t2 = !transpose ? b : da == 2 ? LinearAlgebra.t(a) : a;
            int[] sizes1 = t1.shape().dims();
            int[] outDims = Arrays.copyOf(sizes1, sizes1.length - 1 + (t2.dim() == 2 ? 1 : 0));
            int folded = 1;
            for (int i = 0; i < sizes1.length - 1; i++) {
                folded *= sizes1[i];
            }
            Tensor t1Folded = Views.reshape(t1, Shape.of(folded, sizes1[sizes1.length - 1]));
            if (t2.dim() == 2) {
                outDims[outDims.length - 1] = t2.shape().dim(1);
                Tensor output = Views.unsafeView(LinearAlgebra.mm(t1Folded, t2), Shape.of(outDims));
                // NOTE: a 2-D @ N-D product comes back transposed, then made contiguous (a clone), as torch does
                return transpose ? Views.contiguous(LinearAlgebra.transpose(output, -2, -1)) : output;
            }
            return Views.unsafeView(LinearAlgebra.mv(t1Folded, t2), Shape.of(outDims));
        }
        int n = da > 1 ? a.shape().dim(da - 2) : 1;
        int m1 = a.shape().dim(da - 1);
        int m2 = db > 1 ? b.shape().dim(db - 2) : b.shape().dim(0);
        int p = db > 1 ? b.shape().dim(db - 1) : 1;
        Shape batchA = Shape.of(Arrays.copyOf(a.shape().dims(), Math.max(da - 2, 0)));
        Shape batchB = Shape.of(Arrays.copyOf(b.shape().dims(), Math.max(db - 2, 0)));
        Shape batch = Broadcast.shapes(batchA, batchB);
        int batches = batch.numel();
        Tensor aExpanded = Views.reshape(Views.expand(a, sizes(batch, n, m1)), Shape.of(batches, n, m1));
        Tensor bExpanded = Views.reshape(Views.expand(b, sizes(batch, m2, p)), Shape.of(batches, m2, p));
        int[] outDims = Arrays.copyOf(batch.dims(), batch.rank() + (da > 1 ? 1 : 0) + (db > 1 ? 1 : 0));
        int at = batch.rank();
        if (da > 1) {
            outDims[at++] = n;
        }
        if (db > 1) {
            outDims[at] = p;
        }
        return Views.unsafeView(bmm(aExpanded, bExpanded), Shape.of(outDims));
    }

    /**
     * torch 1.13's {@code should_fold}: a tensor of 3 or more dimensions times a vector or matrix, unless it is a 3-D
     * tensor whose last two dimensions are transposed in memory (permute(0, 2, 1)), which bmm handles without a copy.
     */
    private static boolean shouldFold(Tensor t, int otherDim) {
        if (t.dim() < 3 || (otherDim != 1 && otherDim != 2)) {
            return false;
        }
        int[] strides = t.strides();
        return !(t.dim() == 3 && otherDim == 2 && strides[2] != 1
                && strides[0] == t.shape().dim(1) * t.shape().dim(2));
    }

    private static long[] sizes(Shape batch, int rows, int cols) {
        long[] out = new long[batch.rank() + 2];
        for (int i = 0; i < batch.rank(); i++) {
            out[i] = batch.dim(i);
        }
        out[batch.rank()] = rows;
        out[batch.rank() + 1] = cols;
        return out;
    }

    // ----- outer

    /** {@code torch.outer(a, b)}: {@code a.reshape(n, 1) * b} (MulBackward0), as torch writes it. */
    public static Tensor outer(Tensor a, Tensor b) {
        if (a.dim() != 1) {
            throw TorchException.runtime("outer: Expected 1-D argument self, but got " + a.dim() + "-D");
        }
        if (b.dim() != 1) {
            throw TorchException.runtime("outer: Expected 1-D argument vec2, but got " + b.dim() + "-D");
        }
        return Arithmetic.mul(Views.reshape(a, Shape.of(a.shape().dim(0), 1)), b);
    }

    // ----- addmm

    /**
     * {@code torch.addmm(bias, mat1, mat2, beta=, alpha=)} = beta·bias + alpha·(mat1·mat2) (AddmmBackward0), with the
     * bits of the reference BLAS gemm torch calls: see {@link #addmmValues}. {@code betaValue} and {@code alphaValue}
     * are the Python numbers as given (an int or a float), for the node's saved attributes.
     */
    public static Tensor addmm(Tensor bias, Tensor mat1, Tensor mat2, Object betaValue, Object alphaValue) {
        if (mat1.dim() != 2) {
            throw TorchException.runtime("mat1 must be a matrix, got " + mat1.dim() + "-D tensor");
        }
        if (mat2.dim() != 2) {
            throw TorchException.runtime("mat2 must be a matrix, got " + mat2.dim() + "-D tensor");
        }
        if (bias.dtype() != mat2.dtype()) {
            throw TorchException.runtime("self and mat2 must have the same dtype");
        }
        if (mat1.dtype() != mat2.dtype()) {
            throw TorchException.runtime("mat1 and mat2 must have the same dtype");
        }
        int m = mat1.shape().dim(0);
        int k = mat1.shape().dim(1);
        int n = mat2.shape().dim(1);
        if (mat2.shape().dim(0) != k) {
            throw TorchException.runtime("mat1 and mat2 shapes cannot be multiplied (" + m + "x" + k + " and "
                    + mat2.shape().dim(0) + "x" + n + ")");
        }
        double beta = ((Number) betaValue).doubleValue();
        double alpha = ((Number) alphaValue).doubleValue();
        Tensor expanded = Autograd.quietly(() -> Views.expand(bias, new long[] {m, n}));
        Tensor out = Tensor.fromData(Shape.of(m, n), mat1.dtype(), addmmValues(expanded.data(), mat1, mat2, beta,
                alpha));
        return Autograd.record("addmm", out, () -> new LinearAlgebra.AddmmBackward0(bias, mat1, mat2, betaValue,
                alphaValue), bias, mat1, mat2);
    }

    /**
     * beta·c + alpha·(a·b) as torch's {@code addmm_impl_cpu_} hands it to the reference BLAS {@code gemm}: the result
     * (row-major, so column-major transposed unless it has one column) decides which operand is gemm's A, and A's
     * strides whether gemm runs its "accumulate" loops (C scaled by beta, then {@code C += (alpha·b)·a} for k in
     * order) or its "dot" loops (a sum over k from 0, then {@code C = alpha·sum + beta·C}). Every operation is
     * rounded to the dtype, without fused multiply-add. alpha = 0 skips the product; beta = 0 ignores c.
     */
    static double[] addmmValues(double[] c, Tensor a, Tensor b, double beta, double alpha) {
        DType dt = a.dtype();
        int m = a.shape().dim(0);
        int k = a.shape().dim(1);
        int n = b.shape().dim(1);
        double be = dt.round(beta);
        double al = dt.round(alpha);
        double[] r = c.clone();
        if (m == 0 || n == 0 || ((al == 0 || k == 0) && be == 1)) {
            return r;
        }
        if (al == 0 || k == 0) {
            for (int i = 0; i < r.length; i++) {
                r[i] = be == 0 ? 0 : dt.round(be * r[i]);
            }
            return r;
        }
        boolean transposeC = n != 1;
        // gemm's A: mat2 when the result is transposed, else mat1; "transposed" when its rows are contiguous
        Tensor gemmA = transposeC ? b : a;
        int gemmM = transposeC ? n : m;
        int[] s = gemmA.strides();
        boolean transposeA;
        if (transposeC) {
            transposeA = !(s[1] == 1 && s[0] >= Math.max(1, gemmM)) && s[0] == 1 && s[1] >= Math.max(1, k);
        } else {
            transposeA = !(s[0] == 1 && s[1] >= Math.max(1, gemmM));
        }
        double[] x = a.data();
        double[] y = b.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int at = i * n + j;
                if (transposeA) {
                    double sum = 0;
                    for (int l = 0; l < k; l++) {
                        sum = dt.round(sum + dt.round(x[i * k + l] * y[l * n + j]));
                    }
                    double scaled = dt.round(al * sum);
                    r[at] = be == 0 ? scaled : dt.round(scaled + dt.round(be * r[at]));
                } else {
                    double acc = be == 0 ? 0 : be == 1 ? r[at] : dt.round(be * r[at]);
                    for (int l = 0; l < k; l++) {
                        // NOTE: gemm scales its B operand (mat1 when the result is transposed, else mat2) by alpha
                        double product = transposeC ? dt.round(al * x[i * k + l]) * y[l * n + j]
                                : x[i * k + l] * dt.round(al * y[l * n + j]);
                        acc = dt.round(acc + dt.round(product));
                    }
                    r[at] = acc;
                }
            }
        }
        return r;
    }
}
