package org.gradviz.engine.kernels;

/**
 * SLEEF 3.5.1's single-precision u10 functions ({@code Sleef_sinf8_u10}, {@code cosf8_u10}, {@code expf8_u10},
 * {@code logf8_u10}, {@code tanhf8_u10}) as its AVX2 build computes them, one lane at a time: every
 * {@code vmla} is a fused multiply-add, rounding and conversions follow the AVX2 instructions (round to
 * nearest even; an out-of-range or NaN float converted to int gives {@code Integer.MIN_VALUE}).
 *
 * <p>NOTE: SLEEF's sin and cos choose their argument reduction once per vector of 8 lanes: Cody–Waite when
 * every lane is below 125 in magnitude, else Payne–Hanek for all 8. The two reductions may differ in the
 * last bit for the same small argument, so a lane's result depends on its neighbours; callers pass
 * {@link #needsPayneHanek} of the whole vector (see {@link TorchUnaryKernels}).
 */
public final class SleefFloat {
    /** Lanes of an AVX2 float vector ({@code Vectorized<float>::size()}). */
    public static final int LANES = 8;

    private static final float M_1_PI = (float) 0.318309886183790671537767526745028724;
    private static final float PI_A2F = 3.1414794921875f;
    private static final float PI_B2F = 0.00011315941810607910156f;
    private static final float PI_C2F = 1.9841872589410058936e-09f;
    private static final float TRIGRANGEMAX2F = 125.0f;
    static final float L2UF = 0.693145751953125f;
    static final float L2LF = 1.428606765330187045e-06f;
    static final float R_LN2F = (float) 1.442695040888963407359924681001892137426645954152985934135449406931;
    private static final float HALF_PI_HI = 3.1415927410125732422f * -0.5f;
    private static final float HALF_PI_LO = -8.7422776573475857731e-08f * -0.5f;
    private static final float NAN_BITS = Float.intBitsToFloat(-1);

    private SleefFloat() {
    }

    /** True when a vector holding {@code x} must reduce sin/cos arguments with Payne–Hanek. */
    public static boolean needsPayneHanek(float x) {
        return !(Math.abs(x) < TRIGRANGEMAX2F);
    }

    // ----- sin, cos (xsinf_u1, xcosf_u1)

    /** {@code Sleef_sinf8_u10} of one lane; {@code payneHanek} is the vector's choice of reduction. */
    public static float sin(float d, boolean payneHanek) {
        int q;
        float sx;
        float sy;
        if (!payneHanek) {
            float u = rint(d * M_1_PI);
            q = (int) u; // |u| < 40: already an integer in range
            float v = Math.fma(u, -PI_A2F, d);
            // s = dfadd2(v, u * -PI_B2f), then dfadd(s, u * -PI_C2f)
            float y = u * -PI_B2F;
            float s = v + y;
            float w = s - v;
            float lo = (v - (s - w)) + (y - w);
            float c = u * -PI_C2F;
            float s2 = s + c;
            sx = s2;
            sy = ((s - s2) + c) + lo;
        } else {
            RemPi r = RemPi.of(d);
            q = r.q & 3;
            q = (q + q + (r.x > 0 ? 2 : 1)) >> 2;
            float rx = r.x;
            float ry = r.y;
            if ((r.q & 1) == 1) {
                float hx = mulsign(HALF_PI_HI, r.x);
                float hy = mulsign(HALF_PI_LO, r.x);
                // dfadd2(df, x)
                float s = rx + hx;
                float v = s - rx;
                float t = (rx - (s - v)) + (hx - v);
                rx = s;
                ry = t + (ry + hy);
            }
            sx = rx + ry;
            sy = (rx - sx) + ry;
            if (Float.isInfinite(d) || Float.isNaN(d)) {
                sx = NAN_BITS;
            }
        }
        float u = sinCosPolynomial(sx, sy);
        if ((q & 1) == 1) {
            u = flipSign(u);
        }
        return Float.floatToRawIntBits(d) == 0x80000000 ? d : u;
    }

