package org.gradviz.engine.ops;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * Floating-point sums in the order of PyTorch 1.13's CPU kernel ({@code cascade_sum} in
 * {@code aten/src/ATen/native/cpu/SumKernel.cpp}, one thread), so that every reduction (sum, mean, the
 * losses, gradients summed back to a broadcast input's shape) gives torch's bits. Additions are done in
 * the tensor's dtype: float32 values are added as floats ({@code (float) (a + b)} is the float sum).
 *
 * <p>The order, for a contiguous input:
 * <ul>
 * <li>Like torch's TensorIterator, the reduced dimensions are put first (innermost), size-1 dimensions
 * are dropped and neighbours that are contiguous in both input and output are merged, so a full sum is
 * one 1-D sum and a sum over dim 0 of an m×n matrix is n columns summed over m rows.</li>
 * <li>A reduced dimension that is contiguous and at least one vector long is summed as vectors of
 * {@link #lanes} values (AVX2's {@code Vectorized<float>} holds 8 floats, {@code Vectorized<double>} 4;
 * torch's default build has the same 32-byte width, so its results agree): the vectors go through a
 * {@link #rowSum row sum}, then the leftover elements are added to 0 one by one, then the vector's lanes
 * in order.</li>
 * <li>When the reduced dimension is strided but the kept one is contiguous and at least one vector wide,
 * 4 vectors of columns at a time are summed down the rows by {@link #multiRowSum}, then single vectors
 * by a row sum, then the remaining columns one at a time.</li>
 * <li>A row sum splits its elements into 4 interleaved accumulators (element i goes to i mod 4),
 * combined at the end; each accumulator is a cascade of 4 levels: 16 elements (or 2^(⌈log2 n⌉/4)
 * when larger) go into level 0, which is then added into level 1, and so on each time the count is a
 * multiple of 16, 256, 4096, ...</li>
 * </ul>
 * NOTE: torch chooses the order from the memory layout. The engine's tensors are always contiguous, so a
 * reduction of what is a transposed or expanded view in torch can round differently.
 */
final class TorchSum {
    /** Values in one AVX2 vector register (256 bits) of this dtype. */
    static int lanes(DType dtype) {
        return dtype == DType.FLOAT32 ? 8 : 4;
    }

    private static final int ILP = 4;
    /** Whether {@link VectorRowSums} adds contiguous runs (the JVM has the Vector API). */
    private static final boolean VECTORIZED = org.gradviz.engine.VectorApi.PRESENT;
    /** Fewest accumulators worth a vector loop. */
    private static final int MIN_VECTOR_WIDTH = 4;
    private static final int LEVELS = 4;
    private static final int MIN_LEVEL_POWER = 4;

    private TorchSum() {
    }

    /** The values summed: a tensor's float32 or double storage, read without copying. */
    private record Values(double[] doubles, float[] floats) {
        static Values of(Tensor t) {
            return t.dtype() == DType.FLOAT32 ? new Values(null, t.floats()) : new Values(t.data(), null);
        }

        double at(int i) {
            return floats != null ? floats[i] : doubles[i];
        }

        int length() {
            return floats != null ? floats.length : doubles.length;
        }
    }

    /** All elements of {@code t} summed, as {@code torch.sum} of a contiguous tensor. */
    static double all(Tensor t) {
        return over(Values.of(t), Shape.of(t.numel()), new boolean[] {true}, t.dtype())[0];
    }

    /** All of {@code values} (float32) summed, as {@code torch.sum} of a contiguous float tensor of them. */
    static float allFloats(float[] values) {
        return (float) over(new Values(null, values), Shape.of(values.length), new boolean[] {true}, DType.FLOAT32)[0];
    }

    /**
     * {@code t} (contiguous) summed over the dimensions flagged in {@code reduced}, in its dtype; the result is
     * contiguous in the shape with those dimensions set to 1 ({@code keepdim=True}).
     */
    static double[] over(Tensor t, boolean[] reduced) {
        return over(Values.of(t), t.shape(), reduced, t.dtype());
    }

    /**
     * As {@link #over(Tensor, boolean[])} for an expanded view of {@code source} over {@code shape} (source's size-1
     * dimensions repeated, with stride 0), summed in the order torch's iterator takes over those strides.
     */
    static double[] overExpanded(Tensor source, Shape shape, boolean[] reduced) {
        int[] strides = source.shape().strides().clone();
        for (int d = 0; d < strides.length; d++) {
            if (source.shape().dim(d) == 1 && shape.dim(d) != 1) {
                strides[d] = 0;
            }
        }
        return over(Values.of(source), shape, strides, reduced, source.dtype());
    }

    private static double[] over(Values x, Shape shape, boolean[] reduced, DType dtype) {
        return over(x, shape, shape.strides(), reduced, dtype);
    }

    private static double[] over(Values x, Shape shape, int[] inStrides, boolean[] reduced, DType dtype) {
        boolean f32 = dtype == DType.FLOAT32;
        int rank = shape.rank();
        int[] outStrides = keptStrides(shape, reduced);
        int outNumel = 1;
        for (int d = 0; d < rank; d++) {
            outNumel *= reduced[d] ? 1 : shape.dim(d);
        }
        double[] out = new double[outNumel];
        if (x.length() == 0) {
            return out;
        }
        // the iterator's dimensions, innermost first: reduced ones, then kept ones, each by stride
        int[] size = new int[Math.max(2, rank)];
        int[] in = new int[size.length];
        int[] os = new int[size.length];
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int d = rank - 1; d >= 0; d--) {
                if (shape.dim(d) != 1 && reduced[d] == (pass == 0)) {
                    size[n] = shape.dim(d);
                    in[n] = inStrides[d];
                    os[n] = outStrides[d];
                    n++;
                }
            }
        }
        n = coalesce(size, in, os, n);
        if (n < 2) {
            // a 1-D (or single-element) iteration: the second dimension has size 1 and stride 0
            size[1] = 1;
            in[1] = 0;
            os[1] = 0;
            if (n == 0) {
                size[0] = 1;
                in[0] = 0;
                os[0] = 0;
            }
            n = 2;
        }
        // the first two dimensions in one kernel call, the others outside it, the third fastest
        int[] counter = new int[n];
        int inBase = 0;
        int outBase = 0;
        while (true) {
            loop2d(x, inBase, out, outBase, size[0], size[1], in[0], in[1], os[0], os[1], f32);
            int d = 2;
            for (; d < n; d++) {
                counter[d]++;
                inBase += in[d];
                outBase += os[d];
                if (counter[d] < size[d]) {
                    break;
                }
                inBase -= in[d] * counter[d];
                outBase -= os[d] * counter[d];
                counter[d] = 0;
            }
            if (d == n) {
                return out;
            }
        }
    }

    /** Strides of the output (keepdim shape, contiguous), 0 along reduced dimensions. */
    private static int[] keptStrides(Shape shape, boolean[] reduced) {
        int[] strides = new int[shape.rank()];
        int stride = 1;
        for (int d = shape.rank() - 1; d >= 0; d--) {
            strides[d] = reduced[d] ? 0 : stride;
            stride *= reduced[d] ? 1 : shape.dim(d);
        }
        return strides;
    }

    /** Merges neighbouring dimensions that step through input and output as one; returns the new count. */
    private static int coalesce(int[] size, int[] in, int[] os, int n) {
        if (n == 0) {
            return 0;
        }
        int m = 0;
        for (int d = 1; d < n; d++) {
            if (in[m] * size[m] == in[d] && os[m] * size[m] == os[d]) {
                size[m] *= size[d];
            } else {
                m++;
                size[m] = size[d];
                in[m] = in[d];
                os[m] = os[d];
            }
        }
        return m + 1;
    }

    /** One call of torch's 2-D reduction loop: size0 × size1 elements; results are added into {@code out}. */
    private static void loop2d(Values x, int inBase, double[] out, int outBase, int size0, int size1,
            int in0, int in1, int out0, int out1, boolean f32) {
        if (out0 != 0 && out1 == 0) {
            // move the reduction to the first dimension
            int t = size0;
            size0 = size1;
            size1 = t;
            t = in0;
            in0 = in1;
            in1 = t;
            t = out0;
            out0 = out1;
            out1 = t;
        }
        if (out0 != 0) {
            // nothing reduced here: out = out + in element by element
            for (int j = 0; j < size1; j++) {
                for (int i = 0; i < size0; i++) {
                    int o = outBase + j * out1 + i * out0;
                    out[o] = add(out[o], x.at(inBase + j * in1 + i * in0), f32);
                }
            }
            return;
        }
        int w = f32 ? 8 : 4;
        if (in0 == 1 && size0 >= w) {
            innerVectorised(x, inBase, out, outBase, size0, size1, in1, out1, w, f32);
        } else if (in1 == 1 && size1 >= w) {
            outerVectorised(x, inBase, out, outBase, size0, size1, in0, out1, w, f32);
        } else if (in0 < in1) {
            for (int j = 0; j < size1; j++) {
                double s = rowSum(x, inBase + j * in1, in0, 1, size0, f32)[0];
                store(out, outBase + j * out1, s, f32);
            }
        } else {
            int j = 0;
            for (; j + ILP - 1 < size1; j += ILP) {
                double[] sums = multiRowSum(x, inBase + j * in1, in0, in1, 1, ILP, size0, f32);
                for (int k = 0; k < ILP; k++) {
                    store(out, outBase + (j + k) * out1, sums[k], f32);
                }
            }
            if (j < size1 && in1 == 1 && in0 == size1) {
                // the last columns of contiguous rows: their row sums side by side in one pass (the same additions)
                int columns = size1 - j;
                double[] sums = rowSum(x, inBase + j, in0, columns, size0, f32);
                for (int c = 0; c < columns; c++) {
                    store(out, outBase + (j + c) * out1, sums[c], f32);
                }
                return;
            }
            for (; j < size1; j++) {
                store(out, outBase + j * out1, rowSum(x, inBase + j * in1, in0, 1, size0, f32)[0], f32);
            }
        }
    }

    /** Contiguous reduced rows: vectors through a row sum, then 0 + the leftovers + each lane in turn. */
    private static void innerVectorised(Values x, int inBase, double[] out, int outBase, int size0, int size1,
            int rowStride, int outStride, int w, boolean f32) {
        int vectors = size0 / w;
        for (int j = 0; j < size1; j++) {
            int row = inBase + j * rowStride;
            double[] lanes = rowSum(x, row, w, w, vectors, f32);
            double s = 0;
            for (int k = vectors * w; k < size0; k++) {
                s = add(s, x.at(row + k), f32);
            }
            for (int l = 0; l < w; l++) {
                s = add(s, lanes[l], f32);
            }
            store(out, outBase + j * outStride, s, f32);
        }
    }

    /** Contiguous kept columns summed down strided rows: 4 vectors of columns, then 1, then single columns. */
    private static void outerVectorised(Values x, int inBase, double[] out, int outBase, int size0, int size1,
            int rowStride, int outStride, int w, boolean f32) {
        int j = 0;
        for (; j + ILP * w <= size1; j += ILP * w) {
            double[] sums = multiRowSum(x, inBase + j, rowStride, w, w, ILP, size0, f32);
            for (int c = 0; c < ILP * w; c++) {
                store(out, outBase + (j + c) * outStride, sums[c], f32);
            }
        }
        for (; j + w <= size1; j += w) {
            double[] sums = rowSum(x, inBase + j, rowStride, w, size0, f32);
            for (int c = 0; c < w; c++) {
                store(out, outBase + (j + c) * outStride, sums[c], f32);
            }
        }
        for (; j < size1; j++) {
            store(out, outBase + j * outStride, rowSum(x, inBase + j, rowStride, 1, size0, f32)[0], f32);
        }
    }

    /**
     * torch's {@code row_sum}: {@code size} elements (each {@code lanes} contiguous values, {@code stride}
     * apart) summed by 4 interleaved cascades; the leftovers after the last full group of 4 go into the
     * first, then the others are added to it in order. Returns the {@code lanes} sums.
     */
    private static double[] rowSum(Values x, int base, int stride, int lanes, int size, boolean f32) {
        int groups = size / ILP;
        double[] partial = multiRowSum(x, base, stride * ILP, stride, lanes, ILP, groups, f32);
        for (int i = groups * ILP; i < size; i++) {
            int e = base + i * stride;
            for (int l = 0; l < lanes; l++) {
                partial[l] = add(partial[l], x.at(e + l), f32);
            }
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < lanes; l++) {
                partial[l] = add(partial[l], partial[k * lanes + l], f32);
            }
        }
        return partial;
    }

    /**
     * torch's {@code multi_row_sum}: {@code rows} sums at once (row k's element i is the {@code lanes}
     * values at {@code base + i·rowStride + k·colStride}), each a 4-level cascade. Level 0 takes
     * {@code step} elements, then level j-1 is added into level j and cleared, going up while the count
     * is a multiple of step^j; at the end the levels are added into level 0. Returns rows × lanes sums
     * (followed by scratch).
     */
    static double[] multiRowSum(Values x, int base, int rowStride, int colStride, int lanes, int rows, int size,
            boolean f32) {
        if (x.floats() != null) {
            return multiRowSumFloat(x.floats(), base, rowStride, colStride, lanes, rows, size);
        }
        int width = rows * lanes;
        int levelPower = Math.max(MIN_LEVEL_POWER, ceilLog2(size) / LEVELS);
        int step = 1 << levelPower;
        int levelMask = step - 1;
        double[] acc = new double[LEVELS * width];
        int i = 0;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, i++) {
                for (int k = 0, c = 0, e = base + i * rowStride; k < rows; k++, e += colStride) {
                    for (int l = 0; l < lanes; l++, c++) {
                        acc[c] += x.at(e + l);
                    }
                }
            }
            for (int level = 1; level < LEVELS; level++) {
                int to = level * width;
                int from = to - width;
                for (int c = 0; c < width; c++) {
                    acc[to + c] += acc[from + c];
                    acc[from + c] = 0;
                }
                if ((i & (levelMask << (level * levelPower))) != 0) {
                    break;
                }
            }
        }
        for (; i < size; i++) {
            for (int k = 0, c = 0, e = base + i * rowStride; k < rows; k++, e += colStride) {
                for (int l = 0; l < lanes; l++, c++) {
                    acc[c] += x.at(e + l);
                }
            }
        }
        for (int level = 1; level < LEVELS; level++) {
            for (int c = 0; c < width; c++) {
                acc[c] += acc[level * width + c];
            }
        }
        return acc;
    }

    /** {@link #multiRowSum} of float32 storage with float accumulators: every addition is a float addition. */
    private static double[] multiRowSumFloat(float[] x, int base, int rowStride, int colStride, int lanes, int rows,
            int size) {
        int width = rows * lanes;
        int levelPower = Math.max(MIN_LEVEL_POWER, ceilLog2(size) / LEVELS);
        int step = 1 << levelPower;
        int levelMask = step - 1;
        float[] acc = new float[LEVELS * width];
        int i = 0;
        if (VECTORIZED && colStride == lanes && width >= MIN_VECTOR_WIDTH) {
            // the rows' elements are one contiguous run: the first blocks as vectors, the rest below
            i = VectorRowSums.cascade(x, base, rowStride, width, size, levelPower, acc);
        }
        while (i + step <= size) {
            addRows(x, base, rowStride, colStride, lanes, rows, acc, i, i + step);
            i += step;
            for (int level = 1; level < LEVELS; level++) {
                int to = level * width;
                int from = to - width;
                for (int c = 0; c < width; c++) {
                    acc[to + c] += acc[from + c];
                    acc[from + c] = 0;
                }
                if ((i & (levelMask << (level * levelPower))) != 0) {
                    break;
                }
            }
        }
        addRows(x, base, rowStride, colStride, lanes, rows, acc, i, size);
        double[] sums = new double[width];
        for (int c = 0; c < width; c++) {
            float s = acc[c];
            for (int level = 1; level < LEVELS; level++) {
                s += acc[level * width + c];
            }
            sums[c] = s;
        }
        return sums;
    }

    /**
     * Elements {@code from..to-1} of each of the rows into level 0: acc[k·lanes + l] += x[base + i·rowStride +
     * k·colStride + l], element i after element i-1 in every accumulator.
     */
    private static void addRows(float[] x, int base, int rowStride, int colStride, int lanes, int rows, float[] acc,
            int from, int to) {
        int width = rows * lanes;
        if (colStride == lanes) {
            // the rows' elements are one contiguous run (a vectorised row sum): one loop the JIT vectorises
            for (int i = from, e = base + from * rowStride; i < to; i++, e += rowStride) {
                for (int c = 0; c < width; c++) {
                    acc[c] += x[e + c];
                }
            }
        } else if (lanes == 1 && rows == ILP) {
            // one value from each of 4 rows (torch's 4 interleaved accumulators of a strided sum): 4 locals
            float s0 = acc[0];
            float s1 = acc[1];
            float s2 = acc[2];
            float s3 = acc[3];
            for (int i = from, e = base + from * rowStride; i < to; i++, e += rowStride) {
                s0 += x[e];
                s1 += x[e + colStride];
                s2 += x[e + 2 * colStride];
                s3 += x[e + 3 * colStride];
            }
            acc[0] = s0;
            acc[1] = s1;
            acc[2] = s2;
            acc[3] = s3;
        } else if (lanes == 1) {
            // one value per row, each row a running sum in a local
            for (int k = 0; k < rows; k++) {
                float sum = acc[k];
                for (int i = from, e = base + from * rowStride + k * colStride; i < to; i++, e += rowStride) {
                    sum += x[e];
                }
                acc[k] = sum;
            }
        } else {
            for (int i = from; i < to; i++) {
                for (int k = 0, c = 0, e = base + i * rowStride; k < rows; k++, e += colStride) {
                    for (int l = 0; l < lanes; l++, c++) {
                        acc[c] += x[e + l];
                    }
                }
            }
        }
    }

    /** ⌈log2 x⌉, 1 for x ≤ 2 (torch's {@code utils::CeilLog2}). */
    static int ceilLog2(int x) {
        return x <= 2 ? 1 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    /** torch's store policy: the output (filled with 0 first) += the sum. */
    private static void store(double[] out, int index, double value, boolean f32) {
        out[index] = add(out[index], value, f32);
    }

    /** a + b in float or double; the float sum of two floats is the double sum rounded to float. */
    private static double add(double a, double b, boolean f32) {
        return f32 ? (float) (a + b) : a + b;
    }
}
