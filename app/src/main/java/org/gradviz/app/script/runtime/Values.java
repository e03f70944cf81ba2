package org.gradviz.app.script.runtime;

import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.gradviz.app.script.format.PythonFormat;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;

/** What every runtime value is to Python: its type name, {@code str()}, {@code repr()}, truth and equality. */
public final class Values {

    /** The containers whose repr is being written on this thread, by identity. */
    private static final ThreadLocal<Set<Object>> BEING_WRITTEN =
            ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    private Values() {
    }

    public static String typeName(Object v) {
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v == PyNone.NONE) {
            return "NoneType";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        if (v instanceof PyTuple) {
            return "tuple";
        }
        if (v instanceof PyDict d) {
            return d.typeName();
        }
        if (v instanceof PyIterator i) {
            return i.typeName();
        }
        if (v instanceof BoundMethod) {
            return "method";
        }
        if (v instanceof PySize) {
            return "Size";
        }
        if (v instanceof Tensor) {
            return NnParameter.is(v) ? "Parameter" : "Tensor";
        }
        if (v instanceof DType) {
            return "torch.dtype";
        }
        if (v instanceof Node n) {
            return n.name();
        }
        if (v instanceof PyRange) {
            return "range";
        }
        if (v instanceof PyFunction) {
            return "function";
        }
        if (v instanceof PyNamedTuple n) {
            return n.typeName().substring(n.typeName().lastIndexOf('.') + 1);
        }
        if (v instanceof PyEllipsis) {
            return "ellipsis";
        }
        if (v instanceof PySlice) {
            return "slice";
        }
        if (v instanceof PyCallable) {
            return "builtin_function_or_method";
        }
        if (v instanceof HasAttributes h) {
            return h.typeName();
        }
        return "object";
    }

