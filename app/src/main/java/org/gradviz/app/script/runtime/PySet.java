package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python set: members equal as Python's dict keys are ({@link HashKey}), with {@code add}, {@code remove},
 * {@code discard}, {@code update}, {@code union}, ... and {@code in}, {@code len}, iteration. It iterates in insertion
 * order; CPython iterates in hash-table order, which differs for some ints and for everything hashed by address.
 */
public final class PySet implements HasAttributes {
    private final Map<Object, Object> members = new LinkedHashMap<>();

    PySet(Iterable<?> items) {
        items.forEach(this::add);
    }

    void add(Object v) {
        members.putIfAbsent(HashKey.of(v), v);
    }

    boolean contains(Object v) {
        return members.containsKey(HashKey.of(v));
    }

    /** The members in iteration order. */
    List<Object> items() {
        return new ArrayList<>(members.values());
    }

    int size() {
        return members.size();
    }

    @Override
    public Object attribute(String name) {
        PyCallable body = switch (name) {
            case "add" -> a -> {
                add(a.accept(1).get(0, "elem"));
                return PyNone.NONE;
            };
            case "remove" -> a -> {
                Object v = a.accept(1).get(0, "elem");
                if (members.remove(HashKey.of(v)) == null) {
                    throw PyDict.keyError(v);
                }
                return PyNone.NONE;
            };
            case "discard" -> a -> {
                members.remove(HashKey.of(a.accept(1).get(0, "elem")));
                return PyNone.NONE;
            };
            case "update" -> a -> {
                a.positional().forEach(it -> Iteration.items(it).forEach(this::add));
                return PyNone.NONE;
            };
            case "clear" -> a -> {
                members.clear();
                return PyNone.NONE;
            };
            case "copy" -> a -> new PySet(items());
            case "union" -> a -> {
                PySet out = new PySet(items());
                a.positional().forEach(it -> Iteration.items(it).forEach(out::add));
                return out;
            };
            case "intersection" -> a -> filtered(Iteration.items(a.accept(1).get(0, "other")), true);
            case "difference" -> a -> filtered(Iteration.items(a.accept(1).get(0, "other")), false);
            case "issubset" -> a -> new PySet(Iteration.items(a.accept(1).get(0, "other"))).containsAll(this);
            case "pop" -> a -> {
                if (members.isEmpty()) {
                    throw PyDict.keyError("pop from an empty set");
                }
                Object first = members.keySet().iterator().next();
                return members.remove(first);
            };
            default -> null;
        };
        return body == null ? null : new Builtin(name, body);
    }

    private PySet filtered(List<Object> other, boolean keep) {
        PySet o = new PySet(other);
        PySet out = new PySet(List.of());
        members.values().stream().filter(v -> o.contains(v) == keep).forEach(out::add);
        return out;
    }

    private boolean containsAll(PySet other) {
        return other.members.keySet().stream().allMatch(members::containsKey);
    }

    /** {@code a - b}: the members of this set not in other. */
    PySet minus(PySet other) {
        return filtered(other.items(), false);
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
        for (Object v : members.values()) {
            sb.append(sb.length() == 1 ? "" : ", ").append(Values.repr(v));
        }
        return sb.append('}').toString();
    }
}
