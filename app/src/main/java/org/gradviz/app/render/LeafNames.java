package org.gradviz.app.render;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;

/**
 * What the autograd view calls each leaf tensor: the variable that holds it, as the document or program names
 * it ({@code w}), or for a tensor kept in a list its place there ({@code weights[3]}). Plain variables come
 * first, then list elements, each in the variables' order; the first name found for a tensor wins, as torchviz
 * keeps the first of {@code params}.
 */
public final class LeafNames {
    private final Map<Tensor, String> names = new IdentityHashMap<>();

    private LeafNames() {
    }

    /** Names from variables in order (name to value); values that are neither tensors nor lists are ignored. */
    public static LeafNames of(Map<String, ?> variables) {
        LeafNames leafNames = new LeafNames();
        variables.forEach((name, value) -> {
            if (value instanceof Tensor t) {
                leafNames.names.putIfAbsent(t, name);
            }
        });
        variables.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Tensor t) {
                        leafNames.names.putIfAbsent(t, name + "[" + i + "]");
                    }
                }
            }
        });
        return leafNames;
    }

    /** The name of {@code t}, or "" when no variable holds it (torchviz's empty name). */
    public String nameOf(Tensor t) {
        return names.getOrDefault(t, "");
    }
}
