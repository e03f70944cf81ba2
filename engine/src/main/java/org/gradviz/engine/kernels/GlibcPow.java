package org.gradviz.engine.kernels;

/**
 * glibc 2.36's {@code pow} as its x86-64 FMA variant ({@code __pow_fma}) computes it: the scalar
 * {@code std::pow} that PyTorch's float64 pow kernel calls for the elements its vectorised loop leaves over.
 * It is not correctly rounded (about 0.52 ulp at worst), so no other pow gives its last bits. {@code log(x)} comes
 * out as a double and 15 more bits from a 128-entry table, times y, then {@code exp} with {@link GlibcMath}'s
 * table. Each {@code a*b + c} of the C source that GCC contracts is one fused multiply-add here.
 */
public final class GlibcPow {
    private static final int LOG_N = 128;
    private static final long OFF = 0x3fe6955500000000L;
    private static final double LN2_HI = 0x1.62e42fefa3800p-1;
    private static final double LN2_LO = 0x1.ef35793c76730p-45;
    /** log1p(r) ≈ r + A0·r² + ... + A6·r⁸. */
    private static final double A0 = -0x1.0000000000000p-1;
    private static final double A1 = -0x1.5555555555560p-1;
    private static final double A2 = 0x1.0000000000006p-1;
    private static final double A3 = 0x1.999999959554ep-1;
    private static final double A4 = -0x1.555555529a47ap-1;
    private static final double A5 = -0x1.2495b9b4845e9p+0;
    private static final double A6 = 0x1.0002b8b263fc3p+0;
    /**
     * glibc's {@code __pow_log_data.tab}, three bits patterns per subinterval i of [OFF, 2·OFF): 1/c (c near the
     * centre, so z/c - 1 is exact), log(c) rounded to 36 bits, and the rest of log(c).
     */
    private static final long[] LOG_TABLE = {
        0x3ff6a00000000000L, 0xbfd62c82f2b9c800L, 0x3cfab42428375680L,
        0x3ff6800000000000L, 0xbfd5d1bdbf580800L, 0xbd1ca508d8e0f720L,
        0x3ff6600000000000L, 0xbfd5767717455800L, 0xbd2362a4d5b6506dL,
        0x3ff6400000000000L, 0xbfd51aad872df800L, 0xbce684e49eb067d5L,
        0x3ff6200000000000L, 0xbfd4be5f95777800L, 0xbd041b6993293ee0L,
        0x3ff6000000000000L, 0xbfd4618bc21c6000L, 0x3d13d82f484c84ccL,
        0x3ff5e00000000000L, 0xbfd404308686a800L, 0x3cdc42f3ed820b3aL,
        0x3ff5c00000000000L, 0xbfd3a64c55694800L, 0x3d20b1c686519460L,
        0x3ff5a00000000000L, 0xbfd347dd9a988000L, 0x3d25594dd4c58092L,
        0x3ff5800000000000L, 0xbfd2e8e2bae12000L, 0x3d267b1e99b72bd8L,
        0x3ff5600000000000L, 0xbfd2895a13de8800L, 0x3d15ca14b6cfb03fL,
        0x3ff5600000000000L, 0xbfd2895a13de8800L, 0x3d15ca14b6cfb03fL,
        0x3ff5400000000000L, 0xbfd22941fbcf7800L, 0xbd165a242853da76L,
        0x3ff5200000000000L, 0xbfd1c898c1699800L, 0xbd1fafbc68e75404L,
        0x3ff5000000000000L, 0xbfd1675cababa800L, 0x3d1f1fc63382a8f0L,
        0x3ff4e00000000000L, 0xbfd1058bf9ae4800L, 0xbd26a8c4fd055a66L,
        0x3ff4c00000000000L, 0xbfd0a324e2739000L, 0xbd0c6bee7ef4030eL,
        0x3ff4a00000000000L, 0xbfd0402594b4d000L, 0xbcf036b89ef42d7fL,
        0x3ff4a00000000000L, 0xbfd0402594b4d000L, 0xbcf036b89ef42d7fL,
        0x3ff4800000000000L, 0xbfcfb9186d5e4000L, 0x3d0d572aab993c87L,
        0x3ff4600000000000L, 0xbfcef0adcbdc6000L, 0x3d2b26b79c86af24L,
        0x3ff4400000000000L, 0xbfce27076e2af000L, 0xbd172f4f543fff10L,
        0x3ff4200000000000L, 0xbfcd5c216b4fc000L, 0x3d21ba91bbca681bL,
        0x3ff4000000000000L, 0xbfcc8ff7c79aa000L, 0x3d27794f689f8434L,
        0x3ff4000000000000L, 0xbfcc8ff7c79aa000L, 0x3d27794f689f8434L,
        0x3ff3e00000000000L, 0xbfcbc286742d9000L, 0x3d194eb0318bb78fL,
        0x3ff3c00000000000L, 0xbfcaf3c94e80c000L, 0x3cba4e633fcd9066L,
        0x3ff3a00000000000L, 0xbfca23bc1fe2b000L, 0xbd258c64dc46c1eaL,
        0x3ff3a00000000000L, 0xbfca23bc1fe2b000L, 0xbd258c64dc46c1eaL,
        0x3ff3800000000000L, 0xbfc9525a9cf45000L, 0xbd2ad1d904c1d4e3L,
        0x3ff3600000000000L, 0xbfc87fa06520d000L, 0x3d2bbdbf7fdbfa09L,
        0x3ff3400000000000L, 0xbfc7ab890210e000L, 0x3d2bdb9072534a58L,
        0x3ff3400000000000L, 0xbfc7ab890210e000L, 0x3d2bdb9072534a58L,
        0x3ff3200000000000L, 0xbfc6d60fe719d000L, 0xbd10e46aa3b2e266L,
        0x3ff3000000000000L, 0xbfc5ff3070a79000L, 0xbd1e9e439f105039L,
        0x3ff3000000000000L, 0xbfc5ff3070a79000L, 0xbd1e9e439f105039L,
        0x3ff2e00000000000L, 0xbfc526e5e3a1b000L, 0xbd20de8b90075b8fL,
        0x3ff2c00000000000L, 0xbfc44d2b6ccb8000L, 0x3d170cc16135783cL,
        0x3ff2c00000000000L, 0xbfc44d2b6ccb8000L, 0x3d170cc16135783cL,
        0x3ff2a00000000000L, 0xbfc371fc201e9000L, 0x3cf178864d27543aL,
        0x3ff2800000000000L, 0xbfc29552f81ff000L, 0xbd248d301771c408L,
        0x3ff2600000000000L, 0xbfc1b72ad52f6000L, 0xbd2e80a41811a396L,
        0x3ff2600000000000L, 0xbfc1b72ad52f6000L, 0xbd2e80a41811a396L,
        0x3ff2400000000000L, 0xbfc0d77e7cd09000L, 0x3d0a699688e85bf4L,
        0x3ff2400000000000L, 0xbfc0d77e7cd09000L, 0x3d0a699688e85bf4L,
        0x3ff2200000000000L, 0xbfbfec9131dbe000L, 0xbd2575545ca333f2L,
        0x3ff2000000000000L, 0xbfbe27076e2b0000L, 0x3d2a342c2af0003cL,
        0x3ff2000000000000L, 0xbfbe27076e2b0000L, 0x3d2a342c2af0003cL,
        0x3ff1e00000000000L, 0xbfbc5e548f5bc000L, 0xbd1d0c57585fbe06L,
        0x3ff1c00000000000L, 0xbfba926d3a4ae000L, 0x3d253935e85baac8L,
        0x3ff1c00000000000L, 0xbfba926d3a4ae000L, 0x3d253935e85baac8L,
        0x3ff1a00000000000L, 0xbfb8c345d631a000L, 0x3d137c294d2f5668L,
        0x3ff1a00000000000L, 0xbfb8c345d631a000L, 0x3d137c294d2f5668L,
        0x3ff1800000000000L, 0xbfb6f0d28ae56000L, 0xbd269737c93373daL,
        0x3ff1600000000000L, 0xbfb51b073f062000L, 0x3d1f025b61c65e57L,
        0x3ff1600000000000L, 0xbfb51b073f062000L, 0x3d1f025b61c65e57L,
        0x3ff1400000000000L, 0xbfb341d7961be000L, 0x3d2c5edaccf913dfL,
        0x3ff1400000000000L, 0xbfb341d7961be000L, 0x3d2c5edaccf913dfL,
        0x3ff1200000000000L, 0xbfb16536eea38000L, 0x3d147c5e768fa309L,
        0x3ff1000000000000L, 0xbfaf0a30c0118000L, 0x3d2d599e83368e91L,
        0x3ff1000000000000L, 0xbfaf0a30c0118000L, 0x3d2d599e83368e91L,
        0x3ff0e00000000000L, 0xbfab42dd71198000L, 0x3d1c827ae5d6704cL,
        0x3ff0e00000000000L, 0xbfab42dd71198000L, 0x3d1c827ae5d6704cL,
        0x3ff0c00000000000L, 0xbfa77458f632c000L, 0xbd2cfc4634f2a1eeL,
        0x3ff0c00000000000L, 0xbfa77458f632c000L, 0xbd2cfc4634f2a1eeL,
        0x3ff0a00000000000L, 0xbfa39e87b9fec000L, 0x3cf502b7f526feaaL,
        0x3ff0a00000000000L, 0xbfa39e87b9fec000L, 0x3cf502b7f526feaaL,
        0x3ff0800000000000L, 0xbf9f829b0e780000L, 0xbd2980267c7e09e4L,
        0x3ff0800000000000L, 0xbf9f829b0e780000L, 0xbd2980267c7e09e4L,
        0x3ff0600000000000L, 0xbf97b91b07d58000L, 0xbd288d5493faa639L,
        0x3ff0400000000000L, 0xbf8fc0a8b0fc0000L, 0xbcdf1e7cf6d3a69cL,
        0x3ff0400000000000L, 0xbf8fc0a8b0fc0000L, 0xbcdf1e7cf6d3a69cL,
        0x3ff0200000000000L, 0xbf7fe02a6b100000L, 0xbd19e23f0dda40e4L,
        0x3ff0200000000000L, 0xbf7fe02a6b100000L, 0xbd19e23f0dda40e4L,
        0x3ff0000000000000L, 0x0000000000000000L, 0x0000000000000000L,
        0x3ff0000000000000L, 0x0000000000000000L, 0x0000000000000000L,
        0x3fefc00000000000L, 0x3f80101575890000L, 0xbd10c76b999d2be8L,
        0x3fef800000000000L, 0x3f90205658938000L, 0xbd23dc5b06e2f7d2L,
        0x3fef400000000000L, 0x3f98492528c90000L, 0xbd2aa0ba325a0c34L,
        0x3fef000000000000L, 0x3fa0415d89e74000L, 0x3d0111c05cf1d753L,
        0x3feec00000000000L, 0x3fa466aed42e0000L, 0xbd2c167375bdfd28L,
        0x3fee800000000000L, 0x3fa894aa149fc000L, 0xbd197995d05a267dL,
        0x3fee400000000000L, 0x3faccb73cdddc000L, 0xbd1a68f247d82807L,
        0x3fee200000000000L, 0x3faeea31c006c000L, 0xbd0e113e4fc93b7bL,
        0x3fede00000000000L, 0x3fb1973bd1466000L, 0xbd25325d560d9e9bL,
        0x3feda00000000000L, 0x3fb3bdf5a7d1e000L, 0x3d2cc85ea5db4ed7L,
        0x3fed600000000000L, 0x3fb5e95a4d97a000L, 0xbd2c69063c5d1d1eL,
        0x3fed400000000000L, 0x3fb700d30aeac000L, 0x3cec1e8da99ded32L,
        0x3fed000000000000L, 0x3fb9335e5d594000L, 0x3d23115c3abd47daL,
        0x3fecc00000000000L, 0x3fbb6ac88dad6000L, 0xbd1390802bf768e5L,
        0x3feca00000000000L, 0x3fbc885801bc4000L, 0x3d2646d1c65aacd3L,
        0x3fec600000000000L, 0x3fbec739830a2000L, 0xbd2dc068afe645e0L,
        0x3fec400000000000L, 0x3fbfe89139dbe000L, 0xbd2534d64fa10afdL,
        0x3fec000000000000L, 0x3fc1178e8227e000L, 0x3d21ef78ce2d07f2L,
        0x3febe00000000000L, 0x3fc1aa2b7e23f000L, 0x3d2ca78e44389934L,
        0x3feba00000000000L, 0x3fc2d1610c868000L, 0x3d039d6ccb81b4a1L,
        0x3feb800000000000L, 0x3fc365fcb0159000L, 0x3cc62fa8234b7289L,
        0x3feb400000000000L, 0x3fc4913d8333b000L, 0x3d25837954fdb678L,
        0x3feb200000000000L, 0x3fc527e5e4a1b000L, 0x3d2633e8e5697dc7L,
        0x3feae00000000000L, 0x3fc6574ebe8c1000L, 0x3d19cf8b2c3c2e78L,
        0x3feac00000000000L, 0x3fc6f0128b757000L, 0xbd25118de59c21e1L,
        0x3feaa00000000000L, 0x3fc7898d85445000L, 0xbd1c661070914305L,
        0x3fea600000000000L, 0x3fc8beafeb390000L, 0xbd073d54aae92cd1L,
        0x3fea400000000000L, 0x3fc95a5adcf70000L, 0x3d07f22858a0ff6fL,
        0x3fea000000000000L, 0x3fca93ed3c8ae000L, 0xbd28724350562169L,
        0x3fe9e00000000000L, 0x3fcb31d8575bd000L, 0xbd0c358d4eace1aaL,
        0x3fe9c00000000000L, 0x3fcbd087383be000L, 0xbd2d4bc4595412b6L,
        0x3fe9a00000000000L, 0x3fcc6ffbc6f01000L, 0xbcf1ec72c5962bd2L,
        0x3fe9600000000000L, 0x3fcdb13db0d49000L, 0xbd2aff2af715b035L,
        0x3fe9400000000000L, 0x3fce530effe71000L, 0x3cc212276041f430L,
        0x3fe9200000000000L, 0x3fcef5ade4dd0000L, 0xbcca211565bb8e11L,
        0x3fe9000000000000L, 0x3fcf991c6cb3b000L, 0x3d1bcbecca0cdf30L,
        0x3fe8c00000000000L, 0x3fd07138604d5800L, 0x3cf89cdb16ed4e91L,
        0x3fe8a00000000000L, 0x3fd0c42d67616000L, 0x3d27188b163ceae9L,
        0x3fe8800000000000L, 0x3fd1178e8227e800L, 0xbd2c210e63a5f01cL,
        0x3fe8600000000000L, 0x3fd16b5ccbacf800L, 0x3d2b9acdf7a51681L,
        0x3fe8400000000000L, 0x3fd1bf99635a6800L, 0x3d2ca6ed5147bdb7L,
        0x3fe8200000000000L, 0x3fd214456d0eb800L, 0x3d0a87deba46baeaL,
        0x3fe7e00000000000L, 0x3fd2bef07cdc9000L, 0x3d2a9cfa4a5004f4L,
        0x3fe7c00000000000L, 0x3fd314f1e1d36000L, 0xbd28e27ad3213cb8L,
        0x3fe7a00000000000L, 0x3fd36b6776be1000L, 0x3d116ecdb0f177c8L,
        0x3fe7800000000000L, 0x3fd3c25277333000L, 0x3d183b54b606bd5cL,
        0x3fe7600000000000L, 0x3fd419b423d5e800L, 0x3d08e436ec90e09dL,
        0x3fe7400000000000L, 0x3fd4718dc271c800L, 0xbd2f27ce0967d675L,
        0x3fe7200000000000L, 0x3fd4c9e09e173000L, 0xbd2e20891b0ad8a4L,
        0x3fe7000000000000L, 0x3fd522ae0738a000L, 0x3d2ebe708164c759L,
        0x3fe6e00000000000L, 0x3fd57bf753c8d000L, 0x3d1fadedee5d40efL,
        0x3fe6c00000000000L, 0x3fd5d5bddf596000L, 0xbd0a0b2a08a465dcL,
    };
    private static final int SIGN_BIAS = 0x800 << 7;

