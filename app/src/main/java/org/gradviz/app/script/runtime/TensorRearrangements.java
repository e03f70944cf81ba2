package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.BatchedProducts;
import org.gradviz.engine.ops.Dist;
import org.gradviz.engine.ops.Gathering;
import org.gradviz.engine.ops.IndexSelect;
import org.gradviz.engine.ops.Rearranging;
import org.gradviz.engine.ops.Splitting;

/**
 * The batched products ({@code bmm}, {@code addmm}, {@code outer}), the splits ({@code split}, {@code chunk},
 * {@code unbind}, tuples of views) and the moves ({@code repeat}, {@code flip}, {@code roll}, {@code tril},
 * {@code triu}), {@code gather}, {@code index_select}, {@code dist}, {@code scatter}, {@code scatter_add} (and their in-place forms) and {@code diag}.
 */
final class TensorRearrangements {

    private TensorRearrangements() {
    }

    /** Functions that are both {@code torch.f(t, ...)} and {@code t.f(...)}. */
    static void addShared(Map<String, PyCallable> m) {
        m.put("bmm", a -> BatchedProducts.bmm(a.accept(2, "input", "mat2").tensor(0, "input"), a.tensor(1, "mat2")));
        m.put("outer", a -> BatchedProducts.outer(a.accept(2, "input", "vec2").tensor(0, "input"),
                a.tensor(1, "vec2")));
        m.put("addmm", a -> {
            a.accept(3, "input", "mat1", "mat2", "beta", "alpha");
            return BatchedProducts.addmm(a.tensor(0, "input"), a.tensor(1, "mat1"), a.tensor(2, "mat2"),
                    scalar(a, "beta"), scalar(a, "alpha"));
        });
        m.put("split", a -> {
            a.accept(3, "tensor", "split_size_or_sections", "dim");
            Tensor t = a.tensor(0, "tensor");
            Object sizes = a.get(1, "split_size_or_sections");
            long dim = a.has(2, "dim") ? a.integer(2, "dim") : 0;
            List<?> sections = Values.items(sizes);
            if (sections == null) {
                if (!Values.isInteger(sizes)) {
                    throw PyError.type("split_with_sizes(): argument 'split_sizes' (position 2) must be tuple of ints,"
                            + " not " + Values.typeName(sizes));
                }
                return PyTuple.of((Object[]) Splitting.split(t, Ints.int64(sizes), dim));
            }
            long[] each = new long[sections.size()];
            for (int i = 0; i < each.length; i++) {
                each[i] = Values.toIndex(sections.get(i), "split_with_sizes(): argument 'split_sizes'");
            }
            return PyTuple.of((Object[]) Splitting.splitWithSizes(t, each, dim));
        });
        m.put("chunk", a -> {
            a.accept(3, "input", "chunks", "dim");
            return PyTuple.of((Object[]) Splitting.chunk(a.tensor(0, "input"), a.integer(1, "chunks"),
                    a.has(2, "dim") ? a.integer(2, "dim") : 0));
        });
        m.put("unbind", a -> {
            a.accept(2, "input", "dim");
            return PyTuple.of((Object[]) Splitting.unbind(a.tensor(0, "input"), a.has(1, "dim") ? a.integer(1, "dim")
                    : 0));
        });
        m.put("flip", a -> {
            if (a.size() < 2 && !a.keywords().containsKey("dims")) {
                throw PyError.type("flip() missing 1 required positional arguments: \"dims\"");
            }
            return Rearranging.flip(a.tensor(0, "input"), TensorShapeFunctions.longs(a, "dims"));
        });
        m.put("roll", a -> {
            a.accept(3, "input", "shifts", "dims");
            if (!a.has(1, "shifts")) {
                throw PyError.type("roll() missing 1 required positional arguments: \"shifts\"");
            }
            Object dims = a.get(2, "dims", PyNone.NONE);
            return Rearranging.roll(a.tensor(0, "input"), ints(a.get(1, "shifts"), "roll", "shifts", 2),
                    dims == PyNone.NONE ? new long[0] : ints(dims, "roll", "dims", 3));
        });
        m.put("gather", a -> {
            a.accept(3, "input", "dim", "index", "sparse_grad");
            if (a.bool(-1, "sparse_grad", false)) {
                throw new Unsupported("'gather(sparse_grad=True)'");
            }
            return Gathering.gather(a.tensor(0, "input"), a.integer(1, "dim"), a.tensor(2, "index"));
        });
        m.put("index_select", a -> {
            a.accept(3, "input", "dim", "index");
            return IndexSelect.indexSelect(a.tensor(0, "input"), a.integer(1, "dim"), a.tensor(2, "index"));
        });
        m.put("dist", a -> {
            a.accept(3, "input", "other", "p");
            return Dist.dist(a.tensor(0, "input"), a.tensor(1, "other"), a.number(2, "p", 2));
        });
        m.put("scatter", a -> scatter(a, false));
        m.put("scatter_add", a -> scatter(a, true));
        m.put("diag", a -> {
            a.accept(2, "input", "diagonal");
            return Gathering.diag(a.tensor(0, "input"), a.has(1, "diagonal") ? a.integer(1, "diagonal") : 0);
        });
        m.put("repeat_interleave", TensorRearrangements::repeatInterleave);
        m.put("tril", a -> triangle(a, true));
        m.put("triu", a -> triangle(a, false));
    }

