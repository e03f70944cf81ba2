package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpSpec;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Extremes;
import org.gradviz.engine.ops.Sorting;

/**
 * {@code torch.sort}, {@code torch.argsort} and {@code torch.topk} and their methods, with torch 1.13's signatures:
 * {@code sort(input, dim=-1, descending=False, *, stable)}, {@code argsort(input, dim=-1, descending=False, *,
 * stable)} and {@code topk(input, k, dim=-1, largest=True, sorted=True)}; sort and topk return named tuples
 * {@code torch.return_types.sort/topk(values=..., indices=...)}.
 */
final class TensorSorting {

    /** torch.sort's signatures, as its TypeError lists them. */
    private static final List<OpSpec.Overload> SORT_OVERLOADS = List.of(
            new OpSpec.Overload(2, 5, "(Tensor input, *, bool stable, int dim, bool descending, tuple of Tensors out)"),
            new OpSpec.Overload(1, 4, "(Tensor input, int dim, bool descending, *, tuple of Tensors out)"),
            new OpSpec.Overload(2, 5,
                    "(Tensor input, *, bool stable, name dim, bool descending, tuple of Tensors out)"),
            new OpSpec.Overload(1, 4, "(Tensor input, name dim, bool descending, *, tuple of Tensors out)"));

    /** torch.argsort's signatures. */
    private static final List<OpSpec.Overload> ARGSORT_OVERLOADS = List.of(
            new OpSpec.Overload(2, 4, "(Tensor input, *, bool stable, int dim, bool descending)"),
            new OpSpec.Overload(1, 3, "(Tensor input, int dim, bool descending)"),
            new OpSpec.Overload(1, 3, "(Tensor input, name dim, bool descending)"));

    private TensorSorting() {
    }

    static void addShared(Map<String, PyCallable> m) {
        m.put("sort", a -> sort(a, false));
        m.put("argsort", a -> argsort(a, false));
        m.put("topk", a -> topk(a, false));
    }

    /** The methods: as the functions, but a wrong call is told with the method's signatures. */
    static PyCallable method(Tensor t, String name) {
        return switch (name) {
            case "sort" -> a -> sort(a.withSelf(t), true);
            case "argsort" -> a -> argsort(a.withSelf(t), true);
            case "topk" -> a -> topk(a.withSelf(t), true);
            default -> null;
        };
    }

    private static Object sort(Args a, boolean method) {
        Order o = order(a, "sort", SORT_OVERLOADS, method);
        Extremes.ValuesIndices r = Sorting.sort(o.input(), o.dim(), o.descending(), o.stable());
        return PyNamedTuple.of("torch.return_types.sort", List.of("values", "indices"), r.values(), r.indices());
    }

    private static Object argsort(Args a, boolean method) {
        Order o = order(a, "argsort", ARGSORT_OVERLOADS, method);
        return Sorting.argsort(o.input(), o.dim(), o.descending(), o.stable());
    }

    /** The arguments of sort and argsort. */
    private record Order(Tensor input, long dim, boolean descending, boolean stable) {
    }

    private static Order order(Args a, String name, List<OpSpec.Overload> overloads, boolean method) {
        try {
            a.accept(3, "input", "dim", "descending", "stable");
            Tensor input = a.tensor(0, "input");
            long dim = a.has(1, "dim") ? a.integer(1, "dim") : -1;
            boolean descending = a.has(2, "descending") && bool(a, 2, "descending", method);
            Object stable = a.keywords().get("stable");
            if (stable == PyNone.NONE) {
                // NOTE: torch 1.13 fails an internal assert for stable=None
                throw new Unsupported("'" + name + "(stable=None)'");
            }
            if (stable != null && !(stable instanceof Boolean)) {
                throw PyError.type(name + "(): argument 'stable' must be bool, not " + Values.typeName(stable));
            }
            return new Order(input, dim, descending, stable != null && (Boolean) stable);
        } catch (PyError e) {
            throw InvalidArguments.of(e, name, overloads, a, method);
        }
    }

    private static Object topk(Args a, boolean method) {
        a.accept(5, "input", "k", "dim", "largest", "sorted");
        Tensor input = a.tensor(0, "input");
        if (!a.has(1, "k")) {
            throw PyError.type("topk() missing 1 required positional arguments: \"k\"");
        }
        long k = integer(a, 1, "k", method);
        long dim = a.has(2, "dim") ? integer(a, 2, "dim", method) : -1;
        boolean largest = !a.has(3, "largest") || bool(a, 3, "largest", method);
        boolean sorted = !a.has(4, "sorted") || bool(a, 4, "sorted", method);
        Extremes.ValuesIndices r = Sorting.topk(input, k, dim, largest, sorted);
        return PyNamedTuple.of("torch.return_types.topk", List.of("values", "indices"), r.values(), r.indices());
    }

    /** A bool argument: torch's parser takes no other type for it. */
    private static boolean bool(Args a, int index, String name, boolean method) {
        Object v = a.get(index, name);
        if (!(v instanceof Boolean b)) {
            throw PyError.type(argument(a, index, name, method) + " must be bool, not " + Values.typeName(v));
        }
        return b;
    }

    private static long integer(Args a, int index, String name, boolean method) {
        return Values.toIndex(a.get(index, name), argument(a, index, name, method));
    }

    /** {@code topk(): argument 'k' (position 2)}: a positional argument's place counts self only in the function. */
    private static String argument(Args a, int index, String name, boolean method) {
        String s = a.function() + "(): argument '" + name + "'";
        return index < a.size() ? s + " (position " + (method ? index : index + 1) + ")" : s;
    }
}
