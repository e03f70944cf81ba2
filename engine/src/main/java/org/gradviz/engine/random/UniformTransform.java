package org.gradviz.engine.random;

/**
 * PyTorch's {@code transformation::uniform_real} for the range [0, 1): keep as many
 * random bits as the type has mantissa digits and scale them by 2^-digits.
 */
final class UniformTransform {
    private static final int FLOAT_DIGITS = 24;
    private static final int DOUBLE_DIGITS = 53;

    private UniformTransform() {
    }

    /** A float32 in [0, 1) from 32 random bits: the low 24 bits times 2^-24. */
    static float toFloat(int random32) {
        return (random32 & ((1 << FLOAT_DIGITS) - 1)) * 0x1p-24f;
    }

    /** A float64 in [0, 1) from 64 random bits: the low 53 bits times 2^-53. */
    static double toDouble(long random64) {
        return (random64 & ((1L << DOUBLE_DIGITS) - 1)) * 0x1p-53;
    }
}
