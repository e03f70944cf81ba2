package org.gradviz.engine.kernels;

/**
 * A float array per thread for values an op makes and uses up before it returns (a loss's element-wise values on
 * their way into the sum): the same array serves every call of the same length, so a training loop does not make
 * and zero a fresh one per step, and the values stay in the CPU's caches. Whoever takes it must be done with it
 * before anything else on the thread can take it (no callbacks in between).
 */
public final class ScratchFloats {
    private static final ThreadLocal<float[][]> HELD = ThreadLocal.withInitial(() -> new float[1][]);
    /** Longer arrays are made fresh each time rather than held on to. */
    private static final int MAX_HELD = 1 << 20;

    private ScratchFloats() {
    }

    /** An array of exactly {@code length} floats, with any contents. */
    public static float[] take(int length) {
        if (length > MAX_HELD) {
            return new float[length];
        }
        float[][] held = HELD.get();
        float[] array = held[0];
        if (array == null || array.length != length) {
            array = new float[length];
            held[0] = array;
        }
        return array;
    }
}
