package org.gradviz.engine.ops;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.SpareFloats;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * NumPy broadcasting as PyTorch does it, the element-wise loops over broadcast operands, and the
 * reverse: summing a gradient back to the shape of the input it belongs to.
 */
public final class Broadcast {
    /** An element-wise function of two values. */
    @FunctionalInterface
    public interface BinaryFn {
        double apply(double a, double b);
    }

    /** An element-wise function of three values (e.g. a gradient, an input and a saved result). */
    @FunctionalInterface
    public interface TernaryFn {
        double apply(double a, double b, double c);
    }

    private Broadcast() {
    }

    /**
     * The shape two operands broadcast to, or PyTorch's error naming the clashing dimension it meets first: torch's
     * {@code infer_size} walks the dimensions from the last one.
     */
    public static Shape shapes(Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = rank - 1; i >= 0; i--) {
            int da = dimFromEnd(a, rank - 1 - i);
            int db = dimFromEnd(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw TorchException.runtime("The size of tensor a (" + da + ") must match the size of tensor b ("
                        + db + ") at non-singleton dimension " + i);
            }
            out[i] = da == 1 ? db : da;
        }
        return Shape.of(out);
    }

    /**
     * {@code self}'s shape when {@code other} can be written into it in place ({@code self.copy_(other)}): torch's
     * error when the two do not broadcast, or when they broadcast to a shape larger than self's.
     */
    public static Shape inPlace(Shape self, Shape other) {
        Shape broadcast = shapes(self, other);
        if (!broadcast.equals(self)) {
            throw TorchException.runtime("output with shape " + self.listText() + " doesn't match the broadcast shape "
                    + broadcast.listText());
        }
        return self;
    }

    private static int dimFromEnd(Shape s, int fromEnd) {
        int i = s.rank() - 1 - fromEnd;
        return i >= 0 ? s.dim(i) : 1;
    }

    /**
     * The dtype of an element-wise op's result, as TensorIterator's common dtype: the inputs' one type when they all
     * have it (torch.add(2.5, 2.5) stays float64), else {@link #torchResultType}.
     */
    public static DType resultType(Tensor... operands) {
        DType same = sameType(operands);
        return same != null ? same : torchResultType(operands);
    }

    /**
     * torch.result_type: each priority class (dimensioned tensors, 0-dim tensors, wrapped Python numbers) promotes
     * within itself, a Python float counting as the default float type; then a lower class decides only where it is of
     * a higher category (bool, integral, floating point) than the class above.
     */
    public static DType torchResultType(Tensor... operands) {
        DType dimensioned = null;
        DType zeroDim = null;
        DType wrapped = null;
        for (Tensor t : operands) {
            if (t == null) {
                continue;
            }
            if (t.isWrappedNumber()) {
                wrapped = promote(wrapped, t.dtype().isFloatingPoint() ? DType.defaultFloat() : t.dtype());
            } else if (t.dim() == 0) {
                zeroDim = promote(zeroDim, t.dtype());
            } else {
                dimensioned = promote(dimensioned, t.dtype());
            }
        }
        return combineCategories(dimensioned, combineCategories(zeroDim, wrapped));
    }

    /** The one dtype all (non-null) operands have, or null when they differ. */
    private static DType sameType(Tensor[] operands) {
        DType same = null;
        for (Tensor t : operands) {
            if (t != null) {
                if (same != null && t.dtype() != same) {
                    return null;
                }
                same = t.dtype();
            }
        }
        return same;
    }

    private static DType promote(DType a, DType b) {
        return a == null ? b : DType.promote(a, b);
    }

    /**
     * torch's combine_categories: the higher class's type, unless the lower one is of a higher category; then both are
     * promoted (a bool tensor with an int number is int64, an int32 tensor with a float number float32).
     */
    private static DType combineCategories(DType higher, DType lower) {
        if (higher == null) {
            return lower;
        }
        if (lower == null || higher.isFloatingPoint()) {
            return higher;
        }
        return higher == DType.BOOL || lower.isFloatingPoint() ? DType.promote(higher, lower) : higher;
    }

    /**
     * The check of a TensorIterator built without type promotion ({@code check_all_same_dtype}): every operand has
     * the first one's dtype, else torch's error naming the first that differs ("Found dtype Long but expected
     * Float"). The backward kernels of mse_loss and huber_loss iterate over (input, target, grad_output) so.
     */
    public static void checkSameDtype(Tensor... operands) {
        DType expected = operands[0].dtype();
        for (Tensor t : operands) {
            if (t.dtype() != expected) {
                throw TorchException.runtime("Found dtype " + t.dtype().scalarTypeName() + " but expected "
                        + expected.scalarTypeName());
            }
        }
    }

    /**
     * {@code f(a, b)} element-wise over the broadcast shape {@code out}, as a tensor of {@code dtype}. A float32 result
     * of float32 operands (or wrapped Python numbers) is computed on the float storage without widening it.
     */
    public static Tensor apply(Tensor a, Tensor b, Shape out, DType dtype, BinaryFn f) {
        if (dtype == DType.FLOAT32 && readsAsFloat(a) && readsAsFloat(b)) {
            return Tensor.fromFloats(out, mapFloat(a, b, out, f));
        }
        // NOTE: an int32 product can pass 2^53; multiplied as longs, its low 32 bits (all int32 keeps) are exact
        BinaryFn g = dtype == DType.INT32 && f == BasicOp.MUL ? (x, y) -> (int) ((long) x * (long) y) : f;
        return Tensor.fromData(out, dtype, map(a, b, out, dtype, g));
    }

    /**
     * Whether an operand of a float32 result is read as float32 values: a float32 tensor, or a number or 0-dim tensor
     * (of any dtype), which torch's iterator reads as a CPU scalar converted to float32 before the arithmetic.
     */
    private static boolean readsAsFloat(Tensor t) {
        return t.dtype() == DType.FLOAT32 || t.isWrappedNumber() || t.dim() == 0;
    }

    /** {@link #map} for float32 operands (a wrapped number rounded to float32) into float32 storage. */
    private static float[] mapFloat(Tensor a, Tensor b, Shape out, BinaryFn f) {
        float[] r = SpareFloats.forOverwrite(out.numel());
        if (b.numel() == 1 && a.numel() == r.length) {
            FloatLoops.valueRight(f, a.floats(), (float) b.item(), r);
            return r;
        }
        if (a.numel() == 1 && b.numel() == r.length) {
            FloatLoops.valueLeft(f, (float) a.item(), b.floats(), r);
            return r;
        }
        float[] x = a.floats();
        float[] y = b.floats();
        if (x.length == r.length && y.length == r.length) {
            FloatLoops.arrays(f, x, y, r);
        } else if (x.length == r.length && isTrailing(b.shape(), out)) {
            // b's rows repeated into r, then f over the same index of x and r
            FloatLoops.tile(y, r);
            FloatLoops.arrays(f, x, r, r);
        } else if (y.length == r.length && isTrailing(a.shape(), out)) {
            FloatLoops.tile(x, r);
            FloatLoops.arrays(f, r, y, r);
        } else {
            int[] ia = offsets(a.shape(), out);
            int[] ib = offsets(b.shape(), out);
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) f.apply(x[ia[i]], y[ib[i]]);
            }
        }
        return r;
    }

    /**
     * {@code f(a, b)} element-wise over the broadcast shape. Wrapped Python numbers are first rounded to
     * {@code dtype}, as PyTorch casts a scalar operand to the op's computation type.
     */
    public static double[] map(Tensor a, Tensor b, Shape out, DType dtype, BinaryFn f) {
        double[] x = a.data();
        double[] y = b.data();
        double[] r = new double[out.numel()];
        if (b.numel() == 1) {
            double yv = operandValue(b, dtype);
            if (x.length == r.length) {
                for (int i = 0; i < r.length; i++) {
                    r[i] = f.apply(x[i], yv);
                }
                return r;
            }
        } else if (a.numel() == 1 && y.length == r.length) {
            double xv = operandValue(a, dtype);
            for (int i = 0; i < r.length; i++) {
                r[i] = f.apply(xv, y[i]);
            }
            return r;
        }
        if (x.length == r.length && y.length == r.length) {
            for (int i = 0; i < r.length; i++) {
                r[i] = f.apply(x[i], y[i]);
            }
            return r;
        }
        if (x.length == r.length && isTrailing(b.shape(), out)) {
            for (int i = 0, k = 0; i < r.length; i++, k = k + 1 == y.length ? 0 : k + 1) {
                r[i] = f.apply(x[i], y[k]);
            }
            return r;
        }
        if (y.length == r.length && isTrailing(a.shape(), out)) {
            for (int i = 0, k = 0; i < r.length; i++, k = k + 1 == x.length ? 0 : k + 1) {
                r[i] = f.apply(x[k], y[i]);
            }
            return r;
        }
        int[] ia = offsets(a.shape(), out);
        int[] ib = offsets(b.shape(), out);
        for (int i = 0; i < r.length; i++) {
            r[i] = f.apply(x[ia[i]], y[ib[i]]);
        }
        return r;
    }

    /** {@code f(a, b, c)} element-wise where all three already have the output's shape or broadcast to it. */
    public static double[] map(Tensor a, Tensor b, Tensor c, Shape out, TernaryFn f) {
        double[] x = a.data();
        double[] y = b.data();
        double[] z = c.data();
        double[] r = new double[out.numel()];
        if (x.length == r.length && y.length == r.length && z.length == r.length) {
            for (int i = 0; i < r.length; i++) {
                r[i] = f.apply(x[i], y[i], z[i]);
            }
            return r;
        }
        int[] ia = offsets(a.shape(), out);
        int[] ib = offsets(b.shape(), out);
        int[] ic = offsets(c.shape(), out);
        for (int i = 0; i < r.length; i++) {
            r[i] = f.apply(x[ia[i]], y[ib[i]], z[ic[i]]);
        }
        return r;
    }

    private static double operandValue(Tensor t, DType dtype) {
        double v = t.data()[0];
        return t.isWrappedNumber() && dtype.isFloatingPoint() ? dtype.round(v) : v;
    }

    /** For each element of {@code out}, the index of the element of a tensor of shape {@code in} it reads. */
    static int[] offsets(Shape in, Shape out) {
        int n = out.numel();
        int[] result = new int[n];
        if (n == 0) {
            return result;
        }
        int rank = out.rank();
        int[] inStrides = new int[rank];
        int[] strides = in.strides();
        int shift = rank - in.rank();
        for (int i = 0; i < in.rank(); i++) {
            inStrides[i + shift] = in.dim(i) == 1 ? 0 : strides[i];
        }
        int[] counter = new int[rank];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            result[i] = offset;
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                offset += inStrides[d];
                if (counter[d] < out.dim(d)) {
                    break;
                }
                offset -= inStrides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return result;
    }

    /**
     * How many elements the innermost loop of torch's TensorIterator covers for an elementwise op of contiguous
     * operands of shapes {@code ins} broadcast to a contiguous {@code out}: the last dimension, grown by each outer one
     * that every operand steps through contiguously ({@code coalesce_dimensions}); size-1 dimensions always merge.
     * A vectorised kernel splits each such run into whole vector blocks and a scalar tail, so this decides which
     * elements take which path: for {@code x.unsqueeze(-1) ** p} the run is p's length, not the whole output.
     */
    static int innerRun(Shape out, Shape... ins) {
        int rank = out.rank();
        if (rank == 0) {
            return 1;
        }
        int[][] strides = new int[ins.length + 1][];
        strides[0] = out.strides();
        for (int k = 0; k < ins.length; k++) {
            strides[k + 1] = new int[rank];
            int[] own = ins[k].strides();
            int shift = rank - ins[k].rank();
            for (int i = 0; i < ins[k].rank(); i++) {
                strides[k + 1][i + shift] = ins[k].dim(i) == 1 ? 0 : own[i];
            }
        }
        int run = out.dim(rank - 1);
        int inner = rank - 1;
        for (int d = rank - 2; d >= 0; d--) {
            if (out.dim(d) == 1) {
                continue;
            }
            if (run == 1) {
                run = out.dim(d);
                inner = d;
                continue;
            }
            for (int[] st : strides) {
                if (st[inner] * run != st[d]) {
                    return run;
                }
            }
            run *= out.dim(d);
        }
        return run;
    }

    /**
     * Sums {@code grad} over the dimensions that broadcasting expanded, so it has {@code shape} again
     * ("sum in reverse" of expand), and rounds it to {@code dtype}. As torch's {@code sum_to}: the leading
     * dimensions and those where {@code shape} has 1 are summed at once ({@code sum(dims, keepdim=True)}),
     * in torch's order ({@link TorchSum}).
     */
    public static Tensor sumTo(Tensor grad, Shape shape, DType dtype) {
        if (grad.shape().equals(shape)) {
            return grad.dtype() == dtype ? grad : Tensor.fromData(shape, dtype, grad.data().clone());
        }
        Shape from = grad.shape();
        int leading = from.rank() - shape.rank();
        boolean[] reduced = new boolean[from.rank()];
        for (int i = 0; i < from.rank(); i++) {
            reduced[i] = i < leading || (shape.dim(i - leading) == 1 && from.dim(i) != 1);
        }
        double[] out;
        if (grad.dtype().isFloatingPoint()) {
            out = TorchSum.over(grad, reduced);
        } else {
            out = new double[shape.numel()];
            double[] g = grad.data();
            int[] target = offsets(shape, from);
            for (int i = 0; i < g.length; i++) {
                out[target[i]] += g[i];
            }
        }
        return Tensor.fromData(shape, dtype, out);
    }

    /**
     * True when {@code in} equals the last dimensions of {@code out} (leading 1s aside), so that element
     * i of {@code out} reads element i mod numel of {@code in}: a bias added to every row.
     */
    static boolean isTrailing(Shape in, Shape out) {
        int n = in.numel();
        if (n == 0 || out.numel() % n != 0) {
            return false;
        }
        int shift = out.rank() - in.rank();
        if (shift < 0) {
            return false;
        }
        boolean leading = true;
        for (int i = 0; i < in.rank(); i++) {
            if (leading && in.dim(i) == 1) {
                continue;
            }
            leading = false;
            if (in.dim(i) != out.dim(i + shift)) {
                return false;
            }
        }
        return true;
    }

    /** {@code grad} read at every element of {@code shape} (an expand), e.g. a sum's gradient. */
    public static double[] expand(Tensor grad, Shape shape) {
        double[] g = grad.data();
        double[] out = new double[shape.numel()];
        if (g.length == 1) {
            java.util.Arrays.fill(out, g[0]);
            return out;
        }
        int[] source = offsets(grad.shape(), shape);
        for (int i = 0; i < out.length; i++) {
            out[i] = g[source[i]];
        }
        return out;
    }
}
