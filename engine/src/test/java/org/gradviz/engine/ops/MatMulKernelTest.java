package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.gradviz.engine.DType;
import org.gradviz.engine.Torch;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.testing.KernelPath;
import org.junit.jupiter.api.Test;

/**
 * The matrix kernels against torch 1.13's products (reference BLAS: k in order, no fused multiply-add) and against a
 * plain triple loop, for odd sizes that exercise every tile remainder.
 */
class MatMulKernelTest {
    private static final int[][] SIZES = {{1, 5, 3}, {7, 3, 37}, {4, 64, 33}, {9, 17, 10}, {33, 129, 70}, {1024, 5, 3}, {45, 7, 1}};

    private static double[] random(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** C[i][j] = Σ_k A[i][k]·B[k][j], summed in k order in double. */
    private static double[] reference(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Test
    void testsRunOnTheKernelPathOfTheirExecution() {
        assertEquals(KernelPath.vectorApiExpected(), MatMulKernel.VECTORIZED, KernelPath.describe());
    }

    /**
     * A layer with no outputs (nn.Linear(5, 0), found by RunFuzzProperties) or no inputs: empty products, and for k = 0
     * zeros, as torch gives them; the vector kernels divided by the zero width.
     */
    @Test
    void emptyProductsHaveTheirShapeAndZeroWidthSumsAreZero() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = Tensor.fromData(Shape.of(64, 5), dtype, new double[64 * 5]);
            Tensor none = Tensor.fromData(Shape.of(5, 0), dtype, new double[0]);
            Tensor empty = LinearAlgebra.mm(x, none);
            assertEquals(Shape.of(64, 0), empty.shape());
            Tensor wide = Tensor.fromData(Shape.of(3, 0), dtype, new double[0]);
            Tensor zeros = LinearAlgebra.mm(wide, Tensor.fromData(Shape.of(0, 4), dtype, new double[0]));
            assertEquals(Shape.of(3, 4), zeros.shape());
            assertArrayEquals(new double[12], zeros.data());
            // the weight gradient's Aᵀ·B with an empty side
            assertEquals(Shape.of(5, 0), MatMulKernel.multiplyTransposedLeft(x, empty, 64, 5, 0).shape());
        }
    }

    @Test
    void float64ProductEqualsTheSequentialLoopBitForBit() {
        Random r = new Random(1);
        for (int[] s : SIZES) {
            double[] a = random(r, s[0] * s[1]);
            double[] b = random(r, s[1] * s[2]);
            assertArrayEquals(reference(a, b, s[0], s[1], s[2]),
                    product(a, b, s, DType.FLOAT64).data());
        }
    }

    @Test
    void float32ProductsAgreeWithTheExactSumWithinFloatRounding() {
        Random r = new Random(2);
        for (int[] s : SIZES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            double[] a = random(r, m * k);
            double[] b = random(r, k * n);
            double[] exact = reference(a, b, m, k, n);
            double[] vector = product(a, b, s, DType.FLOAT32).data();
            float[] loops = new float[m * n];
            MatMulKernel.multiplyFloatLoops(toFloat(a), toFloat(b), loops, m, k, n);
            for (int i = 0; i < exact.length; i++) {
                double tol = 1e-6 * k; // k roundings of float sums of terms below 1
                assertEquals(exact[i], vector[i], tol, "vector kernel " + m + "x" + k + "x" + n + " at " + i);
                assertEquals(exact[i], loops[i], tol, "loop kernel " + m + "x" + k + "x" + n + " at " + i);
                assertEquals((double) (float) vector[i], vector[i], 0.0, "float32 results are floats");
            }
        }
    }

