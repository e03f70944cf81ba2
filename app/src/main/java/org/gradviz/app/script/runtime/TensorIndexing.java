package org.gradviz.app.script.runtime;

import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Broadcast;
import org.gradviz.engine.ops.Indexing;

/**
 * {@code t[i]}, {@code t[1:3]}, {@code t[:, 0]}, {@code t[None]} and {@code t[...] = v} as PyTorch's basic indexing:
 * each integer selects, each slice slices, each None inserts a dimension, left to right.
 */
final class TensorIndexing {

    private TensorIndexing() {
    }

    static Tensor get(Tensor t, Object index) {
        index = integersOfScalarTensors(index);
        if (index instanceof Tensor tensorIndex) {
            return org.gradviz.engine.ops.AdvancedIndexing.index(t, tensorIndex);
        }
        if (index instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(
                v -> Values.isInteger(v) && !(v instanceof Boolean))) {
            return org.gradviz.engine.ops.AdvancedIndexing.index(t, TensorFactory.fromData(list, DType.INT64));
        }
        List<?> items = withoutEllipsis(t, index instanceof PyTuple tuple ? tuple.items() : List.of(index));
        if (items.stream().anyMatch(TensorIndexing::isAdvanced)) {
            return advanced(t, items);
        }
        int consumed = 0;
        for (Object item : items) {
            if (item instanceof PySlice || Values.isInteger(item) && !(item instanceof Boolean)) {
                consumed++;
            } else if (item != PyNone.NONE) {
                throw new Unsupported("indexing a tensor with a " + Values.typeName(item)
                        + " (gradviz indexes with integers, slices and None)");
            }
        }
        if (consumed > 0 && t.dim() == 0) {
            return Indexing.select(t, 0L);
        }
        if (consumed > t.dim()) {
            throw PyError.index("too many indices for tensor of dimension " + t.dim());
        }
        Tensor result = t;
        int dim = 0;
        for (Object item : items) {
            if (item == PyNone.NONE) {
                result = result.unsqueeze(dim++);
            } else if (item instanceof PySlice s) {
                result = sliced(result, dim++, s);
            } else {
                result = Indexing.select(result, dim, Ints.int64(item));
            }
        }
        return result;
    }

    /** An item of a tuple index that indexes by tensor: a tensor, a range, or a list of integers. */
    private static boolean isAdvanced(Object item) {
        return item instanceof Tensor || item instanceof PyRange || item instanceof List<?>;
    }

    /**
     * {@code t[a, b, ...]} with tensors among the items, as torch: the integers, slices and None apply first (each
     * integer a select, so {@code x[0, idx]} is {@code x[0][idx]}), then the tensors, broadcast together, pick along
     * the dimensions they stand at, which must be next to each other ({@code probs[torch.arange(n), y]},
     * {@code x[:, idx]}).
     */
    private static Tensor advanced(Tensor t, List<?> items) {
        Tensor result = t;
        int dim = 0;
        int consumed = 0;
        List<Integer> dims = new java.util.ArrayList<>();
        List<Tensor> indices = new java.util.ArrayList<>();
        for (Object item : items) {
            if (item != PyNone.NONE && ++consumed > t.dim()) {
                throw PyError.index("too many indices for tensor of dimension " + t.dim());
            }
            if (isAdvanced(item)) {
                dims.add(dim++);
                indices.add(indexTensor(item));
            } else if (item == PyNone.NONE) {
                result = result.unsqueeze(dim++);
            } else if (item instanceof PySlice s) {
                result = sliced(result, dim++, s);
            } else if (Values.isInteger(item) && !(item instanceof Boolean)) {
                result = Indexing.select(result, dim, Ints.int64(item));
            } else {
                throw new Unsupported("indexing a tensor with a " + Values.typeName(item)
                        + " (gradviz indexes with integers, slices, None and tensors)");
            }
        }
        if (dims.get(dims.size() - 1) - dims.get(0) != dims.size() - 1) {
            throw new Unsupported("indexing a tensor with tensors at dimensions that are not next to each other");
        }
        return org.gradviz.engine.ops.AdvancedIndexing.index(result, dims.get(0), indices);
    }