    /** {@code str(v)}. */
    public static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof PyInstance i) {
            return ObjectText.str(i);
        }
        if (v instanceof PyDevice d) {
            return d.toString();
        }
        return repr(v);
    }

    /** {@code repr(v)}. */
    public static String repr(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return PythonFormat.floatRepr(d);
        }
        if (v instanceof String s) {
            return stringRepr(s);
        }
        if (v instanceof List<?> list) {
            return container(list, "[...]", () -> sequence("[", list, "]"));
        }
        if (v instanceof PyTuple t) {
            return container(t, "(...)", () -> t.items().size() == 1 ? "(" + repr(t.items().get(0)) + ",)"
                    : sequence("(", t.items(), ")"));
        }
        if (v instanceof PyDict d) {
            return container(d, "{...}", d::toString);
        }
        if (v instanceof PySet set) {
            return container(set, "set(...)", set::toString);
        }
        if (v instanceof DType d) {
            return d.torchName();
        }
        if (v instanceof PyDevice d) {
            return d.repr();
        }
        if (v instanceof PyInstance i) {
            return ObjectText.repr(i);
        }
        if (v instanceof Tensor t && NnParameter.is(t)) {
            return NnParameter.repr(t);
        }
        if (v instanceof BigInteger b) {
            return Ints.decimal(b);
        }
        return String.valueOf(v);
    }

    /**
     * The text of a container, or {@code ellipsis} when it is already being written further out: a list that holds
     * itself prints {@code [[...]]}, as CPython's {@code Py_ReprEnter}.
     */
    private static String container(Object c, String ellipsis, Supplier<String> text) {
        Set<Object> open = BEING_WRITTEN.get();
        if (!open.add(c)) {
            return ellipsis;
        }
        try {
            return text.get();
        } finally {
            open.remove(c);
        }
    }

    private static String sequence(String open, List<?> items, String close) {
        StringBuilder sb = new StringBuilder(open);
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(repr(items.get(i)));
        }
        return sb.append(close).toString();
    }

    /** Python's string repr: single quotes unless the text has a single quote and no double quote. */
    public static String stringRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == quote) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(quote).toString();
    }

    /** Python truth: {@code bool(v)}. */
    public static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof BigInteger) {
            return true; // NOTE: never zero, as a BigInteger only holds ints beyond a long
        }
        if (v instanceof Double d) {
            return d != 0.0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v == PyNone.NONE) {
            return false;
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof PyTuple t) {
            return !t.items().isEmpty();
        }
        if (v instanceof PySize s) {
            return !s.dims().isEmpty();
        }
        if (v instanceof PyRange r) {
            return !r.isEmpty();
        }
        if (v instanceof PyDict d) {
            return d.size() > 0;
        }
        if (v instanceof PySet set) {
            return set.size() > 0;
        }
        if (v instanceof PyDictView view) {
            return view.dict().size() > 0;
        }
        if (v instanceof PyInstance) {
            Object own = Dunders.call(v, "__bool__", null);
            own = own != Dunders.NONE_FOUND ? own : Dunders.call(v, "__len__", null);
            return own == Dunders.NONE_FOUND || truthy(own);
        }
        if (v instanceof Tensor t) {
            if (t.numel() != 1) {
                throw new PyError("RuntimeError", "Boolean value of Tensor with more than one value is ambiguous");
            }
            return t.item() != 0.0;
        }
        return true;
    }

    public static boolean isNumber(Object v) {
        return isInteger(v) || v instanceof Double;
    }

    /** An int (a Long, or a BigInteger beyond a long; see {@link Ints}) or a bool. */
    public static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Boolean || v instanceof BigInteger;
    }

    /** An int or bool as a long; OverflowError for an int beyond a long, as CPython's conversion to C long. */
    public static long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger) {
            throw new PyError("OverflowError", "Python int too large to convert to C long");
        }
        return (Long) v;
    }

    /** A number as a double, or TypeError naming {@code what}. */
    public static double toDouble(Object v, String what) {
        if (v instanceof Double d) {
            return d;
        }
        if (isInteger(v)) {
            return Ints.toDouble(v);
        }
        if (v instanceof Tensor t && t.numel() == 1) {
            return t.item();
        }
        throw PyError.type(what + " must be a number, not " + typeName(v));
    }

    /** An int torch takes (a dim, a size, a seed), or TypeError naming {@code what}; beyond int64, torch's error. */
    public static long toIndex(Object v, String what) {
        if (isInteger(v)) {
            return Ints.int64(v);
        }
        throw PyError.type(what + " must be int, not " + typeName(v));
    }

    /** The items of a list, tuple or torch.Size; null for anything else. */
    public static List<?> items(Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof PyTuple t) {
            return t.items();
        }
        if (v instanceof PySize s) {
            return s.dims();
        }
        if (v instanceof PyNamedTuple n) {
            return n.tuple().items();
        }
        if (v instanceof PyDict d) {
            return d.keys();
        }
        if (v instanceof PySet set) {
            return set.items();
        }
        if (v instanceof PyDictView view) {
            return view.items();
        }
        if (v instanceof PyIterator i) {
            return i.take();
        }
        if (v instanceof PyInstance i && i.cls().lookup("__iter__") instanceof Builtin iter) {
            return ((PyIterator) iter.call(new Args("__iter__", List.of(i), java.util.Map.of()))).take();
        }
        if (UserIterators.isIterable(v)) {
            return UserIterators.items(v);
        }
        return null;
    }

    /** Python {@code ==}. */
    public static boolean pyEquals(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return Numbers.compare(a, b) == 0;
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return x.size() == y.size() && x.items().stream().allMatch(y::contains);
        }
        if (a instanceof PyDictView || b instanceof PyDictView) {
            return PyDictView.sameAs(a, b);
        }
        List<?> la = a instanceof List<?> ? (List<?>) a : null;
        List<?> lb = b instanceof List<?> ? (List<?>) b : null;
        if (la != null || lb != null) {
            return la != null && lb != null && sameItems(la, lb);
        }
        List<?> ta = a instanceof PyTuple || a instanceof PySize ? items(a) : null;
        List<?> tb = b instanceof PyTuple || b instanceof PySize ? items(b) : null;
        if (ta != null && tb != null) {
            return sameItems(ta, tb);
        }
        if (a instanceof String || a instanceof PyRange) {
            return a.equals(b);
        }
        if (a instanceof PyDict x && b instanceof PyDict y) {
            return x.size() == y.size() && x.keys().stream().allMatch(k -> y.containsKey(k)
                    && pyEquals(x.get(k), y.get(k)));
        }
        return a == b;
    }

    private static boolean sameItems(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!pyEquals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
