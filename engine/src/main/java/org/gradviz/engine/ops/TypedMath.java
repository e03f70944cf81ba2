package org.gradviz.engine.ops;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;

/**
 * Arithmetic of a C++ kernel whose scalar type is {@code dt}: each result rounded to the dtype (a float32 sum,
 * product, quotient or square root computed in double and then rounded is the float operation's result), and
 * {@code a * b + c} fused into one rounding where torch's AVX2 build has GCC contract it ({@link CpuCapability}).
 */
record TypedMath(DType dt) {
    double add(double a, double b) {
        return dt.round(a + b);
    }

    double sub(double a, double b) {
        return dt.round(a - b);
    }

    double mul(double a, double b) {
        return dt.round(a * b);
    }

    double div(double a, double b) {
        return dt.round(a / b);
    }

    double sqrt(double a) {
        return dt.round(Math.sqrt(a));
    }

    /** {@code a * b + c}: one rounding on AVX2, two on the default build. */
    double mulAdd(double a, double b, double c) {
        return dt == DType.FLOAT32 ? CpuCapability.mulAdd((float) a, (float) b, (float) c)
                : CpuCapability.mulAdd(a, b, c);
    }
}
