package org.gradviz.engine.ops;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.kernels.SleefFloat;

/**
 * The values of {@code t.norm(p)} for p = 1 and 2, as PyTorch 1.13's {@code norm_kernel_tensor_iterator_impl}
 * computes them on the CPU, one thread, in the tensor's dtype:
 * <ul>
 *   <li>p = 2 of float32 over the last (or every) dimension: its vectorised path, eight lanes each summing x·x
 *       over every eighth element, the lanes added in order, then the elements left over added one by one, then
 *       the square root (the multiply-adds of the leftovers fused only for their last {@code % 4});</li>
 *   <li>otherwise ({@code NormTwoOps}, {@code NormOneOps}) the elements of each result in order, acc + x·x or
 *       acc + |x|, then the square root for p = 2.</li>
 * </ul>
 * Each {@code acc + x·x} is one fused multiply-add on AVX2, two roundings on default ({@link CpuCapability#mulAdd}).
 */
final class NormReduce {
    private NormReduce() {
    }

    /** The norms along {@code dim} (every element when null) of a contiguous tensor's values. */
    static double[] norm(double[] x, Shape shape, Integer dim, double p, DType dt) {
        AlongDim.Columns c = dim == null ? new AlongDim.Columns(1, x.length, 1) : AlongDim.Columns.of(shape, dim);
        boolean lastDim = c.inner() == 1;
        double[] out = new double[c.outer() * c.inner()];
        for (int col = 0; col < out.length; col++) {
            int base = c.base(col);
            if (p == 2 && lastDim && dt == DType.FLOAT32) {
                out[col] = vectorisedTwo(x, base, c.size());
            } else {
                double acc = 0;
                for (int d = 0; d < c.size(); d++) {
                    double v = x[base + d * c.inner()];
                    acc = p == 2 ? mulAdd(v, v, acc, dt) : dt.round(acc + Math.abs(v));
                }
                out[col] = p == 2 ? dt.round(Math.sqrt(acc)) : acc;
            }
        }
        return out;
    }

    private static double vectorisedTwo(double[] x, int base, int size) {
        int lanes = SleefFloat.LANES;
        float[] acc = new float[lanes];
        int d = 0;
        for (; d < size - size % lanes; d += lanes) {
            for (int k = 0; k < lanes; k++) {
                float v = (float) x[base + d + k];
                acc[k] = CpuCapability.mulAdd(v, v, acc[k]);
            }
        }
        float sum = acc[0];
        for (int k = 1; k < lanes; k++) {
            sum += acc[k];
        }
        for (int k = 0, rest = size - d; k < rest; k++, d++) {
            float v = (float) x[base + d];
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

    private static double mulAdd(double a, double b, double c, DType dt) {
        return LogSoftmax.mulAdd(a, b, c, dt);
    }
}
