package org.gradviz.app.script.runtime;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code random} module for the functions teaching code uses ({@code seed}, {@code random},
 * {@code randint}, {@code randrange}, {@code uniform}, {@code gauss}, {@code choice}; {@code shuffle}, {@code sample}
 * and {@code choices} in {@link RandomSequences}), on CPython's Mersenne Twister: the same
 * seeding ({@code init_by_array} of the seed's 32-bit words) and the same draws, so seeded programs print CPython's
 * numbers. Unseeded, it starts from the clock, as CPython does from the OS.
 */
final class RandomModule {
    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int index;
    /** {@code gauss()}'s second normal of a pair, kept for the next call; a new seed drops it. */
    private Double gaussNext;

    private RandomModule() {
        seed(BigInteger.valueOf(System.nanoTime()));
    }

    static Map<String, Object> members() {
        RandomModule r = new RandomModule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", new Builtin("seed", a -> {
            Object[] v = Signature.of("seed", "a", PyNone.NONE, "version", 2L).bind(a);
            if (v[0] == PyNone.NONE) {
                r.seed(BigInteger.valueOf(System.nanoTime()));
            } else if (Values.isInteger(v[0])) {
                r.seed(Ints.big(v[0]).abs());
            } else {
                throw new Unsupported("'random.seed' of a " + Values.typeName(v[0]));
            }
            return PyNone.NONE;
        }));
        m.put("random", new Builtin("random", a -> {
            a.accept(0);
            return r.random();
        }));
        m.put("uniform", new Builtin("uniform", a -> {
            Object[] v = Signature.of("Random.uniform", "a", Signature.REQUIRED, "b", Signature.REQUIRED).bind(a);
            double lo = Values.toDouble(v[0], "uniform");
            return lo + (Values.toDouble(v[1], "uniform") - lo) * r.random();
        }));
        m.put("randint", new Builtin("randint", a -> {
            Object[] v = Signature.of("Random.randint", "a", Signature.REQUIRED, "b", Signature.REQUIRED).bind(a);
            return r.randrange(integer(v[0]), integer(v[1]) + 1, v[0], v[1]);
        }));
        m.put("randrange", new Builtin("randrange", a -> {
            Object[] v = Signature.of("Random.randrange", "start", Signature.REQUIRED, "stop", PyNone.NONE,
                    "step", 1L).bind(a);
            if (!Long.valueOf(1).equals(v[2])) {
                throw new Unsupported("'random.randrange' with a step");
            }
            if (v[1] == PyNone.NONE) {
                long stop = integer(v[0]);
                if (stop <= 0) {
                    throw PyError.value("empty range for randrange()");
                }
                return r.below(stop);
            }
            return r.randrange(integer(v[0]), integer(v[1]), v[0], v[1]);
        }));
        m.put("gauss", new Builtin("gauss", a -> {
            Object[] v = Signature.of("Random.gauss", "mu", 0.0, "sigma", 1.0).bind(a);
            return Values.toDouble(v[0], "gauss") + r.gauss() * Values.toDouble(v[1], "gauss");
        }));
        RandomSequences.addTo(m, r);
        m.put("choice", new Builtin("choice", a -> {
            Object[] v = Signature.of("Random.choice", "seq", Signature.REQUIRED).bind(a);
            List<?> items = Values.items(v[0]);
            if (items == null) {
                throw PyError.type("object of type '" + Values.typeName(v[0]) + "' has no len()");
            }
            if (items.isEmpty()) {
                throw PyError.index("Cannot choose from an empty sequence");
            }
            return items.get((int) r.below(items.size()));
        }));
        return m;
    }

    private static long integer(Object v) {
        if (!Values.isInteger(v)) {
            throw new Unsupported("'random' with a non-integer bound");
        }
        return Ints.int64(v);
    }

    private long randrange(long start, long stop, Object a, Object b) {
        if (stop <= start) {
            throw PyError.value("empty range for randrange() (" + Values.str(a) + ", " + Values.str(stop) + ", "
                    + (stop - start) + ")");
        }
        return start + below(stop - start);
    }

    /** CPython's {@code _randbelow_with_getrandbits(n)}: k = bit length of n, draw k bits until below n. */
    long below(long n) {
        int k = 64 - Long.numberOfLeadingZeros(n);
        if (k > 32) {
            throw new Unsupported("'random' with a range wider than 2**32");
        }
        long r = next() >>> (32 - k);
        while (r >= n) {
            r = next() >>> (32 - k);
        }
        return r;
    }

    /**
     * One standard normal of {@code gauss()}: CPython's Box-Muller pair from two {@code random()} draws, the cosine
     * now and the sine at the next call (with glibc's cos, sin and log, as CPython's math calls them).
     */
    private double gauss() {
        Double z = gaussNext;
        gaussNext = null;
        if (z == null) {
            double x2pi = random() * (2 * Math.PI);
            double g2rad = Math.sqrt(-2.0 * org.gradviz.engine.kernels.GlibcLog.log(1.0 - random()));
            z = org.gradviz.engine.kernels.GlibcSinCos.cos(x2pi) * g2rad;
            gaussNext = org.gradviz.engine.kernels.GlibcSinCos.sin(x2pi) * g2rad;
        }
        return z;
    }

    /** {@code random()}: 53 bits from two draws, (a·2^26 + b) / 2^53. */
    double random() {
        long a = next() >>> 5;
        long b = next() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    private void seed(BigInteger seed) {
        gaussNext = null;
        byte[] bytes = seed.toByteArray();
        int words = Math.max(1, (seed.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < bytes.length; i++) {
            int bit = (bytes.length - 1 - i) * 8;
            if (bit / 32 < words) {
                key[bit / 32] |= (bytes[i] & 0xff) << (bit % 32);
            }
        }
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        index = N;
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32 random bits, unsigned. */
    private long next() {
        if (index >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return Integer.toUnsignedLong(y);
    }
}
