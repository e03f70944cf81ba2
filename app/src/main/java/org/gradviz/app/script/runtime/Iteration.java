package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.gradviz.engine.Tensor;

/** What a {@code for} loop and {@code list(...)} can walk over. */
final class Iteration {

    private Iteration() {
    }

    /**
     * The items a {@code for} loop walks, one at a time: a list by position, so that the loop sees the items its body
     * adds or deletes (Python's list iterator), and an iterator by {@code next}, so that a break leaves the rest of it
     * to whoever walks it next; anything else as {@link #items} gives it.
     */
    static Iterator<Object> walk(Object v) {
        if (v instanceof List<?> list) {
            return new Iterator<>() {
                private int position;

                @Override
                public boolean hasNext() {
                    return position < list.size();
                }

                @Override
                public Object next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return list.get(position++);
                }
            };
        }
        if (v instanceof PyIterator it) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Object next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return it.next();
                }
            };
        }
        return items(v).iterator();
    }

    /** All items of an iterable value (ranges are bounded by {@link PyRange#MAX_LENGTH}). */
    static List<Object> items(Object v) {
        List<Object> out = itemsOrNull(v);
        if (out == null) {
            throw PyError.type("'" + Values.typeName(v) + "' object is not iterable");
        }
        return out;
    }

    /** As {@link #items}, but null when the value is not iterable. */
    static List<Object> itemsOrNull(Object v) {
        if (v instanceof PyRange r) {
            long n = r.loopLength();
            List<Object> out = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                out.add(r.get(i));
            }
            return out;
        }
        if (v instanceof String s) {
            List<Object> out = new ArrayList<>();
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        if (v instanceof Tensor t) {
            List<Object> out = new ArrayList<>();
            int n = t.dim() == 0 ? failZeroDim() : t.shape().dim(0);
            for (int i = 0; i < n; i++) {
                out.add(TensorFactory.select(t, i));
            }
            return out;
        }
        List<?> items = Values.items(v);
        return items == null ? null : new ArrayList<>(items);
    }

    private static int failZeroDim() {
        throw PyError.type("iteration over a 0-d tensor");
    }
}
