package org.gradviz.engine.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The start of {@link TorchSum}'s float32 cascade on contiguous accumulators with the JDK's Vector API: {@code width}
 * accumulators, each adding the value at its own position of one contiguous run per step, the runs {@code rowStride}
 * apart, each through torch's 4 cascade levels. Every lane adds its values one after the other and moves them up the
 * levels at the same steps as the plain loop, so the sums have the same bits. Only loaded when the JVM has
 * {@code jdk.incubator.vector}.
 */
final class VectorRowSums {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int LEVELS = 4;

    private VectorRowSums() {
    }

    /**
     * The cascade of {@link TorchSum}'s {@code multi_row_sum} over the first whole blocks of 2^levelPower steps whose
     * vector loads stay inside x (the lanes past {@code width} read values that are thrown away), into {@code acc}
     * (LEVELS × width, all 0 on entry, as the plain loop lays it out). Returns the steps done, a whole number of
     * blocks, from which the plain loop goes on.
     */
    static int cascade(float[] x, int e0, int rowStride, int width, int size, int levelPower, float[] acc) {
        int span = (width + L - 1) / L * L;
        int step = 1 << levelPower;
        int levelMask = step - 1;
        int inside = x.length - e0 < span ? 0
                : rowStride == 0 ? size : Math.min(size, (x.length - e0 - span) / rowStride + 1);
        int end = inside - inside % step;
        if (end == 0) {
            return 0;
        }
        float[] levels = new float[LEVELS * span];
        for (int c0 = 0; c0 < span; c0 += L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int i = 0, e = e0 + c0; i < end; ) {
                for (int j = 0; j < step; j++, i++, e += rowStride) {
                    a0 = a0.add(FloatVector.fromArray(S, x, e));
                }
                a1 = a1.add(a0);
                a0 = FloatVector.zero(S);
                if ((i & (levelMask << levelPower)) != 0) {
                    continue;
                }
                a2 = a2.add(a1);
                a1 = FloatVector.zero(S);
                if ((i & (levelMask << (2 * levelPower))) != 0) {
                    continue;
                }
                a3 = a3.add(a2);
                a2 = FloatVector.zero(S);
            }
            a0.intoArray(levels, c0);
            a1.intoArray(levels, span + c0);
            a2.intoArray(levels, 2 * span + c0);
            a3.intoArray(levels, 3 * span + c0);
        }
        for (int level = 0; level < LEVELS; level++) {
            System.arraycopy(levels, level * span, acc, level * width, width);
        }
        return end;
    }
}
