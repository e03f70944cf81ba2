package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpSpec;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Products;

/**
 * {@code torch.prod(input)}, {@code torch.prod(input, dim, keepdim=False)} and {@code torch.cumprod(input, dim)},
 * and their methods, with torch 1.13's signatures; {@code dtype=} is refused.
 */
final class TensorProducts {

    /** torch.prod's signatures, as its TypeError lists them. */
    private static final List<OpSpec.Overload> PROD_OVERLOADS = List.of(
            new OpSpec.Overload(1, 2, "(Tensor input, *, torch.dtype dtype)"),
            new OpSpec.Overload(2, 5, "(Tensor input, int dim, bool keepdim, *, torch.dtype dtype, Tensor out)"),
            new OpSpec.Overload(2, 5, "(Tensor input, name dim, bool keepdim, *, torch.dtype dtype, Tensor out)"));

    /** torch.cumprod's signatures. */
    private static final List<OpSpec.Overload> CUMPROD_OVERLOADS = List.of(
            new OpSpec.Overload(2, 4, "(Tensor input, int dim, *, torch.dtype dtype, Tensor out)"),
            new OpSpec.Overload(2, 4, "(Tensor input, name dim, *, torch.dtype dtype, Tensor out)"));

    private TensorProducts() {
    }

    static void addShared(Map<String, PyCallable> m) {
        m.put("prod", a -> prod(a, false));
        m.put("cumprod", a -> cumprod(a, false));
    }

    /** The methods: as the functions, but a wrong call is told with the method's signatures. */
    static PyCallable method(Tensor t, String name) {
        return switch (name) {
            case "prod" -> a -> prod(a.withSelf(t), true);
            case "cumprod" -> a -> cumprod(a.withSelf(t), true);
            default -> null;
        };
    }

    private static Tensor prod(Args a, boolean method) {
        Tensor input;
        Long dim = null;
        boolean keepDim;
        try {
            a.accept(3, "input", "dim", "keepdim", "dtype");
            input = a.tensor(0, "input");
            if (a.has(1, "dim")) {
                Object d = a.get(1, "dim");
                if (d == PyNone.NONE) {
                    throw new PyError("RuntimeError", "Please look up dimensions by name, got: name = None.");
                }
                if (!Values.isInteger(d) || d instanceof Boolean) {
                    throw PyError.type("prod(): argument 'dim' must be int, not " + Values.typeName(d));
                }
                dim = Ints.int64(d);
            }
            keepDim = a.has(2, "keepdim") && bool(a, 2, "keepdim");
            if (dim == null && a.has(2, "keepdim")) {
                throw PyError.type("prod(): argument 'dim' is missing");
            }
        } catch (PyError e) {
            throw InvalidArguments.of(e, "prod", PROD_OVERLOADS, a, method);
        }
        if (a.dtype(-1, "dtype") != null) {
            throw new Unsupported("'prod(dtype=...)'");
        }
        return dim == null ? Products.prod(input) : Products.prod(input, dim, keepDim);
    }

    private static Tensor cumprod(Args a, boolean method) {
        Tensor input;
        long dim;
        try {
            a.accept(2, "input", "dim", "dtype");
            input = a.tensor(0, "input");
            Object d = a.get(1, "dim");
            if (!Values.isInteger(d) || d instanceof Boolean) {
                throw PyError.type("cumprod(): argument 'dim' must be int, not " + Values.typeName(d));
            }
            dim = Ints.int64(d);
        } catch (PyError e) {
            throw InvalidArguments.of(e, "cumprod", CUMPROD_OVERLOADS, a, method);
        }
        if (a.dtype(-1, "dtype") != null) {
            throw new Unsupported("'cumprod(dtype=...)'");
        }
        return Products.cumprod(input, dim);
    }

    private static boolean bool(Args a, int index, String name) {
        Object v = a.get(index, name);
        if (!(v instanceof Boolean b)) {
            throw PyError.type(a.function() + "(): argument '" + name + "' must be bool, not " + Values.typeName(v));
        }
        return b;
    }
}
