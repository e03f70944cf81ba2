package org.gradviz.engine.random;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.kernels.GlibcLog;
import org.gradviz.engine.kernels.GlibcSinCos;
import org.gradviz.engine.kernels.GlibcSinCosF;

/**
 * PyTorch's batched {@code normal_fill} for contiguous tensors of 16 or more elements:
 * fill with uniform values, turn each block of 16 into normals by Box–Muller
 * (u1 = 1 - data[j], u2 = data[j + 8]), and when the size is not a multiple of 16,
 * draw the last 16 uniforms again and redo that block.
 *
 * <p>float64 uses double arithmetic with glibc's {@code log}/{@code cos}/{@code sin} (which torch calls);
 * float32 follows the AVX2 kernel ({@code normal_fill_16_AVX2}) in float arithmetic, or with
 * {@link CpuCapability#DEFAULT} the scalar {@code normal_fill_16} in float with glibc's float functions.
 */
final class NormalFill {
    /** Box–Muller works on blocks of this many values. */
    static final int BLOCK = 16;
    private static final int HALF = BLOCK / 2;
    private static final float TWO_PI_FLOAT = (float) (2.0f * Math.PI);

    private NormalFill() {
    }

    /** n >= 16 standard normals as float64. */
    static double[] fillDouble(TorchGenerator generator, int n) {
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = generator.uniformDouble();
        }
        for (int i = 0; i + BLOCK <= n; i += BLOCK) {
            boxMullerDouble(data, i);
        }
        if (n % BLOCK != 0) {
            int start = n - BLOCK;
            for (int i = start; i < n; i++) {
                data[i] = generator.uniformDouble();
            }
            boxMullerDouble(data, start);
        }
        return data;
    }

    /** n >= 16 standard normals as float32 (returned as floats). */
    static float[] fillFloat(TorchGenerator generator, int n) {
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = generator.uniformFloat();
        }
        for (int i = 0; i + BLOCK <= n; i += BLOCK) {
            boxMullerFloat(data, i);
        }
        if (n % BLOCK != 0) {
            int start = n - BLOCK;
            for (int i = start; i < n; i++) {
                data[i] = generator.uniformFloat();
            }
            boxMullerFloat(data, start);
        }
        return data;
    }

    /** normal_fill_16 in double precision. */
    private static void boxMullerDouble(double[] data, int offset) {
        for (int j = offset; j < offset + HALF; j++) {
            double u1 = 1 - data[j]; // [0, 1) -> (0, 1] for log
            double u2 = data[j + HALF];
            double radius = Math.sqrt(-2 * GlibcLog.log(u1));
            double theta = 2.0 * Math.PI * u2;
            data[j] = radius * GlibcSinCos.cos(theta);
            data[j + HALF] = radius * GlibcSinCos.sin(theta);
        }
    }

    /** normal_fill_16_AVX2 (or, for the default capability, normal_fill_16 in float): mean 0, std 1. */
    private static void boxMullerFloat(float[] data, int offset) {
        if (CpuCapability.SCALAR) {
            boxMullerFloatScalar(data, offset);
            return;
        }
        for (int j = offset; j < offset + HALF; j++) {
            float u1 = 1f - data[j];
            float u2 = data[j + HALF];
            float radius = (float) Math.sqrt(-2f * AvxMathFun.log(u1));
            float theta = TWO_PI_FLOAT * u2;
            float[] sinCos = AvxMathFun.sincos(theta);
            data[j] = radius * sinCos[1];
            data[j + HALF] = radius * sinCos[0];
        }
    }

    /**
     * normal_fill_16 in float, as torch's default build runs it: glibc's {@code logf}, {@code sqrtf}, {@code cosf} and
     * {@code sinf}; the angle is 2π·u2 in double, rounded to float.
     */
    private static void boxMullerFloatScalar(float[] data, int offset) {
        for (int j = offset; j < offset + HALF; j++) {
            float u1 = 1f - data[j];
            float u2 = data[j + HALF];
            float radius = (float) Math.sqrt(-2f * GlibcLog.logf(u1));
            float theta = (float) (2.0 * Math.PI * u2);
            data[j] = radius * GlibcSinCosF.cosf(theta);
            data[j + HALF] = radius * GlibcSinCosF.sinf(theta);
        }
    }
}
