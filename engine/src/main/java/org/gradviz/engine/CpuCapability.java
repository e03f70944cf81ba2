package org.gradviz.engine;

import java.util.Locale;

/**
 * Which of PyTorch 1.13's CPU kernel builds the engine reproduces: {@link #AVX2}, the one torch picks on an x86-64 CPU
 * with AVX2 and FMA (SLEEF's vector functions, fused multiply-adds where GCC contracts them), or {@link #DEFAULT}, the
 * scalar build torch runs when started with {@code ATEN_CPU_CAPABILITY=default} (glibc's functions on every element,
 * {@code a * b + c} rounded twice). Read once, from the system property {@code gradviz.cpuCapability} or else, as
 * torch does, the environment variable {@code ATEN_CPU_CAPABILITY}: {@code default} selects {@link #DEFAULT}, anything
 * else (unset, {@code avx2}, {@code avx512}) {@link #AVX2}.
 */
public enum CpuCapability {
    AVX2,
    DEFAULT;

    /** The capability of this run. */
    public static final CpuCapability CURRENT = parse(System.getProperty("gradviz.cpuCapability",
            System.getenv("ATEN_CPU_CAPABILITY")));

    /** True when torch's default (scalar) kernels are reproduced. */
    public static final boolean SCALAR = CURRENT == DEFAULT;

    static CpuCapability parse(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("default") ? DEFAULT : AVX2;
    }

    /** torch's {@code a * b + c} in a float32 kernel: one rounding on AVX2 (a fused multiply-add), two on default. */
    public static float mulAdd(float a, float b, float c) {
        return SCALAR ? a * b + c : Math.fma(a, b, c);
    }

    /** The same in a float64 kernel. */
    public static double mulAdd(double a, double b, double c) {
        return SCALAR ? a * b + c : Math.fma(a, b, c);
    }
}
