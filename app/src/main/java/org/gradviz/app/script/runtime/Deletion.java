package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;

/** {@code del object[index]} and {@code del object.name}, with Python's errors. */
final class Deletion {
    private Deletion() {
    }

    /** A list's item or slice, a dict's key, or an instance's {@code __delitem__}. */
    static void item(Object object, Object index) {
        if (object instanceof PyInstance i && i.cls().lookup("__delitem__") instanceof PyFunction f) {
            f.call(new Args("__delitem__", List.of(i, index), Map.of()));
            return;
        }
        if (object instanceof List<?> list) {
            if (index instanceof PySlice s) {
                int[] positions = Subscripts.slicePositions(s.lower(), s.upper(), s.step(), list.size());
                // NOTE: from the highest position down, so that each removal leaves the others where they were
                java.util.Arrays.sort(positions);
                for (int k = positions.length - 1; k >= 0; k--) {
                    list.remove(positions[k]);
                }
            } else if (Values.isInteger(index)) {
                list.remove(Subscripts.position(index, list.size(), "list assignment"));
            } else {
                throw PyError.type("list indices must be integers or slices, not " + Values.typeName(index));
            }
            return;
        }
        if (object instanceof PyDict d) {
            if (index instanceof PySlice) {
                throw PyError.type("unhashable type: 'slice'");
            }
            if (!d.containsKey(index)) {
                throw PyDict.keyError(index);
            }
            d.remove(index);
            return;
        }
        if (object instanceof org.gradviz.engine.Tensor) {
            throw PyError.type("Tensor does not support deleting items");
        }
        throw PyError.type("'" + Values.typeName(object) + "' object doesn't support item deletion");
    }

    /**
     * {@code del object.name}: the {@code __delattr__} of the object's class when the program defines one, else
     * {@link #plainAttribute}.
     */
    static void attribute(Object object, String name) {
        if (object instanceof PyInstance i && i.cls().lookup("__delattr__") instanceof PyFunction f) {
            f.call(new Args("__delattr__", List.of(i, name), Map.of()));
            return;
        }
        plainAttribute(object, name);
    }

    /**
     * {@code object.__delattr__}: an own attribute of an instance of the program's own classes (a module's sub-module
     * or Parameter too, as torch's Module.__delattr__ removes it from where it was registered), or an attribute of one
     * of the program's classes (its own, not one it inherits).
     */
    static void plainAttribute(Object object, String name) {
        if (object instanceof PyInstance i && !i.cls().isBuiltin()) {
            if (!i.own().containsKey(name)) {
                throw PyError.attribute("'" + i.cls().name() + "' object has no attribute '" + name + "'");
            }
            i.removeOwn(name);
            return;
        }
        if (object instanceof PyClass c && !c.isBuiltin()) {
            if (!c.remove(name)) {
                throw PyError.attribute("type object '" + c.name() + "' has no attribute '" + name + "'");
            }
            return;
        }
        throw new Unsupported("del of an attribute of a " + Values.typeName(object) + " object");
    }
}
