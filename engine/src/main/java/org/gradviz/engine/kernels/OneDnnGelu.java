package org.gradviz.engine.kernels;

/**
 * oneDNN's AVX2 eltwise {@code gelu_erf} forward and backward (jit_uni_eltwise_injector), which PyTorch 1.13 runs for
 * a float32 {@code F.gelu} (approximate='none') through ideep: Abramowitz and Stegun's erf with oneDNN's own exp,
 * every {@code vfmadd} fused, one lane at a time.
 */
final class OneDnnGelu {
    private static final float ONE_OVER_SQRT_TWO = Float.intBitsToFloat(0x3f3504f3);
    private static final float ONE_OVER_SQRT_PI = Float.intBitsToFloat(0x3f106eba);
    private static final float APPROX_CONST = Float.intBitsToFloat(0x3ea7ba05);
    private static final float[] POL = {Float.intBitsToFloat(0x3e827906), Float.intBitsToFloat(0xbe91a98e),
        Float.intBitsToFloat(0x3fb5f0e3), Float.intBitsToFloat(0xbfba00e3), Float.intBitsToFloat(0x3f87dc22)};
    private static final float EXP_LOG2EF = Float.intBitsToFloat(0x3fb8aa3b);
    private static final float EXP_LN_FLT_MAX = Float.intBitsToFloat(0x42b17218);
    private static final float EXP_LN_FLT_MIN = Float.intBitsToFloat(0xc2aeac50);
    private static final float LN2F = Float.intBitsToFloat(0x3f317218);
    private static final float[] EXP_POL = {Float.intBitsToFloat(0x3f7ffffb), Float.intBitsToFloat(0x3efffee3),
        Float.intBitsToFloat(0x3e2aad40), Float.intBitsToFloat(0x3d2b9d0d), Float.intBitsToFloat(0x3c07cfce)};

    private OneDnnGelu() {
    }

    /** exp_compute_vector_fwd: 2·2^(n-1)·p(r), r = x - n·ln 2, zero below ln(FLT_MIN). */
    static float exp(float x) {
        boolean underflow = x < EXP_LN_FLT_MIN;
        x = Math.max(Math.min(x, EXP_LN_FLT_MAX), EXP_LN_FLT_MIN);
        float fx = (float) Math.floor(x * EXP_LOG2EF + 0.5f);
        float r = Math.fma(-fx, LN2F, x);
        int n = (int) Math.rint(fx - 1f);
        float pow2 = underflow ? 0f : Float.intBitsToFloat((n + 127) << 23);
        float y = Math.fma(EXP_POL[4], r, EXP_POL[3]);
        y = Math.fma(y, r, EXP_POL[2]);
        y = Math.fma(y, r, EXP_POL[1]);
        y = Math.fma(y, r, EXP_POL[0]);
        y = Math.fma(y, r, 1f);
        return y * pow2 * 2f;
    }

    /** The erf polynomial part: sign(x)·(1 - r(t)·t·e^(-x²)) with e given as -e^(-x²). */
    private static float erf(float x, float minusExp) {
        int sign = Float.floatToRawIntBits(x) & 0x80000000;
        float t = 1f / Math.fma(APPROX_CONST, Math.abs(x), 1f);
        float src = minusExp * t;
        float r = Math.fma(POL[4], t, POL[3]);
        r = Math.fma(r, t, POL[2]);
        r = Math.fma(r, t, POL[1]);
        r = Math.fma(r, t, POL[0]);
        float e = Math.fma(src, r, 1f);
        return Float.intBitsToFloat(Float.floatToRawIntBits(e) ^ sign);
    }

    /** gelu_erf_compute_vector_fwd: S + S·erf(x) with x = s/√2 and S = s/2. */
    static float forward(float s) {
        float x = s * ONE_OVER_SQRT_TWO;
        float minusExp = -exp(-(x * x));
        float erf = erf(x, minusExp);
        float big = 0.5f * s;
        return Math.fma(erf, big, big);
    }

    /** gelu_erf_compute_vector_bwd: (R/√π·e^(-R²) + 0.5) + 0.5·erf(R) with R = s/√2. */
    static float derivative(float s) {
        float r = s * ONE_OVER_SQRT_TWO;
        float q = exp(-(r * r));
        float t = r * ONE_OVER_SQRT_PI * q;
        float erf = erf(r, -q);
        return Math.fma(erf, 0.5f, t + 0.5f);
    }
}
