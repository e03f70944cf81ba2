package org.gradviz.app.script.runtime;

import org.gradviz.app.script.ast.BinaryOp;

/**
 * {@code |}, {@code &}, {@code -} and {@code ^} with a dict's keys or items view on either side: a new set, built as
 * CPython's dictviews_or, _PyDictView_Intersect, dictviews_sub and dictviews_xor build it (so that it iterates in its
 * order); the other side may be any iterable. A values view is not set-like.
 */
final class DictViewSets {

    private DictViewSets() {
    }

    /** The set {@code a op b}, or null when neither side is a keys or items view or the operator is another. */
    static PySet apply(BinaryOp op, Object a, Object b) {
        if (!isSetLike(a) && !isSetLike(b)) {
            return null;
        }
        return switch (op) {
            case BITWISE_OR -> {
                PySet out = newSet(a);
                out.update(b);
                yield out;
            }
            case SUB -> {
                PySet out = newSet(a);
                Iteration.items(b).forEach(out::discard);
                yield out;
            }
            case BITWISE_XOR -> {
                PySet out = newSet(a);
                out.symmetricDifferenceUpdate(b instanceof PySet s ? s : new PySet(Iteration.items(b)));
                yield out;
            }
            case BITWISE_AND -> intersect(a, b);
            default -> null;
        };
    }

    /** _PyDictView_Intersect: the other side walked, keeping what the (larger) view holds. */
    private static PySet intersect(Object a, Object b) {
        // NOTE: Python swaps the operands when the view is on the right of &
        PyDictView view = (PyDictView) (isSetLike(a) ? a : b);
        Object other = view == a ? b : a;
        if (other instanceof PySet s && view.dict().size() <= s.size()) {
            return s.intersection(view);
        }
        if (isSetLike(other) && ((PyDictView) other).dict().size() > view.dict().size()) {
            PyDictView bigger = (PyDictView) other;
            other = view;
            view = bigger;
        }
        PySet out = new PySet(java.util.List.of());
        for (Object item : Iteration.items(other)) {
            if (contains(view, item)) {
                out.add(item);
            }
        }
        return out;
    }

    private static boolean contains(PyDictView view, Object item) {
        if (view.kind() == PyDictView.Kind.KEYS) {
            return view.dict().containsKey(item);
        }
        return item instanceof PyTuple t && t.items().size() == 2 && view.dict().containsKey(t.items().get(0))
                && Values.pyEquals(view.dict().get(t.items().get(0)), t.items().get(1));
    }

    /** dictviews_to_set: a set of the operand, built from the dict itself for a keys view of a plain dict. */
    private static PySet newSet(Object v) {
        return PySet.of(v instanceof PyDictView view && view.kind() == PyDictView.Kind.KEYS ? view.dict() : v);
    }

    private static boolean isSetLike(Object v) {
        return v instanceof PyDictView view && view.kind() != PyDictView.Kind.VALUES;
    }
}
