package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.Tensor;

/** {@code object[index]} and {@code object[lower:upper:step]} with Python's negative indices and bounds. */
final class Subscripts {

    private Subscripts() {
    }

    static int position(long index, int size, String what) {
        long i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw PyError.index(what + " index out of range");
        }
        return (int) i;
    }

    static Object get(Object object, Object index) {
        if (object instanceof PyDict d) {
            return d.item(index);
        }
        if (object instanceof Tensor t) {
            if (Values.isInteger(index)) {
                return TensorFactory.select(t, Values.toLong(index));
            }
            if (index instanceof PyTuple tuple) {
                Tensor result = t;
                for (Object i : tuple.items()) {
                    if (!Values.isInteger(i)) {
                        throw notSupportedTensorIndex();
                    }
                    result = TensorFactory.select(result, Values.toLong(i));
                }
                return result;
            }
            throw notSupportedTensorIndex();
        }
        if (object instanceof String s) {
            return String.valueOf(s.charAt(position(integer(index, "string"), s.length(), "string")));
        }
        if (object instanceof PyRange r && Values.isInteger(index)) {
            return r.get(position(Values.toLong(index), (int) r.length(), "range object"));
        }
        List<?> items = Values.items(object);
        if (items == null) {
            throw PyError.type("'" + Values.typeName(object) + "' object is not subscriptable");
        }
        String kind = object instanceof List<?> ? "list" : "tuple";
        return items.get(position(integer(index, kind), items.size(), kind));
    }

    private static long integer(Object index, String kind) {
        if (!Values.isInteger(index)) {
            throw PyError.type(kind + " indices must be integers or slices, not " + Values.typeName(index));
        }
        return Values.toLong(index);
    }

    private static Unsupported notSupportedTensorIndex() {
        return new Unsupported("indexing a tensor with anything but integers");
    }

    static Object slice(Object object, Object lower, Object upper, Object stepValue) {
        if (object instanceof Tensor) {
            throw new Unsupported("slicing a tensor");
        }
        List<Object> items = object instanceof String s ? Iteration.items(s) : null;
        if (items == null) {
            List<?> given = Values.items(object);
            if (given == null) {
                throw PyError.type("'" + Values.typeName(object) + "' object is not subscriptable");
            }
            items = new ArrayList<>(given);
        }
        int n = items.size();
        long step = stepValue == PyNone.NONE ? 1 : integer(stepValue, "slice");
        if (step == 0) {
            throw PyError.value("slice step cannot be zero");
        }
        long start = bound(lower, n, step, true);
        long stop = bound(upper, n, step, false);
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(items.get((int) i));
        }
        if (object instanceof String) {
            StringBuilder sb = new StringBuilder();
            out.forEach(sb::append);
            return sb.toString();
        }
        if (object instanceof List<?>) {
            return out;
        }
        return new PyTuple(out);
    }

    private static long bound(Object v, int n, long step, boolean isStart) {
        if (v == PyNone.NONE) {
            return step > 0 ? (isStart ? 0 : n) : (isStart ? n - 1 : -1);
        }
        long i = integer(v, "slice");
        if (i < 0) {
            i += n;
            if (i < 0) {
                i = step > 0 ? 0 : -1;
            }
        } else if (i >= n) {
            i = step > 0 ? n : n - 1;
        }
        return i;
    }
}
