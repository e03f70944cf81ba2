package org.gradviz.engine.ops;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.GlibcPow;

/**
 * The p-norm of a whole (contiguous) tensor as torch 1.13's CPU {@code norm_kernel_tensor_iterator_impl} computes it,
 * p taken as a float as that kernel takes it. p = 2 on float32 runs the vectorised last-dimension path: eight lanes
 * (a fused multiply-add each on AVX2), the lanes folded left to right, then the remaining elements, of which GCC's
 * in-order vectorisation squares the first four apart (two roundings) when there are at least four and the rest fused;
 * float64 accumulates sequentially (fused on AVX2). p = 1 sums |x|, inf and -inf take the max and min |x| (NaN
 * wins), 0 counts the non-zeros, other p sum |x|^p and take the (1/p)-th power, all sequentially in the dtype.
 */
final class VectorNorm {
    private static final int LANES = 8;
    private static final int TAIL_CHUNK = 4;

    private VectorNorm() {
    }

    /** ‖x‖ₚ rounded to x's dtype; 0 for an empty tensor. */
    static double of(Tensor x, double p) {
        if (x.numel() == 0) {
            return 0;
        }
        boolean single = x.dtype() == DType.FLOAT32;
        float pf = (float) p;
        if (pf == 2) {
            return single ? twoFloat(x.floats(), 0, x.numel()) : twoDouble(x.data(), 0, x.numel(), 1);
        }
        double[] v = x.data();
        double acc = pf == Float.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : 0;
        for (double e : v) {
            double a = Math.abs(e);
            if (pf == 0) {
                acc += e != 0 ? 1 : 0;
            } else if (pf == 1) {
                acc = round(acc + a, single);
            } else if (pf == Float.POSITIVE_INFINITY) {
                acc = Double.isNaN(acc) || a < acc ? acc : a;
            } else if (pf == Float.NEGATIVE_INFINITY) {
                acc = Double.isNaN(acc) || a > acc ? acc : a;
            } else {
                acc = round(acc + round(GlibcPow.pow(a, pf), single), single);
            }
        }
        if (pf == 0 || pf == 1 || Float.isInfinite(pf)) {
            return round(acc, single);
        }
        double inverse = single ? 1.0f / pf : 1.0 / pf;
        return round(GlibcPow.pow(acc, inverse), single);
    }

    private static double round(double v, boolean single) {
        return single ? (float) v : v;
    }

    /** The vectorised last-dimension kernel on the {@code n} contiguous float32 values from {@code from}. */
    static double twoFloat(float[] all, int from, int n) {
        float[] x = from == 0 && n == all.length ? all : java.util.Arrays.copyOfRange(all, from, from + n);
        float[] lanes = new float[LANES];
        int d = 0;
        for (; d < n - n % LANES; d += LANES) {
            for (int j = 0; j < LANES; j++) {
                lanes[j] = CpuCapability.mulAdd(x[d + j], x[d + j], lanes[j]);
            }
        }
        float acc = lanes[0];
        for (int j = 1; j < LANES; j++) {
            acc = acc + lanes[j];
        }
        if (CpuCapability.SCALAR || n - d >= TAIL_CHUNK) {
            int end = CpuCapability.SCALAR ? n : d + TAIL_CHUNK;
            for (; d < end; d++) {
                float square = x[d] * x[d];
                acc = acc + square;
            }
        }
        for (; d < n; d++) {
            acc = Math.fma(x[d], x[d], acc);
        }
        return (float) Math.sqrt(acc);
    }

    /** NormTwoOps in float64: {@code n} values from {@code from}, {@code stride} apart, squared and added in order. */
    static double twoDouble(double[] x, int from, int n, int stride) {
        double acc = 0;
        for (int i = 0, at = from; i < n; i++, at += stride) {
            acc = CpuCapability.mulAdd(x[at], x[at], acc);
        }
        return Math.sqrt(acc);
    }

    /** NormTwoOps in float32 (torch's reduction of a dimension that is not the innermost): in order, in float32. */
    static double twoFloatStrided(float[] x, int from, int n, int stride) {
        float acc = 0;
        for (int i = 0, at = from; i < n; i++, at += stride) {
            acc = CpuCapability.mulAdd(x[at], x[at], acc);
        }
        return (float) Math.sqrt(acc);
    }
}
