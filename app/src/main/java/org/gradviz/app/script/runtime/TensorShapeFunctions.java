package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpSpec;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Bounds;
import org.gradviz.engine.ops.Extremes;
import org.gradviz.engine.ops.Joining;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Views;

/**
 * The movements, joins and extremes ({@code view} and {@code reshape} are document ops, from the op table):
 * {@code squeeze},
 * {@code unsqueeze}, {@code permute}, {@code transpose}, {@code narrow}, {@code select}, {@code expand} (all views),
 * {@code contiguous}, {@code stride()}, {@code storage_offset()}, {@code data_ptr()}, {@code cat}, {@code stack}, {@code norm}, {@code dot},
 * {@code max}, {@code min}, {@code argmax}, {@code argmin}, and the legacy constructor {@code torch.Tensor(...)}.
 */
final class TensorShapeFunctions {

    private TensorShapeFunctions() {
    }

    /** Functions that are both {@code torch.f(t, ...)} and {@code t.f(...)}. */
    static void addShared(Map<String, PyCallable> m) {
        m.put("squeeze", a -> {
            a.accept(2, "input", "dim");
            return a.has(1, "dim") ? Views.squeeze(input(a), a.integer(1, "dim")) : Views.squeeze(input(a));
        });
        m.put("unsqueeze", a -> LinearAlgebra.unsqueeze(input(a.accept(2, "input", "dim")),
                (int) a.integer(1, "dim")));
        m.put("permute", a -> Views.permute(input(a), longs(a, "dims")));
        m.put("transpose", a -> LinearAlgebra.transpose(input(a.accept(3, "input", "dim0", "dim1")),
                a.integer(1, "dim0"), a.integer(2, "dim1")));
        m.put("narrow", a -> org.gradviz.engine.ops.Indexing.narrow(input(a.accept(4, "input", "dim", "start",
                "length")), a.integer(1, "dim"), a.integer(2, "start"), a.integer(3, "length")));
        m.put("diagonal", a -> {
            a.accept(4, "input", "offset", "dim1", "dim2");
            Tensor t = input(a);
            return org.gradviz.engine.ops.Indexing.diagonal(t, a.has(1, "offset") ? a.integer(1, "offset") : 0,
                    a.has(2, "dim1") ? a.integer(2, "dim1") : 0, a.has(3, "dim2") ? a.integer(3, "dim2") : 1);
        });
        m.put("select", a -> {
            Tensor t = input(a.accept(3, "input", "dim", "index"));
            if (t.dim() == 0) {
                throw new PyError("IndexError", "select() cannot be applied to a 0-dim tensor.");
            }
            return org.gradviz.engine.ops.Indexing.select(t, t.shape().normalizeDim(a.integer(1, "dim")),
                    a.integer(2, "index"));
        });
        m.put("norm", LinalgNorms::torchNorm);
        m.put("dot", a -> {
            a.accept(2, "input", "other");
            Tensor x = input(a);
            Tensor y = a.tensor(1, "other");
            if (x.dim() != 1 || y.dim() != 1) {
                throw new PyError("RuntimeError", "1D tensors expected, but got " + x.dim() + "D and " + y.dim()
                        + "D tensors");
            }
            return LinearAlgebra.dot(x, y);
        });
        m.put("max", a -> extreme(a, true));
        m.put("min", a -> extreme(a, false));
        m.put("argmax", a -> argExtreme(a, true));
        m.put("argmin", a -> argExtreme(a, false));
    }