    /** {@code Sleef_cosf8_u10} of one lane; {@code payneHanek} is the vector's choice of reduction. */
    public static float cos(float d, boolean payneHanek) {
        int q;
        float sx;
        float sy;
        if (!payneHanek) {
            float dq = Math.fma(rint(Math.fma(d, M_1_PI, -0.5f)), 2f, 1f);
            q = (int) dq; // |dq| < 82: already an integer in range
            float[] s = {d, 0};
            dfadd2Pure(s, d, dq * (-PI_A2F * 0.5f));
            dfadd2(s, dq * (-PI_B2F * 0.5f));
            dfadd2(s, dq * (-PI_C2F * 0.5f));
            sx = s[0];
            sy = s[1];
        } else {
            RemPi r = RemPi.of(d);
            q = r.q & 3;
            q = (q + q + (r.x > 0 ? 8 : 7)) >> 1;
            float rx = r.x;
            float ry = r.y;
            if ((r.q & 1) == 0) {
                float y = r.x > 0 ? 0f : -1f;
                float hx = mulsign(HALF_PI_HI, y);
                float hy = mulsign(HALF_PI_LO, y);
                float s = rx + hx;
                float v = s - rx;
                float t = (rx - (s - v)) + (hx - v);
                rx = s;
                ry = t + (ry + hy);
            }
            sx = rx + ry;
            sy = (rx - sx) + ry;
            if (Float.isInfinite(d) || Float.isNaN(d)) {
                sx = NAN_BITS;
            }
        }
        float u = sinCosPolynomial(sx, sy);
        if ((q & 2) == 0) {
            u = flipSign(u);
        }
        return u;
    }

    /** t·(1 + s²·P(s²)) in float-float, with t = (sx, sy) the reduced argument. */
    private static float sinCosPolynomial(float tx, float ty) {
        // s = dfsqu(t)
        float sx = tx * tx;
        float sy = Math.fma(tx + tx, ty, Math.fma(tx, tx, -sx));
        float u = 2.6083159809786593541503e-06f;
        u = Math.fma(u, sx, -0.0001981069071916863322258f);
        u = Math.fma(u, sx, 0.00833307858556509017944336f);
        // a = dfadd(-0.1666666, u * s.x)
        float c = -0.166666597127914428710938f;
        float us = u * sx;
        float ax = c + us;
        float ay = (c - ax) + us;
        // m = dfmul(a, s)
        float mx = ax * sx;
        float my = Math.fma(ax, sy, Math.fma(ay, sx, Math.fma(ax, sx, -mx)));
        // x = dfadd(1, m)
        float xx = 1f + mx;
        float xy = ((1f - xx) + mx) + my;
        // dfmul_vf_vf2_vf2(t, x)
        return Math.fma(tx, xx, Math.fma(ty, xx, tx * xy));
    }

    // ----- exp (xexpf)

    /** {@code Sleef_expf8_u10} of one lane. */
    public static float exp(float d) {
        int q = rintToInt(d * R_LN2F);
        float fq = q;
        float s = Math.fma(fq, -L2UF, d);
        s = Math.fma(fq, -L2LF, s);
        float u = 0.000198527617612853646278381f;
        u = Math.fma(u, s, 0.00139304355252534151077271f);
        u = Math.fma(u, s, 0.00833336077630519866943359f);
        u = Math.fma(u, s, 0.0416664853692054748535156f);
        u = Math.fma(u, s, 0.166666671633720397949219f);
        u = Math.fma(u, s, 0.5f);
        u = 1.0f + Math.fma(s * s, u, s);
        u = ldexp2(u, q);
        if (d < -104) {
            u = 0f;
        }
        if (100 < d) {
            u = Float.POSITIVE_INFINITY;
        }
        return u;
    }

    // ----- log (xlogf_u1)

