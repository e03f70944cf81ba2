package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.app.script.ast.CompareOp;

/** The builtins that walk iterables: {@code zip}, {@code enumerate}, {@code map}, {@code sorted}, {@code any}, ... */
final class IteratorBuiltins {

    private IteratorBuiltins() {
    }

    static void addTo(Map<String, Object> m) {
        put(m, "iter", a -> {
            a.accept(1);
            Object v = a.get(0, "object");
            if (UserIterators.isIterable(v)) {
                return UserIterators.iter(v);
            }
            return v instanceof PyIterator i ? i : new PyIterator(iteratorName(v), Iteration.items(v));
        });
        put(m, "next", a -> {
            a.accept(2);
            Object v = a.get(0, "iterator");
            if (UserIterators.isIterator(v)) {
                try {
                    return UserIterators.next(v);
                } catch (PyError e) {
                    if (a.size() == 2 && e.pythonType().equals("StopIteration")) {
                        return a.positional().get(1);
                    }
                    throw e;
                }
            }
            if (!(v instanceof PyIterator i)) {
                throw PyError.type("'" + Values.typeName(v) + "' object is not an iterator");
            }
            Object item = i.next();
            if (item != null) {
                return item;
            }
            if (a.size() == 2) {
                return a.positional().get(1);
            }
            throw new PyError("StopIteration", "");
        });
        put(m, "zip", a -> {
            a.accept(Integer.MAX_VALUE);
            List<List<Object>> lists = new ArrayList<>();
            int n = Integer.MAX_VALUE;
            for (Object iterable : a.positional()) {
                List<Object> items = Iteration.items(iterable);
                lists.add(items);
                n = Math.min(n, items.size());
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; !lists.isEmpty() && i < n; i++) {
                List<Object> row = new ArrayList<>(lists.size());
                for (List<Object> l : lists) {
                    row.add(l.get(i));
                }
                out.add(new PyTuple(row));
            }
            return new PyIterator("zip", out);
        });
        put(m, "enumerate", a -> {
            a.accept(2, "iterable", "start");
            Object start = a.get(1, "start", 0L);
            if (!Values.isInteger(start)) {
                throw PyError.type("'" + Values.typeName(start) + "' object cannot be interpreted as an integer");
            }
            List<Object> out = new ArrayList<>();
            for (Object item : Iteration.items(a.get(0, "iterable"))) {
                out.add(PyTuple.of(start, item));
                start = Numbers.apply(BinaryOp.ADD, start, 1L);
            }
            return new PyIterator("enumerate", out);
        });
        put(m, "map", a -> {
            PyCallable f = callable(a.get(0, "function"));
            List<Object> out = new ArrayList<>();
            for (Object item : Iteration.items(a.get(1, "iterable"))) {
                out.add(f.call(new Args("map", List.of(item), Map.of())));
            }
            return new PyIterator("map", out);
        });
        put(m, "filter", a -> {
            Object function = a.get(0, "function");
            List<Object> out = new ArrayList<>();
            for (Object item : Iteration.items(a.get(1, "iterable"))) {
                Object keep = function == PyNone.NONE ? item
                        : callable(function).call(new Args("filter", List.of(item), Map.of()));
                if (Values.truthy(keep)) {
                    out.add(item);
                }
            }
            return new PyIterator("filter", out);
        });
        put(m, "reversed", a -> {
            List<Object> items = Iteration.items(a.accept(1).get(0, "sequence"));
            Collections.reverse(items);
            return new PyIterator("list_reverseiterator", items);
        });
        put(m, "sorted", a -> {
            a.accept(1, "key", "reverse");
            return sortedCopy(Iteration.items(a.get(0, "iterable")), a.get(-1, "key", PyNone.NONE),
                    a.bool(-1, "reverse", false));
        });
        put(m, "any", a -> Iteration.items(a.accept(1).get(0, "iterable")).stream().anyMatch(Values::truthy));
        put(m, "all", a -> Iteration.items(a.accept(1).get(0, "iterable")).stream().allMatch(Values::truthy));
    }

    /** Python's sort of {@code items} by {@code key} (None: the items themselves), stable also in reverse. */
    static List<Object> sortedCopy(List<Object> items, Object key, boolean reverse) {
        List<Object> keys = new ArrayList<>(items.size());
        for (Object item : items) {
            keys.add(key == PyNone.NONE ? item : callable(key).call(new Args("key", List.of(item), Map.of())));
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // NOTE: stable, and reverse keeps equal items in their order, as Python's sort
        java.util.Arrays.sort(order, (x, y) -> {
            Object kx = keys.get(reverse ? y : x);
            Object ky = keys.get(reverse ? x : y);
            return Values.truthy(Operators.compare(CompareOp.LT, kx, ky)) ? -1
                    : Values.truthy(Operators.compare(CompareOp.LT, ky, kx)) ? 1 : 0;
        });
        List<Object> out = new ArrayList<>(items.size());
        for (Integer i : order) {
            out.add(items.get(i));
        }
        return out;
    }

    /** What {@code iter(v)} is called: {@code list_iterator}, {@code dict_keyiterator}, ... */
    private static String iteratorName(Object v) {
        if (v instanceof String s) {
            return s.chars().allMatch(c -> c < 128) ? "str_ascii_iterator" : "str_iterator";
        }
        return switch (Values.typeName(v)) {
            case "list" -> "list_iterator";
            case "tuple", "Tensor", "Parameter" -> "tuple_iterator";
            case "dict" -> "dict_keyiterator";
            case "set" -> "set_iterator";
            case "range" -> "range_iterator";
            default -> "iterator";
        };
    }

    private static PyCallable callable(Object f) {
        if (f instanceof PyCallable c) {
            return c;
        }
        throw PyError.type("'" + Values.typeName(f) + "' object is not callable");
    }

    private static void put(Map<String, Object> m, String name, PyCallable f) {
        m.put(name, new Builtin(name, f));
    }
}
