package org.gradviz.engine.ops;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.isclose} and {@code torch.allclose}: {@code |input - other| <= atol + rtol * |other|} element-wise
 * (broadcast), or equal, or both NaN when {@code equal_nan}. The errors are computed as ATen's {@code isclose}
 * computes them, op by op in their dtypes: {@code rtol * other} in the input's floating dtype (the default float
 * dtype for integral and bool inputs), the difference in the input's own dtype (wrapping for integers).
 */
public final class Closeness {
    private Closeness() {
    }

    /** {@code torch.allclose(input, other, rtol, atol, equal_nan)}: whether every element is close. */
    public static boolean allclose(Tensor input, Tensor other, double rtol, double atol, boolean equalNan) {
        for (double v : isclose(input, other, rtol, atol, equalNan).data()) {
            if (v == 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code torch.isclose(input, other, rtol, atol, equal_nan)}: a bool tensor of the broadcast shape. */
    public static Tensor isclose(Tensor input, Tensor other, double rtol, double atol, boolean equalNan) {
        DType dtype = input.dtype();
        if (dtype != other.dtype()) {
            throw TorchException.runtime(dtype.scalarTypeName() + " did not match " + other.dtype().scalarTypeName());
        }
        if (!(rtol >= 0)) {
            throw TorchException.runtime("rtol must be greater than or equal to zero, but got " + Torch.cppText(rtol));
        }
        if (!(atol >= 0)) {
            throw TorchException.runtime("atol must be greater than or equal to zero, but got " + Torch.cppText(atol));
        }
        Shape shape = Broadcast.shapes(input.shape(), other.shape());
        boolean nanEqual = equalNan && dtype.isFloatingPoint();
        boolean tolerant = rtol != 0 || atol != 0;
        // NOTE: bool inputs are cast to the default float dtype first; integral ones keep their dtype for the
        // difference, while rtol * other (a float number times an integer tensor) is in the default float dtype
        DType errorType = dtype.isFloatingPoint() ? dtype : DType.defaultFloat();
        DType differenceType = dtype == DType.BOOL ? errorType : dtype;
        return Tensor.fromData(shape, DType.BOOL, Broadcast.map(input, other, shape, dtype, (x, y) -> {
            boolean close = x == y || nanEqual && Double.isNaN(x) && Double.isNaN(y);
            if (!close && tolerant) {
                double allowed = errorType.round(errorType.round(Math.abs(errorType.round(
                        errorType.round(rtol) * y))) + errorType.round(atol));
                double actual = Math.abs(differenceType.round(x - y));
                // NOTE: an integral error is compared with the float allowance after converting it to that float type
                close = Double.isFinite(actual) && errorType.round(actual) <= allowed;
            }
            return close ? 1 : 0;
        }));
    }
}