    private GlibcPow() {
    }

    /** glibc's {@code pow(x, y)}. */
    public static double pow(double x, double y) {
        int signBias = 0;
        long ix = Double.doubleToRawLongBits(x);
        long iy = Double.doubleToRawLongBits(y);
        int topx = top12(ix);
        int topy = top12(iy);
        if (Integer.compareUnsigned(topx - 0x001, 0x7ff - 0x001) >= 0
                || Integer.compareUnsigned((topy & 0x7ff) - 0x3be, 0x43e - 0x3be) >= 0) {
            if (zeroInfNan(iy)) {
                if (2 * iy == 0 || ix == ONE) {
                    return 1.0;
                }
                if (Long.compareUnsigned(2 * ix, 2 * INF) > 0 || Long.compareUnsigned(2 * iy, 2 * INF) > 0) {
                    return x + y;
                }
                if (2 * ix == 2 * ONE) {
                    return 1.0;
                }
                if ((Long.compareUnsigned(2 * ix, 2 * ONE) < 0) == (iy >= 0)) {
                    return 0.0; // |x| < 1 and y = inf, or |x| > 1 and y = -inf
                }
                return y * y;
            }
            if (zeroInfNan(ix)) {
                double x2 = x * x;
                if (ix < 0 && checkInt(iy) == 1) {
                    x2 = -x2;
                }
                return iy < 0 ? 1 / x2 : x2;
            }
            // x and y are finite and not zero
            if (ix < 0) {
                int yInt = checkInt(iy);
                if (yInt == 0) {
                    return Double.NaN;
                }
                if (yInt == 1) {
                    signBias = SIGN_BIAS;
                }
                ix &= 0x7fffffffffffffffL;
                topx &= 0x7ff;
            }
            if (Integer.compareUnsigned((topy & 0x7ff) - 0x3be, 0x43e - 0x3be) >= 0) {
                if (ix == ONE) {
                    return 1.0;
                }
                if ((topy & 0x7ff) < 0x3be) {
                    return Long.compareUnsigned(ix, ONE) > 0 ? 1.0 + y : 1.0 - y; // |y| < 2^-65
                }
                boolean overflows = (Long.compareUnsigned(ix, ONE) > 0) == (topy < 0x800);
                return overflows ? Double.POSITIVE_INFINITY : 0.0;
            }
            if (topx == 0) { // subnormal x: normalised, its exponent made negative
                ix = Double.doubleToRawLongBits(x * 0x1p52) & 0x7fffffffffffffffL;
                ix -= 52L << 52;
            }
        }
        double[] log = logInline(ix);
        double hi = log[0];
        double lo = log[1];
        double ehi = y * hi;
        double elo = Math.fma(y, lo, Math.fma(y, hi, -ehi));
        return expInline(ehi, elo, signBias);
    }