    /** Methods only: {@code t.repeat(...)}. */
    static PyCallable method(Tensor t, String name) {
        return switch (name) {
            case "repeat" -> a -> {
                if (a.size() == 0 && !a.keywords().containsKey("repeats")) {
                    throw PyError.type("repeat() missing 1 required positional arguments: \"repeats\"");
                }
                Args all = a.withSelf(t);
                for (Object v : a.size() == 1 && Values.items(a.positional().get(0)) != null
                        ? Values.items(a.positional().get(0)) : a.positional()) {
                    if (!Values.isInteger(v)) {
                        throw PyError.type("repeat(): argument 'repeats' (position 1) must be tuple of SymInts, not "
                                + Values.typeName(v));
                    }
                }
                return Rearranging.repeat(t, TensorShapeFunctions.longs(all, "repeats"));
            };
            case "scatter_" -> a -> TensorInPlace.assign(t, scatter(a.withSelf(t), false));
            case "scatter_add_" -> a -> TensorInPlace.assign(t, scatter(a.withSelf(t), true));
            default -> null;
        };
    }

    /**
     * {@code scatter(input, dim, index, src)} or {@code scatter(input, dim, index, value)} (a number), and
     * {@code scatter_add(input, dim, index, src)}; {@code reduce=} is refused.
     */
    private static Tensor scatter(Args a, boolean add) {
        a.accept(4, "input", "dim", "index", "src", "value", "reduce");
        if (a.keywords().containsKey("reduce")) {
            throw new Unsupported("'" + a.function() + "(reduce=...)'");
        }
        Tensor self = a.tensor(0, "input");
        long dim = a.integer(1, "dim");
        Tensor index = a.tensor(2, "index");
        Object src = a.has(3, "src") ? a.get(3, "src") : a.get(3, "value");
        if (src instanceof Tensor s) {
            return add ? Gathering.scatterAdd(self, dim, index, s) : Gathering.scatter(self, dim, index, s);
        }
        if (add || !Values.isNumber(src)) {
            throw PyError.type(a.function() + "(): argument '" + (add ? "src" : "value") + "' must be "
                    + (add ? "Tensor" : "Number") + ", not " + Values.typeName(src));
        }
        return Gathering.scatter(self, dim, index, Values.toDouble(src, a.function() + "(): argument 'value'"));
    }

    /**
     * {@code repeat_interleave(input, repeats, dim=None)} (repeats an int or an int64 tensor), and
     * {@code torch.repeat_interleave(repeats)}: the indices each repeated so often.
     */
    private static Tensor repeatInterleave(Args a) {
        a.accept(3, "input", "repeats", "dim", "output_size");
        if (a.get(-1, "output_size", PyNone.NONE) != PyNone.NONE) {
            throw new Unsupported("'repeat_interleave(output_size=...)'");
        }
        Tensor input = a.tensor(0, "input");
        if (!a.has(1, "repeats")) {
            return Gathering.repeatedIndices(input);
        }
        Object repeats = a.get(1, "repeats");
        Tensor counts;
        if (repeats instanceof Tensor t) {
            counts = t;
        } else if (Values.isInteger(repeats) && !(repeats instanceof Boolean)) {
            counts = org.gradviz.engine.Torch.tensor(org.gradviz.engine.Shape.of(1), org.gradviz.engine.DType.INT64,
                    new double[] {Ints.int64(repeats)});
        } else {
            throw PyError.type("repeat_interleave() received an invalid combination of arguments - got ("
                    + Values.typeName(repeats) + "), but expected one of:\n * (Tensor repeats, int dim, *, int "
                    + "output_size)\n * (int repeats, int dim, *, int output_size)\n");
        }
        Object dim = a.get(2, "dim", PyNone.NONE);
        return Gathering.repeatInterleave(input, counts, dim == PyNone.NONE ? null
                : Values.toIndex(dim, "repeat_interleave(): argument 'dim'"));
    }

    private static Tensor triangle(Args a, boolean lower) {
        a.accept(2, "input", "diagonal");
        return Rearranging.triangle(a.tensor(0, "input"), a.has(1, "diagonal") ? a.integer(1, "diagonal") : 0,
                lower);
    }

    /** An int or a tuple of ints (roll's shifts and dims). */
    private static long[] ints(Object v, String function, String name, int position) {
        List<?> items = Values.items(v);
        if (items == null) {
            if (!Values.isInteger(v)) {
                throw PyError.type(function + "(): argument '" + name + "' (position " + position
                        + ") must be tuple of ints, not " + Values.typeName(v));
            }
            return new long[] {Ints.int64(v)};
        }
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = items.get(i);
            if (!Values.isInteger(x)) {
                throw PyError.type(function + "(): argument '" + name + "' (position " + position
                        + ") must be tuple of ints, but found element of type " + Values.typeName(x) + " at pos "
                        + i);
            }
            out[i] = Ints.int64(x);
        }
        return out;
    }

    /** addmm's {@code beta=} or {@code alpha=}: a Python number as given (1 when absent), a bool as an int. */
    private static Object scalar(Args a, String name) {
        Object v = a.get(-1, name, 1L);
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Tensor t && t.numel() == 1) {
            return t.dtype().isFloatingPoint() ? (Object) t.item() : (Object) (long) t.item();
        }
        if (v instanceof Double || v instanceof Long) {
            return v;
        }
        if (Values.isInteger(v)) {
            return Ints.int64(v);
        }
        throw PyError.type("addmm(): argument '" + name + "' must be Number, not " + Values.typeName(v));
    }
}
