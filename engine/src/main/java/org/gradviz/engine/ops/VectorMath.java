package org.gradviz.engine.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 element-wise kernels with the Vector API, whose exp and log compile to vectorised maths
 * (within 1 ulp, as PyTorch's own vectorised float kernels). Same float steps as the scalar code.
 * Only loaded when {@link MatMulKernel#VECTORIZED}; each method returns how many leading elements it
 * did, and the caller finishes the tail with its scalar loop.
 */
final class VectorMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    private VectorMath() {
    }

    /** out[i] = ((1 - t)·x + max(-x, 0)) + ln(1 + e^-|x|), binary_cross_entropy_with_logits per element. */
    static int bceWithLogits(double[] x, double[] t, double[] out) {
        int upper = S.loopBound(x.length);
        float[] xf = new float[S.length()];
        float[] tf = new float[S.length()];
        float[] r = new float[S.length()];
        for (int i = 0; i < upper; i += S.length()) {
            load(x, i, xf);
            load(t, i, tf);
            FloatVector xv = FloatVector.fromArray(S, xf, 0);
            FloatVector tv = FloatVector.fromArray(S, tf, 0);
            FloatVector m = xv.neg().max(0f);
            FloatVector sum = xv.abs().neg().lanewise(VectorOperators.EXP).add(1f);
            tv.neg().add(1f).mul(xv).add(m).add(sum.lanewise(VectorOperators.LOG)).intoArray(r, 0);
            store(r, out, i);
        }
        return upper;
    }

    /** g[i] = (σ(x) - t)·g[i], then / n when {@code mean}: the input gradient of BCE with logits. */
    static int bceWithLogitsInputGrad(double[] x, double[] t, double[] g, boolean mean) {
        int upper = S.loopBound(x.length);
        float n = x.length;
        float[] xf = new float[S.length()];
        float[] tf = new float[S.length()];
        float[] gf = new float[S.length()];
        for (int i = 0; i < upper; i += S.length()) {
            load(x, i, xf);
            load(t, i, tf);
            load(g, i, gf);
            FloatVector xv = FloatVector.fromArray(S, xf, 0);
            FloatVector sigmoid = ONE.div(xv.neg().lanewise(VectorOperators.EXP).add(1f));
            FloatVector v = sigmoid.sub(FloatVector.fromArray(S, tf, 0)).mul(FloatVector.fromArray(S, gf, 0));
            (mean ? v.div(n) : v).intoArray(gf, 0);
            store(gf, g, i);
        }
        return upper;
    }

    private static void load(double[] from, int offset, float[] to) {
        for (int k = 0; k < to.length; k++) {
            to[k] = (float) from[offset + k];
        }
    }

    private static void store(float[] from, double[] to, int offset) {
        for (int k = 0; k < from.length; k++) {
            to[offset + k] = from[k];
        }
    }
}