    /** {@code Sleef_logf8_u10} of one lane. */
    public static float log(float d) {
        boolean o = d < Float.MIN_NORMAL;
        if (o) {
            d = d * 0x1p64f;
        }
        int e = ilogb2k(d * (1.0f / 0.75f));
        float m = ldexp3(d, -e);
        if (o) {
            e -= 64;
        }
        // s = dfmul((ln2 hi, lo), e)
        float fe = e;
        float lnHi = 0.69314718246459960938f;
        float lnLo = -1.904654323148236017e-09f;
        float sx = lnHi * fe;
        float sy = Math.fma(lnLo, fe, Math.fma(lnHi, fe, -sx));
        // x = dfdiv(dfadd2(-1, m), dfadd2(1, m))
        float nx = -1f + m;
        float nv = nx - -1f;
        float ny = (-1f - (nx - nv)) + (m - nv);
        float dx = 1f + m;
        float dv = dx - 1f;
        float dy = (1f - (dx - dv)) + (m - dv);
        float t = 1.0f / dx;
        float qx = nx * t;
        float uu = Math.fma(t, nx, -qx);
        float v = Math.fma(-dy, t, Math.fma(-dx, t, 1f));
        float qy = Math.fma(qx, v, Math.fma(ny, t, uu));
        return logSpecials(logSeries(sx, sy, qx, qy), d);
    }

    /**
     * The sum that ends SLEEF's natural logarithms (xlogf_u1, xlog1pf): s + 2x + x³·P(x²) in double-float arithmetic,
     * with s = e·ln 2 as (sx, sy) and x = (m - 1) / (m + 1) as (qx, qy), rounded to one float.
     */
    static float logSeries(float sx, float sy, float qx, float qy) {
        float x2 = qx * qx;
        float p = 0.3027294874f;
        p = Math.fma(p, x2, 0.3996108174f);
        p = Math.fma(p, x2, 0.6666694880f);
        // s = dfadd(s, dfscale(x, 2))
        float ax = qx * 2f;
        float ay = qy * 2f;
        float s1 = sx + ax;
        float s1y = (((sx - s1) + ax) + sy) + ay;
        // s = dfadd(s, x2 * x.x * p)
        float z = (x2 * qx) * p;
        float s2 = s1 + z;
        float s2y = ((s1 - s2) + z) + s1y;
        return s2 + s2y;
    }

    /** The last step of SLEEF's logarithms: r, except inf for +inf, NaN below 0 or for NaN, -inf for ±0. */
    static float logSpecials(float r, float d) {
        if (d == Float.POSITIVE_INFINITY) {
            return Float.POSITIVE_INFINITY;
        }
        if (d < 0 || Float.isNaN(d)) {
            return Float.NaN;
        }
        return d == 0 ? Float.NEGATIVE_INFINITY : r;
    }

    // ----- tanh (xtanhf)

    /** {@code Sleef_tanhf8_u10} of one lane. */
    public static float tanh(float x) {
        float y = Math.abs(x);
        float[] d = expk2(y);
        float dx = d[0];
        float dy = d[1];
        // e = dfrec(d)
        float ex = 1.0f / dx;
        float ey = ex * Math.fma(-dy, ex, Math.fma(-dx, ex, 1f));
        // n = dfadd(d, -e), m = dfadd(d, e)  (dfadd_vf2_vf2_vf2)
        float nx = dx + -ex;
        float ny = (((dx - nx) + -ex) + dy) + -ey;
        float mx = dx + ex;
        float my = (((dx - mx) + ex) + dy) + ey;
        // dfdiv(n, m)
        float t = 1.0f / mx;
        float qx = nx * t;
        float u = Math.fma(t, nx, -qx);
        float v = Math.fma(-my, t, Math.fma(-mx, t, 1f));
        float qy = Math.fma(qx, v, Math.fma(ny, t, u));
        y = qx + qy;
        if (Math.abs(x) > 8.664339742f || Float.isNaN(y)) {
            y = 1.0f;
        }
        y = mulsign(y, x);
        return Float.isNaN(x) ? NAN_BITS : y;
    }

