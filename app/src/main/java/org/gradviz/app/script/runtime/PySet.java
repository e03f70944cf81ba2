package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.script.ast.BinaryOp;

/**
 * A Python set: members equal as Python's dict keys are ({@link HashKey}), with {@code add}, {@code remove},
 * {@code discard}, {@code update}, {@code union}, ... and {@code in}, {@code len}, iteration. It iterates in CPython
 * 3.11's order: its hash table laid out as {@code setobject.c} lays it out (linear probing of 9, then perturbation;
 * growing to 4 times the members when 3/5 full), with CPython's hashes ({@link CPythonHash}; strings as under
 * {@code PYTHONHASHSEED=0}). A set that ever holds a member CPython hashes by address (None, a tensor, an object)
 * iterates in insertion order instead.
 */
public final class PySet implements HasAttributes {
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    private static final Object DUMMY = new Object();

    /** Key to member, in insertion order. */
    private final Map<Object, Object> members = new LinkedHashMap<>();
    /** CPython's table: keys ({@link HashKey}), {@link #DUMMY} where one was removed, null where none. */
    private Object[] table = new Object[MIN_SIZE];
    private long[] hashes = new long[MIN_SIZE];
    private int fill;
    private int used;
    /** Where {@code pop} looks first, as CPython's {@code finger}. */
    private int finger;
    /** False once a member has no CPython hash to place it by: the set then iterates in insertion order. */
    private boolean laidOut = true;

    PySet(Iterable<?> items) {
        items.forEach(this::add);
    }

    /** {@code set(other)}: CPython's {@code set_merge} into a new set. */
    static PySet copyOf(PySet other) {
        PySet s = new PySet(List.of());
        s.merge(other);
        return s;
    }

    void add(Object v) {
        Object key = HashKey.of(v);
        if (members.containsKey(key)) {
            return;
        }
        members.put(key, v);
        if (laidOut) {
            Long hash = CPythonHash.of(key);
            if (hash == null) {
                laidOut = false;
            } else {
                addEntry(key, hash);
            }
        }
    }

    boolean contains(Object v) {
        return members.containsKey(HashKey.of(v));
    }

    /** The members in iteration order. */
    List<Object> items() {
        if (!laidOut) {
            return new ArrayList<>(members.values());
        }
        List<Object> out = new ArrayList<>(used);
        for (Object key : table) {
            if (key != null && key != DUMMY) {
                out.add(members.get(key));
            }
        }
        return out;
    }

    int size() {
        return members.size();
    }

    // ----- CPython's table (Objects/setobject.c)

