package org.gradviz.engine.kernels;

/**
 * glibc 2.36's {@code logf} and {@code log} as their x86-64 FMA variants compute them: the scalar {@code std::log}
 * that PyTorch's non-vectorised CPU kernels call (binary_cross_entropy's element loss). Neither is correctly rounded
 * (0.82 and 0.52 ulp at worst), so only this algorithm gives their last bits. Each {@code a*b + c} of the C source
 * that GCC contracts is one fused multiply-add here. Also glibc's {@code log2} (FMA variant), {@code log10} (fdlibm's
 * algorithm, compiled without fused multiply-adds) and {@code log1p} (fdlibm's, FMA variant), as CPython's
 * {@code math.log2}/{@code math.log10}/{@code math.log1p} call them.
 */
public final class GlibcLog {
    private GlibcLog() {
    }

    // ----- logf (sysdeps/ieee754/flt-32/e_logf.c, table e_logf_data.c)

    private static final int LOGF_OFF = 0x3f330000;
    /** Per subinterval i of [OFF, 2·OFF): 1/c and log(c) for c near its centre. */
    static final double[] LOGF_INVC = {
        0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0, 0x1.3c995b0b80385p+0,
        0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
        0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1,
        0x1.b2036576afce6p-1, 0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1,
    };
    private static final double[] LOGF_LOGC = {
        -0x1.57bf7808caadep-2, -0x1.2bef0a7c06ddbp-2, -0x1.01eae7f513a67p-2, -0x1.b31d8a68224e9p-3,
        -0x1.6574f0ac07758p-3, -0x1.1aa2bc79c81p-3, -0x1.a4e76ce8c0e5ep-4, -0x1.1973c5a611cccp-4,
        -0x1.252f438e10c1ep-5, 0x0p+0, 0x1.aa5aa5df25984p-5, 0x1.c5e53aa362eb4p-4,
        0x1.526e57720db08p-3, 0x1.bc2860d22477p-3, 0x1.1058bc8a07ee1p-2, 0x1.4043057b6ee09p-2,
    };
    private static final double LOGF_LN2 = 0x1.62e42fefa39efp-1;
    private static final double LOGF_A0 = -0x1.00ea348b88334p-2;
    private static final double LOGF_A1 = 0x1.5575b0be00b6ap-2;
    private static final double LOGF_A2 = -0x1.ffffef20a4123p-2;

