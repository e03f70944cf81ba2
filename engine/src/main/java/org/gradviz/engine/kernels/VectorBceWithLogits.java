package org.gradviz.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The whole vectors of {@link BceWithLogitsFloat}'s loops with the Vector API: the same float steps per lane, exp and
 * log from {@link VectorSleefFloat}. Each method fills whole vectors from the first element and returns where it
 * stopped; the caller does the rest. Only loaded when the JVM has {@code jdk.incubator.vector}.
 */
final class VectorBceWithLogits {
    private static final VectorSpecies<Float> S = VectorSleefFloat.S;
    private static final int L = S.length();

    private VectorBceWithLogits() {
    }

    /**
     * ((1-t)·x + max(-x, 0)) + log(1 + exp(-|x|)) for whole vectors; returns the first element not done. In passes
     * over the array (r holds log(1 + exp(-|x|)), then the loss), so that each SLEEF loop keeps its constants in
     * registers. A NaN x (or t) makes the first sum NaN, so the loss is NaN whatever the log gave.
     */
    static int loss(float[] x, float[] t, float[] r) {
        int end = VectorSleefFloat.logOnePlusExpMinusAbs(x, r);
        for (int i = 0; i < end; i += L) {
            FloatVector xv = FloatVector.fromArray(S, x, i);
            FloatVector m = xv.neg().max(0f);
            FloatVector linear = FloatVector.broadcast(S, 1f).sub(FloatVector.fromArray(S, t, i)).mul(xv).add(m);
            linear.add(FloatVector.fromArray(S, r, i)).intoArray(r, i);
        }
        return end;
    }

    /** (σ(x) - t)·g (/ n for mean) for whole vectors below {@code end}; returns the first element not done. */
    static int inputGrad(float[] x, float[] t, float g, boolean mean, float n, float[] r, int end) {
        int done = VectorSleefFloat.expOfZeroMinus(x, r, end);
        for (int i = 0; i < done; i += L) {
            // torch's sigmoid, 1 / (e + 1), then the rest in the same pass
            FloatVector sigmoid = FloatVector.broadcast(S, 1f).div(FloatVector.fromArray(S, r, i).add(1f));
            FloatVector d = sigmoid.sub(FloatVector.fromArray(S, t, i)).mul(g);
            (mean ? d.div(n) : d).intoArray(r, i);
        }
        return done;
    }
}
