package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-pass iterator: a generator expression, {@code zip}, {@code enumerate}, {@code map}, {@code filter},
 * {@code reversed}, {@code iter(list)}. Its items are computed up front; {@code next} and a loop take them one by one
 * (a loop left by break leaves the rest); once walked it is empty, as in Python.
 *
 * @param typeName what Python calls it: {@code generator}, {@code zip}, ...
 * @param function for a generator, the function whose generator it is ({@code Module.parameters}), or
 *     {@code <genexpr>} for a generator expression
 */
record PyIterator(String typeName, List<Object> items, int[] position, String function)
        implements HasAttributes {

    PyIterator(String typeName, List<Object> items) {
        this(typeName, new ArrayList<>(items), new int[1], "<genexpr>");
    }

    /** The generator a function such as {@code Module.parameters} returns, yielding {@code items}. */
    static PyIterator generator(String function, List<Object> items) {
        return new PyIterator("generator", new ArrayList<>(items), new int[1], function);
    }

    /** The items not walked yet; after this call there are none. */
    List<Object> take() {
        List<Object> rest = items.subList(position[0], items.size());
        position[0] = items.size();
        return rest;
    }

    /** Whether an item is left to walk. */
    boolean hasNext() {
        return position[0] < items.size();
    }

    /** {@code next(it)}: the next item, or null when there is none left. */
    Object next() {
        return position[0] < items.size() ? items.get(position[0]++) : null;
    }

    @Override
    public Object attribute(String name) {
        return null;
    }

    @Override
    public String toString() {
        String kind = typeName.equals("generator") ? "generator object " + function : typeName + " object";
        return "<" + kind + " at " + Addresses.of(this) + ">";
    }
}
