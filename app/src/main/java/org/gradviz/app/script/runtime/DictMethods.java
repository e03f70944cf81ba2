package org.gradviz.app.script.runtime;


/** The methods of a dict a program may call: {@code keys}, {@code values}, {@code items}, {@code get}, ... */
final class DictMethods {

    private DictMethods() {
    }

    private static PyDict noArguments(PyDict d, Args a) {
        a.accept(0);
        return d;
    }

    /** The bound method, or null when a dict has no such method in gradviz. */
    static Object get(PyDict d, String name) {
        PyCallable body = switch (name) {
            case "keys" -> a -> new PyDictView(PyDictView.Kind.KEYS, noArguments(d, a));
            case "values" -> a -> new PyDictView(PyDictView.Kind.VALUES, noArguments(d, a));
            case "items" -> a -> new PyDictView(PyDictView.Kind.ITEMS, noArguments(d, a));
            case "get" -> a -> {
                a.accept(2);
                Object v = d.get(a.get(0, "key"));
                return v != null ? v : a.get(1, "default", PyNone.NONE);
            };
            case "pop" -> a -> {
                a.accept(2);
                Object v = d.remove(a.get(0, "key"));
                if (v != null) {
                    return v;
                }
                if (a.size() > 1) {
                    return a.get(1, "default");
                }
                throw PyDict.keyError(a.get(0, "key"));
            };
            case "update" -> a -> {
                if (d.typeName().equals("Counter")) {
                    // NOTE: Counter.update adds counts instead of replacing values
                    throw new Unsupported("'Counter.update'");
                }
                TypeBuiltins.filled(d, "update", a);
                return PyNone.NONE;
            };
            case "setdefault" -> a -> {
                a.accept(2);
                Object key = a.get(0, "key");
                if (!d.containsKey(key)) {
                    d.put(key, a.get(1, "default", PyNone.NONE));
                }
                return d.get(key);
            };
            default -> null;
        };
        return body == null ? null : new Builtin(name, body);
    }
}
