package org.gradviz.engine;

/**
 * {@code torch.linspace} and {@code torch.arange}, value for value as PyTorch 1.13's CPU kernels compute them
 * (RangeFactoriesKernel.cpp): elements are written in blocks of two AVX2 vectors (8 floats or 4 doubles each), each
 * vector from a base and the step, and the tail one element at a time.
 */
final class RangeFactories {

    private RangeFactories() {
    }

    /** Elements per AVX2 vector of the type: 8 floats, 4 doubles. */
    private static int lanes(DType dtype) {
        return dtype == DType.FLOAT32 ? 8 : 4;
    }

    /**
     * {@code linspace(start, end, steps)} for a floating-point type. NOTE: the kernel counts from {@code start} for the
     * first half and back from {@code end} for the second; its scalar tail is compiled with fused multiply-adds on AVX2
     * ({@link CpuCapability#mulAdd}), its vectors ({@code Vectorized::arange(base, step)}) are not.
     */
    static double[] linspace(double start, double end, int steps, DType dtype) {
        double[] out = new double[steps];
        if (steps == 1) {
            out[0] = dtype.round(start);
        }
        if (steps <= 1) {
            return out;
        }
        if (dtype == DType.FLOAT32) {
            float s = (float) start;
            float e = (float) end;
            float step = (e - s) / (float) (steps - 1);
            int half = steps / 2;
            int v = lanes(dtype);
            int i = 0;
            for (int paired = steps - steps % (2 * v); i < paired; i += v) {
                float base = i < half ? CpuCapability.mulAdd(step, (float) i, s)
                        : CpuCapability.mulAdd(-step, (float) (steps - i - 1), e);
                for (int k = 0; k < v; k++) {
                    out[i + k] = base + (float) k * step;
                }
            }
            for (; i < steps; i++) {
                out[i] = i < half ? CpuCapability.mulAdd(step, (float) i, s)
                        : CpuCapability.mulAdd(-step, (float) (steps - i - 1), e);
            }
            return out;
        }
        double step = (end - start) / (double) (steps - 1);
        int half = steps / 2;
        int v = lanes(dtype);
        int i = 0;
        for (int paired = steps - steps % (2 * v); i < paired; i += v) {
            double base = i < half ? CpuCapability.mulAdd(step, i, start)
                    : CpuCapability.mulAdd(-step, steps - i - 1, end);
            for (int k = 0; k < v; k++) {
                out[i + k] = base + k * step;
            }
        }
        for (; i < steps; i++) {
            out[i] = i < half ? CpuCapability.mulAdd(step, i, start) : CpuCapability.mulAdd(-step, steps - i - 1, end);
        }
        return out;
    }

    /**
     * {@code arange(start, end, step)}: {@code count} elements {@code start + step * i}, computed in double (torch's
     * accumulate type on the CPU) with fused multiply-adds on AVX2 ({@link CpuCapability#mulAdd}) and rounded to
     * {@code dtype}.
     */
    static double[] arange(double start, double step, int count, DType dtype) {
        double[] out = new double[count];
        if (!dtype.isFloatingPoint()) {
            for (int i = 0; i < count; i++) {
                out[i] = dtype.round(start + step * i);
            }
            return out;
        }
        int v = lanes(dtype);
        int i = 0;
        for (int paired = count - count % (2 * v); i < paired; i += v) {
            double base = dtype.round(CpuCapability.mulAdd(step, i, start));
            for (int k = 0; k < v; k++) {
                out[i + k] = dtype.round(CpuCapability.mulAdd(step, k, base));
            }
        }
        for (; i < count; i++) {
            out[i] = dtype.round(CpuCapability.mulAdd(step, i, start));
        }
        return out;
    }
}
