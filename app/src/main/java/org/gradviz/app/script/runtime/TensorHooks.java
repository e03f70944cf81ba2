package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.GradientHook;
import org.gradviz.engine.Tensor;

/** {@code t.register_hook(fn)}: the program's function as an engine gradient hook, and the handle it returns. */
final class TensorHooks {

    private TensorHooks() {
    }

    static Object register(Tensor t, Args a) {
        Object fn = a.accept(1, "hook").get(0, "hook");
        if (!(fn instanceof PyCallable callable)) {
            throw PyError.type("'" + Values.typeName(fn) + "' object is not callable");
        }
        GradientHook.Handle handle = t.registerHook(grad -> {
            Object result = callable.call(new Args("hook", List.of(grad), Map.of()));
            if (result == PyNone.NONE) {
                return null;
            }
            if (!(result instanceof Tensor replacement)) {
                throw PyError.type("expected Tensor or None (got " + Values.typeName(result) + ")");
            }
            return replacement;
        });
        return new RemovableHandle(handle);
    }

    /** {@code torch.utils.hooks.RemovableHandle}. */
    record RemovableHandle(GradientHook.Handle handle) implements HasAttributes {

        @Override
        public Object attribute(String name) {
            return name.equals("remove") ? new Builtin(name, a -> {
                a.accept(0);
                handle.remove();
                return PyNone.NONE;
            }) : null;
        }

        @Override
        public String typeName() {
            return "RemovableHandle";
        }

        @Override
        public String toString() {
            return "<torch.utils.hooks.RemovableHandle object at " + Addresses.of(this) + ">";
        }
    }
}
