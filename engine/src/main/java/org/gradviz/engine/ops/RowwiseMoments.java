package org.gradviz.engine.ops;

import org.gradviz.engine.DType;

/**
 * torch 1.13's {@code RowwiseMoments} ({@code aten/src/ATen/native/cpu/moments_utils.h}), the mean and the
 * population variance of one contiguous row as {@code layer_norm} computes them, in the row's dtype:
 * <ul>
 *   <li>the whole vectors of the row ({@link TorchSum#lanes} values each) in chunks of 16 vectors: each chunk by
 *       Welford's update lane by lane (m1 += δ·(1/(j+1)), m2 += δ·(x − m1));</li>
 *   <li>the chunks' moments merged as a cascade (a binary counter of depth ⌈log2 chunks⌉, at least 1) by
 *       {@link #merge} (Chan's parallel update), then the levels into level 0;</li>
 *   <li>the values after the last whole vector by scalar Welford (m1 += δ / count), then each lane's moments merged
 *       into that, lane 0 first.</li>
 * </ul>
 * NOTE: unlike torch's other vector kernels, none of these products is fused with its sum in the AVX2 build: every
 * step is rounded (measured against torch 1.13, float32 and float64).
 */
final class RowwiseMoments {
    private static final int CHUNK = 16;

    private final TypedMath math;
    private final int lanes;

    private RowwiseMoments(DType dt) {
        this.math = new TypedMath(dt);
        this.lanes = TorchSum.lanes(dt);
    }

    /** {mean, variance} of {@code x[offset .. offset + n)}, the variance divided by n. */
    static double[] of(double[] x, int offset, int n, DType dt) {
        return new RowwiseMoments(dt).compute(x, offset, n);
    }

    /** Moments of some values: their count m0, mean m1 and sum of squared deviations m2 (one per lane). */
    private static final class Moments {
        long m0;
        final double[] m1;
        final double[] m2;

        Moments(int lanes) {
            m1 = new double[lanes];
            m2 = new double[lanes];
        }

        void clear() {
            m0 = 0;
            java.util.Arrays.fill(m1, 0);
            java.util.Arrays.fill(m2, 0);
        }
    }

    private double[] compute(double[] x, int offset, int size) {
        int vectors = size / lanes;
        int chunks = (vectors + CHUNK - 1) / CHUNK;
        int depth = ceilLog2(chunks);
        Moments[] stack = new Moments[depth];
        for (int i = 0; i < depth; i++) {
            stack[i] = new Moments(lanes);
        }
        Moments chunk = new Moments(lanes);
        for (int i = 0; i < chunks; i++) {
            int count = Math.min(CHUNK, vectors - i * CHUNK);
            welford(x, offset + i * CHUNK * lanes, count, chunk);
            merge(chunk, stack[0]);
            int mask = i + 1;
            for (int j = 1; j < depth && (mask & 1) == 0; j++) {
                merge(stack[j - 1], stack[j]);
                stack[j - 1].clear();
                mask >>= 1;
            }
        }
        for (int i = 1; i < depth; i++) {
            merge(stack[i], stack[0]);
        }
        // the values after the last whole vector, one by one
        long m0 = 0;
        double m1 = 0;
        double m2 = 0;
        for (int i = vectors * lanes; i < size; i++) {
            double v = x[offset + i];
            double delta = math.sub(v, m1);
            m0++;
            m1 = math.add(m1, math.div(delta, m0));
            m2 = math.add(m2, math.mul(delta, math.sub(v, m1)));
        }
        // then each lane's moments (of `vectors` values) merged in, as AddMoments
        for (int k = 0; k < lanes; k++) {
            long n = m0 + vectors;
            double c = n == 0 ? 0 : math.div(vectors, n);
            double delta = math.sub(stack[0].m1[k], m1);
            m1 = math.add(m1, math.mul(c, delta));
            m2 = math.add(m2, math.add(stack[0].m2[k], math.mul(math.mul(math.mul(delta, delta), c), m0)));
            m0 = n;
        }
        return new double[] {m1, math.div(m2, size)};
    }

    /** Welford's update over {@code count} vectors from {@code from}, into {@code out} (cleared first). */
    private void welford(double[] x, int from, int count, Moments out) {
        out.clear();
        for (int j = 0; j < count; j++) {
            double c = math.div(1, j + 1);
            for (int k = 0; k < lanes; k++) {
                double v = x[from + j * lanes + k];
                double delta = math.sub(v, out.m1[k]);
                out.m1[k] = math.add(out.m1[k], math.mul(delta, c));
                out.m2[k] = math.add(out.m2[k], math.mul(delta, math.sub(v, out.m1[k])));
            }
        }
        out.m0 = count;
    }

    /**
     * AddMomentsVec: {@code add} merged into {@code into}, c = n_add / n, δ = m1_add − m1, m1 += c·δ,
     * m2 += m2_add + δ·δ·c·m0.
     */
    private void merge(Moments add, Moments into) {
        long n = into.m0 + add.m0;
        double c = n == 0 ? 0 : math.div(add.m0, n);
        for (int k = 0; k < lanes; k++) {
            double delta = math.sub(add.m1[k], into.m1[k]);
            into.m1[k] = math.add(into.m1[k], math.mul(c, delta));
            into.m2[k] = math.add(into.m2[k],
                    math.add(add.m2[k], math.mul(math.mul(math.mul(delta, delta), c), into.m0)));
        }
        into.m0 = n;
    }

    /** torch's {@code utils::CeilLog2}: 1 up to 2, else ⌈log2 x⌉. */
    private static int ceilLog2(int x) {
        return x <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(x - 1L);
    }
}
