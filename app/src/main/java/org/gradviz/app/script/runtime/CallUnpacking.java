package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;

/** {@code f(*items)} and {@code f(**mapping)}: the arguments they stand for, with CPython's messages. */
final class CallUnpacking {

    private CallUnpacking() {
    }

    /** The items of {@code *value}, each a positional argument. */
    static List<Object> positional(Object callee, Object value) {
        if (value instanceof String || value instanceof PyRange || value instanceof org.gradviz.engine.Tensor) {
            return Iteration.items(value);
        }
        List<?> items = Values.items(value); // NOTE: takes an iterator's items: read them once
        if (items == null) {
            throw PyError.type(described(callee) + " argument after * must be an iterable, not "
                    + Values.typeName(value));
        }
        return new java.util.ArrayList<>(items);
    }

    /** Adds the entries of {@code **value} to the call's keywords. */
    static void keywords(Object callee, Object value, Map<String, Object> keywords) {
        if (!(value instanceof PyDict d)) {
            throw PyError.type(described(callee) + " argument after ** must be a mapping, not "
                    + Values.typeName(value));
        }
        for (Object key : d.keys()) {
            if (!(key instanceof String name)) {
                throw PyError.type("keywords must be strings");
            }
            put(callee, keywords, name, d.get(key));
        }
    }

    /** One keyword argument, refusing one given twice as Python does. */
    static void put(Object callee, Map<String, Object> keywords, String name, Object value) {
        if (keywords.containsKey(name)) {
            throw PyError.type(described(callee) + " got multiple values for keyword argument '" + name + "'");
        }
        keywords.put(name, value);
    }

    /** How CPython names the callee in these messages: {@code __main__.f()}, {@code max()}. */
    private static String described(Object callee) {
        if (callee instanceof BoundMethod m) {
            return described(m.function());
        }
        if (callee instanceof PyFunction f) {
            return "__main__." + f.qualifiedName() + "()";
        }
        if (callee instanceof Builtin b) {
            return b.name() + "()";
        }
        return Values.typeName(callee) + "()";
    }
}