    /**
     * {@code fixtures/matmul/matmul.txt} from {@code make_matmul.py}: A·B and Aᵀ·B by torch in float32 and float64, for
     * operands drawn from the generator after {@code manual_seed(7)} in the same order here. The engine's product (with
     * the Vector API in surefire's default execution, the plain loops in both) must give every bit.
     */
    @Test
    void productsAreTorchsBitForBit() throws IOException {
        Torch.manualSeed(7);
        int cases = 0;
        try (var in = MatMulKernelTest.class.getResourceAsStream("/fixtures/matmul/matmul.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String header = reader.readLine(); header != null; header = reader.readLine()) {
                String[] h = header.split(" ");
                DType dtype = h[0].equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
                int m = Integer.parseInt(h[1]);
                int k = Integer.parseInt(h[2]);
                int n = Integer.parseInt(h[3]);
                boolean transposed = h[4].equals("1");
                Tensor a = Torch.randn(transposed ? k : m, transposed ? m : k);
                Tensor b = Torch.randn(k, n);
                if (dtype == DType.FLOAT64) {
                    a = Conversion.to(a, DType.FLOAT64);
                    b = Conversion.to(b, DType.FLOAT64);
                }
                Tensor product = transposed ? a.t().mm(b) : a.mm(b);
                String[] expected = reader.readLine().split(" ");
                double[] actual = product.data();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Double.parseDouble(expected[i]), actual[i], 0.0, header + " at " + i);
                }
                if (dtype == DType.FLOAT32) {
                    float[] loops = new float[m * n];
                    Tensor left = transposed ? a.t() : a;
                    MatMulKernel.multiplyFloatLoops(left.floats(), b.floats(), loops, m, k, n);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals((float) Double.parseDouble(expected[i]), loops[i], 0f, "loops " + header + " at " + i);
                    }
                }
                cases++;
            }
        }
        assertEquals(40, cases);
    }

    /**
     * A batch through a small layer (short rows of A, B narrower than a vector: several rows of C per vector, or blocks
     * of rows along the lanes) has the bits of the plain loops, which {@link #productsAreTorchsBitForBit} checks against
     * torch: shapes with every remainder of rows and the widest k and n of each kernel.
     */
    @Test
    void narrowProductsHaveTheBitsOfThePlainLoops() {
        int[][] mkn = {{1024, 5, 3}, {1027, 5, 3}, {5, 5, 3}, {3, 1, 1}, {100, 16, 1}, {100, 1, 15}, {50, 8, 2},
            {61, 3, 5}, {17, 15, 9}, {2, 2, 2}, {40, 16, 15}, {333, 7, 8}, {64, 4, 4}, {20, 0, 3}};
        Random r = new Random(4);
        for (int[] s : mkn) {
            double[] a = random(r, s[0] * s[1]);
            double[] b = random(r, s[1] * s[2]);
            float[] loops = new float[s[0] * s[2]];
            MatMulKernel.multiplyFloatLoops(toFloat(a), toFloat(b), loops, s[0], s[1], s[2]);
            float[] actual = product(a, b, s, DType.FLOAT32).floats();
            for (int i = 0; i < loops.length; i++) {
                assertEquals(Float.floatToIntBits(loops[i]), Float.floatToIntBits(actual[i]),
                        s[0] + "x" + s[1] + "x" + s[2] + " at " + i);
            }
        }
    }

    /**
     * Aᵀ·B (a layer's weight gradient) without the transpose has the bits of the product of the transposed A, which
     * {@link #productsAreTorchsBitForBit} checks against torch: C in one vector (with rows too near the end for a vector
     * load, and fewer rows than one load), and C too large for one vector.
     */
    @Test
    void productOfATransposeHasTheBitsOfTheProductOfTheTransposedMatrix() {
        int[][] kmn = {{1024, 5, 3}, {1027, 5, 3}, {7, 5, 3}, {3, 5, 3}, {1, 1, 1}, {100, 4, 4}, {33, 16, 1}, {50, 2, 7},
            {64, 1, 16}, {40, 9, 10}, {0, 3, 2}};
        Random r = new Random(3);
        for (int[] s : kmn) {
            int k = s[0];
            int m = s[1];
            int n = s[2];
            Tensor a = Tensor.fromData(Shape.of(k, m), DType.FLOAT32, random(r, k * m));
            Tensor b = Tensor.fromData(Shape.of(k, n), DType.FLOAT32, random(r, k * n));
            float[] expected = MatMulKernel.multiply(MatMulKernel.transpose(a, k, m), b, m, k, n, Shape.of(m, n))
                    .floats();
            float[] actual = MatMulKernel.multiplyTransposedLeft(a, b, k, m, n).floats();
            assertEquals(m * n, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                        k + "x" + m + "ᵀ·" + k + "x" + n + " at " + i);
            }
        }
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        double[] x = new double[70 * 33];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        double[] t = MatMulKernel.transpose(Tensor.fromData(Shape.of(70, 33), DType.FLOAT64, x), 70, 33).data();
        float[] f = MatMulKernel.transpose(toFloat(x), 70, 33);
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 33; j++) {
                assertEquals(x[i * 33 + j], t[j * 70 + i]);
                assertEquals(x[i * 33 + j], f[j * 70 + i]);
            }
        }
    }

    private static Tensor product(double[] a, double[] b, int[] s, DType dtype) {
        return MatMulKernel.multiply(Tensor.fromData(Shape.of(s[0], s[1]), dtype, a.clone()),
                Tensor.fromData(Shape.of(s[1], s[2]), dtype, b.clone()), s[0], s[1], s[2], Shape.of(s[0], s[2]));
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
