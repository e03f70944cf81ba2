package org.gradviz.app.script.runtime;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
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
            Object given = a.get(0, "data", PyNone.NONE);
            Tensor data = given == PyNone.NONE ? Tensor.fromData(Shape.of(0), DType.defaultFloat(), new double[0])
                    : a.tensor(0, "data");
            boolean requiresGrad = a.bool(1, "requires_grad", true);
            if (requiresGrad && !data.dtype().isFloatingPoint()) {
                throw new PyError("RuntimeError", "Only Tensors of floating point and complex dtype can require "
                        + "gradients");
            }
            return mark(data.detach().requiresGrad_(requiresGrad));
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
