package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpSpec;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.ops.Norms;

/**
 * The norms: {@code torch.linalg.vector_norm}, {@code torch.linalg.matrix_norm} and {@code torch.linalg.norm} (torch
 * 1.13's {@code linalg_norm}, which picks one of the two), and {@code torch.norm} / {@code Tensor.norm} as
 * {@code torch/functional.py} dispatches them ({@code frobenius_norm}, or {@code _VF.norm}). The matrix norms of
 * order 'nuc' and ±2 take singular values, which gradviz does not compute: they are refused.
 */
final class LinalgNorms {
    private static final String TWO_FORMS_TAIL = " tuple of ints dim, bool keepdim, *, torch.dtype dtype, Tensor out)";
    private static final List<OpSpec.Overload> NORM_OVERLOADS = List.of(
            new OpSpec.Overload(1, 6, "(Tensor input, Number ord," + TWO_FORMS_TAIL),
            new OpSpec.Overload(1, 6, "(Tensor input, str ord," + TWO_FORMS_TAIL));

    private LinalgNorms() {
    }

    /** The members of {@code torch.linalg}. */
    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vector_norm", new Builtin("vector_norm", LinalgNorms::vectorNorm));
        m.put("matrix_norm", new Builtin("matrix_norm", a -> matrixNorm(a)));
        m.put("norm", new Builtin("norm", a -> norm(a)));
        return m;
    }

    /** {@code torch.linalg.vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None)}. */
    private static Object vectorNorm(Args call) {
        Args a = renamed(call, "linalg_vector_norm");
        if (a.positional().size() > 4) {
            throw PyError.type("linalg_vector_norm() takes from 1 to 4 positional arguments but "
                    + a.positional().size() + " were given");
        }
        a.accept(4, "input", "ord", "dim", "keepdim", "dtype");
        if (!a.has(0, "input")) {
            throw PyError.type("linalg_vector_norm() missing 1 required positional arguments: \"input\"");
        }
        Tensor x = tensor(a);
        double ord = a.has(1, "ord") ? number(a, 1, "ord") : 2;
        return Norms.vectorNorm(x, ord, dims(a, 2), keepDim(a, 3), dtype(a));
    }

    /** {@code torch.linalg.matrix_norm(A, ord='fro', dim=(-2, -1), keepdim=False, *, dtype=None)}. */
    private static Tensor matrixNorm(Args call) {
        Bound c = Bound.of(call, "linalg_matrix_norm", "fro");
        return matrixNorm(c.x(), c.ord(), c.dims() == null ? new int[] {-2, -1} : c.dims(), c.keepDim(), c.dtype());
    }

    /** {@code torch.linalg.norm(A, ord=None, dim=None, keepdim=False, *, dtype=None)}, as linalg_norm dispatches. */
    private static Tensor norm(Args call) {
        Bound c = Bound.of(call, "linalg_norm", null);
        Tensor x = c.x();
        Object ord = c.ord();
        int[] dims = c.dims();
        if (dims != null && dims.length != 1 && dims.length != 2) {
            // NOTE: torch's message for a str ord spells "mut"
            String must = ord instanceof String ? "mut" : "must";
            throw TorchException.runtime("linalg.norm: If dim is specified, it " + must + " be of length 1 or 2. Got "
                    + bracketed(dims));
        }
        if (dims == null && ord != null && x.dim() != 1 && x.dim() != 2) {
            throw TorchException.runtime("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. "
                    + "Got " + x.dim() + "D.");
        }
        boolean matrix = ord instanceof String || ord != null && (dims == null ? x.dim() == 2 : dims.length == 2);
        if (matrix) {
            return matrixNorm(x, ord, dims == null ? new int[] {0, 1} : dims, c.keepDim(), c.dtype());
        }
        return Norms.vectorNorm(x, ord == null ? 2 : (Double) ord, dims, c.keepDim(), c.dtype());
    }

    /**
     * The arguments of linalg_norm or linalg_matrix_norm, bound to either of their two signatures (ord a Number, as a
     * Double, or a str; null for None); a TypeError lists both signatures, as torch's.
     */
    private record Bound(Tensor x, Object ord, int[] dims, boolean keepDim, DType dtype) {
        static Bound of(Args call, String function, Object ordFallback) {
            Args a = renamed(call, function);
            try {
                a.accept(4, "input", "ord", "dim", "keepdim", "dtype");
                return new Bound(tensor(a), order(a, ordFallback), LinalgNorms.dims(a, 2), LinalgNorms.keepDim(a, 3),
                        LinalgNorms.dtype(a));
            } catch (PyError e) {
                throw InvalidArguments.of(e, function, NORM_OVERLOADS, a, false);
            }
        }
    }

    private static Tensor matrixNorm(Tensor x, Object ord, int[] dims, boolean keepDim, DType dtype) {
        if (ord.equals("nuc") || ord instanceof Double d && Math.abs(d) == 2) {
            String text = ord instanceof Double d ? org.gradviz.engine.Torch.cppText(d) : Values.repr(ord);
            throw new Unsupported("'torch.linalg.matrix_norm(ord=" + text + ")' (singular values)");
        }
        if (ord instanceof String s && !s.equals("fro")) {
            throw TorchException.runtime("linalg.matrix_norm: Order " + s + " not supported.");
        }
        boolean fro = ord.equals("fro");
        return Norms.matrixNorm(x, fro, fro ? 2 : (Double) ord, dims, keepDim, dtype);
    }

    /**
     * {@code torch.norm(input, p='fro', dim=None, keepdim=False, dtype=None)} and {@code t.norm(...)}, as
     * torch/functional.py: 'fro' is frobenius_norm, a number p {@code _VF.norm} over the dims (all when None),
     * NormBackward3 with a dtype.
     */
    static Tensor torchNorm(Args a) {
        a.accept(5, "input", "p", "dim", "keepdim", "dtype");
        Tensor x = a.tensor(0, "input");
        Object p = a.get(1, "p", "fro");
        Object dim = a.get(2, "dim", PyNone.NONE);
        boolean keepDim = a.bool(3, "keepdim", false);
        DType dtype = a.dtype(4, "dtype");
        int[] all = new int[x.dim()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        if (dim == PyNone.NONE && dtype == null && p != PyNone.NONE) {
            if (p.equals("fro")) {
                return Norms.frobeniusNorm(x, new int[0], keepDim);
            }
            if (!(p instanceof String)) {
                return Norms.norm(x, order(p), all, keepDim, null);
            }
        }
        int[] dims = dim == PyNone.NONE ? null : intList(dim, "norm(): argument 'dim'");
        if (p instanceof String s) {
            if (s.equals("fro") || s.equals("nuc")) {
                if (dtype != null) {
                    throw new PyError("ValueError", "dtype argument is not supported in "
                            + (s.equals("fro") ? "frobenius" : "nuclear") + " norm");
                }
                if (s.equals("nuc")) {
                    throw new Unsupported("'norm(p=\"nuc\")' (singular values)");
                }
                return Norms.frobeniusNorm(x, dims == null ? all : dims, keepDim);
            }
            throw new PyError("RuntimeError", "only valid string values are 'fro' and 'nuc', found " + s);
        }
        double order = p == PyNone.NONE ? 2 : order(p);
        return Norms.norm(x, order, dims == null ? all : dims, keepDim, dtype);
    }

    /** {@code _VF.norm}'s p: a number (a bool reaches the kernel, which refuses it). */
    private static double order(Object p) {
        if (p instanceof Boolean) {
            throw TorchException.runtime("norm_kernel_tensor_iterator_impl expects norm to be integer or float");
        }
        return Values.toDouble(p, "norm(): argument 'p'");
    }

    /** The call's arguments under torch's native name, which its TypeErrors use. */
    private static Args renamed(Args a, String function) {
        return new Args(function, new java.util.ArrayList<>(a.positional()), new LinkedHashMap<>(a.keywords()));
    }

    private static Tensor tensor(Args a) {
        Object v = a.get(0, "input");
        if (v instanceof Tensor t) {
            return t;
        }
        throw PyError.type(argument(a, 0, "input") + " must be Tensor, not " + Values.typeName(v));
    }

    /** ord as linalg_norm's two signatures take it: a str, a Number (as a Double), or None. */
    private static Object order(Args a, Object fallback) {
        Object v = a.get(1, "ord", fallback == null ? PyNone.NONE : fallback);
        if (v == PyNone.NONE || v instanceof String) {
            return v == PyNone.NONE ? null : v;
        }
        return number(a, 1, "ord");
    }

    private static double number(Args a, int index, String name) {
        Object v = a.get(index, name);
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (!(v instanceof Double) && !Values.isInteger(v) && !(v instanceof Tensor t && t.numel() == 1)) {
            throw PyError.type(argument(a, index, name) + " must be Number, not " + Values.typeName(v));
        }
        return Values.toDouble(v, argument(a, index, name));
    }

    /** {@code dim}: None (null), an int, or a tuple or list of ints. */
    private static int[] dims(Args a, int index) {
        Object v = a.get(index, "dim", PyNone.NONE);
        return v == PyNone.NONE ? null : intList(v, argument(a, index, "dim"));
    }

    private static int[] intList(Object v, String what) {
        List<?> items = v instanceof Tensor ? null : Values.items(v);
        if (items == null) {
            if (!Values.isInteger(v) || v instanceof Boolean) {
                throw PyError.type(what + " must be tuple of ints, not " + Values.typeName(v));
            }
            return new int[] {(int) Ints.int64(v)};
        }
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object e = items.get(i);
            if (!Values.isInteger(e) || e instanceof Boolean) {
                throw PyError.type(what + " must be tuple of ints, not " + Values.typeName(v));
            }
            out[i] = (int) Ints.int64(e);
        }
        return out;
    }

    private static boolean keepDim(Args a, int index) {
        Object v = a.get(index, "keepdim", false);
        if (!(v instanceof Boolean b)) {
            throw PyError.type(argument(a, index, "keepdim") + " must be bool, not " + Values.typeName(v));
        }
        return b;
    }

    private static DType dtype(Args a) {
        return a.dtype(-1, "dtype");
    }

    /** {@code linalg_vector_norm(): argument 'ord' (position 2)}: the position only for a positional argument. */
    private static String argument(Args a, int index, String name) {
        String s = a.function() + "(): argument '" + name + "'";
        return index < a.positional().size() ? s + " (position " + (index + 1) + ")" : s;
    }

    private static String bracketed(int[] dims) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return s.append(']').toString();
    }
}
