package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;

/**
 * {@code t.new_zeros(size)}, {@code new_ones}, {@code new_empty}, {@code new_full(size, fill_value)} and
 * {@code new_tensor(data)}: new tensors of t's dtype (unless {@code dtype=} says), sharing nothing with t.
 */
final class TensorNewMethods {

    private TensorNewMethods() {
    }

    /** The method {@code name} of {@code t}, or null when it is not one of these. */
    static PyCallable method(Tensor t, String name) {
        return switch (name) {
            // NOTE: torch leaves new_empty()'s memory as it finds it; zeros are one of the values it may hold
            case "new_zeros", "new_empty" -> a -> filled(t, a, 0.0);
            case "new_ones" -> a -> filled(t, a, 1.0);
            case "new_full" -> a -> {
                a.accept(2, "size", "fill_value", "dtype", "device", "requires_grad");
                DType dtype = dtype(t, a);
                Shape shape = TensorFactory.shape(new Args(name, List.of(a.get(0, "size")), Map.of()), dtype);
                return TensorFactory.finish(Torch.full(shape, Values.toDouble(a.get(1, "fill_value"),
                        "new_full(): argument 'fill_value'"), dtype), a, -1);
            };
            case "new_tensor" -> a -> {
                a.accept(1, "data", "dtype", "device", "requires_grad");
                Object data = a.get(0, "data");
                if (data instanceof Tensor) {
                    throw new Unsupported("'Tensor.new_tensor(tensor)'");
                }
                return TensorFactory.finish(TensorFactory.fromData(data, dtype(t, a)), a, -1);
            };
            default -> null;
        };
    }

    private static Tensor filled(Tensor t, Args a, double value) {
        a.accept(Integer.MAX_VALUE, "size", "dtype", "device", "requires_grad");
        DType dtype = dtype(t, a);
        return TensorFactory.finish(Torch.full(TensorFactory.shape(a, dtype), value, dtype), a, -1);
    }

    private static DType dtype(Tensor t, Args a) {
        DType given = a.dtype(-1, "dtype");
        return given == null ? t.dtype() : given;
    }
}
