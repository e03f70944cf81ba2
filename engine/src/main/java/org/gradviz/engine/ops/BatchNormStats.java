package org.gradviz.engine.ops;

import org.gradviz.engine.DType;

/**
 * The per-channel statistics of a training batch norm as torch 1.13's CPU kernels gather them
 * ({@code batch_norm_cpu_collect_stats_kernel} in {@code aten/src/ATen/native/cpu/batch_norm_kernel.cpp}, one thread),
 * for an input of N samples, C channels and S elements per channel and sample (contiguous):
 * <ul>
 *   <li>S = 1 (an (N, C) input is channels-last): the rows added in turn into a buffer of the dtype, then the mean is
 *       that sum / N; the squared deviations likewise (each (x − mean)² fused into the sum on AVX2);</li>
 *   <li>otherwise each channel's elements summed in order in the accumulate type (double for float32), the mean that
 *       sum / count rounded to the dtype, then Σ (x − mean)² in the accumulate type, each square of the dtype (in
 *       float64 the last square of an odd run of S fused into the sum, see below).</li>
 * </ul>
 * The sum of squared deviations is rounded to the dtype.
 */
final class BatchNormStats {
    private BatchNormStats() {
    }

    /** {mean per channel, Σ (x − mean)² per channel}. */
    static double[][] collect(double[] x, int n, int c, int s, DType dt) {
        TypedMath f = new TypedMath(dt);
        double[] mean = new double[c];
        double[] varSum = new double[c];
        long count = (long) n * s;
        for (int ch = 0; ch < c; ch++) {
            if (s == 1) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum = f.add(sum, x[i * c + ch]);
                }
                mean[ch] = dt.round(sum / count);
                double squares = 0;
                for (int i = 0; i < n; i++) {
                    double d = f.sub(x[i * c + ch], mean[ch]);
                    squares = f.mulAdd(d, d, squares);
                }
                varSum[ch] = squares;
            } else {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < s; k++) {
                        sum += x[(i * c + ch) * s + k];
                    }
                }
                mean[ch] = dt.round(sum / count);
                double squares = 0;
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < s; k++) {
                        double d = f.sub(x[(i * c + ch) * s + k], mean[ch]);
                        // NOTE: GCC vectorizes this loop two doubles at a time (the squares unfused, added in order)
                        // and leaves an odd last element to scalar code, which fuses it (measured); float32 squares
                        // are floats added to a double, never fused
                        boolean fused = dt == DType.FLOAT64 && k >= s - s % 2;
                        squares = fused ? f.mulAdd(d, d, squares) : squares + f.mul(d, d);
                    }
                }
                varSum[ch] = dt.round(squares);
            }
        }
        return new double[][] {mean, varSum};
    }
}