    /** expk2f: e^(d, 0) as a float-float pair. */
    static float[] expk2(float d) {
        float u = (d + 0f) * R_LN2F;
        int q = rintToInt(u);
        float fq = q;
        float[] s = {d, 0};
        dfadd2(s, fq * -L2UF);
        dfadd2(s, fq * -L2LF);
        float sx = s[0];
        float sy = s[1];
        u = 0.1980960224e-3f;
        u = Math.fma(u, sx, 0.1394256484e-2f);
        u = Math.fma(u, sx, 0.8333456703e-2f);
        u = Math.fma(u, sx, 0.4166637361e-1f);
        // t = dfadd2(dfmul(s, u), 0.16666666)
        float[] t = {sx * u, 0};
        t[1] = Math.fma(sy, u, Math.fma(sx, u, -t[0]));
        dfadd2(t, 0.166666659414234244790680580464e+0f);
        // t = dfadd2(dfmul(s, t), 0.5)
        float mx = sx * t[0];
        float my = Math.fma(sx, t[1], Math.fma(sy, t[0], Math.fma(sx, t[0], -mx)));
        t[0] = mx;
        t[1] = my;
        dfadd2(t, 0.5f);
        // t = dfadd2(s, dfmul(dfsqu(s), t))
        float qx = sx * sx;
        float qy = Math.fma(sx + sx, sy, Math.fma(sx, sx, -qx));
        float px = qx * t[0];
        float py = Math.fma(qx, t[1], Math.fma(qy, t[0], Math.fma(qx, t[0], -px)));
        float a = sx + px;
        float av = a - sx;
        float at = (sx - (a - av)) + (px - av);
        float ay = at + (sy + py);
        // t = dfadd(1, t)
        float rx = 1f + a;
        float ry = ((1f - rx) + a) + ay;
        rx = ldexp2(rx, q);
        ry = ldexp2(ry, q);
        if (d < -104) {
            rx = 0f;
            ry = 0f;
        }
        return new float[] {rx, ry};
    }

    // ----- Payne–Hanek reduction (rempif)

    /** (x, y) = the argument reduced by π/2 as a float-float pair; q = the quadrant. */
    private record RemPi(float x, float y, int q) {
        static RemPi of(float a) {
            int ex = ilogb2k(a) - 25;
            int q = ex > 90 - 25 ? -64 : 0;
            a = ldexp3(a, q);
            ex = ex < 0 ? 0 : ex;
            ex <<= 2;
            float[] tab = RemPiTables.SP;
            // x = dfmul(a, tab[ex])
            float xx = a * tab[ex];
            float xy = Math.fma(a, tab[ex], -xx);
            float di = rempisubD(xx);
            q = rempisubI(xx);
            xx = di;
            float n = xx + xy;
            xy = (xx - n) + xy;
            xx = n;
            // y = dfmul(a, tab[ex+1]); x = dfadd2(x, y)
            float yx = a * tab[ex + 1];
            float yy = Math.fma(a, tab[ex + 1], -yx);
            float s = xx + yx;
            float v = s - xx;
            float t = (xx - (s - v)) + (yx - v);
            xx = s;
            xy = t + (xy + yy);
            di = rempisubD(xx);
            q += rempisubI(xx);
            xx = di;
            n = xx + xy;
            xy = (xx - n) + xy;
            xx = n;
            // y = dfmul((tab[ex+2], tab[ex+3]), a); x = dfadd2(x, y)
            float hx = tab[ex + 2];
            float hy = tab[ex + 3];
            yx = hx * a;
            yy = Math.fma(hy, a, Math.fma(hx, a, -yx));
            s = xx + yx;
            v = s - xx;
            t = (xx - (s - v)) + (yx - v);
            xx = s;
            xy = t + (xy + yy);
            n = xx + xy;
            xy = (xx - n) + xy;
            xx = n;
            // x = dfmul(x, 2π as float-float)
            float px = 3.1415927410125732422f * 2;
            float py = -8.7422776573475857731e-08f * 2;
            float mx = xx * px;
            float my = Math.fma(xx, py, Math.fma(xy, px, Math.fma(xx, px, -mx)));
            if (Math.abs(a) < 0.7f) {
                return new RemPi(a, 0, q);
            }
            return new RemPi(mx, my, q);
        }

        private static float rempisubD(float x) {
            float y = rint(x * 4);
            return x - y * 0.25f;
        }

        private static int rempisubI(float x) {
            float y = rint(x * 4);
            return truncateToInt(y - rint(x) * 4);
        }
    }

    // ----- pow (xpowf)

