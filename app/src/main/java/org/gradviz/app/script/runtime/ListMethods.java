package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gradviz.app.script.ast.CompareOp;

/** The methods of a Python {@code list}, with CPython's messages. */
final class ListMethods {

    private ListMethods() {
    }

    /** {@code list.name} bound to {@code list}, or null when gradviz has no such method. */
    @SuppressWarnings("unchecked")
    static Object get(List<?> list, String name) {
        List<Object> items = (List<Object>) list;
        return switch (name) {
            case "append" -> new Builtin(name, a -> {
                items.add(a.accept(1).get(0, "object"));
                return PyNone.NONE;
            });
            case "extend" -> new Builtin(name, a -> {
                items.addAll(Iteration.items(a.accept(1).get(0, "iterable")));
                return PyNone.NONE;
            });
            case "insert" -> new Builtin(name, a -> {
                long at = a.accept(2).integer(0, "index");
                int size = items.size();
                long clamped = at < 0 ? Math.max(0, at + size) : Math.min(at, size);
                items.add((int) clamped, a.get(1, "object"));
                return PyNone.NONE;
            });
            case "pop" -> new Builtin(name, a -> {
                if (items.isEmpty()) {
                    throw PyError.index("pop from empty list");
                }
                Object i = a.size() == 0 ? (Object) (-1L) : a.accept(1).get(0, "index");
                if (!Values.isInteger(i)) {
                    throw PyError.type("'" + Values.typeName(i) + "' object cannot be interpreted as an integer");
                }
                Ints.ssize(i);
                return items.remove(Subscripts.position(i, items.size(), "pop"));
            });
            case "remove" -> new Builtin(name, a -> {
                int at = indexOf(items, a.accept(1).get(0, "value"));
                if (at < 0) {
                    throw PyError.value("list.remove(x): x not in list");
                }
                items.remove(at);
                return PyNone.NONE;
            });
            case "index" -> new Builtin(name, a -> {
                Object value = a.accept(1).get(0, "value");
                int at = indexOf(items, value);
                if (at < 0) {
                    throw PyError.value(Values.repr(value) + " is not in list");
                }
                return (long) at;
            });
            case "count" -> new Builtin(name, a -> {
                Object value = a.accept(1).get(0, "value");
                return items.stream().filter(x -> equal(x, value)).count();
            });
            case "sort" -> new Builtin(name, a -> {
                if (a.has(0, null)) {
                    throw PyError.type("sort() takes no positional arguments");
                }
                a.accept(0, "key", "reverse");
                List<Object> sorted = IteratorBuiltins.sortedCopy(new ArrayList<>(items),
                        a.get(-1, "key", PyNone.NONE), a.bool(-1, "reverse", false));
                items.clear();
                items.addAll(sorted);
                return PyNone.NONE;
            });
            case "reverse" -> new Builtin(name, a -> {
                a.accept(0);
                Collections.reverse(items);
                return PyNone.NONE;
            });
            case "copy" -> new Builtin(name, a -> {
                a.accept(0);
                return new ArrayList<>(items);
            });
            case "clear" -> new Builtin(name, a -> {
                a.accept(0);
                items.clear();
                return PyNone.NONE;
            });
            default -> null;
        };
    }

    private static int indexOf(List<Object> items, Object value) {
        for (int i = 0; i < items.size(); i++) {
            if (equal(items.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** Python's {@code ==} as list methods use it: identity first, then equality. */
    private static boolean equal(Object x, Object value) {
        return x == value || Values.truthy(Operators.compare(CompareOp.EQ, x, value));
    }
}