    /** Methods only: {@code t.expand(...)}, {@code t.expand_as(other)}, {@code t.contiguous()}, ... */
    static PyCallable method(Tensor t, String name) {
        return switch (name) {
            case "expand" -> a -> Views.expand(t, longs(withSelf(t, a), "size"));
            // NOTE: the *_as methods are the op with other's sizes (or dtype), recording that op's node
            case "expand_as" -> a -> Views.expand(t, sizesOf(other(a)));
            case "view_as" -> a -> Views.view(t, Views.inferSize(sizesOf(other(a)), t.numel()));
            case "reshape_as" -> a -> Views.reshape(t, Views.inferSize(sizesOf(other(a)), t.numel()));
            case "type_as" -> a -> org.gradviz.engine.ops.Conversion.to(t, other(a).dtype());
            case "contiguous" -> a -> Views.contiguous(t);
            case "is_contiguous" -> a -> {
                a.accept(0);
                return t.isContiguous();
            };
            case "stride" -> a -> {
                a.accept(1, "dim");
                int[] strides = t.strides();
                if (a.has(0, "dim") && a.get(0, "dim") != PyNone.NONE) {
                    return (long) strides[t.shape().normalizeDim(a.integer(0, "dim"))];
                }
                return PyTuple.of(java.util.Arrays.stream(strides).mapToObj(x -> (Object) (long) x).toArray());
            };
            case "storage_offset" -> a -> {
                a.accept(0);
                return (long) t.storageOffset();
            };
            case "data_ptr" -> a -> {
                a.accept(0);
                return t.dataPtr();
            };
            default -> null;
        };
    }

    /** The one argument {@code other} of a {@code t.X_as(other)} method. */
    private static Tensor other(Args a) {
        return a.accept(1, "other").tensor(0, "other");
    }

    private static long[] sizesOf(Tensor t) {
        return java.util.Arrays.stream(t.shape().dims()).asLongStream().toArray();
    }