    /** {@code Sleef_powf8_u10} of one lane. */
    public static float pow(float x, float y) {
        boolean yIsInt = truncate(y) == y || Math.abs(y) > 0x1p24f;
        boolean yIsOdd = (truncateToInt(y) & 1) == 1 && yIsInt && Math.abs(y) < 0x1p24f;
        float result = expk(mul(logk(Math.abs(x)), y));
        if (Float.isNaN(result)) {
            result = Float.POSITIVE_INFINITY;
        }
        result *= x > 0 ? 1f : !yIsInt ? Float.NaN : yIsOdd ? -1f : 1f;
        float efx = mulsign(Math.abs(x) - 1f, y);
        if (Float.isInfinite(y)) {
            result = efx < 0 ? 0f : efx == 0 ? 1f : Float.POSITIVE_INFINITY;
        }
        if (Float.isInfinite(x) || x == 0) {
            float magnitude = (x == 0 ? -y : y) < 0 ? 0f : Float.POSITIVE_INFINITY;
            result = (yIsOdd ? mulsign(1f, x) : 1f) * magnitude;
        }
        if (Float.isNaN(x) || Float.isNaN(y)) {
            result = NAN_BITS;
        }
        return y == 0 || x == 1 ? 1f : result;
    }

    /** logkf: log(d) as a float-float pair. */
    private static FF logk(float d) {
        boolean o = d < Float.MIN_NORMAL;
        if (o) {
            d = d * 0x1p64f;
        }
        int e = ilogb2k(d * (1.0f / 0.75f));
        float m = ldexp3(d, -e);
        if (o) {
            e -= 64;
        }
        FF x = div(add2(-1f, m), add2(1f, m));
        FF x2 = squ(x);
        float t = (float) 0.240320354700088500976562;
        t = Math.fma(t, x2.x, (float) 0.285112679004669189453125);
        t = Math.fma(t, x2.x, (float) 0.400007992982864379882812);
        FF c = new FF(0.66666662693023681640625f, 3.69183861259614332084311e-09f);
        FF s = mul(new FF(0.69314718246459960938f, -1.904654323148236017e-09f), (float) e);
        s = add(s, new FF(x.x * 2, x.y * 2));
        return add(s, mul(mul(x2, x), add2(mul(x2, t), c)));
    }

    /** expkf: e^d of a float-float pair. */
    private static float expk(FF d) {
        int q = rintToInt((d.x + d.y) * R_LN2F);
        float[] s = {d.x, d.y};
        dfadd2(s, (float) q * -L2UF);
        dfadd2(s, (float) q * -L2LF);
        float sx = s[0] + s[1];
        FF n = new FF(sx, (s[0] - sx) + s[1]);
        float u = 0.00136324646882712841033936f;
        u = Math.fma(u, n.x, 0.00836596917361021041870117f);
        u = Math.fma(u, n.x, 0.0416710823774337768554688f);
        u = Math.fma(u, n.x, 0.166665524244308471679688f);
        u = Math.fma(u, n.x, 0.499999850988388061523438f);
        FF t = add(n, mul(squ(n), u));
        float one = 1f + t.x;
        t = new FF(one, ((1f - one) + t.x) + t.y);
        u = ldexp(t.x + t.y, q);
        return d.x < -104 ? 0f : u;
    }

    /** A float-float pair: value {@code x + y}, {@code |y|} below half an ulp of {@code x}. */
    record FF(float x, float y) {
    }

    /** dfadd2_vf2_vf_vf. */
    static FF add2(float x, float y) {
        float s = x + y;
        float v = s - x;
        return new FF(s, (x - (s - v)) + (y - v));
    }

    /** dfadd_vf2_vf2_vf2 (|x| >= |y|). */
    static FF add(FF x, FF y) {
        float s = x.x + y.x;
        return new FF(s, (((x.x - s) + y.x) + x.y) + y.y);
    }

    /** dfadd2_vf2_vf2_vf2. */
    private static FF add2(FF x, FF y) {
        float s = x.x + y.x;
        float v = s - x.x;
        float t = (x.x - (s - v)) + (y.x - v);
        return new FF(s, t + (x.y + y.y));
    }

    /** dfadd_vf2_vf2_vf (|x| >= |y|). */
    static FF add(FF x, float y) {
        float s = x.x + y;
        return new FF(s, ((x.x - s) + y) + x.y);
    }

