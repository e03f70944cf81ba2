package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The iteration protocol of the program's own classes: {@code for x in obj} calls {@code obj.__iter__()}, which must
 * give an iterator (an instance with {@code __next__}, often obj itself, or a builtin one such as
 * {@code iter(self.items)}), then {@code __next__()} until it raises StopIteration. As every loop here, the items are
 * taken whole when the walk starts; {@code next(it)} on such an iterator calls its {@code __next__} once.
 */
final class UserIterators {

    private UserIterators() {
    }

    /** Whether {@code v} is an instance of a class of the program's with {@code __iter__}. */
    static boolean isIterable(Object v) {
        return v instanceof PyInstance i && i.cls().lookup("__iter__") instanceof PyFunction;
    }

    /** Whether {@code v} is an instance of a class of the program's with {@code __next__}. */
    static boolean isIterator(Object v) {
        return v instanceof PyInstance i && i.cls().lookup("__next__") instanceof PyFunction;
    }

    /** {@code iter(v)} for an {@link #isIterable} v: what its {@code __iter__} gives, which must be an iterator. */
    static Object iter(Object v) {
        Object it = Dunders.call(v, "__iter__", null);
        if (!(it instanceof PyIterator) && !isIterator(it)) {
            throw PyError.type("iter() returned non-iterator of type '" + Values.typeName(it) + "'");
        }
        return it;
    }

    /** {@code next(it)} for an {@link #isIterator} it: its {@code __next__()} (StopIteration passes through). */
    static Object next(Object it) {
        return Dunders.call(it, "__next__", null);
    }

    /** Every item a walk over an {@link #isIterable} v gives. */
    static List<Object> items(Object v) {
        Object it = iter(v);
        if (it instanceof PyIterator builtin) {
            return builtin.take();
        }
        List<Object> out = new ArrayList<>();
        while (true) {
            try {
                out.add(next(it));
            } catch (PyError e) {
                if (e.pythonType().equals("StopIteration")) {
                    return out;
                }
                throw e;
            }
        }
    }
}
