package org.gradviz.app.bridge;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradviz.engine.Tensor;

/**
 * Names the tensors of an imported graph. A tensor the cell assigned keeps its variable's name (the first one it
 * was assigned to; a name used again, as in a loop, becomes {@code h_2}, {@code h_3}, in the order made). An
 * unnamed product of two named tensors is named after them as the textbook writes it ({@code x @ w} gives
 * {@code xw}); any other unnamed tensor after what made it, numbered ({@code add1}, {@code ones1}).
 */
final class TensorNames {

    private TensorNames() {
    }

    static Map<Tensor, String> assign(List<TracedTensor> madeInOrder, CallTrace trace) {
        Map<Tensor, String> names = new IdentityHashMap<>();
        Set<String> taken = new HashSet<>();
        for (TracedTensor traced : madeInOrder) {
            String variable = trace.name(traced.tensor());
            if (variable != null) {
                names.put(traced.tensor(), variant(variable, taken));
            }
        }
        for (TracedTensor traced : madeInOrder) {
            if (!names.containsKey(traced.tensor())) {
                String product = productName(traced, names);
                names.put(traced.tensor(), product != null ? variant(product, taken)
                        : numbered(baseName(traced), taken));
            }
        }
        return names;
    }

    /** {@code xw} for a product ({@code x @ w}, {@code x * w}) of two named tensors, else null. */
    private static String productName(TracedTensor traced, Map<Tensor, String> names) {
        if (traced instanceof TracedTensor.Op op && op.node().op().spec().product() && op.inputs().size() == 2) {
            String input = names.get(op.inputs().get("input"));
            String other = names.get(op.inputs().get("other"));
            return input == null || other == null ? null : input + other;
        }
        return null;
    }

    private static String baseName(TracedTensor traced) {
        return traced instanceof TracedTensor.Op op ? op.node().op().id() : traced.function();
    }

    /** {@code base} when free, else {@code base_2}, {@code base_3}, ... */
    private static String variant(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** The first free of {@code base1}, {@code base2}, ... */
    private static String numbered(String base, Set<String> taken) {
        int n = 1;
        while (!taken.add(base + n)) {
            n++;
        }
        return base + n;
    }
}