    /** An index item as the int64 tensor torch makes of it; a bool mask in a tuple is refused. */
    private static Tensor indexTensor(Object item) {
        Tensor index = item instanceof Tensor tensor ? tensor : TensorFactory.fromData(
                item instanceof PyRange ? Iteration.items(item) : item, DType.INT64);
        if (index.dtype() == DType.BOOL || index.dtype() == DType.UINT8) {
            throw new Unsupported("a bool mask among other indices ('t[mask, ...]')");
        }
        return index;
    }

    /** The index with its first {@code ...} replaced by as many full slices as the dimensions it stands for. */
    private static List<?> withoutEllipsis(Tensor t, List<?> items) {
        int at = -1;
        int consumed = 0;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == PyEllipsis.ELLIPSIS) {
                at = at < 0 ? i : at;
            } else if (item != PyNone.NONE) {
                consumed++;
            }
        }
        if (at < 0) {
            return items;
        }
        List<Object> out = new java.util.ArrayList<>(items.subList(0, at));
        for (int k = consumed; k < t.dim(); k++) {
            out.add(new PySlice(PyNone.NONE, PyNone.NONE, PyNone.NONE));
        }
        // NOTE: PyTorch lets a second '...' stand for no dimension at all
        for (Object item : items.subList(at + 1, items.size())) {
            if (item != PyEllipsis.ELLIPSIS) {
                out.add(item);
            }
        }
        return out;
    }

    /** {@code t[..., a:b:c]} at {@code dim}: a full slice is t itself. */
    private static Tensor sliced(Tensor t, int dim, PySlice s) {
        long step = s.step() == PyNone.NONE ? 1 : bound(s.step());
        if (step == 0) {
            throw PyError.value("slice step cannot be zero");
        }
        if (step < 0) {
            throw PyError.value("step must be greater than zero");
        }
        if (s.isFull()) {
            return t;
        }
        long start = s.lower() == PyNone.NONE ? 0 : bound(s.lower());
        long end = s.upper() == PyNone.NONE ? Long.MAX_VALUE : bound(s.upper());
        return Indexing.slice(t, dim, start, end, step);
    }

    private static long bound(Object v) {
        if (!Values.isInteger(v)) {
            throw PyError.type("slice indices must be integers or None or have an __index__ method");
        }
        return Ints.clamped(v);
    }

    /**
     * A 0-dim integer tensor (not uint8, a mask) indexes as its integer does, alone or in a tuple (a select, as torch).
     */
    private static Object integersOfScalarTensors(Object index) {
        if (index instanceof PyTuple tuple) {
            List<Object> items = new java.util.ArrayList<>(tuple.items().size());
            boolean changed = false;
            for (Object item : tuple.items()) {
                Object i = integersOfScalarTensors(item);
                changed |= i != item;
                items.add(i);
            }
            return changed ? new PyTuple(items) : index;
        }
        if (index instanceof Tensor t && t.dim() == 0 && t.dtype().category() == 1 && t.dtype() != DType.UINT8) {
            return Ints.of(java.math.BigInteger.valueOf((long) t.item()));
        }
        return index;
    }

    /** {@code t[index] = value}, for a number or a tensor that broadcasts to the indexed part. */
    static void set(Tensor t, Object index, Object value) {
        index = integersOfScalarTensors(index);
        if (GradMode.isEnabled() && t.isLeaf() && t.requiresGrad()) {
            throw new PyError("RuntimeError", "a view of a leaf Variable that requires grad is being used in an "
                    + "in-place operation.");
        }
        if (GradMode.isEnabled() && (t.requiresGrad() && !t.isLeaf() || value instanceof Tensor v && v.requiresGrad())) {
            if (index instanceof Tensor || index instanceof List<?>
                    || index instanceof PyTuple tuple && tuple.items().stream().anyMatch(TensorIndexing::isAdvanced)) {
                throw new Unsupported("assigning into a tensor that records a gradient with a tensor index "
                        + "('t[mask] = ...' outside torch.no_grad())");
            }
            copyIntoView(t, index, value);
            return;
        }
        if (index instanceof Tensor mask) {
            maskedFill(t, mask, value);
            return;
        }
        double[] ids = new double[t.numel()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        Tensor positions;
        try (var g = GradMode.disabled()) {
            positions = get(Torch.tensor(t.shape(), DType.FLOAT64, ids), index);
        }
        Shape target = positions.shape();
        Tensor source;
        if (value instanceof Tensor v) {
            source = v;
        } else if (Values.isNumber(value)) {
            source = Torch.scalar(Values.toDouble(value, "value"), DType.FLOAT64);
        } else {
            throw PyError.type("can't assign a " + Values.typeName(value) + " to a " + typeText(t.dtype()));
        }
        checkExpands(source.dtype(), source.shape(), target);
        double[] at = positions.data();
        int[] flat = new int[at.length];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (int) at[i];
        }
        t.writeAt(flat, Broadcast.expand(source, target));
    }

    /**
     * {@code t[index] = value} in a graph, as torch: {@code t[index].copy_(value)}, so t's grad_fn becomes a
     * CopySlices of the copy (or the copy itself when the index is all of t).
     */
    private static void copyIntoView(Tensor t, Object index, Object value) {
        Tensor view = get(t, index);
        Tensor source;
        if (value instanceof Tensor v) {
            source = v;
        } else if (Values.isNumber(value)) {
            source = TensorArithmetic.wrap(value);
        } else {
            throw PyError.type("can't assign a " + Values.typeName(value) + " to a " + typeText(t.dtype()));
        }
        checkExpands(source.dtype(), source.shape(), view.shape());
        view.assignInPlace(org.gradviz.engine.ops.Views.copied(view, source));
    }

    /** {@code t[mask] = number}: writes where a bool mask shaped like {@code t} is true. */
    private static void maskedFill(Tensor t, Tensor mask, Object value) {
        if (mask.dtype() != DType.BOOL || !Values.isNumber(value) && !(value instanceof Tensor v && v.numel() == 1)) {
            throw new Unsupported("'t[index] = value' with a tensor index other than a bool mask set to one value");
        }
        for (int d = 0; d < Math.min(t.dim(), mask.dim()); d++) {
            if (t.shape().dim(d) != mask.shape().dim(d)) {
                throw PyError.index("The shape of the mask " + mask.shape().listText() + " at index " + d
                        + " does not match the shape of the indexed tensor " + t.shape().listText() + " at index "
                        + d);
            }
        }
        if (mask.dim() != t.dim()) {
            throw new Unsupported("'t[mask] = value' with a mask of another rank than t");
        }
        double fill = value instanceof Tensor v ? v.item() : Values.toDouble(value, "value");
        double[] m = mask.data();
        int count = 0;
        for (double x : m) {
            count += x != 0 ? 1 : 0;
        }
        int[] positions = new int[count];
        for (int i = 0, j = 0; i < m.length; i++) {
            if (m[i] != 0) {
                positions[j++] = i;
            }
        }
        double[] values = new double[count];
        java.util.Arrays.fill(values, fill);
        t.writeAt(positions, values);
    }

    /** torch's {@code expand} checks, from the last dimension back, with its messages. */
    private static void checkExpands(DType source, Shape from, Shape to) {
        if (from.rank() > to.rank()) {
            throw new PyError("RuntimeError", "expand(" + typeText(source) + "{" + from.listText() + "}, size="
                    + to.listText() + "): the number of sizes provided (" + to.rank() + ") must be greater or equal "
                    + "to the number of dimensions in the tensor (" + from.rank() + ")");
        }
        for (int i = 1; i <= from.rank(); i++) {
            int f = from.dim(from.rank() - i);
            int d = to.rank() - i;
            if (f != 1 && f != to.dim(d)) {
                throw new PyError("RuntimeError", "The expanded size of the tensor (" + to.dim(d) + ") must match "
                        + "the existing size (" + f + ") at non-singleton dimension " + d + ".  Target sizes: "
                        + to.listText() + ".  Tensor sizes: " + from.listText());
            }
        }
    }

    private static String typeText(DType dtype) {
        return dtype.legacyTypeName();
    }
}
