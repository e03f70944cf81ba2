package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python dict: insertion order, keys equal as Python's are ({@code 1}, {@code 1.0} and {@code True} are one key); or
 * a {@code collections.OrderedDict}, the same but for its name and how it prints.
 */
public final class PyDict {

    private final Map<Object, Object[]> entries = new LinkedHashMap<>();
    private final boolean ordered;

    PyDict() {
        this(false);
    }

    private PyDict(boolean ordered) {
        this.ordered = ordered;
    }

    /** An empty {@code collections.OrderedDict}. */
    static PyDict orderedDict() {
        return new PyDict(true);
    }

    /** Whether this is a {@code collections.OrderedDict}. */
    boolean isOrderedDict() {
        return ordered;
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

    /** The value, or KeyError. */
    Object item(Object key) {
        Object v = get(key);
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

    static PyError keyError(Object key) {
        return PyError.raised(ExceptionTypes.instance(ExceptionTypes.KEY_ERROR, List.of(key)));
    }

    @Override
    public String toString() {
        if (ordered) {
            // NOTE: Python 3.11's repr: OrderedDict([('a', 1)]), and OrderedDict() when empty
            return entries.isEmpty() ? "OrderedDict()" : "OrderedDict(" + Values.repr(items()) + ")";
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
