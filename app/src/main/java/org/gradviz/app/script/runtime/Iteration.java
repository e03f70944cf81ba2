package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.Tensor;

/** What a {@code for} loop and {@code list(...)} can walk over. */
final class Iteration {

    private Iteration() {
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
