package org.gradviz.app.script.runtime;

import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Closeness;
import org.gradviz.engine.ops.Comparison;

/**
 * The comparisons and truth tests by name: {@code t.eq(other)} … {@code t.ge(other)} (bool tensors, as the operators
 * give), {@code t.all()} / {@code t.any()} (whole or along a dim), {@code isclose} (a bool tensor), and
 * {@code allclose}, {@code torch.equal}, {@code torch.is_tensor} and {@code is_floating_point}, which give a Python bool.
 */
final class TensorPredicates {
    private static final Map<String, Comparison.Kind> COMPARISONS = Map.of("eq", Comparison.Kind.EQ,
            "ne", Comparison.Kind.NE, "lt", Comparison.Kind.LT, "le", Comparison.Kind.LE, "gt", Comparison.Kind.GT,
            "ge", Comparison.Kind.GE);

    private TensorPredicates() {
    }

    /** The torch functions: every method below as {@code torch.f(input, ...)}, then equal and is_tensor. */
    static void addTo(Map<String, Object> torch) {
        for (String name : new java.util.TreeSet<>(COMPARISONS.keySet())) {
            torch.put(name, new Builtin(name, a -> compare(name, a.tensor(0, "input"), a.accept(2, "input", "other")
                    .get(1, "other"))));
        }
        for (String name : new String[] {"all", "any"}) {
            torch.put(name, new Builtin(name, a -> truth(name.equals("all"), a.tensor(0, "input"),
                    a.accept(3, "input", "dim", "keepdim"), 1)));
        }
        torch.put("equal", new Builtin("equal", a -> {
            a.accept(2, "input", "other");
            return equal(a.tensor(0, "input"), a.tensor(1, "other"));
        }));
        for (String name : new String[] {"allclose", "isclose"}) {
            torch.put(name, new Builtin(name, a -> closeness(name, a.tensor(0, "input"),
                    a.accept(5, "input", "other", "rtol", "atol", "equal_nan"), 1)));
        }
        torch.put("is_tensor", new Builtin("is_tensor", a -> a.accept(1, "obj").get(0, "obj") instanceof Tensor));
        torch.put("is_floating_point", new Builtin("is_floating_point",
                a -> a.accept(1, "input").tensor(0, "input").dtype().isFloatingPoint()));
    }

    /** {@code t.name(...)} when name is one of the methods here, else null. */
    static PyCallable method(Tensor t, String name) {
        if (COMPARISONS.containsKey(name)) {
            return a -> compare(name, t, a.accept(1, "other").get(0, "other"));
        }
        if (name.equals("all") || name.equals("any")) {
            return a -> truth(name.equals("all"), t, a.accept(2, "dim", "keepdim"), 0);
        }
        if (name.equals("allclose") || name.equals("isclose")) {
            return a -> closeness(name, t, a.accept(4, "other", "rtol", "atol", "equal_nan"), 0);
        }
        if (name.equals("is_floating_point")) {
            return a -> a.accept(0) != null && t.dtype().isFloatingPoint();
        }
        return null;
    }

    private static Tensor compare(String name, Tensor t, Object other) {
        Tensor o = other instanceof Tensor x ? x : TensorArithmetic.wrap(other);
        return Comparison.compare(t, o, COMPARISONS.get(name));
    }

    /** all/any over everything, or along {@code dim} (the argument at {@code first}) keeping it when asked. */
    private static Tensor truth(boolean all, Tensor t, Args a, int first) {
        Object dim = a.get(first, "dim", PyNone.NONE);
        double[] x = t.data();
        if (dim == PyNone.NONE) {
            boolean result = all;
            for (double v : x) {
                result = all ? result && v != 0 : result || v != 0;
            }
            return Tensor.fromData(Shape.SCALAR, DType.BOOL, new double[] {result ? 1 : 0});
        }
        int d = t.shape().normalizeDim(Values.toIndex(dim, a.function() + "(): argument 'dim'"));
        boolean keepDim = a.bool(first + 1, "keepdim", false);
        int size = t.dim() == 0 ? 1 : t.shape().dim(d);
        int outer = 1;
        for (int i = 0; i < d; i++) {
            outer *= t.shape().dim(i);
        }
        int inner = t.numel() / Math.max(1, outer * size);
        double[] r = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                boolean result = all;
                for (int k = 0; k < size; k++) {
                    boolean v = x[(o * size + k) * inner + i] != 0;
                    result = all ? result && v : result || v;
                }
                r[o * inner + i] = result ? 1 : 0;
            }
        }
        return Tensor.fromData(t.shape().reduce(d, keepDim), DType.BOOL, r);
    }

    /** allclose (a Python bool) or isclose (a bool tensor) of t and the arguments from {@code first} on. */
    private static Object closeness(String name, Tensor t, Args a, int first) {
        Tensor other = a.tensor(first, "other");
        double rtol = a.number(first + 1, "rtol", 1e-05);
        double atol = a.number(first + 2, "atol", 1e-08);
        boolean equalNan = a.bool(first + 3, "equal_nan", false);
        return name.equals("allclose") ? Closeness.allclose(t, other, rtol, atol, equalNan)
                : Closeness.isclose(t, other, rtol, atol, equalNan);
    }

    /** torch.equal: the same sizes and the same values (compared in the promoted type). */
    private static boolean equal(Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape())) {
            return false;
        }
        double[] x = a.data();
        double[] y = b.data();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                return false;
            }
        }
        return true;
    }
}
