package org.gradviz.app.editor.panels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.TensorSource;

/** The initialisers by the names the inspector lists, as the document saves them. */
final class InitNames {
    private InitNames() {
    }

    static String of(Initializer init) {
        if (init instanceof Initializer.Values) {
            return "values";
        }
        if (init instanceof Initializer.Full) {
            return "full";
        }
        return init == null ? "ones" : init.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    static Initializer create(String name, TensorSource t) {
        return switch (name) {
            case "zeros" -> new Initializer.Zeros();
            case "eye" -> new Initializer.Eye();
            case "randn" -> new Initializer.Randn();
            case "full" -> new Initializer.Full(1.0);
            case "values" -> resized(new Initializer.Values(List.of()), t.shape());
            default -> new Initializer.Ones();
        };
    }

    /** Values cut or padded with zeros to fill {@code shape}. */
    static Initializer.Values resized(Initializer.Values v, List<Integer> shape) {
        int numel = shape.stream().reduce(1, (a, b) -> a * b);
        List<Double> data = new ArrayList<>(v.data().subList(0, Math.min(numel, v.data().size())));
        data.addAll(Collections.nCopies(numel - data.size(), 0.0));
        return new Initializer.Values(data);
    }
}
