package org.gradviz.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SleefFloat}'s exp and log (SLEEF's {@code expf8_u10}, {@code logf8_u10}) on whole vectors of the JDK's
 * Vector API, step for step as the scalar port: the same fused multiply-adds (a lane-wise {@code fma} is exact, as
 * {@link Math#fma}), the same separate products and sums, so every lane has the scalar port's bits. A function of one
 * lane does not depend on its neighbours, so any vector width gives torch's bits; the elements after the last whole
 * vector use the scalar port.
 *
 * <p>Two AVX2 conversions are done with the "magic number" 1.5·2^23 instead of a float↔int conversion: adding it to
 * a float below 2^22 in magnitude rounds that float to the nearest integer, ties to even (as {@code vcvtps2dq}), and
 * the integer is the low bits of the sum. exp only needs it for arguments in [-104, 100] (the others are replaced by
 * 0 or infinity, NaN stays NaN), log only for exponents.
 *
 * <p>Each function reads one vector from an array and writes it to an array: C2 refuses to inline a method whose own
 * compiled code is large ("already compiled into a big method"), and a call it does not inline passes its vectors
 * boxed, which costs more than the maths. With arrays on both sides, and the whole body in one method, no vector
 * leaves a compiled method.
 *
 * <p>Only loaded when the JVM has {@code jdk.incubator.vector} ({@link org.gradviz.engine.VectorApi#PRESENT}).
 */
public final class VectorSleefFloat {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats in one vector of this machine's preferred width. */
    public static final int LANES = S.length();

    private static final float MAGIC = 0x1.8p23f;
    private static final int MAGIC_BITS = Float.floatToRawIntBits(MAGIC);
    /** ln 2 as SLEEF's log splits it: the high float, and the low part as {@code dfmul} leaves it for e = 1. */
    private static final float LN2_HI = 0.69314718246459960938f;
    private static final float LN2_LO = -1.904654323148236017e-09f;

    private VectorSleefFloat() {
    }

    // ----- exp (xexpf)

    /** exp's argument is the value read. */
    private static final int AS_READ = 0;
    /** exp's argument is 0 - the value read (torch's sigmoid). */
    private static final int ZERO_MINUS = 1;
    /** exp's argument is -|the value read| (binary_cross_entropy_with_logits). */
    private static final int MINUS_ABS = 2;

    /** r[ro..] = {@link SleefFloat#exp} of each of the {@link #LANES} values x[xo..]. */
    public static void exp(float[] x, int xo, float[] r, int ro) {
        expVectors(x, xo, r, ro, 1, AS_READ);
    }

    /**
     * {@link SleefFloat#exp} of {@code vectors} whole vectors from x[xo..] into r[ro..], of each value as read or as
     * {@code argument} says (the float op before exp, done as it reads, so the values go through memory once); the
     * loop holds the whole body, so its constants stay in registers.
     */
    private static void expVectors(float[] x, int xo, float[] r, int ro, int vectors, int argument) {
        for (int k = 0; k < vectors; k++, xo += LANES, ro += LANES) {
            FloatVector read = FloatVector.fromArray(S, x, xo);
            FloatVector d = argument == MINUS_ABS ? read.abs().neg()
                    : argument == ZERO_MINUS ? FloatVector.zero(S).sub(read) : read;
            FloatVector big = d.mul(SleefFloat.R_LN2F).add(MAGIC);
            IntVector q = big.reinterpretAsInts().sub(MAGIC_BITS);
            FloatVector fq = big.sub(MAGIC);
            FloatVector s = fq.fma(FloatVector.broadcast(S, -SleefFloat.L2UF), d);
            s = fq.fma(FloatVector.broadcast(S, -SleefFloat.L2LF), s);
            FloatVector u = FloatVector.broadcast(S, 0.000198527617612853646278381f);
            u = u.fma(s, FloatVector.broadcast(S, 0.00139304355252534151077271f));
            u = u.fma(s, FloatVector.broadcast(S, 0.00833336077630519866943359f));
            u = u.fma(s, FloatVector.broadcast(S, 0.0416664853692054748535156f));
            u = u.fma(s, FloatVector.broadcast(S, 0.166666671633720397949219f));
            u = u.fma(s, FloatVector.broadcast(S, 0.5f));
            u = s.mul(s).fma(u, s).add(1.0f);
            // ldexp2: u · 2^(q>>1) · 2^(q - (q>>1))
            IntVector half = q.lanewise(VectorOperators.ASHR, 1);
            u = u.mul(half.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            u = u.mul(q.sub(half).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            u = u.blend(0f, d.compare(VectorOperators.LT, -104f));
            // -|x| is never above 100
            (argument == MINUS_ABS ? u : u.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, 100f)))
                    .intoArray(r, ro);
        }
    }

    // ----- log (xlogf_u1)

    /** r[ro..] = {@link SleefFloat#log} of each of the {@link #LANES} values x[xo..]. */
    public static void log(float[] x, int xo, float[] r, int ro) {
        logVectors(x, xo, r, ro, 1);
    }

    /** {@link SleefFloat#log} of {@code vectors} whole vectors from x[xo..] into r[ro..], as {@link #expVectors}. */
    private static void logVectors(float[] x, int xo, float[] r, int ro, int vectors) {
        for (int k = 0; k < vectors; k++, xo += LANES, ro += LANES) {
            FloatVector d = FloatVector.fromArray(S, x, xo);
            VectorMask<Float> o = d.compare(VectorOperators.LT, Float.MIN_NORMAL);
            d = d.blend(d.mul(0x1p64f), o);
            IntVector e = d.mul(1.0f / 0.75f).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23).and(0xff)
                    .sub(0x7f);
            FloatVector m = d.reinterpretAsInts().add(e.neg().lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
            // e as a float, less 64 where d was scaled: exact for the few hundred exponents there are (a float mask, as
            // JDK 17 does not compile a float-to-int mask cast)
            FloatVector fe = e.add(MAGIC_BITS).reinterpretAsFloats().sub(MAGIC).sub(FloatVector.zero(S).blend(64f, o));
            // s = dfmul((ln2 hi, lo), e)
            FloatVector sx = fe.mul(LN2_HI);
            FloatVector sy = fe.fma(FloatVector.broadcast(S, LN2_LO), fe.fma(FloatVector.broadcast(S, LN2_HI), sx.neg()));
            // x = dfdiv(dfadd2(-1, m), dfadd2(1, m))
            FloatVector nx = m.add(-1f);
            FloatVector nv = nx.sub(-1f);
            FloatVector ny = FloatVector.broadcast(S, -1f).sub(nx.sub(nv)).add(m.sub(nv));
            FloatVector res = logTail(m, nx, ny, sx, sy);
            res = res.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            res = res.blend(Float.NaN, d.compare(VectorOperators.LT, 0f).or(d.test(VectorOperators.IS_NAN)));
            res.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, 0f)).intoArray(r, ro);
        }
    }

    /**
     * {@link SleefFloat#log} of 1 + each value read, for {@code vectors} whole vectors of values in [0, 1] from x[xo..]
     * into r[ro..]: the same float steps as {@link #logVectors}, less those that cannot change a bit for an argument
     * d in [1, 2]. There log's special cases (subnormal, zero, negative, infinite) cannot arise; the exponent e is 1
     * where d · (1/0.75) reaches 2 and 0 below, so m is d or d/2 (both exact) and (ln2 hi, lo) · e is (0, 0) or
     * (ln2 hi, ln2 lo) as the double-float product gives them; and m - 1 is exact (m is in [0.75, 1.5)), so the low
     * part of dfadd2(-1, m) is 0 and drops out of the division. A NaN read gives some number, not NaN (the caller's
     * own NaN makes its result NaN).
     */
    private static void logOnePlusVectors(float[] x, int xo, float[] r, int ro, int vectors) {
        for (int k = 0; k < vectors; k++, xo += LANES, ro += LANES) {
            FloatVector d = FloatVector.fromArray(S, x, xo).add(1f);
            VectorMask<Float> eIsOne = d.mul(1.0f / 0.75f).compare(VectorOperators.GE, 2f);
            FloatVector m = d.blend(d.mul(0.5f), eIsOne);
            FloatVector sx = FloatVector.zero(S).blend(LN2_HI, eIsOne);
            FloatVector sy = FloatVector.zero(S).blend(LN2_LO, eIsOne);
            logTail(m, m.add(-1f), null, sx, sy).intoArray(r, ro);
        }
    }

    /**
     * The rest of {@code xlogf_u1} after the argument's split into 2^e · m: x = (nx, ny) / dfadd2(1, m), where
     * (nx, ny) = dfadd2(-1, m) (ny null when it is 0), then s + 2x + x³·p(x²) in double-float, with (sx, sy) = ln2 · e.
     */
    private static FloatVector logTail(FloatVector m, FloatVector nx, FloatVector ny, FloatVector sx, FloatVector sy) {
        FloatVector dx = m.add(1f);
        FloatVector dv = dx.sub(1f);
        FloatVector dy = FloatVector.broadcast(S, 1f).sub(dx.sub(dv)).add(m.sub(dv));
        FloatVector t = FloatVector.broadcast(S, 1.0f).div(dx);
        FloatVector qx = nx.mul(t);
        FloatVector uu = t.fma(nx, qx.neg());
        FloatVector v = dy.neg().fma(t, dx.neg().fma(t, FloatVector.broadcast(S, 1f)));
        // with ny = 0, ny·t + uu is uu: uu is never -0 (an exact cancellation t·nx - qx gives +0)
        FloatVector qy = qx.fma(v, ny == null ? uu : ny.fma(t, uu));
        FloatVector x2 = qx.mul(qx);
        FloatVector p = FloatVector.broadcast(S, 0.3027294874f);
        p = p.fma(x2, FloatVector.broadcast(S, 0.3996108174f));
        p = p.fma(x2, FloatVector.broadcast(S, 0.6666694880f));
        // s = dfadd(s, dfscale(x, 2))
        FloatVector ax = qx.mul(2f);
        FloatVector ay = qy.mul(2f);
        FloatVector s1 = sx.add(ax);
        FloatVector s1y = sx.sub(s1).add(ax).add(sy).add(ay);
        // s = dfadd(s, x2 * x.x * p)
        FloatVector z = x2.mul(qx).mul(p);
        FloatVector s2 = s1.add(z);
        FloatVector s2y = s1.sub(s2).add(z).add(s1y);
        return s2.add(s2y);
    }

    // ----- over arrays

    /** r[i] = exp(x[i]) for i in [from, to): whole vectors, then the scalar port. */
    public static void exp(float[] x, float[] r, int from, int to) {
        int vectors = (to - from) / LANES;
        expVectors(x, from, r, from, vectors, AS_READ);
        int i = from + vectors * LANES;
        for (; i < to; i++) {
            r[i] = SleefFloat.exp(x[i]);
        }
    }

    /** r[i] = log(x[i]) for i in [from, to): whole vectors, then the scalar port. */
    public static void log(float[] x, float[] r, int from, int to) {
        int vectors = (to - from) / LANES;
        logVectors(x, from, r, from, vectors);
        int i = from + vectors * LANES;
        for (; i < to; i++) {
            r[i] = SleefFloat.log(x[i]);
        }
    }

    /**
     * r[i] = log(1 + exp(-|x[i]|)) for the whole vectors from the first element, each step rounded as torch's
     * {@code binary_cross_entropy_with_logits} rounds it; returns the first element not done. For a NaN x[i], r[i] is
     * some number (see {@link #logOnePlusVectors}).
     */
    static int logOnePlusExpMinusAbs(float[] x, float[] r) {
        int vectors = r.length / LANES;
        expVectors(x, 0, r, 0, vectors, MINUS_ABS);
        logOnePlusVectors(r, 0, r, 0, vectors);
        return vectors * LANES;
    }

    /** r[i] = e^(0 - x[i]) for the whole vectors below {@code end}, as torch's sigmoid; returns the first not done. */
    static int expOfZeroMinus(float[] x, float[] r, int end) {
        int vectors = end / LANES;
        expVectors(x, 0, r, 0, vectors, ZERO_MINUS);
        return vectors * LANES;
    }

    /**
     * r[i] = 1 / (e^(0 - x[i]) + 1), each step rounded, as torch's {@code Vectorized<float>} sigmoid, for the whole
     * vectors below {@code end}; returns the first element not done.
     */
    public static int sigmoid(float[] x, float[] r, int end) {
        int done = expOfZeroMinus(x, r, end);
        for (int i = 0; i < done; i += LANES) {
            FloatVector.broadcast(S, 1f).div(FloatVector.fromArray(S, r, i).add(1f)).intoArray(r, i);
        }
        return done;
    }
}
