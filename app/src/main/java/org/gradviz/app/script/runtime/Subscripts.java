package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.Tensor;

/**
 * {@code object[index]} and {@code object[lower:upper:step]} with Python's negative indices and bounds; a string's
 * items are its code points.
 */
final class Subscripts {

    private Subscripts() {
    }

    /** The position {@code index} names in a sequence of {@code size}: IndexError beyond either end. */
    static int position(Object index, int size, String what) {
        long given = Ints.index(index, "IndexError");
        long i = given < 0 ? given + size : given;
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
            return TensorIndexing.get(t, index);
        }
        if (object instanceof PyInstance i && i.cls().lookup("__getitem__") instanceof Builtin getItem) {
            return getItem.call(new Args("__getitem__", List.of(i, index), java.util.Map.of()));
        }
        index = asIndex(index);
        if (object instanceof String s) {
            int at = position(integer(index, "string"), s.codePointCount(0, s.length()), "string");
            return Character.toString(s.codePointAt(s.offsetByCodePoints(0, at)));
        }
        if (object instanceof PyRange r && Values.isInteger(index)) {
            return r.item(Ints.big(index));
        }
        List<?> items = object instanceof PyDictView || object instanceof PySet ? null : Values.items(object);
        if (items == null) {
            throw PyError.type("'" + Values.typeName(object) + "' object is not subscriptable");
        }
        String kind = object instanceof List<?> ? "list" : "tuple";
        return items.get(position(integer(index, kind), items.size(), kind));
    }

    /**
     * A one-element integer tensor as the int its {@code __index__} gives ({@code classes[label]} with a label from
     * a tensor); anything else as it is.
     */
    static Object asIndex(Object index) {
        if (index instanceof Tensor t) {
            if (t.numel() == 1 && t.dtype().category() == 1) {
                return (long) t.item();
            }
            throw PyError.type("only integer tensors of a single element can be converted to an index");
        }
        return index;
    }

    private static Object integer(Object index, String kind) {
        if (!Values.isInteger(index)) {
            throw PyError.type(kind + " indices must be integers or slices, not " + Values.typeName(index));
        }
        return index;
    }

    static Object slice(Object object, Object lower, Object upper, Object stepValue) {
        if (object instanceof PyInstance i && i.cls().lookup("__getitem__") instanceof Builtin getItem) {
            if (!NnModule.isModule(i) && !TorchData.slicesItself(i)) {
                throw new Unsupported("'" + i.cls().name() + "[a:b]'");
            }
            return getItem.call(new Args("__getitem__", List.of(i, new PySlice(lower, upper, stepValue)),
                    java.util.Map.of()));
        }
        if (object instanceof Tensor t) {
            return TensorIndexing.get(t, new PySlice(lower, upper, stepValue));
        }
        List<Object> items = object instanceof String s ? Iteration.items(s) : null;
        if (items == null) {
            List<?> given = object instanceof PyDictView || object instanceof PySet ? null : Values.items(object);
            if (given == null) {
                throw PyError.type("'" + Values.typeName(object) + "' object is not subscriptable");
            }
            items = new ArrayList<>(given);
        }
        int[] positions = slicePositions(lower, upper, stepValue, items.size());
        List<Object> out = new ArrayList<>(positions.length);
        for (int p : positions) {
            out.add(items.get(p));
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

    /**
     * The positions {@code [lower:upper:step]} takes from a sequence of {@code n} items, in the slice's order, as
     * CPython's PySlice_Unpack and PySlice_AdjustIndices find them.
     */
    static int[] slicePositions(Object lower, Object upper, Object stepValue, int n) {
        long step = stepValue == PyNone.NONE ? 1 : sliceIndex(stepValue);
        if (step == 0) {
            throw PyError.value("slice step cannot be zero");
        }
        // NOTE: as CPython's PySlice_Unpack: a step of -2**63 is -(2**63-1), so that -step is a long
        step = Math.max(step, -Long.MAX_VALUE);
        long start = bound(lower, n, step, true);
        long stop = bound(upper, n, step, false);
        long count = step > 0 ? (start < stop ? (stop - start - 1) / step + 1 : 0)
                : (stop < start ? (start - stop - 1) / (-step) + 1 : 0);
        int[] out = new int[(int) count];
        for (int k = 0; k < count; k++) {
            // NOTE: every position is inside [0, n), so start + k * step cannot overflow
            out[k] = (int) (start + k * step);
        }
        return out;
    }

    /** A slice bound, clamped to a long as CPython's {@code _PyEval_SliceIndex}. */
    private static long sliceIndex(Object v) {
        if (!Values.isInteger(v)) {
            throw PyError.type("slice indices must be integers or None or have an __index__ method");
        }
        return Ints.clamped(v);
    }

    /** CPython's {@code PySlice_AdjustIndices} for one bound. */
    private static long bound(Object v, int n, long step, boolean isStart) {
        if (v == PyNone.NONE) {
            return step > 0 ? (isStart ? 0 : n) : (isStart ? n - 1 : -1);
        }
        long i = sliceIndex(v);
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
