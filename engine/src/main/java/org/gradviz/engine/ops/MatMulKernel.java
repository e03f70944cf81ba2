package org.gradviz.engine.ops;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.SpareFloats;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.VectorApi;

/**
 * Dense matrix products C = A·B on row-major arrays, as the reference BLAS ({@code sgemm}/{@code dgemm}) that torch
 * 1.13 calls on this machine computes them: each C[i][j] summed over k in order, every product and every sum rounded
 * to the dtype, no fused multiply-add. float32 runs in float: with the Vector API when the JVM has
 * {@code jdk.incubator.vector} (the launcher's way), else cache-blocked loops whose inner loop streams rows of B and
 * C; both give the same bits.
 */
final class MatMulKernel {
    private static final int BLOCK_K = 128;
    private static final int BLOCK_J = 512;
    private static final int TRANSPOSE_BLOCK = 32;

    /** True when the Vector API module is in the boot layer (java --add-modules jdk.incubator.vector). */
    static final boolean VECTORIZED = VectorApi.PRESENT;

    private MatMulKernel() {
    }

    /**
     * C (m×n) = A (m×k) · B (k×n), all row-major, as a tensor of {@code shape} in A's dtype (B has the same dtype).
     */
    static Tensor multiply(Tensor a, Tensor b, int m, int k, int n, Shape shape) {
        if (a.dtype() == DType.FLOAT32) {
            return Tensor.fromFloats(shape, multiplyFloat(a.floats(), b.floats(), m, k, n));
        }
        return Tensor.fromData(shape, a.dtype(), multiplyDouble(a.data(), b.data(), m, k, n));
    }

    /**
     * C (m×n) = Aᵀ·B for A (k×m) and B (k×n), row-major, in A's dtype: the bits of {@code multiply(transpose(A), B)},
     * without the transpose when C fits in one vector of the Vector API (a small layer's weight gradient).
     */
    static Tensor multiplyTransposedLeft(Tensor a, Tensor b, int k, int m, int n) {
        Shape shape = Shape.of(m, n);
        if (a.dtype() == DType.FLOAT32 && VECTORIZED && m > 0 && n > 0 && k > 0
                && VectorMatMul.fitsOneVector(m, n)) {
            float[] c = new float[m * n];
            VectorMatMul.multiplyTransposedLeft(a.floats(), b.floats(), c, k, m, n);
            return Tensor.fromFloats(shape, c);
        }
        return multiply(transpose(a, k, m), b, m, k, n, shape);
    }

    private static double[] multiplyDouble(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int j0 = 0; j0 < n; j0 += BLOCK_J) {
            int j1 = Math.min(n, j0 + BLOCK_J);
            for (int p0 = 0; p0 < k; p0 += BLOCK_K) {
                int p1 = Math.min(k, p0 + BLOCK_K);
                for (int i = 0; i < m; i++) {
                    int ci = i * n;
                    for (int p = p0; p < p1; p++) {
                        double aip = a[i * k + p];
                        int bp = p * n;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += aip * b[bp + j];
                        }
                    }
                }
            }
        }
        return c;
    }

    private static float[] multiplyFloat(float[] a, float[] b, int m, int k, int n) {
        if (m == 0 || n == 0 || k == 0) {
            return new float[m * n]; // NOTE: an empty product is zeros; the vector kernels divide by these sizes
        }
        if (VECTORIZED) {
            // the vector kernels write every element of C
            float[] c = SpareFloats.forOverwrite(m * n);
            VectorMatMul.multiply(a, b, c, m, k, n);
            return c;
        }
        float[] c = new float[m * n];
        multiplyFloatLoops(a, b, c, m, k, n);
        return c;
    }

    static void multiplyFloatLoops(float[] af, float[] bf, float[] c, int m, int k, int n) {
        for (int j0 = 0; j0 < n; j0 += BLOCK_J) {
            int j1 = Math.min(n, j0 + BLOCK_J);
            for (int p0 = 0; p0 < k; p0 += BLOCK_K) {
                int p1 = Math.min(k, p0 + BLOCK_K);
                for (int i = 0; i < m; i++) {
                    int ci = i * n;
                    for (int p = p0; p < p1; p++) {
                        float aip = af[i * k + p];
                        int bp = p * n;
                        for (int j = j0; j < j1; j++) {
                            c[ci + j] += aip * bf[bp + j];
                        }
                    }
                }
            }
        }
    }

    /** The transpose of a row-major m×n matrix as a tensor of the same dtype. */
    static Tensor transpose(Tensor x, int m, int n) {
        Shape shape = Shape.of(n, m);
        if (x.dtype() == DType.FLOAT32) {
            return Tensor.fromFloats(shape, transpose(x.floats(), m, n));
        }
        return Tensor.fromData(shape, x.dtype(), transpose(x.data(), m, n));
    }

    /** The transpose of a row-major m×n matrix, in tiles so both sides stay in cache. */
    private static double[] transpose(double[] x, int m, int n) {
        double[] t = new double[x.length];
        for (int i0 = 0; i0 < m; i0 += TRANSPOSE_BLOCK) {
            int i1 = Math.min(m, i0 + TRANSPOSE_BLOCK);
            for (int j0 = 0; j0 < n; j0 += TRANSPOSE_BLOCK) {
                int j1 = Math.min(n, j0 + TRANSPOSE_BLOCK);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        t[j * m + i] = x[i * n + j];
                    }
                }
            }
        }
        return t;
    }

    /** The transpose of a row-major m×n float matrix, in tiles so both sides stay in cache. */
    static float[] transpose(float[] x, int m, int n) {
        float[] t = new float[x.length];
        for (int i0 = 0; i0 < m; i0 += TRANSPOSE_BLOCK) {
            int i1 = Math.min(m, i0 + TRANSPOSE_BLOCK);
            for (int j0 = 0; j0 < n; j0 += TRANSPOSE_BLOCK) {
                int j1 = Math.min(n, j0 + TRANSPOSE_BLOCK);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        t[j * m + i] = x[i * n + j];
                    }
                }
            }
        }
        return t;
    }
}
