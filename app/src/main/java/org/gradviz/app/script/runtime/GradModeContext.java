package org.gradviz.app.script.runtime;

import org.gradviz.engine.GradMode;

/**
 * The context managers {@code torch.no_grad()} and {@code torch.enable_grad()}; called with a function (as the
 * decorator {@code @torch.no_grad()}) they give the function run in that mode.
 */
public record GradModeContext(boolean enabled) implements HasAttributes, PyCallable {

    @Override
    public Object call(Args args) {
        Object f = args.accept(1).get(0, "func");
        if (!(f instanceof PyCallable function)) {
            throw PyError.type("'" + Values.typeName(f) + "' object is not callable");
        }
        return new Builtin(f instanceof PyFunction fn ? fn.name() : "decorate_context", a -> {
            try (var g = enter()) {
                return function.call(a);
            }
        });
    }

    /** Enters the context; closing the guard restores the previous mode. */
    public GradMode.Guard enter() {
        return enabled ? GradMode.enabled() : GradMode.disabled();
    }

    @Override
    public Object attribute(String name) {
        return null;
    }

    @Override
    public String typeName() {
        return enabled ? "enable_grad" : "no_grad";
    }

    @Override
    public String toString() {
        return "<torch.autograd.grad_mode." + typeName() + " object at 0x7f"
                + String.format("%010x", System.identityHashCode(this)) + ">";
    }
}