        /** Functions of the torch module only. */
    static Map<String, Object> torchOnly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cat", new Builtin("cat", a -> {
            a.accept(2, "tensors", "dim");
            List<Tensor> tensors;
            long dim;
            try {
                tensors = tensors(a);
                dim = a.has(1, "dim") ? a.integer(1, "dim") : 0;
            } catch (PyError e) {
                throw InvalidArguments.of(e, "cat", CAT_OVERLOADS, a, false);
            }
            return Joining.cat(tensors, dim);
        }));
        m.put("stack", new Builtin("stack", a -> {
            a.accept(2, "tensors", "dim");
            return Joining.stack(tensors(a), a.has(1, "dim") ? a.integer(1, "dim") : 0);
        }));
        m.put("var_mean", new Builtin("var_mean", a -> TensorMoments.withMean(a, false)));
        m.put("std_mean", new Builtin("std_mean", a -> TensorMoments.withMean(a, true)));
        m.put("Tensor", TensorType.TENSOR);
        m.putAll(LegacyTensorClass.all());
        return m;
    }

    /** {@code torch.Tensor(data)} (values of the default dtype) or {@code torch.Tensor(*sizes)} (zeros; PyTorch leaves them unset). */
    static Tensor legacyTensor(Args a) {
        if (!a.keywords().isEmpty()) {
            throw new Unsupported("'torch.Tensor(...)' with keyword arguments");
        }
        if (a.size() == 1 && (Values.items(a.positional().get(0)) != null
                && !(a.positional().get(0) instanceof PySize))) {
            return TensorFactory.fromData(a.positional().get(0), DType.defaultFloat());
        }
        if (a.size() == 1 && a.positional().get(0) instanceof Tensor) {
            throw new Unsupported("'torch.Tensor(tensor)'");
        }
        DType dtype = DType.defaultFloat();
        return org.gradviz.engine.Torch.full(TensorFactory.shape(a, dtype), 0.0, dtype);
    }

    // ----- arguments

    private static Tensor input(Args a) {
        return a.tensor(0, "input");
    }

    private static Args withSelf(Tensor t, Args a) {
        List<Object> positional = new ArrayList<>(a.size() + 1);
        positional.add(t);
        positional.addAll(a.positional());
        return new Args(a.function(), positional, a.keywords());
    }

    /** The ints after the tensor: {@code f(t, 2, 3)}, {@code f(t, (2, 3))} or {@code f(t, name=(2, 3))}. */
    static long[] longs(Args a, String name) {
        List<?> given;
        if (a.size() == 2 && Values.items(a.positional().get(1)) != null) {
            given = Values.items(a.positional().get(1));
        } else if (a.size() == 1 && a.keywords().containsKey(name)) {
            Object v = a.keywords().get(name);
            given = Values.items(v) != null ? Values.items(v) : List.of(v);
        } else {
            given = a.positional().subList(1, a.size());
        }
        long[] out = new long[given.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = given.get(i);
            if (!Values.isInteger(v) || v instanceof Boolean) {
                throw PyError.type(a.function() + "(): argument '" + name + "' must be tuple of ints, but found "
                        + "element of type " + Values.typeName(v) + " at pos " + i);
            }
            out[i] = Ints.int64(v);
        }
        return out;
    }

    private static List<Tensor> tensors(Args a) {
        Object given = a.get(0, "tensors");
        List<?> items = Values.items(given);
        if (items == null || given instanceof Tensor) {
            throw PyError.type(a.function() + "(): argument 'tensors' (position 1) must be tuple of Tensors, not "
                    + Values.typeName(given));
        }
        List<Tensor> out = new ArrayList<>(items.size());
        for (Object v : items) {
            if (!(v instanceof Tensor t)) {
                throw PyError.type("expected Tensor as element " + out.size() + " in argument 0, but got "
                        + Values.typeName(v));
            }
            out.add(t);
        }
        return out;
    }

    /** {@code max(t)}, {@code max(t, dim, keepdim)} (a named tuple), {@code max(t, other)} (elementwise). */
    /** torch.max's and torch.min's signatures, as their TypeError lists them. */
    private static List<OpSpec.Overload> extremeOverloads() {
        return List.of(new OpSpec.Overload(1, 1, "(Tensor input)"),
                new OpSpec.Overload(2, 3, "(Tensor input, Tensor other, *, Tensor out)"),
                new OpSpec.Overload(2, 4, "(Tensor input, int dim, bool keepdim, *, tuple of Tensors out)"),
                new OpSpec.Overload(2, 4, "(Tensor input, name dim, bool keepdim, *, tuple of Tensors out)"));
    }

    /** torch.cat's signatures. */
    private static final List<OpSpec.Overload> CAT_OVERLOADS = List.of(
            new OpSpec.Overload(1, 3, "(tuple of Tensors tensors, int dim, *, Tensor out)"),
            new OpSpec.Overload(2, 3, "(tuple of Tensors tensors, name dim, *, Tensor out)"));

    private static Object extreme(Args a, boolean max) {
        a.accept(3, "input", "dim", "keepdim");
        String name = max ? "max" : "min";
        Tensor t;
        int dim;
        try {
            Object first = a.get(0, "input");
            if (!(first instanceof Tensor)) {
                throw PyError.type(name + "(): argument 'input'" + (a.size() > 0 ? " (position 1)" : "")
                        + " must be Tensor, not " + Values.typeName(first));
            }
            t = (Tensor) first;
            if (!a.has(1, "dim")) {
                return Extremes.all(t, max);
            }
            if (a.get(1, "dim") instanceof Tensor other && !a.has(2, "keepdim")) {
                // torch.max(a, b) is torch.maximum(a, b)
                return max ? Bounds.maximum(t, other) : Bounds.minimum(t, other);
            }
            dim = (int) a.integer(1, "dim");
        } catch (PyError e) {
            // NOTE: as the function's; a method call's list (without input and out) is not told apart here
            throw InvalidArguments.of(e, name, extremeOverloads(), a, false);
        }
        Extremes.ValuesIndices r = Extremes.along(t, dim, a.bool(2, "keepdim", false), max);
        return PyNamedTuple.of("torch.return_types." + (max ? "max" : "min"), List.of("values", "indices"),
                r.values(), r.indices());
    }

    private static Object argExtreme(Args a, boolean max) {
        a.accept(3, "input", "dim", "keepdim");
        Tensor t = input(a);
        Object dim = a.get(1, "dim", PyNone.NONE);
        if (dim == PyNone.NONE) {
            Tensor r = Extremes.argAll(t, max);
            return a.bool(2, "keepdim", false) ? Views.reshape(r, ones(t.dim())) : r;
        }
        return Extremes.argAlong(t, (int) Values.toIndex(dim, "argmax(): argument 'dim'"), a.bool(2, "keepdim",
                false), max);
    }

    private static Shape ones(int rank) {
        int[] d = new int[rank];
        java.util.Arrays.fill(d, 1);
        return Shape.of(d);
    }
}