    /** dfadd2_vf2_vf_vf2. */
    static FF add2(float x, FF y) {
        float s = x + y.x;
        float v = s - x;
        return new FF(s, ((x - (s - v)) + (y.x - v)) + y.y);
    }

    /** dfadd2_vf2_vf2_vf. */
    static FF add2(FF x, float y) {
        float s = x.x + y;
        float v = s - x.x;
        return new FF(s, ((x.x - (s - v)) + (y - v)) + x.y);
    }

    /** dfmul_vf2_vf2_vf. */
    static FF mul(FF x, float y) {
        float s = x.x * y;
        return new FF(s, Math.fma(x.y, y, Math.fma(x.x, y, -s)));
    }

    /** dfmul_vf2_vf2_vf2. */
    static FF mul(FF x, FF y) {
        float s = x.x * y.x;
        return new FF(s, Math.fma(x.x, y.y, Math.fma(x.y, y.x, Math.fma(x.x, y.x, -s))));
    }

    /** dfsqu_vf2_vf2. */
    private static FF squ(FF x) {
        float s = x.x * x.x;
        return new FF(s, Math.fma(x.x + x.x, x.y, Math.fma(x.x, x.x, -s)));
    }

    /** dfdiv_vf2_vf2_vf2. */
    static FF div(FF n, FF d) {
        float t = 1.0f / d.x;
        float s = n.x * t;
        float u = Math.fma(t, n.x, -s);
        float v = Math.fma(-d.y, t, Math.fma(-d.x, t, 1f));
        return new FF(s, Math.fma(s, v, Math.fma(n.y, t, u)));
    }

    /** vldexp_vf_vf_vi2: x·2^q in steps that neither overflow nor flush early. */
    private static float ldexp(float x, int q) {
        int m = q >> 31;
        m = (((m + q) >> 6) - m) << 4;
        q = q - (m << 2);
        m = Math.min(Math.max(m + 0x7f, 0), 0xff);
        float u = Float.intBitsToFloat(m << 23);
        x = x * u * u * u * u;
        return x * Float.intBitsToFloat((q + 0x7f) << 23);
    }

    /** {@code _mm256_round_ps} towards zero. */
    private static float truncate(float x) {
        return Float.isInfinite(x) || Float.isNaN(x) ? x : (float) (x < 0 ? -Math.floor(-x) : Math.floor(x));
    }

    // ----- float-float steps and AVX2 conversions

    /** s = dfadd2_vf2_vf2_vf(s, y), in place. */
    static void dfadd2(float[] s, float y) {
        float x = s[0];
        float r = x + y;
        float v = r - x;
        float t = (x - (r - v)) + (y - v);
        s[0] = r;
        s[1] = t + s[1];
    }

    /** s = dfadd2_vf2_vf_vf(x, y), in place. */
    private static void dfadd2Pure(float[] s, float x, float y) {
        float r = x + y;
        float v = r - x;
        s[0] = r;
        s[1] = (x - (r - v)) + (y - v);
    }

    /** {@code _mm256_round_ps} to nearest even. */
    static float rint(float x) {
        return (float) Math.rint(x);
    }

    /** {@code _mm256_cvtps_epi32}: nearest even; NaN and out-of-range give {@code 0x80000000}. */
    static int rintToInt(float x) {
        return Math.abs(x) < 0x1p31f ? (int) Math.rint(x) : Integer.MIN_VALUE;
    }

    /** {@code _mm256_cvttps_epi32}. */
    static int truncateToInt(float x) {
        return Math.abs(x) < 0x1p31f ? (int) x : Integer.MIN_VALUE;
    }

    static int ilogb2k(float d) {
        return ((Float.floatToRawIntBits(d) >>> 23) & 0xff) - 0x7f;
    }

    static float ldexp3(float d, int q) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(d) + (q << 23));
    }

    private static float pow2i(int q) {
        return Float.intBitsToFloat((q + 0x7f) << 23);
    }

    private static float ldexp2(float d, int e) {
        return d * pow2i(e >> 1) * pow2i(e - (e >> 1));
    }

    private static float mulsign(float x, float y) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ (Float.floatToRawIntBits(y) & 0x80000000));
    }

    private static float flipSign(float x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ 0x80000000);
    }
}
