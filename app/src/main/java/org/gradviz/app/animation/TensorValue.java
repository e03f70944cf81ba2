package org.gradviz.app.animation;

import java.util.Arrays;
import java.util.Objects;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.format.TensorFormatter;

/**
 * A tensor's value as it was at one moment, copied out of the engine: what views show and what the
 * timeline keeps. Never a live engine tensor, so later commands cannot change what was recorded.
 *
 * @param dtype torch's short name: {@code float32}, {@code float64}, {@code int64} or {@code bool}
 * @param requiresGrad and {@code gradFn} (null for none): what torch prints after the numbers
 */
public record TensorValue(int[] shape, String dtype, double[] data, boolean requiresGrad, String gradFn) {

    public TensorValue {
        shape = shape.clone();
        data = data.clone();
        Objects.requireNonNull(dtype, "dtype");
    }

    /** A value that does not require grad. */
    public TensorValue(int[] shape, String dtype, double[] data) {
        this(shape, dtype, data, false, null);
    }

    /** A copy of {@code t}'s shape, dtype, elements and autograd flags; null for null. */
    public static TensorValue of(Tensor t) {
        return t == null ? null : new TensorValue(t.size(), t.dtype().shortName(), t.data(), t.requiresGrad(),
                t.gradFn() == null ? null : t.gradFn().name());
    }

    /** What {@code print(t)} printed for the tensor this was copied from: {@code tensor([…], grad_fn=<…>)}. */
    public String repr() {
        DType type = dtypeOf(dtype);
        return TensorFormatter.format(Shape.of(shape), type, data, TensorFormatter.suffixes(type, requiresGrad, gradFn));
    }

    private static DType dtypeOf(String name) {
        for (DType d : DType.values()) {
            if (d.shortName().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dtype " + name);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    public int numel() {
        return data.length;
    }

    /** Element {@code i} in row-major order. */
    public double get(int i) {
        return data[i];
    }

    /** The only element of a one-element tensor. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("a tensor with " + data.length + " elements has no single item");
        }
        return data[0];
    }

    /** The largest absolute element (0 for an empty tensor); NaN when any element is NaN. */
    public double maxAbs() {
        double max = 0;
        for (double v : data) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorValue other && Arrays.equals(shape, other.shape) && dtype.equals(other.dtype)
                && Arrays.equals(data, other.data) && requiresGrad == other.requiresGrad
                && Objects.equals(gradFn, other.gradFn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shape), dtype, Arrays.hashCode(data), requiresGrad, gradFn);
    }

    @Override
    public String toString() {
        return "TensorValue" + Arrays.toString(shape) + dtype + Arrays.toString(data);
    }
}
