package org.gradviz.engine.ops;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;

/**
 * PyTorch's {@code vec::reduce_all} / {@code map_reduce_all} for a sum over a contiguous row, in its order: fewer
 * values than a vector are added one by one; otherwise each lane accumulates every {@code lanes}-th value (the
 * partial last vector into the first lanes), then the lanes are combined: by halves for float32 (AVX2's shuffle
 * reduction, {@code VecReduceAllSIMD}: lane i with lane i + 4, then i + 2, then i + 1), one after another from
 * lane 0 for float64 (the generic {@code vec_reduce_all}, which float32 takes too with
 * {@code ATEN_CPU_CAPABILITY=default}); both measured against torch 1.13. {@link #dot}'s multiply-adds are fused on AVX2 only ({@link CpuCapability#mulAdd}).
 */
final class VecReduce {
    private VecReduce() {
    }

    static double sum(double[] x, int offset, int n, DType dt) {
        int lanes = TorchSum.lanes(dt);
        if (n < lanes) {
            double s = x[offset];
            for (int i = 1; i < n; i++) {
                s = dt.round(s + x[offset + i]);
            }
            return s;
        }
        double[] acc = new double[lanes];
        System.arraycopy(x, offset, acc, 0, lanes);
        int d = lanes;
        for (; d < n - n % lanes; d += lanes) {
            for (int k = 0; k < lanes; k++) {
                acc[k] = dt.round(acc[k] + x[offset + d + k]);
            }
        }
        for (int k = 0; d + k < n; k++) {
            acc[k] = dt.round(acc[k] + x[offset + d + k]);
        }
        return combineLanes(acc, dt);
    }

    /**
     * PyTorch's {@code map2_reduce_all(x * y, +)}: as {@link #sum} of the products, but after the first vector each
     * product is accumulated into its lane with one fused multiply-add (the AVX2 build contracts {@code acc + x * y};
     * measured against torch 1.13).
     */
    static double dot(double[] x, double[] y, int offset, int n, DType dt) {
        int lanes = TorchSum.lanes(dt);
        boolean f32 = dt == DType.FLOAT32;
        if (n < lanes) {
            double s = dt.round(x[offset] * y[offset]);
            for (int i = 1; i < n; i++) {
                s = dt.round(s + dt.round(x[offset + i] * y[offset + i]));
            }
            return s;
        }
        double[] acc = new double[lanes];
        for (int k = 0; k < lanes; k++) {
            acc[k] = dt.round(x[offset + k] * y[offset + k]);
        }
        for (int d = lanes; d < n; d += lanes) {
            for (int k = 0; k < lanes && d + k < n; k++) {
                int i = offset + d + k;
                acc[k] = f32 ? CpuCapability.mulAdd((float) x[i], (float) y[i], (float) acc[k])
                        : CpuCapability.mulAdd(x[i], y[i], acc[k]);
            }
        }
        return combineLanes(acc, dt);
    }

    /** The lanes' sum: by halves for float32 on AVX2, else in lane order (float64, and the default build's float32). */
    private static double combineLanes(double[] acc, DType dt) {
        if (dt != DType.FLOAT32 || CpuCapability.SCALAR) {
            double s = acc[0];
            for (int k = 1; k < acc.length; k++) {
                s = dt.round(s + acc[k]);
            }
            return s;
        }
        for (int half = acc.length / 2; half >= 1; half /= 2) {
            for (int k = 0; k < half; k++) {
                acc[k] = dt.round(acc[k] + acc[k + half]);
            }
        }
        return acc[0];
    }
}
