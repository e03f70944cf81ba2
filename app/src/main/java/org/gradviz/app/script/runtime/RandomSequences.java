package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code random.shuffle}, {@code random.sample} and {@code random.choices} as CPython 3.11 writes them, on
 * {@link RandomModule}'s draws, so that a seeded program shuffles and samples as CPython does.
 */
final class RandomSequences {
    private RandomSequences() {
    }

    static void addTo(Map<String, Object> m, RandomModule r) {
        m.put("shuffle", new Builtin("shuffle", a -> {
            Object x = Signature.of("Random.shuffle", "x", Signature.REQUIRED).bind(a)[0];
            if (!(x instanceof List<?>)) {
                List<?> items = sequence(x);
                if (items != null && items.size() < 2) {
                    return PyNone.NONE; // CPython swaps nothing, so it never notices
                }
                if (items != null) {
                    // CPython draws the first swap's partner before it fails to assign it
                    r.below(x instanceof PyRange range ? range.size() : items.size());
                }
                throw PyError.type("'" + Values.typeName(x) + "' object does not support item assignment");
            }
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) x;
            for (int i = list.size() - 1; i > 0; i--) {
                int j = (int) r.below(i + 1L);
                Object saved = list.get(i);
                list.set(i, list.get(j));
                list.set(j, saved);
            }
            return PyNone.NONE;
        }));
        m.put("sample", new Builtin("sample", a -> {
            Object[] v = Signature.of("Random.sample", "population", Signature.REQUIRED, "k", Signature.REQUIRED,
                    "counts", PyNone.NONE).bind(a);
            List<?> population = sequence(v[0]);
            if (population == null) {
                throw PyError.type("Population must be a sequence.  For dicts or sets, use sorted(d).");
            }
            if (v[2] != PyNone.NONE) {
                throw new Unsupported("'random.sample(counts=...)'");
            }
            long k = Values.toIndex(v[1], "'" + Values.typeName(v[1]) + "' object");
            if (v[0] instanceof PyRange range && range.size() > Integer.MAX_VALUE) {
                if (k < 0 || k > range.size()) {
                    throw PyError.value("Sample larger than population or is negative");
                }
                throw new Unsupported("'random.sample' of a range longer than 2**31 - 1");
            }
            return sample(r, population, k);
        }));
        m.put("choices", new Builtin("choices", a -> {
            Object[] v = Signature.of("Random.choices", "population", Signature.REQUIRED, "weights", PyNone.NONE,
                    "cum_weights", PyNone.NONE, "k", 1L).bind(a);
            List<?> population = sequence(v[0]);
            if (population == null) {
                throw PyError.type("object of type '" + Values.typeName(v[0]) + "' has no len()");
            }
            if (v[0] instanceof PyRange range && range.size() > Integer.MAX_VALUE) {
                throw new Unsupported("'random.choices' of a range longer than 2**31 - 1");
            }
            return choices(r, population, v[1], v[2], Values.toIndex(v[3], "'k'"));
        }));
    }

    /** A list, tuple, str, range or torch.Size as a list of its items; null for anything else (a set, a dict). */
    private static List<?> sequence(Object v) {
        if (v instanceof PySet || v instanceof PyDict) {
            return null;
        }
        if (v instanceof String s) {
            return s.codePoints().mapToObj(Character::toString).toList();
        }
        if (v instanceof PyRange range) {
            // read in place, as CPython indexes a range: sample(range(10**10), 3) copies nothing
            return new java.util.AbstractList<Object>() {
                @Override
                public Object get(int index) {
                    return range.get(index);
                }

                @Override
                public int size() {
                    return (int) Math.min(range.size(), Integer.MAX_VALUE);
                }
            };
        }
        return Values.items(v);
    }

    private static List<Object> sample(RandomModule r, List<?> population, long k) {
        int n = population.size();
        if (k < 0 || k > n) {
            throw PyError.value("Sample larger than population or is negative");
        }
        Object[] result = new Object[(int) k];
        long setsize = 21;
        if (k > 5) {
            setsize += (long) Math.pow(4, Math.ceil(Math.log(k * 3.0) / Math.log(4)));
        }
        if (n <= setsize) {
            List<Object> pool = new ArrayList<>(population);
            for (int i = 0; i < k; i++) {
                int j = (int) r.below(n - i);
                result[i] = pool.get(j);
                pool.set(j, pool.get(n - i - 1));
            }
        } else {
            Set<Long> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                long j = r.below(n);
                while (selected.contains(j)) {
                    j = r.below(n);
                }
                selected.add(j);
                result[i] = population.get((int) j);
            }
        }
        return new ArrayList<>(Arrays.asList(result));
    }

    private static List<Object> choices(RandomModule r, List<?> population, Object weights, Object cumWeights,
            long k) {
        int n = population.size();
        List<Object> result = new ArrayList<>();
        if (cumWeights == PyNone.NONE) {
            if (weights == PyNone.NONE) {
                for (long i = 0; i < k; i++) {
                    result.add(population.get((int) Math.floor(r.random() * n)));
                }
                return result;
            }
            cumWeights = accumulate(weights);
        } else if (weights != PyNone.NONE) {
            throw PyError.type("Cannot specify both weights and cumulative weights");
        }
        List<?> cumulative = sequence(cumWeights);
        if (cumulative == null) {
            throw PyError.type("object of type '" + Values.typeName(cumWeights) + "' has no len()");
        }
        if (cumulative.size() != n) {
            throw PyError.value("The number of weights does not match the population");
        }
        double[] cum = new double[n];
        for (int i = 0; i < n; i++) {
            cum[i] = Values.toDouble(cumulative.get(i), "choices");
        }
        double total = n == 0 ? 0 : cum[n - 1];
        if (n == 0) {
            throw PyError.index("list index out of range");
        }
        if (total <= 0.0) {
            throw PyError.value("Total of weights must be greater than zero");
        }
        if (!Double.isFinite(total)) {
            throw PyError.value("Total of weights must be finite");
        }
        for (long i = 0; i < k; i++) {
            result.add(population.get(bisectRight(cum, r.random() * total, n - 1)));
        }
        return result;
    }

    /** itertools.accumulate of the weights, as numbers (Python's + of ints stays an int, a float makes floats). */
    private static List<Object> accumulate(Object weights) {
        List<?> items = sequence(weights);
        if (items == null) {
            throw PyError.type("'" + Values.typeName(weights) + "' object is not iterable");
        }
        List<Object> sums = new ArrayList<>();
        Object sum = null;
        for (Object w : items) {
            sum = sum == null ? w : Operators.binary(org.gradviz.app.script.ast.BinaryOp.ADD, sum, w);
            sums.add(sum);
        }
        return sums;
    }

    /** bisect.bisect_right(a, x, 0, hi): the first index in [0, hi] whose value is above x. */
    private static int bisectRight(double[] a, double x, int hi) {
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (x < a[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
