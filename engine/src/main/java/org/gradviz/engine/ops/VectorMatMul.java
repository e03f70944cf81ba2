package org.gradviz.engine.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 matrix product with the JDK's Vector API: each 4-row × 2-vector tile of C stays in
 * registers while the k loop runs. Every element of C is summed over k in order, each product and each sum
 * rounded to float (no fused multiply-add), as the reference BLAS {@code sgemm} that torch 1.13 calls here does.
 * Only loaded when the JVM was started with {@code --add-modules jdk.incubator.vector}; {@link MatMulKernel} falls
 * back to plain loops otherwise.
 */
final class VectorMatMul {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorMatMul() {
    }

    /**
     * C (m×n) = A (m×k) · B (k×n), row-major; C is overwritten. Column strips narrower than a vector,
     * and rows left over from the 4-row tiles, use plain loops: JDK 17 does not compile partial-mask
     * vector loads into machine instructions, which made them slower than scalar code.
     */
    static void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        if (m == 0 || n == 0) {
            return; // nothing to compute (a layer with no outputs): the blocks below divide by n
        }
        if (n < L && k > 0 && k <= L && rowsPerVector(k, n) >= 2) {
            // a batch through a small layer: several rows of C in each vector, no transposes
            spreadRows(a, b, c, m, k, n);
            return;
        }
        if (n < L && k <= L) {
            // short rows but too many columns for two rows per vector: blocks of rows along the lanes
            int blocked = m - m % L;
            narrowRows(a, b, c, blocked, k, n);
            if (blocked < m) {
                float[] rest = new float[(m - blocked) * n];
                scalarColumns(java.util.Arrays.copyOfRange(a, blocked * k, m * k), b, rest, m - blocked, k, n, 0);
                System.arraycopy(rest, 0, c, blocked * n, rest.length);
            }
            return;
        }
        if (n < L && m >= 2 * L) {
            // a tall, narrow product (a batch times a few outputs): Cᵀ = Bᵀ·Aᵀ vectorises along the batch
            float[] ct = new float[n * m];
            multiply(MatMulKernel.transpose(b, k, n), MatMulKernel.transpose(a, m, k), ct, n, k, m);
            float[] back = MatMulKernel.transpose(ct, n, m);
            System.arraycopy(back, 0, c, 0, back.length);
            return;
        }
        int vectorCols = n - n % L;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 2 * L <= vectorCols; j += 2 * L) {
                tile4x2(a, b, c, i, j, k, n);
            }
            for (; j < vectorCols; j += L) {
                for (int r = i; r < i + 4; r++) {
                    row1(a, b, c, r, j, k, n);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < vectorCols; j += L) {
                row1(a, b, c, i, j, k, n);
            }
        }
        if (vectorCols < n) {
            scalarColumns(a, b, c, m, k, n, vectorCols);
        }
    }

    /**
     * Rows of C = A·B that one vector holds at once: R rows of n products each, whose R rows of A (k values each) one
     * vector load starting at the first of them reaches.
     */
    private static int rowsPerVector(int k, int n) {
        return Math.min((L - 1) / k + 1, L / n);
    }

    /**
     * C = A·B for B narrower than a vector and short rows of A: R = {@link #rowsPerVector} rows of C at a time, lane
     * r·n + j holding C[i+r][j]. For each p in order, one load from A[i][p] and a fixed shuffle put A[i+r][p] in the
     * lanes of row r; B's row p, repeated R times, is loaded from a small copy; each lane adds the product, so each
     * element of C is summed over k in order. A block writes a whole vector: the lanes past its R·n values are written
     * again by the next block, and the rows a whole load would pass the end of A or C for are done one by one.
     */
    private static void spreadRows(float[] a, float[] b, float[] c, int m, int k, int n) {
        int rows = rowsPerVector(k, n);
        int[] source = new int[L];
        for (int l = 0; l < rows * n; l++) {
            source[l] = (l / n) * k;
        }
        VectorShuffle<Float> spread = VectorShuffle.fromArray(S, source, 0);
        float[] bRows = new float[k * L];
        for (int p = 0; p < k; p++) {
            for (int l = 0; l < L; l++) {
                bRows[p * L + l] = b[p * n + l % n];
            }
        }
        int i = 0;
        // two blocks at a time: their sums are independent, so the CPU overlaps their shuffles and additions
        for (; i + 2 * rows <= m && fitsWholeVectors(i + rows, a, c, k, n); i += 2 * rows) {
            FloatVector acc = FloatVector.zero(S);
            FloatVector next = FloatVector.zero(S);
            int ai = i * k;
            int aNext = ai + rows * k;
            for (int p = 0; p < k; p++) {
                FloatVector bp = FloatVector.fromArray(S, bRows, p * L);
                acc = acc.add(FloatVector.fromArray(S, a, ai + p).rearrange(spread).mul(bp));
                next = next.add(FloatVector.fromArray(S, a, aNext + p).rearrange(spread).mul(bp));
            }
            acc.intoArray(c, i * n);
            next.intoArray(c, (i + rows) * n);
        }
        for (; i + rows <= m && fitsWholeVectors(i, a, c, k, n); i += rows) {
            FloatVector acc = FloatVector.zero(S);
            int ai = i * k;
            for (int p = 0; p < k; p++) {
                acc = acc.add(FloatVector.fromArray(S, a, ai + p).rearrange(spread)
                        .mul(FloatVector.fromArray(S, bRows, p * L)));
            }
            acc.intoArray(c, i * n);
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = sum;
            }
        }
    }

    /** Whether the whole-vector loads of a block from row i (A) and its whole-vector store (C) stay in the arrays. */
    private static boolean fitsWholeVectors(int i, float[] a, float[] c, int k, int n) {
        return i * k + k - 1 + L <= a.length && i * n + L <= c.length;
    }

    /**
     * The first {@code rows} rows of C = A·B (a multiple of the lanes), for B narrower than a vector and short rows of
     * A: for each block of rows, A's columns are copied into vectors along the rows, each column of C is summed over k
     * in order in one vector, and copied back into C's rows. Both copies stay in a few cache lines.
     */
    private static void narrowRows(float[] a, float[] b, float[] c, int rows, int k, int n) {
        float[] columns = new float[k * L];
        float[] out = new float[n * L];
        for (int i0 = 0; i0 < rows; i0 += L) {
            for (int r = 0; r < L; r++) {
                int ar = (i0 + r) * k;
                for (int p = 0; p < k; p++) {
                    columns[p * L + r] = a[ar + p];
                }
            }
            for (int j = 0; j < n; j++) {
                FloatVector acc = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    acc = acc.add(FloatVector.fromArray(S, columns, p * L).mul(b[p * n + j]));
                }
                acc.intoArray(out, j * L);
            }
            for (int r = 0; r < L; r++) {
                int cr = (i0 + r) * n;
                for (int j = 0; j < n; j++) {
                    c[cr + j] = out[j * L + r];
                }
            }
        }
    }

    /**
     * Columns {@code from..n-1} of C, each a dot product of a row of A with a column of B; the columns
     * are copied out of B first so that the dot products run over contiguous memory.
     */
    private static void scalarColumns(float[] a, float[] b, float[] c, int m, int k, int n, int from) {
        int cols = n - from;
        float[] bt = new float[cols * k];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < cols; j++) {
                bt[j * k + p] = b[p * n + from + j];
            }
        }
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            // four rows at a time: four independent sums per column share each value of B
            int a0 = i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            for (int j = 0; j < cols; j++) {
                int bj = j * k;
                float s0 = 0f;
                float s1 = 0f;
                float s2 = 0f;
                float s3 = 0f;
                for (int p = 0; p < k; p++) {
                    float bv = bt[bj + p];
                    s0 += a[a0 + p] * bv;
                    s1 += a[a1 + p] * bv;
                    s2 += a[a2 + p] * bv;
                    s3 += a[a3 + p] * bv;
                }
                int cj = i * n + from + j;
                c[cj] = s0;
                c[cj + n] = s1;
                c[cj + 2 * n] = s2;
                c[cj + 3 * n] = s3;
            }
        }
        for (; i < m; i++) {
            int ai = i * k;
            for (int j = 0; j < cols; j++) {
                int bj = j * k;
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p] * bt[bj + p];
                }
                c[i * n + from + j] = sum;
            }
        }
    }

    private static void tile4x2(float[] a, float[] b, float[] c, int i, int j, int k, int n) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        int a0 = i * k;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int p = 0; p < k; p++) {
            int bp = p * n + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = c00.add(x.mul(b0));
            c01 = c01.add(x.mul(b1));
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = c10.add(x.mul(b0));
            c11 = c11.add(x.mul(b1));
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = c20.add(x.mul(b0));
            c21 = c21.add(x.mul(b1));
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = c30.add(x.mul(b0));
            c31 = c31.add(x.mul(b1));
        }
        c00.intoArray(c, i * n + j);
        c01.intoArray(c, i * n + j + L);
        c10.intoArray(c, (i + 1) * n + j);
        c11.intoArray(c, (i + 1) * n + j + L);
        c20.intoArray(c, (i + 2) * n + j);
        c21.intoArray(c, (i + 2) * n + j + L);
        c30.intoArray(c, (i + 3) * n + j);
        c31.intoArray(c, (i + 3) * n + j + L);
    }

    private static void row1(float[] a, float[] b, float[] c, int i, int j, int k, int n) {
        FloatVector acc = FloatVector.zero(S);
        int ai = i * k;
        for (int p = 0; p < k; p++) {
            acc = acc.add(FloatVector.broadcast(S, a[ai + p]).mul(FloatVector.fromArray(S, b, p * n + j)));
        }
        acc.intoArray(c, i * n + j);
    }

    /** Whether {@link #multiplyTransposedLeft} can hold the m×n products of C in one vector. */
    static boolean fitsOneVector(int m, int n) {
        return m > 0 && n > 0 && m * n <= L;
    }

    /**
     * C (m×n) = Aᵀ·B for A (k×m) and B (k×n) row-major, with all of C in one vector (m·n ≤ lanes): lane i·n + j adds
     * A[p][i]·B[p][j] for p in order, so each element has the bits of the product of the transposed A, without the
     * transpose. Rows p whose vector loads would pass the end of A or B are added lane by lane.
     */
    static void multiplyTransposedLeft(float[] a, float[] b, float[] c, int k, int m, int n) {
        int used = m * n;
        int[] rowOfA = new int[L];
        int[] rowOfB = new int[L];
        for (int l = 0; l < used; l++) {
            rowOfA[l] = l / n;
            rowOfB[l] = l % n;
        }
        VectorShuffle<Float> spreadA = VectorShuffle.fromArray(S, rowOfA, 0);
        VectorShuffle<Float> spreadB = VectorShuffle.fromArray(S, rowOfB, 0);
        int vectorRows = Math.min(k, Math.min(a.length < L ? 0 : (a.length - L) / m + 1,
                b.length < L ? 0 : (b.length - L) / n + 1));
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0; p < vectorRows; p++) {
            FloatVector ap = FloatVector.fromArray(S, a, p * m).rearrange(spreadA);
            FloatVector bp = FloatVector.fromArray(S, b, p * n).rearrange(spreadB);
            acc = acc.add(ap.mul(bp));
        }
        float[] sums = new float[L];
        acc.intoArray(sums, 0);
        for (int p = vectorRows; p < k; p++) {
            for (int l = 0; l < used; l++) {
                sums[l] += a[p * m + rowOfA[l]] * b[p * n + rowOfB[l]];
            }
        }
        System.arraycopy(sums, 0, c, 0, used);
    }
}
