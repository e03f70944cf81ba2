package org.gradviz.app.script.runtime;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;

/**
 * The builtin functions a program may call. Nothing here touches files, processes or the class library: names such
 * as {@code open}, {@code eval} or {@code __import__} are simply not defined.
 */
final class Builtins {

    private Builtins() {
    }

    static Map<String, Object> create(PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "print", a -> {
            a.accept(Integer.MAX_VALUE, "sep", "end", "file", "flush");
            String sep = optionalString(a, "sep", " ");
            String end = optionalString(a, "end", "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                sb.append(i == 0 ? "" : sep).append(Values.str(a.positional().get(i)));
            }
            Object file = a.keywords().getOrDefault("file", PyNone.NONE);
            if (file == PyNone.NONE) {
                out.print(sb.append(end).toString());
            } else if (file instanceof PyTextStream stream) {
                stream.write(sb.append(end).toString());
            } else {
                throw new Unsupported("'print(file=...)' to a " + Values.typeName(file));
            }
            return PyNone.NONE;
        });
        put(m, "range", a -> {
            a.accept(3);
            if (a.size() == 0) {
                throw PyError.type("range expected at least 1 argument, got 0");
            }
            BigInteger[] v = new BigInteger[a.size()];
            for (int i = 0; i < v.length; i++) {
                Object x = a.positional().get(i);
                if (!Values.isInteger(x)) {
                    throw PyError.type("'" + Values.typeName(x) + "' object cannot be interpreted as an integer");
                }
                v[i] = Ints.big(x);
            }
            return v.length == 1 ? new PyRange(BigInteger.ZERO, v[0], BigInteger.ONE)
                    : new PyRange(v[0], v[1], v.length == 3 ? v[2] : BigInteger.ONE);
        });
        // NOTE: the number hex() of which is the address a default repr shows, as CPython's id is
        put(m, "id", a -> Long.parseLong(Addresses.of(a.accept(1).get(0, "obj")).substring(2), 16));
        put(m, "hash", a -> {
            Object v = a.accept(1).get(0, "obj");
            Long h = CPythonHash.of(HashKey.of(v));
            // NOTE: what CPython hashes by address gets a number from gradviz's made-up address, as CPython's does
            return h != null ? h : Long.rotateRight(Long.parseLong(Addresses.of(v).substring(2), 16), 4);
        });
        put(m, "len", a -> {
            Object v = a.accept(1).get(0, "obj");
            if (v instanceof String s) {
                return (long) s.codePointCount(0, s.length());
            }
            if (v instanceof PyRange r) {
                return r.size();
            }
            if (v instanceof Tensor t) {
                if (t.dim() == 0) {
                    throw PyError.type("len() of a 0-d tensor");
                }
                return (long) t.shape().dim(0);
            }
            if (v instanceof PyInstance i && i.cls().lookup("__len__") instanceof Builtin len) {
                return len.call(new Args("__len__", List.of(i), Map.of()));
            }
            Object own = Dunders.call(v, "__len__", null);
            if (own != Dunders.NONE_FOUND) {
                return own;
            }
            List<?> items = Values.items(v);
            if (items == null) {
                throw PyError.type("object of type '" + Values.typeName(v) + "' has no len()");
            }
            return (long) items.size();
        });
        put(m, "abs", a -> {
            Object v = a.accept(1).get(0, "x");
            if (Values.isInteger(v)) {
                return Numbers.abs(v);
            }
            if (v instanceof Double d) {
                return Math.abs(d);
            }
            if (v instanceof Tensor t) {
                return org.gradviz.engine.ops.Pointwise.abs(t); // NOTE: Tensor.__abs__ is torch.abs
            }
            throw PyError.type("bad operand type for abs(): '" + Values.typeName(v) + "'");
        });
        put(m, "pow", Builtins::pow);
        m.put("Ellipsis", PyEllipsis.ELLIPSIS);
        put(m, "staticmethod", a -> new PyStaticMethod(a.accept(1).get(0, "function")));
        put(m, "classmethod", a -> new PyClassMethod(a.accept(1).get(0, "function")));
        put(m, "divmod", a -> {
            a.accept(2);
            Object x = a.get(0, "x");
            Object y = a.get(1, "y");
            if (!Values.isNumber(x) || !Values.isNumber(y) || x instanceof Tensor || y instanceof Tensor) {
                throw PyError.type("unsupported operand type(s) for divmod(): '" + Values.typeName(x) + "' and '"
                        + Values.typeName(y) + "'");
            }
            return new PyTuple(List.of(Operators.binary(org.gradviz.app.script.ast.BinaryOp.FLOOR_DIV, x, y),
                    Operators.binary(org.gradviz.app.script.ast.BinaryOp.MOD, x, y)));
        });
        put(m, "min", a -> extreme(a, false));
        put(m, "max", a -> extreme(a, true));
        put(m, "float", a -> {
            Object v = a.accept(1).get(0, "x", 0.0);
            if (v instanceof String s) {
                return parseFloat(s);
            }
            if (v instanceof Tensor t) {
                return (double) Values.toDouble(TensorMembers.item(t, a), "float()");
            }
            if (!Values.isNumber(v)) {
                throw PyError.type("float() argument must be a string or a real number, not '"
                        + Values.typeName(v) + "'");
            }
            return Values.toDouble(v, "float()");
        });
        put(m, "int", a -> {
            Object v = a.accept(2, "x", "base").get(0, "x", 0L);
            if (a.size() == 2) {
                Object base = a.get(1, "base");
                if (!(v instanceof String text)) {
                    throw PyError.type("int() can't convert non-string with explicit base");
                }
                if (!Values.isInteger(base)) {
                    throw PyError.type("'" + Values.typeName(base) + "' object cannot be interpreted as an integer");
                }
                return Ints.parse(text, Values.toLong(base));
            }
            return intOf(v instanceof Tensor t ? TensorMembers.item(t, a) : v);
        });
        put(m, "hex", a -> Ints.withPrefix(a.accept(1).get(0, "number"), 16, "0x"));
        put(m, "oct", a -> Ints.withPrefix(a.accept(1).get(0, "number"), 8, "0o"));
        put(m, "bin", a -> Ints.withPrefix(a.accept(1).get(0, "number"), 2, "0b"));
        put(m, "bool", a -> Values.truthy(a.accept(1).get(0, "x", false)));
        put(m, "str", a -> Values.str(a.accept(1).get(0, "object", "")));
        put(m, "repr", a -> Values.repr(a.accept(1).get(0, "obj")));
        put(m, "round", a -> {
            a.accept(2, "number", "ndigits");
            Object digits = a.get(1, "ndigits", PyNone.NONE);
            if (digits != PyNone.NONE && !Values.isInteger(digits)) {
                throw PyError.type("'" + Values.typeName(digits) + "' object cannot be interpreted as an integer");
            }
            return Rounding.round(a.get(0, "number"), digits == PyNone.NONE ? null : digits);
        });
        put(m, "list", a -> new ArrayList<>(Iteration.items(a.accept(1).get(0, "iterable", List.of()))));
        put(m, "tuple", a -> new PyTuple(Iteration.items(a.accept(1).get(0, "iterable", List.of()))));
        put(m, "sum", a -> {
            a.accept(2, "iterable", "start");
            Object total = a.get(1, "start", 0L);
            for (Object x : Iteration.items(a.get(0, "iterable"))) {
                total = Operators.binary(org.gradviz.app.script.ast.BinaryOp.ADD, total, x);
            }
            return total;
        });
        IteratorBuiltins.addTo(m);
        TypeBuiltins.addTo(m);
        return m;
    }

    /** pow(base, exp, mod=None): {@code base ** exp}, or with a modulus the integer power modulo mod. */
    /** Python's {@code int(v)} of a str, float, bool or int (not of a tensor: its item first). */
    static Object intOf(Object v) {
        if (v instanceof String s) {
            return Ints.parse(s);
        }
        if (v instanceof Double d) {
            if (Double.isNaN(d)) {
                throw PyError.value("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw new PyError("OverflowError", "cannot convert float infinity to integer");
            }
            return Ints.fromDouble(d);
        }
        if (v instanceof Boolean) {
            return Values.toLong(v);
        }
        if (Values.isInteger(v)) {
            return v;
        }
        throw PyError.type("int() argument must be a string, a bytes-like object or a real number, not '"
                + Values.typeName(v) + "'");
    }

    private static Object pow(Args a) {
        if (a.size() > 3) {
            throw PyError.type("pow() takes at most 3 arguments (" + a.size() + " given)");
        }
        String[] names = {"base", "exp"};
        for (int i = 0; i < 2; i++) {
            if (!a.has(i, names[i])) {
                throw PyError.type("pow() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        a.accept(3, "base", "exp", "mod");
        Object base = a.get(0, "base");
        Object exp = a.get(1, "exp");
        Object mod = a.get(2, "mod", PyNone.NONE);
        if (mod == PyNone.NONE) {
            return Operators.binary(org.gradviz.app.script.ast.BinaryOp.POW, base, exp);
        }
        if (!Values.isInteger(base) || !Values.isInteger(exp) || !Values.isInteger(mod)) {
            throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers");
        }
        BigInteger m = Ints.big(mod);
        if (m.signum() == 0) {
            throw PyError.value("pow() 3rd argument cannot be 0");
        }
        BigInteger r;
        try {
            r = Ints.big(base).modPow(Ints.big(exp), m.abs());
        } catch (ArithmeticException e) {
            throw PyError.value("base is not invertible for the given modulus");
        }
        return Ints.of(m.signum() < 0 && r.signum() != 0 ? r.add(m) : r);
    }

    private static void put(Map<String, Object> m, String name, PyCallable f) {
        m.put(name, new Builtin(name, f));
    }

    private static String optionalString(Args a, String name, String fallback) {
        Object v = a.keywords().getOrDefault(name, PyNone.NONE);
        if (v == PyNone.NONE) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw PyError.type(name + " must be None or a string, not " + Values.typeName(v));
    }

    private static double parseFloat(String s) {
        String t = s.strip().toLowerCase().replace("_", "");
        switch (t) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    if (t.isEmpty() || t.endsWith("d") || t.endsWith("f") || t.startsWith("0x")) {
                        throw new NumberFormatException();
                    }
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw PyError.value("could not convert string to float: " + Values.stringRepr(s));
                }
            }
        }
    }

    private static Object extreme(Args a, boolean max) {
        a.accept(Integer.MAX_VALUE);
        List<Object> candidates = a.size() == 1 ? Iteration.items(a.positional().get(0)) : a.positional();
        String name = max ? "max" : "min";
        if (candidates.isEmpty()) {
            throw PyError.value(name + "() arg is an empty sequence");
        }
        Object best = candidates.get(0);
        for (Object c : candidates.subList(1, candidates.size())) {
            var op = max ? org.gradviz.app.script.ast.CompareOp.GT : org.gradviz.app.script.ast.CompareOp.LT;
            if (Values.truthy(Operators.compare(op, c, best))) {
                best = c;
            }
        }
        return best;
    }
}