    private static final long ONE = Double.doubleToRawLongBits(1.0);
    private static final long INF = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private static int top12(long bits) {
        return (int) (bits >>> 52);
    }

    /** 0 when y is not an integer, 1 when odd, 2 when even. */
    private static int checkInt(long iy) {
        int e = (int) (iy >>> 52) & 0x7ff;
        if (e < 0x3ff) {
            return 0;
        }
        if (e > 0x3ff + 52) {
            return 2;
        }
        if ((iy & ((1L << (0x3ff + 52 - e)) - 1)) != 0) {
            return 0;
        }
        return (iy & (1L << (0x3ff + 52 - e))) != 0 ? 1 : 2;
    }

    private static boolean zeroInfNan(long i) {
        return Long.compareUnsigned(2 * i - 1, 2 * INF - 1) >= 0;
    }

    /** log(x) as {hi, lo}: hi rounded, lo about 15 more bits. {@code ix} is x's bits, subnormals normalised. */
    private static double[] logInline(long ix) {
        long tmp = ix - OFF;
        int i = (int) ((tmp >>> (52 - 7)) % LOG_N);
        int k = (int) (tmp >> 52);
        double z = Double.longBitsToDouble(ix - (tmp & (0xfffL << 52)));
        double kd = k;
        double invc = Double.longBitsToDouble(LOG_TABLE[3 * i]);
        double logc = Double.longBitsToDouble(LOG_TABLE[3 * i + 1]);
        double logctail = Double.longBitsToDouble(LOG_TABLE[3 * i + 2]);
        double r = Math.fma(z, invc, -1.0);
        // k·ln2 + log(c) + r
        double t1 = Math.fma(kd, LN2_HI, logc);
        double t2 = t1 + r;
        double lo1 = Math.fma(kd, LN2_LO, logctail);
        double lo2 = t1 - t2 + r;
        double ar = A0 * r;
        double ar2 = r * ar;
        double ar3 = r * ar2;
        double hi = t2 + ar2;
        double lo3 = Math.fma(ar, r, -ar2);
        double lo4 = t2 - hi + ar2;
        // p = log1p(r) - r - A0·r², contracted into the last addition of lo
        double poly = Math.fma(ar2, Math.fma(ar2, Math.fma(r, A6, A5), Math.fma(r, A4, A3)), Math.fma(r, A2, A1));
        double lo = Math.fma(ar3, poly, lo1 + lo2 + lo3 + lo4);
        double y = hi + lo;
        return new double[] {y, hi - y + lo};
    }