    /**
     * glibc's {@code logf} (its FMA variant): log(x) = log1p(z/c - 1) + log(c) + k·ln2 for x = 2^k·z, evaluated in
     * double and rounded once to float (not always the correctly rounded result: 0.82 ulp at most).
     */
    public static float logf(float x) {
        int ix = Float.floatToRawIntBits(x);
        if (ix == 0x3f800000) {
            return 0;
        }
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0) {
            if (ix * 2 == 0) {
                return Float.NEGATIVE_INFINITY;
            }
            if (ix == 0x7f800000) {
                return x;
            }
            if ((ix & 0x80000000) != 0 || Integer.compareUnsigned(ix * 2, 0xff000000) >= 0) {
                return Float.NaN;
            }
            ix = Float.floatToRawIntBits(x * 0x1p23f) - (23 << 23); // subnormal: normalized
        }
        int tmp = ix - LOGF_OFF;
        int i = (tmp >>> (23 - 4)) % 16;
        int k = tmp >> 23;
        int iz = ix - (tmp & 0xff800000);
        double z = Float.intBitsToFloat(iz);
        double r = Math.fma(z, LOGF_INVC[i], -1);
        double y0 = Math.fma(k, LOGF_LN2, LOGF_LOGC[i]);
        double r2 = r * r;
        double y = Math.fma(LOGF_A1, r, LOGF_A2);
        y = Math.fma(LOGF_A0, r2, y);
        y = Math.fma(y, r2, y0 + r);
        return (float) y;
    }

    // ----- log (sysdeps/ieee754/dbl-64/e_log.c, table e_log_data.c)

    private static final long LOG_OFF = 0x3fe6000000000000L;
    private static final double LOG_LN2_HI = 0x1.62e42fefa3800p-1;
    private static final double LOG_LN2_LO = 0x1.ef35793c76730p-45;
    /** log1p(r) - r ≈ A0·r² + ... for |r| < 1/256. */
    private static final double[] LOG_A = {
        -0x1.0000000000001p-1, 0x1.555555551305bp-2, -0x1.fffffffeb459p-3, 0x1.999b324f10111p-3, -0x1.55575e506c89fp-3,
    };
    /** log1p(r) ≈ r + B0·r² + ... near 1 (|log x| < 1/16). */
    private static final double[] LOG_B = {
        -0x1p-1, 0x1.5555555555577p-2, -0x1.ffffffffffdcbp-3, 0x1.999999995dd0cp-3, -0x1.55555556745a7p-3,
        0x1.24924a344de3p-3, -0x1.fffffa4423d65p-4, 0x1.c7184282ad6cap-4, -0x1.999eb43b068ffp-4, 0x1.78182f7afd085p-4,
        -0x1.5521375d145cdp-4,
    };
    /** Per subinterval i of [OFF, 2·OFF): 1/c (c near its centre) ... */
    private static final double[] LOG_INVC = {
        0x1.734f0c3e0de9fp+0, 0x1.713786a2ce91fp+0, 0x1.6f26008fab5a0p+0, 0x1.6d1a61f138c7dp+0, 0x1.6b1490bc5b4d1p+0,
        0x1.69147332f0cbap+0, 0x1.6719f18224223p+0, 0x1.6524f99a51ed9p+0, 0x1.63356aa8f24c4p+0, 0x1.614b36b9ddc14p+0,
        0x1.5f66452c65c4cp+0, 0x1.5d867b5912c4fp+0, 0x1.5babccb5b90dep+0, 0x1.59d61f2d91a78p+0, 0x1.5805612465687p+0,
        0x1.56397cee76bd3p+0, 0x1.54725e2a77f93p+0, 0x1.52aff42064583p+0, 0x1.50f22dbb2bddfp+0, 0x1.4f38f4734ded7p+0,
        0x1.4d843cfde2840p+0, 0x1.4bd3ec078a3c8p+0, 0x1.4a27fc3e0258ap+0, 0x1.4880524d48434p+0, 0x1.46dce1b192d0bp+0,
        0x1.453d9d3391854p+0, 0x1.43a2744b4845ap+0, 0x1.420b54115f8fbp+0, 0x1.40782da3ef4b1p+0, 0x1.3ee8f5d57fe8fp+0,
        0x1.3d5d9a00b4ce9p+0, 0x1.3bd60c010c12bp+0, 0x1.3a5242b75dab8p+0, 0x1.38d22cd9fd002p+0, 0x1.3755bc5847a1cp+0,
        0x1.35dce49ad36e2p+0, 0x1.34679984dd440p+0, 0x1.32f5cceffcb24p+0, 0x1.3187775a10d49p+0, 0x1.301c8373e3990p+0,
        0x1.2eb4ebb95f841p+0, 0x1.2d50a0219a9d1p+0, 0x1.2bef9a8b7fd2ap+0, 0x1.2a91c7a0c1babp+0, 0x1.293726014b530p+0,
        0x1.27dfa5757a1f5p+0, 0x1.268b39b1d3bbfp+0, 0x1.2539d838ff5bdp+0, 0x1.23eb7aac9083bp+0, 0x1.22a012ba940b6p+0,
        0x1.2157996cc4132p+0, 0x1.201201dd2fc9bp+0, 0x1.1ecf4494d480bp+0, 0x1.1d8f5528f6569p+0, 0x1.1c52311577e7cp+0,
        0x1.1b17c74cb26e9p+0, 0x1.19e010c2c1ab6p+0, 0x1.18ab07bb670bdp+0, 0x1.1778a25efbcb6p+0, 0x1.1648d354c31dap+0,
        0x1.151b990275fddp+0, 0x1.13f0ea432d24cp+0, 0x1.12c8b7210f9dap+0, 0x1.11a3028ecb531p+0, 0x1.107fbda8434afp+0,
        0x1.0f5ee0f4e6bb3p+0, 0x1.0e4065d2a9fcep+0, 0x1.0d244632ca521p+0, 0x1.0c0a77ce2981ap+0, 0x1.0af2f83c636d1p+0,
        0x1.09ddb98a01339p+0, 0x1.08cabaf52e7dfp+0, 0x1.07b9f2f4e28fbp+0, 0x1.06ab58c358f19p+0, 0x1.059eea5ecf92cp+0,
        0x1.04949cdd12c90p+0, 0x1.038c6c6f0ada9p+0, 0x1.02865137932a9p+0, 0x1.0182427ea7348p+0, 0x1.008040614b195p+0,
        0x1.fe01ff726fa1ap-1, 0x1.fa11cc261ea74p-1, 0x1.f6310b081992ep-1, 0x1.f25f63ceeadcdp-1, 0x1.ee9c8039113e7p-1,
        0x1.eae8078cbb1abp-1, 0x1.e741aa29d0c9bp-1, 0x1.e3a91830a99b5p-1, 0x1.e01e009609a56p-1, 0x1.dca01e577bb98p-1,
        0x1.d92f20b7c9103p-1, 0x1.d5cac66fb5ccep-1, 0x1.d272caa5ede9dp-1, 0x1.cf26e3e6b2ccdp-1, 0x1.cbe6da2a77902p-1,
        0x1.c8b266d37086dp-1, 0x1.c5894bd5d5804p-1, 0x1.c26b533bb9f8cp-1, 0x1.bf583eeece73fp-1, 0x1.bc4fd75db96c1p-1,
        0x1.b951e0c864a28p-1, 0x1.b65e2c5ef3e2cp-1, 0x1.b374867c9888bp-1, 0x1.b094b211d304ap-1, 0x1.adbe885f2ef7ep-1,
        0x1.aaf1d31603da2p-1, 0x1.a82e63fd358a7p-1, 0x1.a5740ef09738bp-1, 0x1.a2c2a90ab4b27p-1, 0x1.a01a01393f2d1p-1,
        0x1.9d79f24db3c1bp-1, 0x1.9ae2505c7b190p-1, 0x1.9852ef297ce2fp-1, 0x1.95cbaeea44b75p-1, 0x1.934c69de74838p-1,
        0x1.90d4f2f6752e6p-1, 0x1.8e6528effd79dp-1, 0x1.8bfce9fcc007cp-1, 0x1.899c0dabec30ep-1, 0x1.87427aa2317fbp-1,
        0x1.84f00acb39a08p-1, 0x1.82a49e8653e55p-1, 0x1.8060195f40260p-1, 0x1.7e22563e0a329p-1, 0x1.7beb377dcb5adp-1,
        0x1.79baa679725c2p-1, 0x1.77907f2170657p-1, 0x1.756cadbd6130cp-1,
    };
    /** ... and log(c), with ln2hi·k + log(c) exact. */
    private static final double[] LOG_LOGC = {
        -0x1.7cc7f79e69000p-2, -0x1.76feec20d0000p-2, -0x1.713e31351e000p-2, -0x1.6b85b38287800p-2,
        -0x1.65d5590807800p-2, -0x1.602d076180000p-2, -0x1.5a8ca86909000p-2, -0x1.54f4356035000p-2,
        -0x1.4f637c36b4000p-2, -0x1.49da7fda85000p-2, -0x1.445923989a800p-2, -0x1.3edf439b0b800p-2,
        -0x1.396ce448f7000p-2, -0x1.3401e17bda000p-2, -0x1.2e9e2ef468000p-2, -0x1.2941b3830e000p-2,
        -0x1.23ec58cda8800p-2, -0x1.1e9e129279000p-2, -0x1.1956d2b48f800p-2, -0x1.141679ab9f800p-2,
        -0x1.0edd094ef9800p-2, -0x1.09aa518db1000p-2, -0x1.047e65263b800p-2, -0x1.feb224586f000p-3,
        -0x1.f474a7517b000p-3, -0x1.ea4443d103000p-3, -0x1.e020d44e9b000p-3, -0x1.d60a22977f000p-3,
        -0x1.cc00104959000p-3, -0x1.c202956891000p-3, -0x1.b81178d811000p-3, -0x1.ae2c9ccd3d000p-3,
        -0x1.a45402e129000p-3, -0x1.9a877681df000p-3, -0x1.90c6d69483000p-3, -0x1.87120a645c000p-3,
        -0x1.7d68fb4143000p-3, -0x1.73cb83c627000p-3, -0x1.6a39a9b376000p-3, -0x1.60b3154b7a000p-3,
        -0x1.5737d76243000p-3, -0x1.4dc7b8fc23000p-3, -0x1.4462c51d20000p-3, -0x1.3b08abc830000p-3,
        -0x1.31b996b490000p-3, -0x1.2875490a44000p-3, -0x1.1f3b9f879a000p-3, -0x1.160c8252ca000p-3,
        -0x1.0ce7f57f72000p-3, -0x1.03cdc49fea000p-3, -0x1.f57bdbc4b8000p-4, -0x1.e370896404000p-4,
        -0x1.d17983ef94000p-4, -0x1.bf9674ed8a000p-4, -0x1.adc79202f6000p-4, -0x1.9c0c3e7288000p-4,
        -0x1.8a646b372c000p-4, -0x1.78d01b3ac0000p-4, -0x1.674f145380000p-4, -0x1.55e0e6d878000p-4,
        -0x1.4485cdea1e000p-4, -0x1.333d94d6aa000p-4, -0x1.22079f8c56000p-4, -0x1.10e4698622000p-4,
        -0x1.ffa6c6ad20000p-5, -0x1.dda8d4a774000p-5, -0x1.bbcece4850000p-5, -0x1.9a1894012c000p-5,
        -0x1.788583302c000p-5, -0x1.5715e67d68000p-5, -0x1.35c8a49658000p-5, -0x1.149e364154000p-5,
        -0x1.e72c082eb8000p-6, -0x1.a55f152528000p-6, -0x1.63d62cf818000p-6, -0x1.228fb8caa0000p-6,
        -0x1.c317b20f90000p-7, -0x1.419355daa0000p-7, -0x1.81203c2ec0000p-8, -0x1.0040979240000p-9,
        0x1.feff384900000p-9, 0x1.7dc41353d0000p-7, 0x1.3cea3c4c28000p-6, 0x1.b9fc114890000p-6, 0x1.1b0d8ce110000p-5,
        0x1.58a5bd001c000p-5, 0x1.95c8340d88000p-5, 0x1.d276aef578000p-5, 0x1.07598e598c000p-4, 0x1.253f5e30d2000p-4,
        0x1.42edd8b380000p-4, 0x1.606598757c000p-4, 0x1.7da76356a0000p-4, 0x1.9ab434e1c6000p-4, 0x1.b78c7bb0d6000p-4,
        0x1.d431332e72000p-4, 0x1.f0a3171de6000p-4, 0x1.067152b914000p-3, 0x1.147858292b000p-3, 0x1.2266ecdca3000p-3,
        0x1.303d7a6c55000p-3, 0x1.3dfc33c331000p-3, 0x1.4ba366b7a8000p-3, 0x1.5933928d1f000p-3, 0x1.66acd2418f000p-3,
        0x1.740f8ec669000p-3, 0x1.815c0f51af000p-3, 0x1.8e92954f68000p-3, 0x1.9bb3602f84000p-3, 0x1.a8bed1c2c0000p-3,
        0x1.b5b515c01d000p-3, 0x1.c2967ccbcc000p-3, 0x1.cf635d5486000p-3, 0x1.dc1bd3446c000p-3, 0x1.e8c01b8cfe000p-3,
        0x1.f5509c0179000p-3, 0x1.00e6c121fb800p-2, 0x1.071b80e93d000p-2, 0x1.0d46b9e867000p-2, 0x1.13687334bd000p-2,
        0x1.1980d67234800p-2, 0x1.1f8ffe0cc8000p-2, 0x1.2595fd7636800p-2, 0x1.2b9300914a800p-2, 0x1.3187210436000p-2,
        0x1.377266dec1800p-2, 0x1.3d54ffbaf3000p-2, 0x1.432eee32fe000p-2,
    };

    /**
     * glibc's {@code log}: near 1 a polynomial in r = x - 1 with r² split for extra precision; elsewhere
     * log(x) = k·ln2 + log(c) + log1p(z/c - 1) for x = 2^k·z, hi + lo summed last.
     */
    public static double log(double x) {
        long ix = Double.doubleToRawLongBits(x);
        int top = (int) (ix >>> 48);
        long lo1 = Double.doubleToRawLongBits(1.0 - 0x1p-4);
        long hi1 = Double.doubleToRawLongBits(1.0 + 0x1.09p-4);
        if (Long.compareUnsigned(ix - lo1, hi1 - lo1) < 0) {
            return nearOne(x);
        }
        if (Integer.compareUnsigned(top - 0x0010, 0x7ff0 - 0x0010) >= 0) {
            if (ix * 2 == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (ix == Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)) {
                return x;
            }
            if ((top & 0x8000) != 0 || (top & 0x7ff0) == 0x7ff0) {
                return Double.NaN;
            }
            ix = Double.doubleToRawLongBits(x * 0x1p52) - (52L << 52); // subnormal: normalized
        }
        long tmp = ix - LOG_OFF;
        int i = (int) ((tmp >>> (52 - 7)) % 128);
        long k = tmp >> 52;
        double z = Double.longBitsToDouble(ix - (tmp & (0xfffL << 52)));
        double r = Math.fma(z, LOG_INVC[i], -1.0);
        double kd = k;
        double w = Math.fma(kd, LOG_LN2_HI, LOG_LOGC[i]);
        double hi = w + r;
        double lo = Math.fma(kd, LOG_LN2_LO, w - hi + r);
        double r2 = r * r;
        double p = Math.fma(r2, Math.fma(r, LOG_A[4], LOG_A[3]), Math.fma(r, LOG_A[2], LOG_A[1]));
        double y = Math.fma(r * r2, p, Math.fma(r2, LOG_A[0], lo));
        return y + hi;
    }

    private static double nearOne(double x) {
        if (x == 1.0) {
            return 0;
        }
        double[] b = LOG_B;
        double r = x - 1.0;
        double r2 = r * r;
        double r3 = r * r2;
        double inner3 = Math.fma(r3, b[10], Math.fma(r2, b[9], Math.fma(r, b[8], b[7])));
        double inner2 = Math.fma(r3, inner3, Math.fma(r2, b[6], Math.fma(r, b[5], b[4])));
        double p = Math.fma(r3, inner2, Math.fma(r2, b[3], Math.fma(r, b[2], b[1])));
        double w = r * 0x1p27;
        double rhi = r + w - w;
        double rlo = r - rhi;
        w = rhi * rhi * b[0];
        double hi = r + w;
        double lo = r - hi + w;
        lo = Math.fma(b[0] * rlo, rhi + r, lo);
        double y = Math.fma(r3, p, lo);
        return y + hi;
    }

    // ----- log10 (sysdeps/ieee754/dbl-64/e_log10.c)

    private static final double TWO54 = 0x1p54;
    private static final double IVLN10 = 4.34294481903251816668e-01;
    private static final double LOG10_2HI = 3.01029995663611771306e-01;
    private static final double LOG10_2LO = 3.69423907715893078616e-13;

    /** glibc's {@code log10}: x = 2^k·m with m in [1, 2) (or [1/2, 1) for k < 0), k·log10(2) + log(m)/ln10. */
    public static double log10(double x) {
        long hx = Double.doubleToRawLongBits(x);
        int k = 0;
        if (hx < 0x0010000000000000L) { // x < 2^-1022, or negative
            if ((hx & 0x7fffffffffffffffL) == 0) {
                return -TWO54 / Math.abs(x); // -inf
            }
            if (hx < 0) {
                return Double.NaN;
            }
            k -= 54;
            x *= TWO54; // subnormal: scaled up
            hx = Double.doubleToRawLongBits(x);
        }
        if (hx >= 0x7ff0000000000000L) {
            return x + x;
        }
        k += (int) (hx >> 52) - 1023;
        int i = k < 0 ? 1 : 0;
        hx = (hx & 0x000fffffffffffffL) | ((long) (0x3ff - i) << 52);
        double y = k + i;
        x = Double.longBitsToDouble(hx);
        double z = y * LOG10_2LO + IVLN10 * log(x);
        return z + y * LOG10_2HI;
    }

    // ----- log1p (sysdeps/ieee754/dbl-64/s_log1p.c, FMA variant: the fusions read off the compiled library)

    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double[] LP = {
        0.0, 6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01,
        2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01,
    };

    /**
     * glibc's {@code log1p}: 1 + x = 2^k·(1 + f) with f in [√2/2 - 1, √2 - 1] and a correction c for the rounding
     * of 1 + x; log(1 + f) = f - s·(f - R) with s = f/(2 + f) and R a polynomial in s².
     */
    public static double log1p(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >>> 32);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        double f = 0;
        double c = 0;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x <= -1
                return x == -1.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
            }
            if (ax < 0x3e200000) { // |x| < 2^-29
                if (ax < 0x3c900000) {
                    return x;
                }
                return Math.fma(-(x * x), 0.5, x);
            }
            if (hx > 0 || hx <= 0xbfd2bec3) { // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        } else if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = (int) (Double.doubleToRawLongBits(u) >>> 32);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // the rounding error of 1 + x
                c /= u;
            } else {
                u = x;
                hu = (int) (Double.doubleToRawLongBits(u) >>> 32);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            long low = Double.doubleToRawLongBits(u) & 0xffffffffL;
            if (hu < 0x6a09e) {
                u = Double.longBitsToDouble(((long) (hu | 0x3ff00000) << 32) | low); // u normalized
            } else {
                k += 1;
                u = Double.longBitsToDouble(((long) (hu | 0x3fe00000) << 32) | low); // u/2 normalized
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                return Math.fma(k, LN2_HI, Math.fma(k, LN2_LO, c));
            }
            double r = Math.fma(-f, 0.66666666666666666, 1.0) * hfsq;
            if (k == 0) {
                return f - r;
            }
            return Math.fma(k, LN2_HI, -((r - Math.fma(k, LN2_LO, c)) - f));
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r2 = Math.fma(z, LP[3], LP[2]);
        double r3 = Math.fma(z, LP[5], LP[4]);
        double r4 = Math.fma(z, LP[7], LP[6]);
        double z2 = z * z;
        double z4 = z2 * z2;
        double z6 = z2 * z4;
        // NOTE: z²·R2 is rounded first and z·Lp1 fused onto it, as GCC ordered R1 + z²·R2 + z⁴·R3 + z⁶·R4
        double r = Math.fma(z6, r4, Math.fma(z4, r3, Math.fma(z, LP[1], z2 * r2)));
        double sr = s * (hfsq + r);
        if (k == 0) {
            return f - (hfsq - sr);
        }
        return Math.fma(k, LN2_HI, -((hfsq - (Math.fma(k, LN2_LO, c) + sr)) - f));
    }

    // ----- log2 (sysdeps/ieee754/dbl-64/e_log2.c, table e_log2_data.c; FMA variant: fusions read off the library)

    private static final double LOG2_INVLN2_HI = 0x1.7154765200000p+0;
    private static final double LOG2_INVLN2_LO = 0x1.705fc2eefa200p-33;
    /** log2(1 + r) - r/ln2 ≈ r²·(A0 + A1·r + ...) for |r| < 1/128. */
    private static final double[] LOG2_A = {
        -0x1.71547652b8339p-1, 0x1.ec709dc3a04bep-2, -0x1.7154764702ffbp-2, 0x1.2776c50034c48p-2,
        -0x1.ec7b328ea92bcp-3, 0x1.a6225e117f92ep-3,
    };
    /** log2(1 + r) - r/ln2 ≈ r²·(B0 + B1·r + ...) near 1. */
    private static final double[] LOG2_B = {
        -0x1.71547652b82fep-1, 0x1.ec709dc3a03f7p-2, -0x1.71547652b7c3fp-2, 0x1.2776c50f05be4p-2,
        -0x1.ec709dd768fe5p-3, 0x1.a61761ec4e736p-3, -0x1.7153fbc64a79bp-3, 0x1.484d154f01b4ap-3,
        -0x1.289e4a72c383cp-3, 0x1.0b32f285aee66p-3,
    };
    /** Per subinterval i of [OFF, 2·OFF): 1/c ... */
    private static final double[] LOG2_INVC = {
        0x1.724286bb1acf8p+0, 0x1.6e1f766d2cca1p+0, 0x1.6a13d0e30d48ap+0, 0x1.661ec32d06c85p+0,
        0x1.623fa951198f8p+0, 0x1.5e75ba4cf026cp+0, 0x1.5ac055a214fb8p+0, 0x1.571ed0f166e1ep+0,
        0x1.53909590bf835p+0, 0x1.5014fed61adddp+0, 0x1.4cab88e487bd0p+0, 0x1.49539b4334feep+0,
        0x1.460cbdfafd569p+0, 0x1.42d664ee4b953p+0, 0x1.3fb01111dd8a6p+0, 0x1.3c995b70c5836p+0,
        0x1.3991c4ab6fd4ap+0, 0x1.3698e0ce099b5p+0, 0x1.33ae48213e7b2p+0, 0x1.30d191985bdb1p+0,
        0x1.2e025cab271d7p+0, 0x1.2b404cf13cd82p+0, 0x1.288b02c7ccb50p+0, 0x1.25e2263944de5p+0,
        0x1.234563d8615b1p+0, 0x1.20b46e33eaf38p+0, 0x1.1e2eefdcda3ddp+0, 0x1.1bb4a580b3930p+0,
        0x1.19453847f2200p+0, 0x1.16e06c0d5d73cp+0, 0x1.1485f47b7e4c2p+0, 0x1.12358ad0085d1p+0,
        0x1.0fef00f532227p+0, 0x1.0db2077d03a8fp+0, 0x1.0b7e6d65980d9p+0, 0x1.0953efe7b408dp+0,
        0x1.07325cac53b83p+0, 0x1.05197e40d1b5cp+0, 0x1.03091c1208ea2p+0, 0x1.0101025b37e21p+0,
        0x1.fc07ef9caa76bp-1, 0x1.f4465d3f6f184p-1, 0x1.ecc079f84107fp-1, 0x1.e573a99975ae8p-1,
        0x1.de5d6f0bd3de6p-1, 0x1.d77b681ff38b3p-1, 0x1.d0cb5724de943p-1, 0x1.ca4b2dc0e7563p-1,
        0x1.c3f8ee8d6cb51p-1, 0x1.bdd2b4f020c4cp-1, 0x1.b7d6c006015cap-1, 0x1.b20366e2e338fp-1,
        0x1.ac57026295039p-1, 0x1.a6d01bc2731ddp-1, 0x1.a16d3bc3ff18bp-1, 0x1.9c2d14967feadp-1,
        0x1.970e4f47c9902p-1, 0x1.920fb3982bcf2p-1, 0x1.8d30187f759f1p-1, 0x1.886e5ebb9f66dp-1,
        0x1.83c97b658b994p-1, 0x1.7f405ffc61022p-1, 0x1.7ad22181415cap-1, 0x1.767dcf99eff8cp-1,
    };
    /** ... and log2(c), with k + log2(c) exact. */
    private static final double[] LOG2_LOGC = {
        -0x1.1095feecdb000p-1, -0x1.08494bd76d000p-1, -0x1.00143aee8f800p-1, -0x1.efec5360b4000p-2,
        -0x1.dfdd91ab7e000p-2, -0x1.cffae0cc79000p-2, -0x1.c043811fda000p-2, -0x1.b0b67323ae000p-2,
        -0x1.a152f5a2db000p-2, -0x1.9217f5af86000p-2, -0x1.8304db0719000p-2, -0x1.74189f9a9e000p-2,
        -0x1.6552bb5199000p-2, -0x1.56b23a29b1000p-2, -0x1.483650f5fa000p-2, -0x1.39de937f6a000p-2,
        -0x1.2baa1538d6000p-2, -0x1.1d98340ca4000p-2, -0x1.0fa853a40e000p-2, -0x1.01d9c32e73000p-2,
        -0x1.e857da2fa6000p-3, -0x1.cd3c8633d8000p-3, -0x1.b26034c14a000p-3, -0x1.97c1c2f4fe000p-3,
        -0x1.7d6023f800000p-3, -0x1.633a71a05e000p-3, -0x1.494f5e9570000p-3, -0x1.2f9e424e0a000p-3,
        -0x1.162595afdc000p-3, -0x1.f9c9a75bd8000p-4, -0x1.c7b575bf9c000p-4, -0x1.960c60ff48000p-4,
        -0x1.64ce247b60000p-4, -0x1.33f78b2014000p-4, -0x1.0387d1a42c000p-4, -0x1.a6f9208b50000p-5,
        -0x1.47a954f770000p-5, -0x1.d23a8c50c0000p-6, -0x1.16a2629780000p-6, -0x1.720f8d8e80000p-8,
        0x1.6fe53b1500000p-7, 0x1.11ccce10f8000p-5, 0x1.c4dfc8c8b8000p-5, 0x1.3aa321e574000p-4,
        0x1.918a0d08b8000p-4, 0x1.e72e9da044000p-4, 0x1.1dcd2507f6000p-3, 0x1.476ab03dea000p-3,
        0x1.7074377e22000p-3, 0x1.98ede8ba94000p-3, 0x1.c0db86ad2e000p-3, 0x1.e840aafcee000p-3,
        0x1.0790ab4678000p-2, 0x1.1ac056801c000p-2, 0x1.2db11d4fee000p-2, 0x1.406464ec58000p-2,
        0x1.52dbe093af000p-2, 0x1.651902050d000p-2, 0x1.771d2cdeaf000p-2, 0x1.88e9c857d9000p-2,
        0x1.9a80155e16000p-2, 0x1.abe186ed3d000p-2, 0x1.bd0f2aea0e000p-2, 0x1.ce0a43dbf4000p-2,
    };

    /** glibc's {@code log2}: near 1 a polynomial in r = x - 1; elsewhere k + log2(c) + log2(z/c) for x = 2^k·z. */
    public static double log2(double x) {
        long ix = Double.doubleToRawLongBits(x);
        int top = (int) (ix >>> 48);
        long lo1 = Double.doubleToRawLongBits(1.0 - 0x1.5b51p-5);
        long hi1 = Double.doubleToRawLongBits(1.0 + 0x1.6ab2p-5);
        if (Long.compareUnsigned(ix - lo1, hi1 - lo1) < 0) {
            return log2NearOne(x);
        }
        if (Integer.compareUnsigned(top - 0x0010, 0x7ff0 - 0x0010) >= 0) {
            if (ix * 2 == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (ix == Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)) {
                return x;
            }
            if ((top & 0x8000) != 0 || (top & 0x7ff0) == 0x7ff0) {
                return Double.NaN;
            }
            ix = Double.doubleToRawLongBits(x * 0x1p52) - (52L << 52); // subnormal: normalized
        }
        long tmp = ix - LOG_OFF;
        int i = (int) ((tmp >>> (52 - 6)) % 64);
        long k = tmp >> 52;
        double z = Double.longBitsToDouble(ix - (tmp & (0xfffL << 52)));
        double kd = k;
        double r = Math.fma(z, LOG2_INVC[i], -1.0);
        double t1 = r * LOG2_INVLN2_HI;
        double t2 = Math.fma(r, LOG2_INVLN2_LO, Math.fma(r, LOG2_INVLN2_HI, -t1));
        double t3 = kd + LOG2_LOGC[i];
        double hi = t3 + t1;
        double lo = t3 - hi + t1 + t2;
        double r2 = r * r;
        double r4 = r2 * r2;
        double[] a = LOG2_A;
        double p = Math.fma(r4, Math.fma(r, a[5], a[4]),
                Math.fma(r2, Math.fma(r, a[3], a[2]), Math.fma(r, a[1], a[0])));
        return Math.fma(r2, p, lo) + hi;
    }

    private static double log2NearOne(double x) {
        if (x == 1.0) {
            return 0;
        }
        double[] b = LOG2_B;
        double r = x - 1.0;
        double hi = r * LOG2_INVLN2_HI;
        double lo = Math.fma(r, LOG2_INVLN2_LO, Math.fma(LOG2_INVLN2_HI, r, -hi));
        double r2 = r * r;
        double r4 = r2 * r2;
        // p = r²·(B0 + B1·r), fused into both y = hi + p and hi - y + p
        double b01 = Math.fma(r, b[1], b[0]);
        double y = Math.fma(b01, r2, hi);
        lo = Math.fma(b01, r2, hi - y) + lo;
        double q = Math.fma(r4, Math.fma(r2, Math.fma(r, b[9], b[8]), Math.fma(r, b[7], b[6])),
                Math.fma(r2, Math.fma(r, b[5], b[4]), Math.fma(r, b[3], b[2])));
        lo = Math.fma(q, r4, lo);
        return y + lo;
    }
}
