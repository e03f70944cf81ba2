package org.gradviz.engine.random;

/**
 * The 32-bit Mersenne Twister (mt19937) as PyTorch's {@code at::mt19937} runs it.
 *
 * <p>PyTorch seeds it with the low 32 bits of the 64-bit seed and the standard
 * Knuth initialisation ({@code state[j] = 1812433253 * (state[j-1] ^ (state[j-1] >> 30)) + j}),
 * so {@code manual_seed(2**40 + 7)} and {@code manual_seed(7)} give the same stream.
 * Not thread-safe; {@link TorchGenerator} guards it.
 */
final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int next;

    Mt19937(long seed) {
        seed(seed);
    }

    /** Restarts the stream from {@code seed}; only its low 32 bits count, as in PyTorch. */
    void seed(long seed) {
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        next = N;
    }

    /** The next 32 random bits (an unsigned 32-bit value carried in an int). */
    int nextInt() {
        if (next >= N) {
            twist();
        }
        int y = state[next++];
        // tempering
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** Regenerates all 624 words of state at once. */
    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            int v = state[(k + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                v ^= MATRIX_A;
            }
            state[k] = v;
        }
        next = 0;
    }
}