    /** ±e^(x + xtail), the sign negative when {@code signBias} is set. */
    private static double expInline(double x, double xtail, int signBias) {
        int abstop = top12(Double.doubleToRawLongBits(x)) & 0x7ff;
        boolean special = false;
        // top12(0x1p-54) = 0x3c9, top12(512) = 0x408, top12(1024) = 0x409
        if (Integer.compareUnsigned(abstop - 0x3c9, 0x408 - 0x3c9) >= 0) {
            if (abstop - 0x3c9 < 0) {
                double one = 1.0 + x;
                return signBias != 0 ? -one : one;
            }
            if (abstop >= 0x409) {
                double magnitude = x < 0 ? 0.0 : Double.POSITIVE_INFINITY;
                return signBias != 0 ? -magnitude : magnitude;
            }
            special = true;
        }
        GlibcMath.ExpReduction e = GlibcMath.reduce(x, xtail, signBias);
        if (special) {
            return specialCase(e.tmp(), e.sbits(), e.ki());
        }
        double scale = Double.longBitsToDouble(e.sbits());
        return Math.fma(scale, e.tmp(), scale);
    }

    /** Results near overflow and in the subnormal range, with the sign of scale. */
    private static double specialCase(double tmp, long sbits, long ki) {
        if ((ki & 0x80000000L) == 0) {
            double scale = Double.longBitsToDouble(sbits - (1009L << 52));
            return 0x1p1009 * Math.fma(scale, tmp, scale);
        }
        // NOTE: scale·tmp is used twice here, and GCC does not fuse it
        sbits += 1022L << 52; // the signed scale
        double scale = Double.longBitsToDouble(sbits);
        double scaledTmp = scale * tmp;
        double y = scale + scaledTmp;
        if (Math.abs(y) < 1.0) {
            double one = y < 0.0 ? -1.0 : 1.0;
            double lo = scale - y + scaledTmp;
            double hi = one + y;
            lo = one - hi + y + lo;
            y = (hi + lo) - one;
            if (y == 0.0) {
                y = Double.longBitsToDouble(sbits & 0x8000000000000000L);
            }
        }
        return 0x1p-1022 * y;
    }
}
