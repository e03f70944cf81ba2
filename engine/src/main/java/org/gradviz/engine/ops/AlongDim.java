package org.gradviz.engine.ops;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.kernels.SleefDouble;
import org.gradviz.engine.kernels.SleefFloat;

/**
 * softmax and log_softmax over a dimension other than the last, as PyTorch 1.13's CPU kernels for it in
 * SoftMaxKernel.cpp (one thread): {@code _vec_softmax}, {@code _vec_logsoftmax}, {@code _vec_softmax_backward} and
 * {@code _vec_log_softmax_backward}. Each works on the columns of a contiguous tensor seen as (outer, size, inner):
 * the elements along {@code dim} are {@code inner} apart, and each column is computed on its own, in vector lanes or
 * alone, which decides only whose exp it gets (a vector lane's or glibc's,
 * {@link org.gradviz.engine.kernels.LaneMath}).
 */
final class AlongDim {
    private AlongDim() {
    }

    /** The (outer, size, inner) view of {@code shape} around {@code dim}. */
    record Columns(int outer, int size, int inner) {
        static Columns of(Shape shape, int dim) {
            int outer = 1;
            int inner = 1;
            for (int i = 0; i < dim; i++) {
                outer *= shape.dim(i);
            }
            for (int i = dim + 1; i < shape.rank(); i++) {
                inner *= shape.dim(i);
            }
            return new Columns(outer, shape.dim(dim), inner);
        }

        /** The first element of column {@code i} (of outer × inner). */
        int base(int i) {
            return i / inner * size * inner + i % inner;
        }
    }

    /**
     * {@code _vec_softmax}: columns are taken a vector of {@link DType} lanes at a time while a whole vector fits in
     * the inner dimension (max, then exp by SLEEF, summed in order, then divided), the others one by one as
     * {@code host_softmax} does with glibc's exp.
     */
    static double[] softmax(double[] x, Shape shape, int dim, DType dt) {
        Columns c = Columns.of(shape, dim);
        double[] out = new double[x.length];
        int lanes = dt == DType.FLOAT32 ? SleefFloat.LANES : SleefDouble.LANES;
        int n = c.outer() * c.inner();
        int idx = 0;
        while (idx < n) {
            int inner = idx % c.inner();
            if (inner + lanes <= c.inner() && idx + lanes <= n) {
                for (int lane = 0; lane < lanes; lane++) {
                    softmaxColumn(x, out, c.base(idx + lane), c, dt, true);
                }
                idx += lanes;
            } else {
                // NOTE: the tail: the end of the range, or of an inner row too short for a vector
                int tail = idx + lanes > n ? n - idx : c.inner() - inner;
                for (int i = 0; i < tail; i++) {
                    softmaxColumn(x, out, c.base(idx + i), c, dt, false);
                }
                idx += tail;
            }
        }
        return out;
    }

    /** One column: e = exp(x - max) (SLEEF's in a vector, glibc's alone), s = Σe in order, e / s; all in the dtype. */
    private static void softmaxColumn(double[] x, double[] out, int base, Columns c, DType dt, boolean vector) {
        int stride = c.inner();
        double max = x[base];
        for (int d = 1; d < c.size(); d++) {
            max = Math.max(max, x[base + d * stride]);
        }
        double sum = 0;
        for (int d = 0; d < c.size(); d++) {
            int i = base + d * stride;
            double shifted = dt.round(x[i] - max);
            out[i] = LogSoftmax.exp(shifted, dt, vector);
            sum = dt.round(sum + out[i]);
        }
        for (int d = 0; d < c.size(); d++) {
            int i = base + d * stride;
            out[i] = dt.round(out[i] / sum);
        }
    }

    /**
     * Whether column {@code column} (an inner position) is in a vector of the chunked kernels
     * ({@code _vec_logsoftmax}, {@code _vec_softmax_backward}, {@code _vec_log_softmax_backward}): the inner positions
     * go in chunks of {@code max(128 KiB / size / itemsize, lanes)} rounded down to whole vectors, and the last
     * {@code chunk % lanes} positions of each chunk are done one by one.
     */
    private static boolean inVector(int inner, Columns c, DType dt) {
        int lanes = dt == DType.FLOAT32 ? SleefFloat.LANES : SleefDouble.LANES;
        int itemSize = dt == DType.FLOAT32 ? Float.BYTES : Double.BYTES;
        int chunk = Math.max(128 * 1024 / c.size() / itemSize, lanes) / lanes * lanes;
        int start = inner / chunk * chunk;
        int size = Math.min(chunk, c.inner() - start);
        return inner - start < size - size % lanes;
    }

    /**
     * {@code _vec_logsoftmax}: per column, max; s = Σ exp(x - max) in the dtype (SLEEF's exp in a vector, glibc's
     * alone); log(s) by SLEEF for every column ({@code vec::map}); then x - max - log(s).
     */
    static double[] logSoftmax(double[] x, Shape shape, int dim, DType dt) {
        Columns c = Columns.of(shape, dim);
        double[] out = new double[x.length];
        int stride = c.inner();
        for (int col = 0; col < c.outer() * c.inner(); col++) {
            int base = c.base(col);
            boolean vector = inVector(col % c.inner(), c, dt);
            double max = Double.NEGATIVE_INFINITY;
            for (int d = 0; d < c.size(); d++) {
                double v = x[base + d * stride];
                max = v > max ? v : max;
            }
            double sum = 0;
            for (int d = 0; d < c.size(); d++) {
                double shifted = dt.round(x[base + d * stride] - max);
                sum = dt.round(sum + (LogSoftmax.exp(shifted, dt, vector)));
            }
            double log = LogSoftmax.log(sum, dt);
            for (int d = 0; d < c.size(); d++) {
                int i = base + d * stride;
                out[i] = dt.round(dt.round(x[i] - max) - log);
            }
        }
        return out;
    }

    /**
     * {@code _vec_softmax_backward} and {@code _vec_log_softmax_backward}: per column a sum in the dtype (of g·y, each
     * a fused multiply-add, for softmax; of g for log_softmax), then y·(g - sum) or g - exp(y)·sum, the latter fused
     * (SLEEF's exp in a vector, glibc's alone), as torch's AVX2 build contracts them (not the default build).
     */
    static double[] backward(double[] g, double[] y, Shape shape, int dim, DType dt, boolean log) {
        Columns c = Columns.of(shape, dim);
        double[] out = new double[g.length];
        int stride = c.inner();
        for (int col = 0; col < c.outer() * c.inner(); col++) {
            int base = c.base(col);
            boolean vector = inVector(col % c.inner(), c, dt);
            double sum = 0;
            for (int d = 0; d < c.size(); d++) {
                int i = base + d * stride;
                sum = log ? dt.round(sum + g[i]) : LogSoftmax.mulAdd(g[i], y[i], sum, dt);
            }
            for (int d = 0; d < c.size(); d++) {
                int i = base + d * stride;
                if (log) {
                    double e = LogSoftmax.exp(y[i], dt, vector);
                    out[i] = LogSoftmax.mulAdd(-e, sum, g[i], dt);
                } else {
                    out[i] = dt.round(y[i] * dt.round(g[i] - sum));
                }
            }
        }
        return out;
    }
}
