package org.gradviz.engine.ops;

/**
 * SplitMix64 with integer-only steps, as the fixture scripts ({@code make_transcendentals.py}, {@code make_pow.py})
 * draw their inputs, so a test draws the same bits torch was given.
 */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        state = seed;
    }

    long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code next() mod n}, unsigned, as Python's {@code %} of the 64-bit value. */
    int below(int n) {
        return (int) Long.remainderUnsigned(next(), n);
    }

    /** {@code lo + (hi - lo) * u} with {@code u} a 53-bit fraction. */
    double uniform(double lo, double hi) {
        double u = (next() >>> 11) * 0x1p-53;
        return lo + (hi - lo) * u;
    }
}
