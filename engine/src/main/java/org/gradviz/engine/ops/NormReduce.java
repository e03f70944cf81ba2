package org.gradviz.engine.ops;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.GlibcPow;
import org.gradviz.engine.kernels.GlibcPowF;

/**
 * The values of a vector p-norm ({@code linalg.vector_norm}, {@code norm}, {@code dist}) as torch 1.13's CPU
 * {@code norm_kernel_tensor_iterator_impl} computes them, one thread, in the tensor's dtype, for any view: each result
 * reduces its elements in the order torch's iterator walks them ({@link ReductionOrder}: memory order).
 * <ul>
 *   <li>p = 2 of float32 whose reduction is one unit-stride run: the vectorised last-dimension path, eight lanes each
 *       summing x·x over every eighth element, the lanes added in order, then the elements left over one by one
 *       (fused only for their last {@code % 4}, {@link #addSquare}), then the square root;</li>
 *   <li>otherwise the ops of {@code binary_kernel_reduce}, element by element in the dtype: p = 0 counts the
 *       non-zeros, 1 sums |x|, 2 sums x·x (one fused multiply-add on AVX2, {@link CpuCapability#mulAdd}) then takes
 *       the square root, inf and -inf keep the max and min |x| (NaN wins), any other p sums pow(|x|, p) and takes
 *       pow(acc, 1/p) ({@code powf} for float32, as {@code std::pow} of two floats).</li>
 * </ul>
 * p is first rounded to float, as the kernel takes it, whatever the dtype; 1/p is then computed in the dtype. An empty
 * input gives 0 everywhere (inf for a negative p).
 */
final class NormReduce {
    private static final int LANES = 8;

    private NormReduce() {
    }

    /** The norms of {@code a} over the {@code reduced} dimensions, in row-major order of the result. */
    static double[] norm(Tensor a, double p, boolean[] reduced) {
        return norm(a.data(), a.shape().dims(), a.strides(), reduced, p, a.dtype());
    }

    /**
     * The norms of row-major {@code values} of a view of {@code sizes} whose storage strides are {@code strides}
     * (they decide the order), over the {@code reduced} dimensions.
     */
    static double[] norm(double[] values, int[] sizes, int[] strides, boolean[] reduced, double requested, DType dt) {
        // NOTE: the kernel takes p as a float, whatever the dtype (2.0000001 is the 2-norm)
        double p = (float) requested;
        int rank = sizes.length;
        int[] rowMajor = new int[rank];
        int outCount = 1;
        int runLength = 1;
        for (int d = rank - 1, step = 1; d >= 0; d--) {
            rowMajor[d] = step;
            step *= sizes[d];
            outCount *= reduced[d] ? 1 : sizes[d];
            runLength *= reduced[d] ? sizes[d] : 1;
        }
        double[] out = new double[outCount];
        if (values.length == 0) {
            return out;
        }
        ReductionOrder order = ReductionOrder.of(sizes, strides, reduced);
        int[] run = offsets(order.walk(), sizes, rowMajor, runLength);
        boolean vectorised = p == 2 && dt == DType.FLOAT32 && order.reducesOneRun();
        int[] kept = new int[rank];
        double[] elements = new double[runLength];
        for (int o = 0; o < outCount; o++) {
            int base = 0;
            for (int d = 0; d < rank; d++) {
                base += kept[d] * rowMajor[d];
            }
            for (int k = 0; k < runLength; k++) {
                elements[k] = values[base + run[k]];
            }
            out[o] = vectorised ? vectorisedTwo(elements) : sequential(elements, p, dt);
            for (int d = rank - 1; d >= 0; d--) {
                if (!reduced[d] && ++kept[d] < sizes[d]) {
                    break;
                }
                kept[d] = 0;
            }
        }
        return out;
    }

    /** The row-major positions, relative to a result's first element, of its elements in {@code walk} order. */
    private static int[] offsets(int[] walk, int[] sizes, int[] rowMajor, int runLength) {
        int[] run = new int[runLength];
        int[] index = new int[sizes.length];
        int at = 0;
        for (int k = 0; k < runLength; k++) {
            run[k] = at;
            for (int d : walk) {
                if (++index[d] < sizes[d]) {
                    at += rowMajor[d];
                    break;
                }
                at -= (index[d] - 1) * rowMajor[d];
                index[d] = 0;
            }
        }
        return run;
    }

    /** binary_kernel_reduce with the p-norm's ops, in the dtype. */
    private static double sequential(double[] x, double p, DType dt) {
        boolean single = dt == DType.FLOAT32;
        if (p == 2) {
            double acc = 0;
            for (double v : x) {
                acc = LogSoftmax.mulAdd(v, v, acc, dt);
            }
            return dt.round(Math.sqrt(acc));
        }
        if (Double.isInfinite(p)) {
            // NOTE: max_propagate_nan / min_propagate_nan: a NaN accumulator stays, a NaN element takes over
            double acc = p > 0 ? 0 : Double.POSITIVE_INFINITY;
            for (double v : x) {
                double a = Math.abs(v);
                acc = Double.isNaN(acc) || (p > 0 ? acc > a : acc < a) ? acc : a;
            }
            return acc;
        }
        double acc = 0;
        if (p == 0 || p == 1) {
            for (double v : x) {
                acc = dt.round(acc + (p == 0 ? (v == 0 ? 0 : 1) : Math.abs(v)));
            }
            return acc;
        }
        if (single) {
            float pf = (float) p;
            float sum = 0;
            for (double v : x) {
                sum += GlibcPowF.powf((float) Math.abs(v), pf);
            }
            return GlibcPowF.powf(sum, 1.0f / pf);
        }
        for (double v : x) {
            acc += GlibcPow.pow(Math.abs(v), p);
        }
        return GlibcPow.pow(acc, 1.0 / p);
    }

    /** The vectorised last-dimension kernel of p = 2 on float32 values. */
    private static double vectorisedTwo(double[] x) {
        int size = x.length;
        float[] acc = new float[LANES];
        int d = 0;
        for (; d < size - size % LANES; d += LANES) {
            for (int k = 0; k < LANES; k++) {
                float v = (float) x[d + k];
                acc[k] = CpuCapability.mulAdd(v, v, acc[k]);
            }
        }
        float sum = acc[0];
        for (int k = 1; k < LANES; k++) {
            sum += acc[k];
        }
        for (int k = 0, rest = size - d; k < rest; k++, d++) {
            float v = (float) x[d];
            sum = addSquare(sum, v, k, rest);
        }
        return (float) Math.sqrt(sum);
    }

    /**
     * acc + v·v as term {@code k} of {@code n} of a scalar float loop {@code acc += v * v} in torch's build.
     * NOTE: GCC vectorises such a loop by fours, the squares in a vector and added in order (so not fused), and only
     * the last {@code n % 4} terms are fused multiply-adds on AVX2 (measured on norm's leftovers and on cdist: a sum of
     * 4 squares has no fused term, of 3 only fused ones); the default build fuses none.
     */
    static float addSquare(float acc, float v, int k, int n) {
        return k < n - n % 4 ? acc + v * v : CpuCapability.mulAdd(v, v, acc);
    }
}
