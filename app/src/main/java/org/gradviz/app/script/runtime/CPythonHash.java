package org.gradviz.app.script.runtime;

import java.math.BigInteger;
import java.util.List;

/**
 * CPython 3.11's {@code hash()} of the keys whose hash does not depend on an address ({@link HashKey}'s ints, floats,
 * strings and tuples of them), so a set can lay out its table as CPython does and iterate in the same order. Strings
 * hash with SipHash-1-3 under the key CPython uses when {@code PYTHONHASHSEED=0} (all zeros); under a random seed no
 * order can be reproduced anyway.
 */
final class CPythonHash {
    private static final int BITS = 61;
    private static final long MODULUS = (1L << BITS) - 1;
    private static final long INF = 314159;
    private static final long XXPRIME_1 = 0x9E3779B185EBCA87L;
    private static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long XXPRIME_5 = 0x27D4EB2F165667C5L;

    private CPythonHash() {
    }

    /** The hash of a {@link HashKey} key, or null when CPython hashes it by address (None, objects, NaN). */
    static Long of(Object key) {
        if (key instanceof Long n) {
            return ofLong(n);
        }
        if (key instanceof BigInteger b) {
            long h = b.abs().mod(BigInteger.valueOf(MODULUS)).longValue();
            h = b.signum() < 0 ? -h : h;
            return h == -1 ? -2 : h;
        }
        if (key instanceof Double d) {
            return ofDouble(d);
        }
        if (key instanceof String s) {
            return ofString(s);
        }
        if (key instanceof List<?> tuple) {
            return ofTuple(tuple);
        }
        return null;
    }

    private static long ofLong(long n) {
        // NOTE: Java's % keeps the dividend's sign, so a negative n hashes to -(|n| mod M) as in CPython, even -2**63
        long h = n % MODULUS;
        return h == -1 ? -2 : h;
    }

    /** {@code _Py_HashDouble} of a non-integral float (integral ones are keyed as ints). */
    private static Long ofDouble(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? INF : -INF;
        }
        int e = 0;
        double m = 0;
        if (v != 0) { // frexp: v = m * 2**e with 0.5 <= |m| < 1
            int adjust = Math.getExponent(v) < Double.MIN_EXPONENT ? 54 : 0;
            e = Math.getExponent(v * Math.scalb(1.0, adjust)) + 1 - adjust;
            m = v / Math.scalb(1.0, e);
        }
        long sign = 1;
        if (m < 0) {
            sign = -1;
            m = -m;
        }
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & MODULUS) | x >>> (BITS - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= MODULUS) {
                x -= MODULUS;
            }
        }
        e = e >= 0 ? e % BITS : BITS - 1 - ((-1 - e) % BITS);
        x = ((x << e) & MODULUS) | x >>> (BITS - e);
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    /** {@code _Py_HashBytes} of the string's bytes as CPython stores it: 1, 2 or 4 bytes a character. */
    static long ofString(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int max = s.codePoints().max().orElse(0);
        int width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        int[] cps = s.codePoints().toArray();
        byte[] bytes = new byte[cps.length * width];
        for (int i = 0; i < cps.length; i++) {
            for (int k = 0; k < width; k++) {
                bytes[i * width + k] = (byte) (cps[i] >>> (8 * k));
            }
        }
        long h = siphash13(bytes);
        return h == -1 ? -2 : h;
    }

    /** SipHash-1-3 with k0 = k1 = 0, as CPython's pyhash.c computes it. */
    private static long siphash13(byte[] in) {
        long b = (long) in.length << 56;
        long v0 = 0x736f6d6570736575L;
        long v1 = 0x646f72616e646f6dL;
        long v2 = 0x6c7967656e657261L;
        long v3 = 0x7465646279746573L;
        int off = 0;
        long[] v = {v0, v1, v2, v3};
        while (in.length - off >= 8) {
            long mi = 0;
            for (int k = 7; k >= 0; k--) {
                mi = (mi << 8) | (in[off + k] & 0xffL);
            }
            off += 8;
            v[3] ^= mi;
            round(v);
            v[0] ^= mi;
        }
        long t = 0;
        for (int k = in.length - off - 1; k >= 0; k--) {
            t = (t << 8) | (in[off + k] & 0xffL);
        }
        b |= t;
        v[3] ^= b;
        round(v);
        v[0] ^= b;
        v[2] ^= 0xff;
        round(v);
        round(v);
        round(v);
        return (v[0] ^ v[1]) ^ (v[2] ^ v[3]);
    }

    private static void round(long[] v) {
        // HALF_ROUND(v0, v1, v2, v3, 13, 16)
        v[0] += v[1];
        v[2] += v[3];
        v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
        v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
        v[0] = Long.rotateLeft(v[0], 32);
        // HALF_ROUND(v2, v1, v0, v3, 17, 21)
        v[2] += v[1];
        v[0] += v[3];
        v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
        v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
        v[2] = Long.rotateLeft(v[2], 32);
    }

    /** CPython 3.8+'s xxHash-based tuple hash. */
    private static Long ofTuple(List<?> items) {
        long acc = XXPRIME_5;
        for (Object item : items) {
            Long lane = of(item);
            if (lane == null) {
                return null;
            }
            acc += lane * XXPRIME_2;
            acc = Long.rotateLeft(acc, 31);
            acc *= XXPRIME_1;
        }
        acc += items.size() ^ (XXPRIME_5 ^ 3527539L);
        return acc == -1 ? 1546275796L : acc;
    }
}
