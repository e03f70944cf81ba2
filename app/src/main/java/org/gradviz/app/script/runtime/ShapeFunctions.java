package org.gradviz.app.script.runtime;

import java.util.Map;
import org.gradviz.engine.ops.Flatten;
import org.gradviz.engine.ops.LinearAlgebra;

/**
 * {@code torch.unsqueeze}, {@code torch.flatten} and {@code torch.log_softmax}, also as tensor methods
 * ({@code x.unsqueeze(-1)}), which the torch.nn tutorials use.
 */
final class ShapeFunctions {
    private ShapeFunctions() {
    }

    static void addTo(Map<String, PyCallable> functions) {
        functions.putIfAbsent("unsqueeze", a -> {
            a.accept(2, "input", "dim");
            return LinearAlgebra.unsqueeze(a.tensor(0, "input"), dim(a.get(1, "dim"), "unsqueeze"));
        });
        functions.putIfAbsent("flatten", a -> {
            a.accept(3, "input", "start_dim", "end_dim");
            return Flatten.flatten(a.tensor(0, "input"), dim(a.get(1, "start_dim", 0L), "flatten"),
                    dim(a.get(2, "end_dim", -1L), "flatten"));
        });
        functions.putIfAbsent("log_softmax", a -> {
            a.accept(3, "input", "dim", "dtype");
            if (a.dtype(-1, "dtype") != null) {
                throw new Unsupported("'log_softmax(dtype=...)'");
            }
            return NnFunctional.logSoftmax(a.tensor(0, "input"), Ints.int64(a.get(1, "dim")));
        });
    }

    private static int dim(Object v, String function) {
        long d = Values.toIndex(v, function + "(): argument 'dim'");
        return (int) Math.max(Math.min(d, Integer.MAX_VALUE), Integer.MIN_VALUE);
    }
}
