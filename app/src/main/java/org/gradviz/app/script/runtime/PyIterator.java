package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-pass iterator: a generator expression, {@code zip}, {@code enumerate}, {@code map}, {@code filter},
 * {@code reversed}. Its items are computed up front; once walked it is empty, as in Python.
 *
 * @param typeName what Python calls it: {@code generator}, {@code zip}, ...
 */
record PyIterator(String typeName, List<Object> items, boolean[] consumed) implements HasAttributes {

    PyIterator(String typeName, List<Object> items) {
        this(typeName, new ArrayList<>(items), new boolean[1]);
    }

    /** The items not walked yet; after this call there are none. */
    List<Object> take() {
        if (consumed[0]) {
            return List.of();
        }
        consumed[0] = true;
        return items;
    }

    @Override
    public Object attribute(String name) {
        return null;
    }

    @Override
    public String toString() {
        String kind = typeName.equals("generator") ? "generator object <genexpr>" : typeName + " object";
        return "<" + kind + " at " + Addresses.of(this) + ">";
    }
}
