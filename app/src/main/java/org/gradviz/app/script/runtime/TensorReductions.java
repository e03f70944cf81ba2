package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpSpec;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.LogSumExp;
import org.gradviz.engine.ops.ReducedExtremes;

/**
 * {@code torch.amax}/{@code torch.amin} {@code (input, dim=(), keepdim=False)} and {@code torch.logsumexp(input, dim,
 * keepdim=False)}, and their methods; a dim is an int or a tuple or list of ints.
 */
final class TensorReductions {

    /** torch.logsumexp's signatures, as its TypeError lists them. */
    private static final List<OpSpec.Overload> LOGSUMEXP_OVERLOADS = List.of(
            new OpSpec.Overload(2, 4, "(Tensor input, tuple of ints dim, bool keepdim, *, Tensor out)"),
            new OpSpec.Overload(2, 4, "(Tensor input, tuple of names dim, bool keepdim, *, Tensor out)"));

    private TensorReductions() {
    }

    static void addShared(Map<String, PyCallable> m) {
        m.put("amax", a -> extreme(a, true, false));
        m.put("amin", a -> extreme(a, false, false));
        m.put("logsumexp", a -> logsumexp(a, false));
    }

    static PyCallable method(Tensor t, String name) {
        return switch (name) {
            case "amax" -> a -> extreme(a.withSelf(t), true, true);
            case "amin" -> a -> extreme(a.withSelf(t), false, true);
            case "logsumexp" -> a -> logsumexp(a.withSelf(t), true);
            default -> null;
        };
    }

    private static Tensor extreme(Args a, boolean max, boolean method) {
        a.accept(3, "input", "dim", "keepdim");
        Tensor input = a.tensor(0, "input");
        Object dim = a.get(1, "dim", PyNone.NONE);
        int[] dims = dim == PyNone.NONE ? new int[0] : dims(a, dim, method);
        return ReducedExtremes.extreme(input, dims, a.has(2, "keepdim") && bool(a, 2, "keepdim", method), max);
    }

    private static Tensor logsumexp(Args a, boolean method) {
        int[] dims;
        boolean keepDim;
        try {
            a.accept(3, "input", "dim", "keepdim");
            if (!a.has(1, "dim")) {
                throw PyError.type("logsumexp() missing required argument: 'dim'");
            }
            dims = dims(a, a.get(1, "dim"), method);
            keepDim = a.has(2, "keepdim") && bool(a, 2, "keepdim", method);
        } catch (PyError e) {
            throw InvalidArguments.of(e, "logsumexp", LOGSUMEXP_OVERLOADS, a, method);
        }
        return LogSumExp.logsumexp(a.tensor(0, "input"), dims, keepDim);
    }

    /** {@code dim}: an int, or a tuple or list of ints. */
    private static int[] dims(Args a, Object dim, boolean method) {
        List<?> items = Values.items(dim);
        if (items == null || dim instanceof Tensor) {
            if (!Values.isInteger(dim) || dim instanceof Boolean) {
                throw PyError.type(argument(a, 1, "dim", method) + " must be tuple of ints, not "
                        + Values.typeName(dim));
            }
            return new int[] {(int) Ints.int64(dim)};
        }
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = items.get(i);
            if (!Values.isInteger(v) || v instanceof Boolean) {
                throw PyError.type(a.function() + "(): argument 'dim' must be tuple of ints, but found element of "
                        + "type " + Values.typeName(v) + " at pos " + (i + 1));
            }
            out[i] = (int) Ints.int64(v);
        }
        return out;
    }

    private static boolean bool(Args a, int index, String name, boolean method) {
        Object v = a.get(index, name);
        if (!(v instanceof Boolean b)) {
            throw PyError.type(argument(a, index, name, method) + " must be bool, not " + Values.typeName(v));
        }
        return b;
    }

    /** {@code amax(): argument 'dim' (position 2)}: a positional argument's place counts self only in the function. */
    private static String argument(Args a, int index, String name, boolean method) {
        String s = a.function() + "(): argument '" + name + "'";
        return index < a.size() ? s + " (position " + (method ? index : index + 1) + ")" : s;
    }
}
