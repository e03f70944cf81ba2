package org.gradviz.app.script.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which torch's "invalid combination of arguments" TypeError lists the keyword arguments of a call:
 * {@code format_invalid_args} copies them into a {@code std::unordered_map<std::string, PyObject*>} and walks it, so
 * the order is that of GCC's libstdc++ hash table: {@code std::hash<std::string>} ({@code _Hash_bytes}, seed
 * 0xc70f6907), 13 buckets from the first insertion on (more past 13 keys), a key going to the front of the list when
 * its bucket is empty and else to the front of its bucket's run.
 */
final class KeywordOrder {
    private static final long MUL = 0xc6a4a7935bd1e995L;
    private static final long SEED = 0xc70f6907L;
    /** libstdc++'s {@code __fast_bkt}: the bucket count for a request below 14. */
    private static final int[] FAST_BUCKETS = {2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13};

    private KeywordOrder() {
    }

    /** The {@code names}, given in this order, as the unordered_map they are inserted into iterates them. */
    static List<String> of(List<String> names) {
        List<String> list = new ArrayList<>();
        int buckets = 1;
        long nextResize = 0;
        for (String name : names) {
            if (list.contains(name)) {
                continue;
            }
            // _Prime_rehash_policy::_M_need_rehash (max load factor 1); the first insertion allocates 13
            if (list.size() + 1 > nextResize) {
                long minBuckets = Math.max(list.size() + 1, nextResize == 0 ? 11 : 0);
                if (minBuckets >= buckets) {
                    long request = Math.max(minBuckets + 1, buckets * 2L);
                    buckets = nextBucketCount(request);
                    nextResize = buckets;
                    list = inserted(list, buckets);
                } else {
                    nextResize = buckets;
                }
            }
            list = insert(list, name, buckets);
        }
        return list;
    }

    private static int nextBucketCount(long request) {
        if (request < FAST_BUCKETS.length) {
            return FAST_BUCKETS[(int) request];
        }
        long p = request;
        while (!isPrime(p)) {
            p++;
        }
        return (int) p;
    }

    private static boolean isPrime(long n) {
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return n > 1;
    }

    /** The list rebuilt in a table of {@code buckets} (a rehash re-inserts the nodes in list order). */
    private static List<String> inserted(List<String> old, int buckets) {
        List<String> list = new ArrayList<>();
        for (String name : old) {
            list = insert(list, name, buckets);
        }
        return list;
    }

    /** _M_insert_bucket_begin: at the front of the bucket's run, or of the whole list when the bucket is empty. */
    private static List<String> insert(List<String> list, String name, int buckets) {
        long bucket = Long.remainderUnsigned(hash(name), buckets);
        for (int i = 0; i < list.size(); i++) {
            if (Long.remainderUnsigned(hash(list.get(i)), buckets) == bucket) {
                list.add(i, name);
                return list;
            }
        }
        list.add(0, name);
        return list;
    }

    /** libstdc++'s {@code _Hash_bytes} for 64-bit {@code size_t}. */
    static long hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int len = b.length;
        int aligned = len & ~7;
        long h = SEED ^ (len * MUL);
        for (int p = 0; p < aligned; p += 8) {
            long data = shiftMix(load(b, p, 8) * MUL) * MUL;
            h ^= data;
            h *= MUL;
        }
        if ((len & 7) != 0) {
            h ^= load(b, aligned, len & 7);
            h *= MUL;
        }
        h = shiftMix(h) * MUL;
        return shiftMix(h);
    }

    /** {@code n} bytes from {@code from}, little-endian. */
    private static long load(byte[] b, int from, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[from + i] & 0xff);
        }
        return v;
    }

    private static long shiftMix(long v) {
        return v ^ (v >>> 47);
    }
}
