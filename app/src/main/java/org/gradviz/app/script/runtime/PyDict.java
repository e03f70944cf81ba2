package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python dict: insertion order, keys equal as Python's are ({@code 1}, {@code 1.0} and {@code True} are one key); or
 * a {@code collections.OrderedDict}, the same but for its name and how it prints; or a
 * {@code collections.defaultdict(dict)} (torch's {@code optimizer.state}), whose missing key {@code d[k]} sets to
 * {@code {}}; or a {@code collections.Counter} (MultiStepLR's milestones), whose missing key counts 0.
 */
public final class PyDict {

    /** Which of the dict types this is. */
    private enum Kind { DICT, ORDERED_DICT, DEFAULT_DICT, COUNTER }

    private final Map<Object, Object[]> entries = new LinkedHashMap<>();
    private final Kind kind;

    PyDict() {
        this(Kind.DICT);
    }

    private PyDict(Kind kind) {
        this.kind = kind;
    }

    /** An empty {@code collections.OrderedDict}. */
    static PyDict orderedDict() {
        return new PyDict(Kind.ORDERED_DICT);
    }

    /** An empty {@code collections.defaultdict(dict)}. */
    static PyDict defaultDictOfDicts() {
        return new PyDict(Kind.DEFAULT_DICT);
    }

    /** {@code collections.Counter(items)}: each item's count, in the order items first come. */
    static PyDict counter(List<?> items) {
        PyDict d = new PyDict(Kind.COUNTER);
        for (Object item : items) {
            Object n = d.get(item);
            d.put(item, n == null ? 1L : (Long) n + 1);
        }
        return d;
    }

    /**
     * {@code a | b} of two dicts: a copy of this one (of its type) updated with other's items, as dict's
     * {@code __or__}; of other's type when this is a plain dict and other's type defines {@code __ror__}
     * (OrderedDict, defaultdict: Python tries a subclass's reflected operator first); {@code a |= b} updates this one with any mapping or iterable of pairs. A Counter's {@code |}
     * takes the larger counts instead, which gradviz does not do.
     */
    PyDict union(PyDict other) {
        refuseCounterUnion();
        PyDict out = kind == Kind.DICT && other.kind != Kind.COUNTER ? other.emptyLike() : emptyLike();
        out.update(this);
        out.update(other);
        return out;
    }

    /** {@code d |= other}: {@link #update(Object)}. */
    void updateInPlace(Object other) {
        refuseCounterUnion();
        update(other);
    }

    private void refuseCounterUnion() {
        if (kind == Kind.COUNTER) {
            throw new Unsupported("'|' of a Counter");
        }
    }

    /** An empty dict of this one's type, as {@code copy} makes. */
    PyDict emptyLike() {
        return new PyDict(kind);
    }

    /** Whether this is a {@code collections.OrderedDict}. */
    boolean isOrderedDict() {
        return kind == Kind.ORDERED_DICT;
    }

    /** The type's name: {@code dict}, {@code OrderedDict} or {@code defaultdict}. */
    String typeName() {
        return switch (kind) {
            case DICT -> "dict";
            case ORDERED_DICT -> "OrderedDict";
            case DEFAULT_DICT -> "defaultdict";
            case COUNTER -> "Counter";
        };
    }

    void put(Object key, Object value) {
        Object k = HashKey.of(key);
        Object[] entry = entries.get(k);
        if (entry == null) {
            entries.put(k, new Object[] {key, value});
        } else {
            entry[1] = value;
        }
    }

    /** The value, or null when the key is absent. */
    Object get(Object key) {
        Object[] entry = entries.get(HashKey.of(key));
        return entry == null ? null : entry[1];
    }

    /** {@code d[key]}: the value; else a defaultdict's new {@code {}} for it, a Counter's 0, or KeyError. */
    Object item(Object key) {
        Object v = get(key);
        if (v == null && kind == Kind.COUNTER) {
            return 0L;
        }
        if (v == null && kind == Kind.DEFAULT_DICT) {
            v = new PyDict();
            put(key, v);
        }
        if (v == null) {
            throw keyError(key);
        }
        return v;
    }

    Object remove(Object key) {
        Object[] entry = entries.remove(HashKey.of(key));
        return entry == null ? null : entry[1];
    }

    boolean containsKey(Object key) {
        return entries.containsKey(HashKey.of(key));
    }

    int size() {
        return entries.size();
    }

    List<Object> keys() {
        List<Object> out = new ArrayList<>(entries.size());
        entries.values().forEach(e -> out.add(e[0]));
        return out;
    }

    List<Object> values() {
        List<Object> out = new ArrayList<>(entries.size());
        entries.values().forEach(e -> out.add(e[1]));
        return out;
    }

    List<Object> items() {
        List<Object> out = new ArrayList<>(entries.size());
        entries.values().forEach(e -> out.add(PyTuple.of(e[0], e[1])));
        return out;
    }

    /**
     * The first half of {@code dict.update(other)} and {@code dict(other)}: the items of a dict, else the key-value
     * pairs {@code other} yields, in order; a pair that is not iterable or not of length 2 stops the update there with
     * Python's error.
     */
    void update(Object other) {
        if (other instanceof PyDict d) {
            d.entries.values().forEach(e -> put(e[0], e[1]));
            return;
        }
        List<Object> pairs = Iteration.items(other);
        for (int i = 0; i < pairs.size(); i++) {
            List<Object> pair = Iteration.itemsOrNull(pairs.get(i));
            if (pair == null) {
                throw PyError.type("cannot convert dictionary update sequence element #" + i + " to a sequence");
            }
            if (pair.size() != 2) {
                throw PyError.value("dictionary update sequence element #" + i + " has length " + pair.size()
                        + "; 2 is required");
            }
            put(pair.get(0), pair.get(1));
        }
    }

    private PyDict filledFrom(PyDict other) {
        update(other);
        return this;
    }

    static PyError keyError(Object key) {
        return PyError.raised(ExceptionTypes.instance(ExceptionTypes.KEY_ERROR, List.of(key)));
    }

    @Override
    public String toString() {
        if (kind == Kind.ORDERED_DICT) {
            // NOTE: Python 3.11's repr: OrderedDict([('a', 1)]), and OrderedDict() when empty
            return entries.isEmpty() ? "OrderedDict()" : "OrderedDict(" + Values.repr(items()) + ")";
        }
        if (kind == Kind.COUNTER) {
            // NOTE: Python's repr lists most_common(): by count, highest first, ties in insertion order
            if (entries.isEmpty()) {
                return "Counter()";
            }
            PyDict byCount = new PyDict();
            entries.values().stream().sorted((a, b) -> Numbers.compare(b[1], a[1]))
                    .forEach(e -> byCount.put(e[0], e[1]));
            return "Counter(" + byCount + ")";
        }
        if (kind == Kind.DEFAULT_DICT) {
            return "defaultdict(<class 'dict'>, " + new PyDict().filledFrom(this) + ")";
        }
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Object[] e : entries.values()) {
            sb.append(first ? "" : ", ").append(Values.repr(e[0])).append(": ").append(Values.repr(e[1]));
            first = false;
        }
        return sb.append('}').toString();
    }
}
