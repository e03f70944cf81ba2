package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Storage;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;

/** {@code torch.tensor(data)} from nested lists, and the size arguments of {@code ones(5, 3)} / {@code ones((5, 3))}. */
final class TensorFactory {

    private TensorFactory() {
    }

    /** A tensor holding nested lists or tuples of numbers; ints give int64, any float gives float32. */
    static Tensor fromData(Object data, DType dtype) {
        List<Integer> dims = new ArrayList<>();
        Object probe = data;
        while (Values.items(probe) != null) {
            List<?> items = Values.items(probe);
            dims.add(items.size());
            if (items.isEmpty()) {
                break;
            }
            probe = items.get(0);
        }
        Shape shape = Shape.of(dims);
        double[] values = new double[shape.numel()];
        Kind kind = new Kind();
        fill(data, 0, dims, values, new int[] {0}, kind);
        DType type = dtype != null ? dtype
                : kind.anyFloat || shape.numel() == 0 ? DType.defaultFloat() : kind.allBool ? DType.BOOL : DType.INT64;
        return Torch.tensor(shape, type, values);
    }

    private static final class Kind {
        boolean anyFloat;
        boolean allBool = true;
    }

    private static void fill(Object v, int depth, List<Integer> dims, double[] out, int[] next, Kind kind) {
        List<?> items = Values.items(v);
        if (depth == dims.size()) {
            if (items != null) {
                throw PyError.value("expected sequence of length " + dims.get(depth - 1) + " at dim " + (depth - 1)
                        + " (got " + items.size() + ")");
            }
            if (v instanceof Tensor t && t.numel() == 1) {
                kind.anyFloat |= t.dtype().isFloatingPoint();
                kind.allBool = false;
                out[next[0]++] = t.item();
                return;
            }
            if (!Values.isNumber(v)) {
                throw PyError.type("new(): invalid data type '" + Values.typeName(v) + "'");
            }
            if (Values.isInteger(v)) {
                Ints.int64(v);
            }
            kind.anyFloat |= v instanceof Double;
            kind.allBool &= v instanceof Boolean;
            out[next[0]++] = Values.toDouble(v, "");
            return;
        }
        if (items == null) {
            throw PyError.type("new(): invalid data type '" + Values.typeName(v) + "'");
        }
        if (items.size() != dims.get(depth)) {
            throw PyError.value("expected sequence of length " + dims.get(depth) + " at dim " + depth + " (got "
                    + items.size() + ")");
        }
        for (Object item : items) {
            fill(item, depth + 1, dims, out, next, kind);
        }
    }

    /**
     * The shape of {@code f(5, 3)}, {@code f((5, 3))}, {@code f([5, 3])} or {@code f(x.shape)} for a tensor of
     * {@code dtype}: torch's error when its storage overflows or cannot be allocated.
     */
    static Shape shape(Args args, DType dtype) {
        List<?> given = args.size() == 1 && Values.items(args.positional().get(0)) != null
                ? Values.items(args.positional().get(0)) : args.positional();
        if (args.keywords().containsKey("size")) {
            given = sizeKeyword(args);
        }
        long[] sizes = new long[given.size()];
        for (int i = 0; i < sizes.length; i++) {
            Object size = given.get(i);
            if (Values.isInteger(size) && !Ints.fitsLong(size)) {
                throw PyError.type(args.function() + "(): argument 'size' must be tuple of SymInts, but found "
                        + "element of type int at pos " + (i + 1));
            }
            sizes[i] = Values.toIndex(size, args.function() + "(): size");
            if (sizes[i] < 0) {
                throw new PyError("RuntimeError", "Trying to create tensor with negative dimension " + sizes[i] + ": "
                        + Values.repr(given));
            }
        }
        return Storage.shapeOf(sizes, dtype);
    }

    /** The sizes of {@code f(size=(5, 3))}. */
    private static List<?> sizeKeyword(Args args) {
        Object size = args.keywords().get("size");
        if (args.size() > 0) {
            throw new Unsupported("'" + args.function() + "()' with sizes given both by position and as size=");
        }
        if (Values.items(size) == null) {
            throw PyError.type(args.function() + "(): argument 'size' must be tuple of SymInts, not "
                    + Values.typeName(size));
        }
        return Values.items(size);
    }

    /** Applies {@code requires_grad=} of a factory call, after checking its {@code device=}. */
    static Tensor finish(Tensor t, Args args, int requiresGradIndex) {
        PyDevice.check(args, -1);
        if (args.bool(requiresGradIndex, "requires_grad", false)) {
            if (!t.dtype().isFloatingPoint()) {
                // NOTE: a factory's check (torch/csrc/utils) words it apart from requires_grad_()'s
                throw new PyError("RuntimeError", "Only Tensors of floating point and complex dtype can require "
                        + "gradients");
            }
            t.requiresGrad_(true);
        }
        return t;
    }

    /** {@code t[i]}: SelectBackward0 when it is recorded, as in PyTorch. */
    static Tensor select(Tensor t, long index) {
        return org.gradviz.engine.ops.Indexing.select(t, index);
    }
}
