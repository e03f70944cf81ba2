package org.gradviz.engine.kernels;

/**
 * Conversions between float32 storage and doubles, and the plain float32 loops that gradient accumulation uses. Each
 * loop is a simple counted loop over arrays, which the JIT vectorises.
 */
public final class FloatArrays {
    private FloatArrays() {
    }

    /** A new array of {@code values} rounded to float32 (round to nearest even, as a C cast). */
    public static float[] narrowed(double[] values) {
        float[] out = new float[values.length];
        narrowInto(values, out);
        return out;
    }

    /** Writes {@code values} rounded to float32 into {@code out} (same length). */
    public static void narrowInto(double[] values, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
    }

    /** A new array of {@code values} widened to doubles (exactly). */
    public static double[] widened(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** {@code into[i] += other[i]} in float32, each sum rounded once. */
    public static void addInto(float[] into, float[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] += other[i];
        }
    }
}