    /** {@code set_add_entry} of a key known not to be in the set. */
    private void addEntry(Object key, long hash) {
        int mask = table.length - 1;
        long perturb = hash;
        int i = (int) (hash & mask);
        int freeSlot = -1;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            int j = i;
            for (int p = 0; p <= probes; p++, j++) {
                if (table[j] == null) {
                    if (freeSlot >= 0) {
                        table[freeSlot] = key;
                        hashes[freeSlot] = hash;
                        used++;
                        return;
                    }
                    table[j] = key;
                    hashes[j] = hash;
                    fill++;
                    used++;
                    if ((long) fill * 5 >= (long) mask * 3) {
                        resize(used > 50000 ? used * 2 : used * 4);
                    }
                    return;
                }
                if (table[j] == DUMMY && freeSlot < 0) {
                    freeSlot = j;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** {@code set_table_resize}: the smallest power of two above {@code minUsed}, entries re-placed in table order. */
    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        Object[] oldTable = table;
        long[] oldHashes = hashes;
        table = new Object[size];
        hashes = new long[size];
        fill = used;
        for (int i = 0; i < oldTable.length; i++) {
            if (oldTable[i] != null && oldTable[i] != DUMMY) {
                insertClean(oldTable[i], oldHashes[i]);
            }
        }
    }

    /** {@code set_insert_clean}: into the first empty slot of the probe sequence (no dummies, no duplicates). */
    private void insertClean(Object key, long hash) {
        int mask = table.length - 1;
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            if (table[i] == null) {
                table[i] = key;
                hashes[i] = hash;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 1; j <= LINEAR_PROBES; j++) {
                    if (table[i + j] == null) {
                        table[i + j] = key;
                        hashes[i + j] = hash;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** {@code set_merge}: every member of other, copied slot for slot into an empty table of the same size. */
    private void merge(PySet other) {
        if (other == this || other.used == 0 && other.laidOut) {
            return;
        }
        if (!laidOut || !other.laidOut) {
            other.items().forEach(this::add);
            return;
        }
        if ((long) (fill + other.used) * 5 >= (long) (table.length - 1) * 3) {
            resize((used + other.used) * 2);
        }
        boolean empty = fill == 0;
        if (empty && table.length == other.table.length && other.fill == other.used) {
            table = other.table.clone();
            hashes = other.hashes.clone();
            fill = other.fill;
            used = other.used;
        } else if (empty) {
            fill = other.used;
            used = other.used;
            for (int i = 0; i < other.table.length; i++) {
                if (other.table[i] != null && other.table[i] != DUMMY) {
                    insertClean(other.table[i], other.hashes[i]);
                }
            }
        } else {
            for (int i = 0; i < other.table.length; i++) {
                Object key = other.table[i];
                if (key != null && key != DUMMY && !members.containsKey(key)) {
                    members.put(key, other.members.get(key));
                    addEntry(key, other.hashes[i]);
                }
            }
            return;
        }
        for (Object key : other.members.keySet()) {
            members.put(key, other.members.get(key));
        }
    }

    /** Removes a member: its slot becomes a dummy. */
    boolean discard(Object v) {
        Object key = HashKey.of(v);
        if (members.remove(key) == null) {
            return false;
        }
        if (laidOut) {
            for (int i = 0; i < table.length; i++) {
                if (table[i] != null && table[i] != DUMMY && table[i].equals(key)) {
                    table[i] = DUMMY;
                    hashes[i] = -1;
                    used--;
                    break;
                }
            }
        }
        return true;
    }

    private void clear() {
        members.clear();
        table = new Object[MIN_SIZE];
        hashes = new long[MIN_SIZE];
        fill = 0;
        used = 0;
        laidOut = true;
    }

    /** {@code PySet_New}, what {@code set(iterable)} builds: an empty set {@link #update}d with the iterable. */
    static PySet of(Object iterable) {
        PySet s = new PySet(List.of());
        s.update(iterable);
        return s;
    }

    /**
     * {@code update} with any iterable, as CPython's set_update_internal: a set merges; a plain dict first grows the
     * table for all its keys, then adds them in order; anything else adds its items in order.
     */
    void update(Object iterable) {
        if (iterable instanceof PySet s) {
            merge(s);
            return;
        }
        if (iterable instanceof PyDict d && d.typeName().equals("dict") && laidOut
                && (long) (fill + d.size()) * 5 >= (long) (table.length - 1) * 3) {
            resize((used + d.size()) * 2);
        }
        Iteration.items(iterable).forEach(this::add);
    }

    // ----- Python's methods

    @Override
    public Object attribute(String name) {
        PyCallable body = switch (name) {
            case "add" -> a -> {
                add(a.accept(1).get(0, "elem"));
                return PyNone.NONE;
            };
            case "remove" -> a -> {
                Object v = a.accept(1).get(0, "elem");
                if (!discard(v)) {
                    throw PyDict.keyError(v);
                }
                return PyNone.NONE;
            };
            case "discard" -> a -> {
                discard(a.accept(1).get(0, "elem"));
                return PyNone.NONE;
            };
            case "update" -> a -> {
                a.positional().forEach(this::update);
                return PyNone.NONE;
            };
            case "clear" -> a -> {
                clear();
                return PyNone.NONE;
            };
            case "copy" -> a -> copyOf(this);
            case "union" -> a -> {
                PySet out = copyOf(this);
                a.positional().forEach(out::update);
                return out;
            };
            case "intersection" -> a -> intersection(a.accept(1).get(0, "other"));
            case "difference" -> a -> difference(a.accept(1).get(0, "other"));
            case "issubset" -> a -> {
                Object other = a.accept(1).get(0, "other");
                PySet o = other instanceof PySet s ? s : new PySet(Iteration.items(other));
                return o.containsAll(this);
            };
            case "pop" -> a -> pop();
            default -> null;
        };
        return body == null ? null : new Builtin(name, body);
    }

    /** {@code set_intersection}: walks the smaller of two sets, or the other iterable, keeping what this holds. */
    PySet intersection(Object other) {
        PySet out = new PySet(List.of());
        if (other instanceof PySet o) {
            PySet big = o.size() > size() ? o : this;
            PySet small = big == this ? o : this;
            small.items().stream().filter(big::contains).forEach(out::add);
            return out;
        }
        Iteration.items(other).stream().filter(this::contains).forEach(out::add);
        return out;
    }

    /** {@code set_difference}: this set walked, or (when much larger than other, or other is no set) copied and pruned. */
    private PySet difference(Object other) {
        if (!(other instanceof PySet o) || (size() >> 2) > o.size()) {
            PySet out = copyOf(this);
            Iteration.items(other).forEach(out::discard);
            return out;
        }
        PySet out = new PySet(List.of());
        items().stream().filter(v -> !o.contains(v)).forEach(out::add);
        return out;
    }

    private Object pop() {
        if (members.isEmpty()) {
            throw PyDict.keyError("pop from an empty set");
        }
        if (!laidOut) {
            Object first = members.keySet().iterator().next();
            return members.remove(first);
        }
        int i = finger & (table.length - 1);
        while (table[i] == null || table[i] == DUMMY) {
            i = (i + 1) & (table.length - 1);
        }
        Object key = table[i];
        Object v = members.remove(key);
        table[i] = DUMMY;
        hashes[i] = -1;
        used--;
        finger = i + 1;
        return v;
    }

    private boolean containsAll(PySet other) {
        return other.members.keySet().stream().allMatch(members::containsKey);
    }

    /**
     * {@code a | b}, {@code a & b}, {@code a ^ b} and {@code a - b} of two sets, as CPython's set_or, set_and, set_xor
     * and set_sub build them (so that they iterate in its order); null for another operator.
     */
    PySet operator(BinaryOp op, PySet other) {
        return switch (op) {
            case BITWISE_OR -> {
                PySet out = copyOf(this);
                out.merge(other);
                yield out;
            }
            case BITWISE_AND -> intersection(other);
            case BITWISE_XOR -> {
                // set_symmetric_difference: a copy of other, then this set's members taken out of it or put in
                PySet out = copyOf(other);
                out.symmetricDifferenceUpdate(this);
                yield out;
            }
            case SUB -> difference(other);
            default -> null;
        };
    }

    /** {@code a |= b} and the others: this set changed in place (CPython's set_ior, ...); false for another op. */
    boolean updateInPlace(BinaryOp op, PySet other) {
        switch (op) {
            case BITWISE_OR -> merge(other);
            case BITWISE_AND -> takeContentsOf(intersection(other));
            case BITWISE_XOR -> {
                if (other == this) {
                    clear();
                } else {
                    symmetricDifferenceUpdate(other);
                }
            }
            case SUB -> {
                if (other == this) {
                    clear();
                } else {
                    other.items().forEach(this::discard);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** set_symmetric_difference_update with a set: each of its members taken out of this one, or put in. */
    void symmetricDifferenceUpdate(PySet other) {
        for (Object v : other.items()) {
            if (!discard(v)) {
                add(v);
            }
        }
    }

    /** set_swap_bodies: this set becomes {@code other}'s table and members ({@code other} is thrown away). */
    private void takeContentsOf(PySet other) {
        members.clear();
        members.putAll(other.members);
        table = other.table;
        hashes = other.hashes;
        fill = other.fill;
        used = other.used;
        finger = other.finger;
        laidOut = other.laidOut;
    }

    @Override
    public String typeName() {
        return "set";
    }

    @Override
    public String toString() {
        if (members.isEmpty()) {
            return "set()";
        }
        StringBuilder sb = new StringBuilder("{");
        for (Object v : items()) {
            sb.append(sb.length() == 1 ? "" : ", ").append(Values.repr(v));
        }
        return sb.append('}').toString();
    }
}
