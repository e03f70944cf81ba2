package org.gradviz.app.script.runtime;

import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Views;
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
            return Views.flatten(a.tensor(0, "input"), dim(a.get(1, "start_dim", 0L), "flatten"),
                    dim(a.get(2, "end_dim", -1L), "flatten"));
        });
        for (String name : new String[] {"log_softmax", "softmax"}) {
            functions.putIfAbsent(name, a -> {
                a.accept(3, "input", "dim", "dtype");
                if (a.dtype(2, "dtype") != null) {
                    throw new Unsupported("'" + name + "(dtype=...)'");
                }
                Tensor input = a.tensor(0, "input");
                long dim = a.integer(1, "dim");
                return name.equals("softmax") ? NnFunctional.softmax(input, dim) : NnFunctional.logSoftmax(input, dim);
            });
        }
    }

    private static int dim(Object v, String function) {
        long d = Values.toIndex(v, function + "(): argument 'dim'");
        return (int) Math.max(Math.min(d, Integer.MAX_VALUE), Integer.MIN_VALUE);
    }
}
