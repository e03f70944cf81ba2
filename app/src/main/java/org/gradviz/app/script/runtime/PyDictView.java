package org.gradviz.app.script.runtime;

import java.util.List;

/**
 * What {@code d.keys()}, {@code d.values()} and {@code d.items()} return: a live view of the dict (it shows later
 * changes), iterable and sized but not subscriptable, printed {@code dict_keys(['a', 'b'])} ({@code odict_keys(...)}
 * for an OrderedDict).
 */
record PyDictView(Kind kind, PyDict dict) implements HasAttributes {

    /** Which of the dict's views. */
    enum Kind {
        KEYS, VALUES, ITEMS;

        String suffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The items the view shows now, in the dict's order. */
    List<Object> items() {
        return switch (kind) {
            case KEYS -> dict.keys();
            case VALUES -> dict.values();
            case ITEMS -> dict.items();
        };
    }

    /**
     * Python's {@code ==} with a view on one side: keys and items views equal a keys or items view or a set with the
     * same elements (they are set-like); a values view equals only itself.
     */
    static boolean sameAs(Object a, Object b) {
        if (a instanceof PyDictView v && v.kind == Kind.VALUES || b instanceof PyDictView w && w.kind == Kind.VALUES) {
            return a == b;
        }
        List<?> x = setLike(a);
        List<?> y = setLike(b);
        if (x == null || y == null || x.size() != y.size()) {
            return false;
        }
        for (Object item : x) {
            if (y.stream().noneMatch(other -> Values.pyEquals(item, other))) {
                return false;
            }
        }
        return true;
    }

    private static List<?> setLike(Object v) {
        return v instanceof PyDictView || v instanceof PySet ? Values.items(v) : null;
    }

    @Override
    public Object attribute(String name) {
        return null;
    }

    @Override
    public String typeName() {
        return (dict.isOrderedDict() ? "odict_" : "dict_") + kind.suffix();
    }

    @Override
    public String toString() {
        return typeName() + "(" + Values.repr(items()) + ")";
    }
}
