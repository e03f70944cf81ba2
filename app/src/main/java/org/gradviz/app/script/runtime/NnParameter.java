package org.gradviz.app.script.runtime;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.nn.Parameter}: a leaf tensor marked as a module's parameter. The mark is kept here by identity
 * (tensors compare by identity), so the engine's tensors need no field for it; it prints as torch prints a
 * Parameter ({@code Parameter containing:\ntensor(...)}).
 */
final class NnParameter {
    private static final Set<Tensor> MARKED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private NnParameter() {
    }

    static boolean is(Object v) {
        return v instanceof Tensor t && MARKED.contains(t);
    }

    /** {@code nn.Parameter(data, requires_grad=True)}: a new leaf over the same values. */
    static Builtin constructor() {
        return new Builtin("Parameter", a -> {
            a.accept(2, "data", "requires_grad");
            Tensor data = a.has(0, "data") ? a.tensor(0, "data") : null;
            if (data == null) {
                throw new Unsupported("'nn.Parameter()' without data");
            }
            return mark(data.detach().requiresGrad_(a.bool(1, "requires_grad", true)));
        });
    }

    /** Marks {@code t} as a Parameter and returns it. */
    static Tensor mark(Tensor t) {
        MARKED.add(t);
        return t;
    }

    /** {@code repr(p)} of a Parameter: torch's header, then the tensor. */
    static String repr(Tensor t) {
        return "Parameter containing:\n" + t;
    }
}
