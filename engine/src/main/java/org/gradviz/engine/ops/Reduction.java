package org.gradviz.engine.ops;

import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/** How a loss reduces its element-wise values, with PyTorch's enum numbers (none 0, mean 1, sum 2). */
public enum Reduction {
    NONE("none"),
    MEAN("mean"),
    SUM("sum");

    private final String pythonName;

    Reduction(String pythonName) {
        this.pythonName = pythonName;
    }

    public String pythonName() {
        return pythonName;
    }

    /** {@code reduction='mean'} etc., with PyTorch's error for anything else. */
    public static Reduction fromName(String name) {
        for (Reduction r : values()) {
            if (r.pythonName.equals(name)) {
                return r;
            }
        }
        throw TorchException.value(name + " is not a valid value for reduction");
    }

    /** The loss values reduced: one number for mean and sum, untouched for none. */
    Tensor reduce(Tensor values) {
        if (this == NONE) {
            return values;
        }
        // PyTorch's apply_loss_reduction: loss.sum() or loss.mean(), the mean being the sum (in the dtype,
        // in torch's order) divided by n
        double s = TorchSum.all(values);
        return Tensor.fromData(Shape.SCALAR, values.dtype(), new double[] {this == MEAN ? s / values.numel() : s});
    }

    /**
     * Float32 loss values reduced for mean or sum, as {@link #reduce} does; the values may be a scratch array, which
     * is not kept.
     */
    Tensor reduceFloats(float[] values) {
        float s = TorchSum.allFloats(values);
        return Tensor.fromFloats(Shape.SCALAR, new float[] {this == MEAN ? (float) ((double) s / values.length) : s});
    }

    Shape outputShape(Shape input) {
        return this == NONE ? input : Shape.SCALAR;
    }
}
