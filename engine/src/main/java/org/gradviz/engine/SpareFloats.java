package org.gradviz.engine;

/**
 * Float arrays a backward pass has finished with ({@link FinishedGradients}), kept per thread for the next op that
 * makes a result of the same length, as torch's allocator hands a freed block to the next tensor: a training loop then
 * does not make, zero and later collect a fresh array for that result every step, and the array is still in the CPU's
 * caches. Only arrays nothing can read any more are given here.
 */
public final class SpareFloats {
    /** Shorter arrays cost little to make; longer ones are not held on to. */
    private static final int MIN_LENGTH = 256;
    private static final int MAX_LENGTH = 1 << 18;
    private static final int HELD = 4;
    private static final ThreadLocal<float[][]> SPARES = ThreadLocal.withInitial(() -> new float[HELD][]);

    private SpareFloats() {
    }

    /**
     * An array of exactly {@code length} floats for a result whose every element the caller writes before anything
     * reads it: a spare one when this thread has one of that length (with stale values), else a new one.
     */
    public static float[] forOverwrite(int length) {
        if (isWorthKeeping(length)) {
            float[][] spares = SPARES.get();
            for (int i = 0; i < HELD; i++) {
                float[] spare = spares[i];
                if (spare != null && spare.length == length) {
                    spares[i] = null;
                    return spare;
                }
            }
        }
        return new float[length];
    }

    /** Whether an array of {@code length} floats is one this class keeps and hands out. */
    static boolean isWorthKeeping(int length) {
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }

    /** Keeps {@code array}, which nothing reads any more, for {@link #forOverwrite}; the oldest goes when all are held. */
    static void give(float[] array) {
        if (!isWorthKeeping(array.length)) {
            return;
        }
        float[][] spares = SPARES.get();
        for (int i = 0; i < HELD; i++) {
            if (spares[i] == null) {
                spares[i] = array;
                return;
            }
        }
        System.arraycopy(spares, 1, spares, 0, HELD - 1);
        spares[HELD - 1] = array;
    }
}
